import { expect, test } from '@playwright/test';
import { PNG } from 'pngjs';
import { MapDriver } from './driver';
import { distance, hex, median, nearest, type Rgb } from './pixels';

const STATUS = { ukrainian: hex('#1f5fbf'), russian: hex('#c0392b'), contested: hex('#d98c00') };

test("Sudzha's timeline draws one row per source with bands in status colours, and a click moves the slider", async ({
  page,
}) => {
  // Given Sudzha open on 20 August 2024
  const map = new MapDriver(page);
  await map.open('?date=2024-08-20&place=sudzha');
  const chart = page.locator('.place-timeline svg');
  await chart.scrollIntoViewIfNeeded();
  await expect(chart).toBeVisible();

  // Then each enabled source that spoke about Sudzha has a row
  const rows = await chart
    .locator('.timeline-row')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-source-id')));
  expect(rows).toContain('ua-president');
  expect(rows).toContain('ru-mod');

  // and the chart as drawn shows each band in its status colour: read the pixels of the rendered chart
  const shot = PNG.sync.read(await chart.screenshot());
  // Positions inside the chart, so scrolling between the screenshot and the reading cannot shift them. Bands
  // narrower than 14 px are left out: the next claim's tick, drawn over their end, would decide their colour.
  const { width, bands } = await chart.evaluate((svg) => {
    const origin = svg.getBoundingClientRect();
    return {
      width: origin.width,
      bands: [...svg.querySelectorAll('.timeline-claim')].flatMap((g) => {
        const band = g.querySelector('rect');
        if (!band) return [];
        const r = band.getBoundingClientRect();
        return r.width >= 14
          ? [
              {
                status: g.getAttribute('data-status') ?? '',
                x: r.left - origin.left + r.width / 2,
                y: r.top - origin.top + r.height / 2,
              },
            ]
          : [];
      }),
    };
  });
  const scale = shot.width / width;
  const colourAt = (x: number, y: number): Rgb => {
    const px: Rgb[] = [];
    for (let dx = -2; dx <= 2; dx++) {
      const i = (Math.round(y * scale) * shot.width + Math.round((x + dx) * scale)) * 4;
      px.push([shot.data[i], shot.data[i + 1], shot.data[i + 2]]);
    }
    return median(px);
  };
  const checked = bands.filter((b) => b.status in STATUS);
  expect(checked.length).toBeGreaterThan(3);
  for (const b of checked) {
    const drawn = colourAt(b.x, b.y);
    // Patterns mix white into Russian and contested bands: the nearest status colour must still be the band's.
    expect(nearest(drawn, STATUS), `band ${b.status} drew rgb(${drawn.join(',')})`).toBe(b.status);
    expect(distance(drawn, STATUS[b.status as keyof typeof STATUS])).toBeLessThan(110);
  }

  // When the user points at the President's claim of 15 August 2024 and clicks its band
  const president = chart.locator('.timeline-row[data-source-id="ua-president"] .timeline-claim').first();
  const band = president.locator('.timeline-band');
  await band.hover();
  await expect(page.locator('.timeline-detail')).toContainText('Citation');
  await band.click();
  // Then the slider moves to that claim's date, and the cursor follows
  await expect(page.locator('output.current-date')).toHaveAttribute('data-date', '2024-08-15');
  await expect(chart.locator('.timeline-cursor')).toHaveAttribute('data-date', '2024-08-15');
  // And the keyboard reaches every claim, even ticks a day apart: the MoD's first claim about Sudzha
  const mod = chart.locator('.timeline-row[data-source-id="ru-mod"] .timeline-claim').first();
  const modDate = /\d{4}-\d{2}-\d{2}/.exec((await mod.getAttribute('aria-label')) ?? '')?.[0];
  expect(modDate).toMatch(/^2025-03/);
  await mod.focus();
  await expect(page.locator('.timeline-detail')).toContainText('RU MoD');
  await page.keyboard.press('Enter');
  await expect(page.locator('output.current-date')).toHaveAttribute('data-date', modDate ?? '');
});

test('who claimed first: Sudzha to Ukrainian control in August 2024, and back in March 2025', async ({ page }) => {
  const map = new MapDriver(page);
  await map.open('?date=2025-03-20&place=sudzha');
  const toUkrainian = page.locator('.first-claims > ol > li[data-status="ukrainian"][data-date="2024-08-14"]');
  await expect(toUkrainian).toContainText('first claimed by');
  await expect(toUkrainian.locator('[data-source-id="ua-president"]')).toHaveAttribute('data-outcome', 'followed');
  await expect(toUkrainian.locator('[data-source-id="ru-mod"]')).toHaveAttribute('data-outcome', 'never');
  const back = page.locator('.first-claims > ol > li[data-status="russian"][data-date="2025-03-12"]');
  await expect(back.locator('[data-source-id="ru-mod"]')).toContainText('+1 day');
  await expect(back.locator('[data-source-id="ua-general-staff"]')).toContainText('+3 days');
});

test('a screen reader hears the date and the open place’s agreement once the slider settles, not on every step', async ({
  page,
}) => {
  const map = new MapDriver(page);
  await map.open('?date=2025-02-04&place=ulanok');
  const announcement = page.getByTestId('date-announcement');
  await expect(announcement).toContainText('4 February 2025.');
  // Record every text the live region is given from now on.
  await page.evaluate(() => {
    const region = document.querySelector('[data-testid="date-announcement"]');
    const heard: string[] = [];
    (window as unknown as { heard: string[] }).heard = heard;
    if (region)
      new MutationObserver(() => heard.push(region.textContent ?? '')).observe(region, {
        childList: true,
        characterData: true,
        subtree: true,
      });
  });
  await page.locator('#date-range').focus();
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
  await expect(announcement).toContainText('7 February 2025.');
  await expect(announcement).toContainText('Ulanok: Disputed: sources disagree');
  // The days stepped through on the way were never announced.
  const heard = await page.evaluate(() => (window as unknown as { heard: string[] }).heard);
  expect(heard.filter((h) => /[56] February/.test(h))).toEqual([]);
});
