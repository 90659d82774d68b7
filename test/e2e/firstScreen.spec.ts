/**
 * The first screen: at 1440×900 the map, the date, the legend and every source's switch show without the
 * page scrolling, in every tab; on a phone the map, the date and the open place share the screen and the
 * tabs are a bottom sheet; the tabs follow the WAI-ARIA pattern and travel in the link; and at the opening
 * views no place's label or marker is drawn under another place's marks.
 */
import { expect, type Locator, type Page, test } from '@playwright/test';
import { buriedPlaces } from './buried';
import { MapDriver, openFullLegend, openTab, type SideTabName } from './driver';

const TABS: SideTabName[] = ['sources', 'places', 'changes', 'data'];
const SEED = 'ulanok-konopelka-february-2025';

async function pageScrolls(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const root = document.scrollingElement ?? document.documentElement;
    return root.scrollHeight > window.innerHeight + 1 || root.scrollWidth > window.innerWidth + 1;
  });
}

/** Entirely inside the window, as laid out now (no scrolling). */
async function expectOnScreen(page: Page, locator: Locator, what: string): Promise<void> {
  const box = await locator.boundingBox();
  const size = page.viewportSize();
  expect(box, `${what} is laid out`).not.toBeNull();
  if (!box || !size) return;
  expect(
    box.x >= 0 && box.y >= 0 && box.x + box.width <= size.width + 0.5 && box.y + box.height <= size.height + 0.5,
    `${what} at ${JSON.stringify(box)} is inside ${size.width}×${size.height}`,
  ).toBe(true);
}

test.describe('at 1440×900', () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  test('the map, the date, the legend and every source switch are on the first screen; no tab scrolls the page', async ({
    page,
  }) => {
    const map = new MapDriver(page);
    await map.open('?date=2025-02-06');
    await expectOnScreen(page, page.locator('.map-canvas canvas').first(), 'the map');
    await expectOnScreen(page, map.currentDate(), 'the date');
    expect(
      await map.currentDate().evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize)),
    ).toBeGreaterThanOrEqual(18);
    await expectOnScreen(page, page.locator('#map-legend-body'), 'the legend');
    const switches = page.locator('#tabpanel-sources input[type="checkbox"]');
    expect(await switches.count()).toBeGreaterThan(5);
    for (const s of await switches.all()) await expectOnScreen(page, s, `switch ${await s.getAttribute('id')}`);
    expect(await pageScrolls(page)).toBe(false);
    for (const tab of TABS) {
      await openTab(page, tab);
      expect(await pageScrolls(page), `the page scrolls with the ${tab} tab open`).toBe(false);
      await expectOnScreen(page, map.currentDate(), `the date with the ${tab} tab open`);
      // A long tab scrolls inside itself.
      const panel = page.locator(`#tabpanel-${tab}`);
      await expectOnScreen(page, panel, `the ${tab} tab`);
    }
    // With a place open too.
    await map.open('?date=2025-02-06&place=sudzha');
    expect(await pageScrolls(page)).toBe(false);
    await expectOnScreen(page, page.locator('.place-detail h2').first(), 'the place’s name');
  });

  test('tabs: arrows, Home and End move the selection; the open tab and the folded legend are in the link and survive a reload', async ({
    page,
  }) => {
    const map = new MapDriver(page);
    await map.open('?date=2025-02-06');
    const selected = page.locator('[role="tab"][aria-selected="true"]');
    await expect(selected).toHaveAttribute('id', 'tab-sources');
    await expect(page.locator('#tabpanel-places')).toBeHidden();
    await selected.focus();
    await page.keyboard.press('ArrowRight');
    await expect(page.locator('#tab-places')).toBeFocused();
    await expect(page.locator('#tab-places')).toHaveAttribute('aria-selected', 'true');
    await expect(page.locator('#tabpanel-places')).toBeVisible();
    await expect(page.locator('#tabpanel-sources')).toBeHidden();
    await page.keyboard.press('End');
    await expect(page.locator('#tab-data')).toBeFocused();
    await page.keyboard.press('ArrowRight');
    await expect(page.locator('#tab-sources')).toBeFocused();
    await page.keyboard.press('ArrowLeft');
    await expect(page.locator('#tab-data')).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('Home');
    await expect(page.locator('#tab-sources')).toHaveAttribute('aria-selected', 'true');
    // Only the selected tab is a Tab stop.
    await expect(page.locator('[role="tab"][tabindex="0"]')).toHaveCount(1);

    await openTab(page, 'changes');
    await page.getByRole('button', { name: 'Hide legend' }).click();
    await expect(page).toHaveURL(/tab=changes/);
    await expect(page).toHaveURL(/legend=0/);
    await page.reload();
    await map.waitForIdle();
    await expect(page.locator('#tab-changes')).toHaveAttribute('aria-selected', 'true');
    await expect(page.locator('#tabpanel-changes')).toBeVisible();
    await expect(page.locator('#map-legend-body')).toBeHidden();
  });

  test('the legend opens as a short key, at most a sixth of the map; the full legend opens on demand and closes again', async ({
    page,
  }) => {
    const map = new MapDriver(page);
    await map.open('?date=2025-02-06');
    const legend = page.locator('.map-legend');
    const area = async (box: { width: number; height: number } | null) => (box ? box.width * box.height : Infinity);
    const mapArea = await area(await page.locator('.map-canvas canvas').first().boundingBox());
    // The short key: the markers' shapes and colours, the marks, one line for the circles; no source colours.
    await expect(legend).toHaveAttribute('data-legend', 'key');
    await expect(legend.locator('.legend-circles')).toBeVisible();
    await expect(legend.locator('.legend-sources')).toHaveCount(0);
    expect(await area(await legend.boundingBox())).toBeLessThanOrEqual(mapArea / 6);
    // The full legend, on demand: every switched-on source's colour; and back to the key.
    await openFullLegend(page);
    await expect(legend.locator('.legend-sources li')).toHaveCount(18);
    await page.locator('.map-legend-more').click();
    await expect(legend).toHaveAttribute('data-legend', 'key');
  });

  test('close in on the built-in basemap a hint points to the basemaps; dismissed, it stays so after a reload', async ({
    page,
  }) => {
    const map = new MapDriver(page);
    await map.open('?date=2025-02-06');
    const hint = page.locator('.map-hint');
    await expect(hint).toHaveCount(0);
    // Given the map zoomed in to where the built-in basemap has only rivers and the border
    await map.open('?date=2025-02-06&view=11.50/51.14000/35.40000');
    await expect(hint).toBeVisible();
    // Its button opens the Data tab at the basemaps
    await hint.getByRole('button', { name: 'Show basemaps' }).click();
    await expect(page.locator('#tab-data')).toHaveAttribute('aria-selected', 'true');
    await expect(page.locator('#basemap-heading')).toBeInViewport();
    // Dismissed, it is gone, and stays gone after a reload
    await hint.getByRole('button', { name: 'Got it' }).click();
    await expect(hint).toHaveCount(0);
    await page.reload();
    await map.waitForIdle();
    await expect(hint).toHaveCount(0);
  });

  test('a bad tab in the link is ignored with a notice', async ({ page }) => {
    const map = new MapDriver(page);
    await map.open('?tab=settings');
    await expect(page.getByRole('status').filter({ hasText: "Ignored the link's tab" })).toBeVisible();
    await expect(page.locator('#tab-sources')).toHaveAttribute('aria-selected', 'true');
  });

  for (const [name, search] of [
    ['the default link', ''],
    ['the seed story’s first step', `?story=${SEED}&step=1`],
  ] as const)
    test(`at the opening view (${name}) no place’s label or marker lies under another place’s marks`, async ({
      page,
    }) => {
      const map = new MapDriver(page);
      await map.open(search);
      const { burials, seen } = await buriedPlaces(page);
      // It looked at the places on screen, not at an empty picture.
      expect(seen.length).toBeGreaterThanOrEqual(5);
      expect(burials).toEqual([]);
    });
});

