/**
 * The interface in Ukrainian and Russian (`lang=uk`, `lang=ru`), English by default: the header, the
 * slider's date, the source groups and the place panel's heading (the place's name in that language)
 * follow the language; in Ukrainian no English interface string from a list of known ones is left on
 * screen; the switch in the header changes the language, the link and `<html lang>`, and is remembered.
 */
import { expect, type Page, test } from '@playwright/test';
import { MISSING_KEY } from '../../src/ui/i18n';
import { en } from '../../src/ui/locales/en';
import { ru } from '../../src/ui/locales/ru';
import { uk } from '../../src/ui/locales/uk';
import { flatten } from '../strings';
import { MapDriver } from './driver';

/**
 * Every English interface string, as the pieces between its placeholders that are long enough to be
 * unmistakable (two words or more): none may be on screen in another language. A string the language
 * writes the same way (a format's name) is left out.
 */
function englishFragments(translated: Map<string, string>): string[] {
  const fragments = new Set<string>();
  for (const [key, text] of flatten(en)) {
    if (translated.get(key) === text) continue;
    for (const piece of text.split(/\{\{\s*\w+\s*\}\}/)) {
      const trimmed = piece
        .trim()
        .replace(/^[,.:;()]+|[,.:;()]+$/g, '')
        .trim();
      if (trimmed.length >= 10 && trimmed.includes(' ')) fragments.add(trimmed);
    }
  }
  return [...fragments];
}

const fixture = (name: string) => `test/fixtures/imports/${name}`;

const PLACE = 'malaya-loknya';
const DATE = '2025-02-06';

async function openAt(page: Page, lang?: 'uk' | 'ru') {
  const map = new MapDriver(page);
  await map.open(`?date=${DATE}&place=${PLACE}${lang ? `&lang=${lang}` : ''}`);
}

