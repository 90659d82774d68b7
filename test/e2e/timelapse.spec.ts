import { expect, test } from '@playwright/test';
import { AGREEMENT_STYLE } from '../../src/map/palette';
import { MapDriver, openTab, recordTimelapse } from './driver';
import { countNear, decodeVideo, hex } from './pixels';
import { parseWebm } from './webm';

/** Sudzha in the middle of the map, with Goncharovka and Zaoleshenka beside it. */
const AROUND_SUDZHA = 'view=11.00/51.19139/35.27056';

test('records 1–20 March 2025 as a WebM with one frame per day at the chosen speed', async ({ page }) => {
  test.setTimeout(120_000);
  const map = new MapDriver(page);
  // Beside Sudzha, the enabled sources agree on Ukrainian control on 1 March and on Russian on 20 March.
  await map.open(`?date=2025-03-20&${AROUND_SUDZHA}`);
  expect(await map.agreementOf('goncharovka')).toBe('agree-russian');
  await map.open(`?date=2025-03-01&${AROUND_SUDZHA}`);
  expect(await map.agreementOf('goncharovka')).toBe('agree-ukrainian');

  const { name, bytes } = await recordTimelapse(page, { from: '2025-03-01', to: '2025-03-20', daysPerSecond: 10 });
  expect(name).toBe('frontline-2025-03-01_2025-03-20.webm');
  // The slider is back where it was.
  await expect(map.currentDate()).toHaveAttribute('data-date', '2025-03-01');

  // The file: WebM, VP8, the default size; one frame per day, 1/10 s apart, then the closing frame at 2 s
  // (each within half a day's share of its time: timers run late on a loaded machine, never by a day).
  const video = parseWebm(bytes);
  expect(video).toMatchObject({ docType: 'webm', codec: 'V_VP8', width: 1280, height: 720 });
  expect(video.frames).toHaveLength(20 + 1);
  for (const [i, frame] of video.frames.entries()) expect(Math.abs(frame.timeMs - i * 100)).toBeLessThan(50);

  // As the browser decodes it: 2 s long; the first day's frame and the last day's differ where the map did.
  const { duration, frames } = await decodeVideo(page, bytes, [0.05, 1.95]);
  expect(duration).toBeGreaterThan(1.95);
  expect(duration).toBeLessThan(2.05);
  const [first, last] = frames;
  const ukrainian = hex(AGREEMENT_STYLE['agree-ukrainian'].color);
  const russian = hex(AGREEMENT_STYLE['agree-russian'].color);
  // Goncharovka's and Zaoleshenka's markers (and the others that changed) turned from blue circles to red
  // squares; the key at the bottom, the same in both, holds one of each.
  expect(countNear(first, ukrainian, 40) - countNear(last, ukrainian, 40)).toBeGreaterThan(150);
  expect(countNear(last, russian, 40) - countNear(first, russian, 40)).toBeGreaterThan(150);
});

test('Cancel stops a recording and puts the slider back', async ({ page }) => {
  const map = new MapDriver(page);
  await map.open(`?date=2025-02-06&${AROUND_SUDZHA}`);
  await openTab(page, 'data');
  const panel = page.locator('.timelapse-panel');
  // The default range: the 30 days up to the date shown, at 2 days per second.
  await expect(panel.locator('input[name="timelapse-from"]')).toHaveValue('2025-01-08');
  await expect(panel.locator('input[name="timelapse-to"]')).toHaveValue('2025-02-06');
  await expect(panel.locator('.timelapse-length')).toHaveText('30 days: a 15 s video.');
  await panel.getByRole('button', { name: 'Record video' }).click();
  await expect(panel.locator('progress')).toBeVisible();
  await expect(map.currentDate()).not.toHaveAttribute('data-date', '2025-02-06');
  await panel.getByRole('button', { name: 'Cancel' }).click();
  await expect(panel.locator('progress')).toHaveCount(0);
  await expect(panel.getByRole('button', { name: 'Record video' })).toBeEnabled();
  await expect(map.currentDate()).toHaveAttribute('data-date', '2025-02-06');
});
