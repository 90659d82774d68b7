/**
 * Trustworthy under bad input: a strict Content-Security-Policy, hostile files, hostile links, no WebGL,
 * small screens. Each test also fails on any page error or console error.
 */
import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { CHROME_PATH, CHROMIUM_ARGS } from '../../scripts/lib/chromium';
import type { ManifestEntry } from '../../scripts/make-hostile-corpus';
import { looksLikeClaimsFile } from '../../src/claims/importKind';
import { MapDriver, openTab } from './driver';

const THREE_PLACES = ['sudzha', 'ulanok', 'cherkasskaya-konopelka'];
const corpus = (name: string) => `test/fixtures/hostile/${name}`;
const manifest = JSON.parse(readFileSync(corpus('manifest.json'), 'utf8')) as { files: ManifestEntry[] };

/** Collects page errors, console errors and CSP violations (the listener is in place before any script runs). */
async function watch(page: Page) {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('dialog', (d) => {
    problems.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  await page.addInitScript(() => {
    const w = window as unknown as { __cspViolations: string[] };
    w.__cspViolations = [];
    document.addEventListener(
      'securitypolicyviolation',
      (e) => w.__cspViolations.push(`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}`),
      true,
    );
  });
  return {
    problems,
    violations: () => page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations),
  };
}

test.describe('Content-Security-Policy', () => {
  test('the built app carries a strict policy and runs under it without a single violation', async ({ page }) => {
    const { problems, violations } = await watch(page);
    const map = new MapDriver(page);
    const response = await page.goto('/?date=2025-02-06');
    await map.waitForIdle();

    const header = response?.headers()['content-security-policy'] ?? '';
    const meta = (await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')) ?? '';
    for (const policy of [header, meta]) {
      expect(policy).toContain("default-src 'self'");
      expect(policy).toContain("script-src 'self';");
      expect(policy).toContain("object-src 'none'");
      expect(policy).toContain("base-uri 'self'");
      expect(policy).not.toContain('unsafe-eval');
      expect(policy).not.toContain('unsafe-inline');
    }
    expect(header).toContain("frame-ancestors 'none'");
    expect(header.startsWith(meta)).toBe(true);

    // Exercise what draws: the map, a place panel, the slider, an import, the tooltip-bearing marks.
    const rendered = (await map.renderedPlaces()).map((p) => p.placeId);
    for (const id of THREE_PLACES) expect(rendered).toContain(id);
    await map.clickPlaceOnMap('ulanok');
    await page.getByRole('slider', { name: 'Date' }).focus();
    await page.keyboard.press('ArrowRight');
    await expect(map.currentDate()).toHaveAttribute('data-date', '2025-02-07');
    await openTab(page, 'data');
    await page.getByLabel('Choose files…').setInputFiles('test/fixtures/imports/good-claims.geojson');
    await expect(page.getByText('Imported 2 claims from good-claims.geojson.')).toBeVisible();
    await map.waitForIdle();
    expect(await violations()).toEqual([]);
    expect(map.foreignRequests).toEqual([]);
    expect(problems).toEqual([]);

    // The policy is enforced, not just present: an injected inline script is blocked and reported.
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__inlineRan = true';
      document.head.append(script);
    });
    // One report per policy that blocks it: the <meta> and the header.
    await expect.poll(async () => (await violations()).length).toBeGreaterThan(0);
    for (const v of await violations()) expect(v).toMatch(/^script-src-elem blocked inline/);
    expect(await page.evaluate(() => (window as unknown as { __inlineRan?: boolean }).__inlineRan)).toBeUndefined();
  });
});

