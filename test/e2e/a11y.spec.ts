/**
 * Keyboard and screen readers: axe finds no serious or critical problem in the app's main states, and
 * everything can be reached and used with the keyboard alone, with a visible focus.
 */
import { expect, type Page, test } from '@playwright/test';
import { seriousViolations } from './axe';
import { MapDriver, openTab, type SideTabName } from './driver';

test.describe('axe', () => {
  test('the loaded app, with a place open, a notice, import errors and search results', async ({ page }) => {
    const map = new MapDriver(page);
    // Some sources off, and a bad place in the link so the notice shows.
    await map.open('?date=2025-02-06&sources=isw,ru-mod,deepstate&place=atlantis');
    await expect(page.getByRole('status').filter({ hasText: 'Ignored' })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);

    await map.clickPlaceOnMap('ulanok');
    // Claims after the date and from switched-off sources are set apart too: check those styles as well.
    await expect(page.locator('.claim.future').first()).toBeVisible();
    await expect(page.locator('.claim.source-hidden').first()).toBeVisible();
    await openTab(page, 'data');
    await page.getByLabel('Choose files…').setInputFiles('test/fixtures/imports/bad-claims.geojson');
    await expect(page.getByRole('alert').filter({ hasText: 'Nothing imported' })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await openTab(page, 'places');
    await page.getByRole('combobox', { name: 'Find a place' }).fill('su');
    await expect(page.getByRole('listbox', { name: 'Matching places' })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });

  test('with a place’s timeline chart, the claims table and a story open', async ({ page }) => {
    const map = new MapDriver(page);
    await map.open('?story=ulanok-konopelka-february-2025&step=2&table=1');
    await expect(page.locator('.place-timeline svg')).toBeVisible();
    await expect(page.locator('.claims-table tbody tr[data-claim-id]').first()).toBeVisible();
    await expect(page.locator('.story-card[data-story]')).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });

  const TABS: SideTabName[] = ['sources', 'places', 'changes', 'data'];

  test('in each tab', async ({ page }) => {
    const map = new MapDriver(page);
    await map.open('?date=2025-02-06&place=sudzha');
    for (const tab of TABS) {
      await openTab(page, tab);
      expect(await seriousViolations(page), `the ${tab} tab`).toEqual([]);
    }
  });

  test('on a small screen, with the sheet folded and with each tab unfolded', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    const map = new MapDriver(page);
    await map.open('?date=2025-02-06&place=cherkasskaya-konopelka');
    expect(await seriousViolations(page)).toEqual([]);
    for (const tab of TABS) {
      await openTab(page, tab);
      expect(await seriousViolations(page), `the ${tab} tab`).toEqual([]);
    }
  });
});

test.describe('keyboard only', () => {
  const KEYBOARD_TABS: SideTabName[] = ['sources', 'places', 'changes', 'data'];

  /** Presses Tab until `done` holds for the focused element; returns a description of every stop on the way. */
  async function tabUntil(page: Page, done: (el: Element) => boolean, max = 200): Promise<string[]> {
    const stops: string[] = [];
    for (let i = 0; i < max; i++) {
      await page.keyboard.press('Tab');
      const stop = await page.evaluate(() => {
        const el = document.activeElement;
        if (!el || el === document.body) return 'body';
        // Roughly the accessible name: enough to say which control it is.
        const byIds = (ids: string | null) =>
          ids
            ?.split(/\s+/)
            .map((id) => document.getElementById(id)?.textContent ?? '')
            .join(' ');
        const name =
          el.getAttribute('aria-label') ??
          byIds(el.getAttribute('aria-labelledby')) ??
          (el.id ? document.querySelector(`label[for="${CSS.escape(el.id)}"]`)?.textContent : null) ??
          el.closest('label')?.textContent ??
          el.textContent ??
          '';
        const type = el instanceof HTMLInputElement ? `[${el.type}]` : '';
        return `${el.tagName.toLowerCase()}${type} ${name.trim().replace(/\s+/g, ' ').slice(0, 60)}`;
      });
      stops.push(stop);
      if (await page.evaluate(`(${done.toString()})(document.activeElement)`)) return stops;
    }
    throw new Error(`not reached after ${max} Tabs:\n${stops.join('\n')}`);
  }

  /** The focus ring of the focused element (or, for the hidden file input, of its label) is drawn. */
  async function expectVisibleFocus(page: Page): Promise<void> {
    const ring = await page.evaluate(() => {
      let el = document.activeElement as HTMLElement | null;
      if (el instanceof HTMLInputElement && el.type === 'file' && el.id)
        el = document.querySelector(`label[for="${CSS.escape(el.id)}"]`);
      if (!el) return null;
      const style = getComputedStyle(el);
      return { style: style.outlineStyle, width: Number.parseFloat(style.outlineWidth) };
    });
    expect(ring?.style).not.toBe('none');
    expect(ring?.width).toBeGreaterThanOrEqual(2);
  }

  test('everything is reachable by Tab with a visible focus; a place opens with Enter and closes with Escape', async ({
    page,
  }) => {
    const map = new MapDriver(page);
    await map.open('?date=2025-02-06');

    // Tab reaches the tab list; in each tab (chosen with the arrow keys) Tab goes through all its controls.
    const all = await tabUntil(page, (el) => el.id === 'tab-sources');
    await expectVisibleFocus(page);
    for (const [i, tab] of KEYBOARD_TABS.entries()) {
      if (i > 0) {
        await page.locator(`#tab-${KEYBOARD_TABS[i - 1]}`).focus();
        await page.keyboard.press('ArrowRight');
        await expect(page.locator(`#tab-${tab}`)).toBeFocused();
        await expect(page.locator(`#tabpanel-${tab}`)).toBeVisible();
        await expectVisibleFocus(page);
      }
      all.push(...(await tabUntil(page, (el) => el.closest('.side-panel') === null)));
    }
    all.push(...(await tabUntil(page, (el) => el.matches('input[type="range"]'))));
    await expectVisibleFocus(page);
    const reached = (pattern: RegExp) =>
      expect(
        all.some((s) => pattern.test(s)),
        `${pattern} in\n${all.join('\n')}`,
      ).toBe(true);
    reached(/^input\[search\] Find a place/);
    reached(/^input\[checkbox\] ISW \(Institute for the Study of War/);
    reached(/^button Show only Institute for the Study of War/);
    reached(/^button Hide low reliability/);
    reached(/^button Sudzha/);
    reached(/^input\[file\] Choose files/);
    reached(/^input\[radio\] /);
    reached(/^button GeoJSON/);
    reached(/^button CSV/);
    reached(/^button Play/);
    reached(/^input\[range\] Date/);

    // Back to Ulanok in the places list: Enter opens its panel and the focus lands on its heading.
    await openTab(page, 'places');
    await page.locator('.place-button[data-place-id="ulanok"]').focus();
    await page.keyboard.press('Enter');
    const panel = page.locator('.place-detail[data-place-id="ulanok"]');
    const heading = panel.getByRole('heading', { name: 'Ulanok', exact: true });
    await expect(heading).toBeFocused();
    await expect(page.getByRole('complementary', { name: 'Claims about Ulanok' })).toBeVisible();
    // The panel's contents are reachable: Tab goes on to its close button.
    await page.keyboard.press('Tab');
    await expect(panel.getByRole('button', { name: 'Close place panel' })).toBeFocused();
    await expectVisibleFocus(page);

    // Escape closes it and the focus goes back to where it came from.
    await page.keyboard.press('Escape');
    await expect(panel).toHaveCount(0);
    await expect(page.locator('.place-button[data-place-id="ulanok"]')).toBeFocused();

    // The close button does the same.
    await page.keyboard.press('Enter');
    await expect(heading).toBeFocused();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect(panel).toHaveCount(0);
    await expect(page.locator('.place-button[data-place-id="ulanok"]')).toBeFocused();
  });

  test('sources, import and export work from the keyboard', async ({ page }) => {
    const map = new MapDriver(page);
    await map.open('?date=2025-02-07');
    expect(await map.agreementOf('cherkasskaya-konopelka')).toBe('disputed');

    // A source toggle: Space on its checkbox.
    await tabUntil(page, (el) => el.id === 'source-ru-mod');
    await expectVisibleFocus(page);
    await page.keyboard.press('Space');
    await expect(page.locator('#source-ru-mod')).not.toBeChecked();
    await page.keyboard.press('Space');
    await expect(page.locator('#source-ru-mod')).toBeChecked();

    // Import, in the Data tab (End on the tab list): the file input opens the file chooser from the keyboard.
    await page.locator('#tab-sources').focus();
    await page.keyboard.press('End');
    await expect(page.locator('#tabpanel-data')).toBeVisible();
    await tabUntil(
      page,
      (el) =>
        el instanceof HTMLInputElement &&
        el.type === 'file' &&
        document.querySelector(`label[for="${CSS.escape(el.id)}"]`)?.textContent === 'Choose files…',
    );
    await expectVisibleFocus(page);
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.keyboard.press('Space')]);
    await chooser.setFiles('test/fixtures/imports/bad-claims.geojson');
    await expect(page.getByRole('alert').filter({ hasText: 'Nothing imported from bad-claims.geojson' })).toBeVisible();

    // Export: Enter on the GeoJSON button downloads.
    await tabUntil(page, (el) => el.textContent === 'GeoJSON' && el.closest('.export-panel') !== null);
    await expectVisibleFocus(page);
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    expect(download.suggestedFilename()).toMatch(/\.geojson$/);
  });
});
