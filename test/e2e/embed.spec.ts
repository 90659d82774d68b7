import { expect, test } from '@playwright/test';
import { seriousViolations } from './axe';
import { appUrl, EmbeddedApp, MapDriver, openTab, serveHostPage } from './driver';

const SEEN = '?date=2025-03-01&place=sudzha&lang=uk&view=11.00/51.19139/35.27056';

test('the Embed panel gives an iframe of what the user sees, which another origin can frame and drive', async ({
  page,
}) => {
  const map = new MapDriver(page);
  await map.open(SEEN);
  await openTab(page, 'data');
  const snippet = await page.locator('.embed-panel textarea').inputValue();
  expect(await seriousViolations(page)).toEqual([]);
  const src = /<iframe src="([^"]+)" width="640" height="480"/.exec(snippet)?.[1]?.replaceAll('&amp;', '&');
  // The link of what the user sees (the view as the map settled it), without the open tab, in embed mode.
  const seen = new URL(page.url());
  expect(seen.searchParams.get('tab')).toBe('data');
  seen.searchParams.delete('tab');
  seen.searchParams.set('embed', '1');
  expect(Object.fromEntries(new URL(src ?? '').searchParams)).toEqual(Object.fromEntries(seen.searchParams));

  // An article on another origin pastes the snippet.
  const host = await serveHostPage(
    `<!doctype html><html lang="en"><title>An article</title><h1>An article</h1>${snippet}`,
  );
  const reader = await page.context().newPage();
  try {
    await reader.goto(host.url);
    const embedded = new EmbeddedApp(reader);
    await embedded.waitForIdle();
    await expect(embedded.currentDate()).toHaveAttribute('data-date', '2025-03-01');
    // The map, the slider, the key and the sources; none of the full app's panels.
    await expect(embedded.frame.locator('.legend-key')).toBeVisible();
    await expect(embedded.frame.locator('.embed-sources')).toHaveText(/^Джерела \(18 з 18\): UA President, /);
    await expect(embedded.openFullApp()).toBeInViewport();
    await expect(embedded.frame.locator('.side-panel, .place-panel, .story-card')).toHaveCount(0);
    expect(await seriousViolations(reader)).toEqual([]);

    // A reader drives the slider with the keyboard, and the way out follows.
    const entries = await reader.evaluate(() => history.length);
    await embedded.slider().focus();
    await reader.keyboard.press('ArrowRight');
    await expect(embedded.currentDate()).toHaveAttribute('data-date', '2025-03-02');
    await embedded.waitForIdle();
    await expect(embedded.openFullApp()).toHaveAttribute(
      'href',
      new RegExp(`^${appUrl('?date=2025-03-02&place=sudzha&lang=uk&view=').replaceAll('?', '\\?')}`),
    );
    await expect(embedded.openFullApp()).toHaveAttribute('target', '_blank');
    // The frame's moves do not fill the host page's history.
    expect(await reader.evaluate(() => history.length)).toBe(entries);
  } finally {
    await host.close();
  }
});

test('the full app refuses to be framed by another origin', async ({ page }) => {
  const host = await serveHostPage(
    `<!doctype html><html lang="en"><title>A page</title><iframe src="${appUrl(SEEN)}"></iframe>`,
  );
  try {
    await page.goto(host.url);
    // Chromium replaces a document the frame-ancestors policy refuses with its error page.
    await expect.poll(() => page.frames().map((f) => f.url())).toContain('chrome-error://chromewebdata/');
  } finally {
    await host.close();
  }
});