test.describe('hostile files', () => {
  const sample = manifest.files.filter((e) => e.e2e);

  test('a batch of bad files: each shows its error, nothing changes, the app keeps working', async ({ page }) => {
    expect(sample.length).toBeGreaterThanOrEqual(10);
    const { problems } = await watch(page);
    const map = new MapDriver(page);
    await map.open('?date=2025-02-12');
    await openTab(page, 'data');
    const placesBefore = await map.renderedPlaces();
    const marksBefore = await map.renderedMarks('ulanok');

    await page.getByLabel('Choose files…').setInputFiles([
      ...sample.map((e) => ({ name: e.file, mimeType: 'application/geo+json', buffer: readFileSync(corpus(e.file)) })),
      // Over the 5 MB limit: made here rather than committed.
      { name: 'too-big.geojson', mimeType: 'application/geo+json', buffer: Buffer.alloc(6 * 1024 * 1024, 0x20) },
    ]);

    for (const entry of sample) {
      const alert = page.getByRole('alert').filter({ hasText: `Nothing imported from ${entry.file}:` });
      await expect(alert, entry.file).toBeVisible();
      // The app hands files that do not look like claims to the area importers (src/claims/importKind.ts),
      // which word their errors their own way: there, any error naming the file will do.
      const head = readFileSync(corpus(entry.file))
        .subarray(0, 64 * 1024)
        .toString('utf8');
      if (!looksLikeClaimsFile(head)) {
        await expect(alert.locator('li').filter({ hasText: entry.file }).first(), entry.file).toBeVisible();
        continue;
      }
      // Each error reads "file › feature i › field: message".
      let item = alert.locator('li').filter({ hasText: `${entry.file}` });
      if (entry.index !== undefined) item = item.filter({ hasText: `› feature ${entry.index}` });
      if (entry.field !== undefined) item = item.filter({ hasText: `› ${entry.field}: ` });
      await expect(item.filter({ hasText: entry.message ?? '' }).first(), entry.file).toBeVisible();
    }
    await expect(page.getByRole('alert').filter({ hasText: 'Nothing imported from too-big.geojson' })).toContainText(
      'the file is 6.0 MB; the limit is 5 MB',
    );
    await expect(page.getByRole('list', { name: 'Imported files' })).toHaveCount(0);

    await map.waitForIdle();
    expect(await map.renderedPlaces()).toEqual(placesBefore);
    expect(await map.renderedMarks('ulanok')).toEqual(marksBefore);

    // Still working: the slider moves and the map follows.
    const slider = page.getByRole('slider', { name: 'Date' });
    await slider.focus();
    await page.keyboard.press('Shift+ArrowLeft');
    await expect(map.currentDate()).not.toHaveAttribute('data-date', '2025-02-12');
    await map.waitForIdle();
    await map.clickPlaceOnMap('ulanok');
    expect(problems).toEqual([]);
  });

  test('markup in imported text is shown as text; a BOM is accepted', async ({ page }) => {
    const { problems, violations } = await watch(page);
    const map = new MapDriver(page);
    await map.open('?date=2025-02-12&place=ulanok');
    await openTab(page, 'data');
    const files = [
      'html-in-summary.geojson',
      'script-in-claimant.geojson',
      'html-in-outlet.geojson',
      'utf8-bom.geojson',
    ];
    await page.getByLabel('Choose files…').setInputFiles(files.map(corpus));
    for (const file of files) await expect(page.getByText(`Imported 1 claim from ${file}.`)).toBeVisible();

    const panel = page.locator('.place-detail[data-place-id="ulanok"]');
    await expect(
      panel.locator('.claim-summary').filter({ hasText: '<img src=x onerror="alert(1)"><b>bold?</b>' }),
    ).toBeVisible();
    await expect(panel.getByText('</script><script>alert(document.domain)</script>', { exact: false })).toBeVisible();
    await expect(panel.getByText('<a href="javascript:alert(1)">Reuters</a>', { exact: false })).toBeVisible();
    expect(await page.locator('.place-detail img, .place-detail script, .place-detail b').count()).toBe(0);
    expect(await page.locator('a[href^="javascript:" i]').count()).toBe(0);
    expect(await violations()).toEqual([]);
    expect(problems).toEqual([]);
  });
});

test.describe('hostile links', () => {
  const links: { search: string; notices: string[] }[] = [
    {
      search: `?date=${encodeURIComponent('<script>alert(1)</script>')}&place=${encodeURIComponent('<img src=x onerror=alert(1)>')}&sources=isw,${encodeURIComponent('<b>x</b>')}&view=NaN/NaN/NaN`,
      notices: [
        'date "<script>alert(1)</script>": not a date',
        'place "<img src=x onerror=alert(1)>": no such place',
        'unknown source "<b>x</b>"',
        'view "NaN/NaN/NaN": expected zoom/latitude/longitude',
      ],
    },
    {
      search: `?date=${encodeURIComponent('２０２５-０２-０６')}&place=${encodeURIComponent('Суджа')}&sources=isw,${encodeURIComponent('💥\u202E')}&view=-5/51.1/35.3`,
      notices: [
        'date "２０２５-０２-０６"',
        'place "Суджа": no such place',
        'unknown source "💥',
        'zoom -5 is outside 0–22',
      ],
    },
    {
      search: `?sources=${'a'.repeat(8000)}&view=1e308/0/0&date=%E0%A4%A&place=`,
      notices: ['it is too long', 'view "1e308/0/0"', 'date "', 'place "": no such place'],
    },
    {
      search: '?view=10/91/35.3&date=2025-02-06&date=2025-02-07&__proto__=x&constructor=y&place=__proto__',
      notices: ['latitude 91 is outside', 'place "__proto__": no such place'],
    },
  ];

  for (const [i, link] of links.entries())
    test(`hostile link ${i + 1} opens with a notice and no crash`, async ({ page }) => {
      const { problems, violations } = await watch(page);
      const map = new MapDriver(page);
      await map.open(link.search);
      const notice = page.getByRole('status').filter({ hasText: 'Ignored' });
      for (const text of link.notices) await expect(notice).toContainText(text);
      expect(await page.locator('.notices script, .notices img, .notices b').count()).toBe(0);
      // The rest of the app applies: the default view shows the places; the slider works.
      const rendered = (await map.renderedPlaces()).map((p) => p.placeId);
      for (const id of THREE_PLACES) expect(rendered).toContain(id);
      await page.getByRole('slider', { name: 'Date' }).focus();
      const before = await map.currentDate().getAttribute('data-date');
      await page.keyboard.press('ArrowLeft');
      await expect(map.currentDate()).not.toHaveAttribute('data-date', before ?? '');
      expect(await violations()).toEqual([]);
      expect(problems).toEqual([]);
    });
});