test('English is the default and stays out of the link', async ({ page }) => {
  await openAt(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('button', { name: 'About the data' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Claims table' })).toBeVisible();
  await expect(page.locator('.current-date')).toHaveText('6 February 2025');
  await expect(page.locator('.source-group[data-alignment="ukrainian"] legend')).toContainText('Ukrainian side');
  await expect(page.locator('.place-detail h2')).toHaveText('Malaya Loknya');
  await expect(page.locator('.summaries-language')).toHaveCount(0);
  expect(page.url()).not.toContain('lang=');
});

test('Ukrainian: the interface, the date and the place name in Ukrainian', async ({ page }) => {
  await openAt(page, 'uk');
  await expect(page.locator('html')).toHaveAttribute('lang', 'uk');
  await expect(page.locator('.tagline')).toHaveText('Хто що заявляє контролювати і коли: Курська область, 2024–2025');
  await expect(page.getByRole('button', { name: 'Про дані' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Таблиця заяв' })).toBeVisible();
  await expect(page.locator('.current-date')).toHaveText(/^6 лютого 2025/);
  await expect(page.locator('.source-group[data-alignment="ukrainian"] legend')).toContainText('Українська сторона');
  await expect(page.locator('.place-detail h2')).toHaveText('Мала Локня');
  await expect(page.locator('.summaries-language')).toHaveText('Зведення заяв подано англійською, як у джерелах.');
  await expect(page.locator('#sources-heading')).toHaveText('Джерела');
  await expect(page.locator('#places-heading')).toHaveText('Населені пункти');

  // No English interface string is left on screen: header buttons, headings, slider, sources, legend.
  const english = [
    en.app.tagline,
    en.app.aboutData,
    en.app.claimsTable,
    en.panel.sources,
    en.panel.places,
    en.panel.disagreements,
    en.panel.compare,
    en.slider.previousButton,
    en.slider.nextButton,
    en.slider.playButton,
    en.sources.all,
    en.sources.hideLow,
    en.sources.group.ukrainian,
    en.sources.group.russian,
    en.sources.group.independent,
    en.legend.hide,
    en.legend.placeMarker,
    en.place.timeline,
    en.disagreements.only,
    en.compare.enter,
  ];
  const headings = await page.locator('header button, h2, h3, legend, .date-slider button').allInnerTexts();
  const onScreen = headings.map((s) => s.trim());
  for (const text of english) expect(onScreen, text).not.toContain(text);
  // biome-ignore lint/performance/useDomNodeTextContent: what is rendered on screen, not hidden text
  const body = await page.locator('body').innerText();
  for (const text of [en.app.tagline, en.legend.placeMarker, en.slider.hint, en.place.everyClaim.split(' {{')[0]])
    expect(body, text).not.toContain(text);
});

test('Russian: the interface, the date and the place name in Russian', async ({ page }) => {
  await openAt(page, 'ru');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
  await expect(page.getByRole('button', { name: 'О данных' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Таблица заявлений' })).toBeVisible();
  await expect(page.locator('.current-date')).toHaveText(/^6 февраля 2025/);
  await expect(page.locator('.source-group[data-alignment="russian"] legend')).toContainText('Российская сторона');
  await expect(page.locator('.place-detail h2')).toHaveText('Малая Локня');
  await expect(page.locator('.summaries-language')).toHaveText(
    'Сводки заявлений даны на английском, как в источниках.',
  );
});

test('the switch changes the language, the link and <html lang>, and is remembered', async ({ page }) => {
  await openAt(page);
  await page.getByLabel('Language').selectOption('uk');
  await expect(page.locator('html')).toHaveAttribute('lang', 'uk');
  await expect(page.locator('.current-date')).toHaveText(/^6 лютого 2025/);
  await expect(page.locator('.place-detail h2')).toHaveText('Мала Локня');
  await expect.poll(() => new URL(page.url()).searchParams.get('lang')).toBe('uk');
  // A bare link on this machine opens in the language chosen last.
  await new MapDriver(page).open();
  await expect(page.locator('html')).toHaveAttribute('lang', 'uk');
  await expect(page.getByRole('button', { name: 'Про дані' })).toBeVisible();
  await page.getByLabel('Мова').selectOption('en');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect.poll(() => new URL(page.url()).searchParams.get('lang')).toBeNull();
});

for (const [lang, strings, chooseFiles] of [
  ['uk', uk, 'Вибрати файли…'],
  ['ru', ru, 'Выбрать файлы…'],
] as const) {
  test(`${lang}: no English interface string and no missing one, with every panel open`, async ({ page }) => {
    const missing: string[] = [];
    page.on('console', (message) => {
      if (message.text().includes(MISSING_KEY)) missing.push(message.text());
    });
    const map = new MapDriver(page);
    // The place panel, the claims table, the track record, the About dialog and the Data tab open from the link
    // (the other tabs' panels stay in the page, hidden, so the text below covers them too).
    await map.open(`?date=${DATE}&place=${PLACE}&table=1&track=deepstate&about=1&tab=data&lang=${lang}`);
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    await expect(page.locator('.about-dialog')).toBeVisible();
    await expect(page.locator('.claims-table tbody tr[data-claim-id]').first()).toBeVisible();
    await expect(page.locator('.track-record tbody tr[data-voice]').first()).toBeVisible();
    await expect(page.locator('.place-detail')).toBeVisible();
    // The import panel with an outcome of each kind, and the archive panel with its address form open.
    await page.getByLabel(chooseFiles).setInputFiles([fixture('good-claims.geojson'), fixture('bad-claims.geojson')]);
    await expect(page.locator('.import-ok')).toHaveCount(1);
    await expect(page.locator('.import-outcomes .import-failed')).toHaveCount(1);
    // (Opened by script: the modal About dialog takes the pointer.)
    await page.locator('.deepstate-archive-panel details').evaluate((d) => d.setAttribute('open', ''));
    await expect(page.locator('.deepstate-archive-panel input[type="url"]')).toBeVisible();

    // What a reader sees, without the record's own words (claim summaries and notes, source descriptions, the
    // checker's errors), which stay in English and are marked as such.
    const text = await page.evaluate(() => {
      const body = document.body.cloneNode(true) as HTMLElement;
      for (const el of body.querySelectorAll('.claim-summary, .claim-note, .import-errors, script, style')) el.remove();
      for (const details of body.querySelectorAll('.source-description'))
        for (const node of [...details.childNodes]) if (node.nodeName !== 'SUMMARY') node.remove();
      return body.textContent ?? '';
    });
    // Whole words only: a source named "… military bloggers" is the record's name, not the string "military blogger".
    const left = englishFragments(flatten(strings)).filter((fragment) =>
      new RegExp(`(?<!\\p{L})${fragment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?!\\p{L})`, 'u').test(text),
    );
    expect(left).toEqual([]);
    // Single words are too common to search the page for: the table's headers and the panels' buttons instead.
    const words = new Set([...Object.values(en.table), ...Object.values(en.import), en.common.dismiss].flat());
    const labels = await page
      .locator('.claims-table th, .import-panel button, .deepstate-archive-panel button')
      .allInnerTexts();
    expect(labels.map((l) => l.replace(/[▲▼]/g, '').trim()).filter((l) => words.has(l))).toEqual([]);
    expect(missing).toEqual([]);
  });
}
