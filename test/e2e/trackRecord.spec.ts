/**
 * Each source's track record: opened from the header, its table lists every source with the figures the
 * core computes, each figure opens its changes with citations, the chart draws one dot per change with days,
 * the reference is in the link, the CSV holds every change spoken on, and axe finds nothing serious.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { loadRepoDataset } from '../../scripts/lib/loadData';
import { trackRecord } from '../../src/claims/trackRecord';
import { MapDriver, TrackRecordDriver } from './driver';

const loaded = loadRepoDataset();
if (!loaded.ok) throw new Error('the repo data must load');
const dataset = loaded.value;

test('the track record lists every source with its figures, their changes and a dot per change', async ({ page }) => {
  // Given the map on 6 February 2025
  const map = new MapDriver(page);
  await map.open('?date=2025-02-06');
  const track = new TrackRecordDriver(page);

  // When the user opens the track record from the header
  await track.open();
  // Then the link carries it, measured against DeepState's map by default
  await expect(page).toHaveURL(/track=deepstate/);
  const expected = trackRecord(dataset, 'deepstate');

  // and every source is listed, with DeepState's and ISW's maps as rows of their own
  const voices = await track.voices();
  for (const source of dataset.sources) expect(voices).toContain(source.id);
  expect(voices).toEqual(expected.voices.map((v) => v.voice.id));
  expect(voices).toEqual(expect.arrayContaining(['deepstate:map', 'isw:map']));

  // and each row shows the figures the record gives
  for (const row of expected.voices) {
    const shown = await track.figures(row.voice.id);
    expect(shown.spoke, row.voice.id).toBe(String(row.spoke.length));
    expect(shown.over7, row.voice.id).toBe(String(row.contradicted[7].length));
    expect(shown.over30, row.voice.id).toBe(String(row.contradicted[30].length));
    expect(shown.reversed, row.voice.id).toBe(String(row.reversed.length));
    if (row.offsets.length > 0 && row.offsets.length < 3) expect(shown.median, row.voice.id).toBe('too few');
  }
  const ruMod = expected.voices.find((v) => v.voice.id === 'ru-mod');
  expect(ruMod?.spoke.length).toBeGreaterThan(0);

  // and the chart draws one dot per change with days, each on its side of the reference's line
  const dots = await track.chartDots();
  const zero = await track.chartZeroX();
  for (const row of expected.voices) {
    const drawn = dots[row.voice.id] ?? [];
    expect(drawn.map((d) => d.offset).sort((a, b) => a - b)).toEqual(
      row.offsets.map((e) => e.offsetDays).sort((a, b) => (a ?? 0) - (b ?? 0)),
    );
    for (const d of drawn) expect(Math.sign(Math.round(d.cx - zero))).toBe(Math.sign(d.offset));
  }
  expect(Object.values(dots).flat().length).toBeGreaterThan(10);

  // When the user opens the Russian MoD's "changes spoken on"
  const items = await track.openFigure('ru-mod', 'spoke');
  // Then each change is listed with the ministry's claim and its citation
  await expect(items).toHaveCount(ruMod?.spoke.length ?? -1);
  for (const item of await items.all())
    await expect(item.locator('a.citation').first()).toHaveAttribute('href', /^https?:\/\//);
  expect(
    await new AxeBuilder({ page })
      .analyze()
      .then((r) => r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)),
  ).toEqual([]);

  // When the user clicks a change's date, the slider and the place follow
  const first = ruMod?.spoke[0]?.event;
  await items.first().locator('button.link-button').first().click();
  await expect(page.locator('output.current-date')).toHaveAttribute('data-date', first?.date ?? '');
  await expect(page.locator('.place-detail')).toHaveAttribute('data-place-id', first?.placeId ?? '');

  // When the user measures against ISW's map instead
  await track.chooseReference('isw');
  await expect(page).toHaveURL(/track=isw/);
  // Then ISW's map is on the reference line for every change it showed
  const byIsw = trackRecord(dataset, 'isw');
  const iswDots = (await track.chartDots())['isw:map'] ?? [];
  expect(iswDots).toHaveLength(byIsw.voices.find((v) => v.voice.id === 'isw:map')?.offsets.length ?? -1);
  expect(iswDots.length).toBeGreaterThan(0);
  for (const d of iswDots) expect(d.offset).toBe(0);

  // When the user downloads the CSV: one line per source and change it spoke on
  const csv = await track.downloadCsv();
  expect(csv.name).toBe('track-record-isw.csv');
  expect(csv.lines[0]).toContain('days_vs_reference');
  expect(csv.lines.length - 1).toBe(byIsw.voices.reduce((n, v) => n + v.spoke.length, 0));
});

test('the track record works from the keyboard and in Ukrainian', async ({ page }) => {
  const map = new MapDriver(page);
  await map.open('?track=independent&lang=uk');
  const track = new TrackRecordDriver(page);
  await expect(track.view.locator('h2')).toHaveText('Послужний список кожного джерела');
  await expect(track.view).toHaveAttribute('data-reference', 'independent');
  // A figure is a button: Enter opens its list and moves the focus to it
  await track.view.locator('tbody tr[data-voice="isw"] td[data-column="spoke"] button').focus();
  await page.keyboard.press('Enter');
  await expect(track.view.locator('.track-events h3')).toBeFocused();
  await expect(track.view.locator('.track-events h3')).toContainText('ISW');
});