test.describe('without WebGL', () => {
  // Launch options are per worker, so this test starts its own Chromium rather than forcing a project on the rest.
  test('says so plainly, and the app still works as a table', async ({ playwright, baseURL }) => {
    const browser = await playwright.chromium.launch({
      executablePath: CHROME_PATH,
      args: [...CHROMIUM_ARGS, '--disable-webgl', '--disable-3d-apis'],
    });
    test.info().attach('chromium', { body: browser.version() });
    const page = await (await browser.newContext({ baseURL, viewport: { width: 1400, height: 900 } })).newPage();
    const { problems } = await watch(page);
    await page.goto('/?date=2025-02-07');
    // The flags really take WebGL away in this Chromium.
    expect(
      await page.evaluate(() => {
        const canvas = document.createElement('canvas');
        return [canvas.getContext('webgl2'), canvas.getContext('webgl')].every((c) => c === null);
      }),
    ).toBe(true);
    await expect(page.getByRole('alert').filter({ hasText: 'WebGL 2 is unavailable' })).toBeVisible();
    await expect(page.locator('.map-canvas')).toHaveAttribute('data-map-status', 'unavailable');
    expect(await page.evaluate(() => window.__frontlineMap)).toBeUndefined();

    // The date slider moves.
    const slider = page.getByRole('slider', { name: 'Date' });
    await slider.focus();
    await page.keyboard.press('ArrowRight');
    await expect(page.locator('.current-date')).toHaveAttribute('data-date', '2025-02-08');
    await page.keyboard.press('ArrowLeft');
    await expect(page.locator('.current-date')).toHaveAttribute('data-date', '2025-02-07');

    // Source toggles change what the places list says (in its tab, as the user reads it).
    const konopelka = page.locator('.place-button[data-place-id="cherkasskaya-konopelka"]');
    await expect(konopelka).toHaveAttribute('data-agreement', 'disputed');
    await page.locator('[data-source-id="ru-mod"] button.solo').click();
    await openTab(page, 'places');
    await expect(konopelka).toHaveAttribute('data-agreement', 'agree-russian');
    await openTab(page, 'sources');
    await page.locator('#source-ru-mod').uncheck();
    await openTab(page, 'places');
    await expect(konopelka).toHaveAttribute('data-agreement', 'no-claim');
    await openTab(page, 'sources');
    await page.locator('.sources-panel').getByRole('button', { name: 'All', exact: true }).click();

    // The places list opens a place's timeline.
    await openTab(page, 'places');
    await page.locator('.place-button[data-place-id="ulanok"]').click();
    const panel = page.locator('.place-detail[data-place-id="ulanok"]');
    await expect(panel.getByRole('heading', { name: 'Ulanok', exact: true })).toBeFocused();
    expect(await panel.locator('.claim').count()).toBeGreaterThan(3);
    await expect(panel.locator('.claim.in-force').first()).toBeVisible();
    expect(problems).toEqual([]);
    await browser.close();
  });
});

test.describe('on a small screen (390×844)', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });

  test('the map shows the places, the slider stays at hand, a place opens', async ({ page }) => {
    const { problems } = await watch(page);
    const map = new MapDriver(page);
    await map.open('?date=2025-02-06');
    const rendered = (await map.renderedPlaces()).map((p) => p.placeId);
    for (const id of THREE_PLACES) expect(rendered).toContain(id);
    // Nothing is wider than the screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    const slider = page.getByRole('slider', { name: 'Date' });
    await expect(slider).toBeInViewport();
    await slider.focus();
    await page.keyboard.press('ArrowRight');
    await expect(map.currentDate()).toHaveAttribute('data-date', '2025-02-07');
    // Dragging works too: to the far right is the last date of the record.
    const box = await slider.boundingBox();
    if (!box) throw new Error('slider has no box');
    await page.mouse.click(box.x + box.width - 2, box.y + box.height / 2);
    await expect(map.currentDate()).not.toHaveAttribute('data-date', '2025-02-07');

    await map.waitForIdle();
    await map.clickPlaceOnMap('ulanok');
    const panel = page.locator('.place-detail[data-place-id="ulanok"]');
    await expect(panel.getByRole('heading', { name: 'Ulanok', exact: true })).toBeFocused();
    await expect(panel.getByRole('heading', { name: 'Ulanok', exact: true })).toBeInViewport();

    // Far down the page, at the places list, the slider is still on screen and still works.
    const sudzha = page.locator('.place-button[data-place-id="sudzha"]');
    await openTab(page, 'places');
    await sudzha.scrollIntoViewIfNeeded();
    await expect(slider).toBeInViewport();
    await sudzha.tap();
    await expect(page.locator('.place-detail[data-place-id="sudzha"]')).toBeVisible();
    await slider.focus();
    await page.keyboard.press('Shift+ArrowLeft');
    await expect(map.currentDate()).toHaveAttribute('data-date', /^\d{4}-\d{2}-\d{2}$/);
    expect(problems).toEqual([]);
  });
});
