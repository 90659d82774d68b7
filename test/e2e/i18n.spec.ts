/**
 * The interface in Ukrainian and Russian (`lang=uk`, `lang=ru`), English by default: the header, the
 * slider's date, the source groups and the place panel's heading (the place's name in that language)
 * follow the language; in Ukrainian no English interface string from a list of known ones is left on
 * screen; the switch in the header changes the language, the link and `<html lang>`, and is remembered.
 */
import { expect, type Page, test } from '@playwright/test';
import { en } from '../../src/ui/locales/en';
import { MapDriver } from './driver';

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