test.describe('at 390×844', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('the map, the date and the open place share the screen; the tabs are a bottom sheet', async ({ page }) => {
    const map = new MapDriver(page);
    await map.open('?date=2025-02-06&place=cherkasskaya-konopelka');
    expect(await pageScrolls(page)).toBe(false);
    const canvas = page.locator('.map-canvas canvas').first();
    await expectOnScreen(page, canvas, 'the map');
    expect((await canvas.boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(180);
    await expectOnScreen(page, map.currentDate(), 'the date');
    await expectOnScreen(page, page.locator('.place-detail h2').first(), 'the place’s name');
    // The legend starts folded here (open, it would cover most of the map); one touch opens it.
    await expect(page.locator('#map-legend-body')).toBeHidden();
    // The sheet is folded: its tabs are on screen, their panels are not.
    for (const tab of TABS) await expectOnScreen(page, page.locator(`#tab-${tab}`), `the ${tab} tab`);
    await expect(page.locator('#tabpanel-sources')).toBeHidden();
    // A touch on a tab unfolds it; every source switch can then be reached.
    await openTab(page, 'sources');
    expect(await pageScrolls(page)).toBe(false);
    const first = page.locator('#tabpanel-sources input[type="checkbox"]').first();
    await first.scrollIntoViewIfNeeded();
    await expectOnScreen(page, first, 'a source switch');
    await expectOnScreen(page, map.currentDate(), 'the date with the sheet open');
    await page.locator('.sheet-toggle').click();
    await expect(page.locator('#tabpanel-sources')).toBeHidden();
  });

  test('at the opening view no place’s label or marker lies under another place’s marks', async ({ page }) => {
    const map = new MapDriver(page);
    await map.open('');
    const { burials, seen } = await buriedPlaces(page);
    expect(seen.length).toBeGreaterThanOrEqual(3);
    expect(burials).toEqual([]);
  });
});
