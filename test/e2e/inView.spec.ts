/**
 * The map first: what the user asked to see is in the free part of the map, not under the legend, a card, a
 * panel, the sheet or a notice, and not off the map. At 1440×900 and 390×844: the first visit (the places the
 * app is about), each seed place opened by a link on 12 March 2025, each step of the seed story (the step's
 * places), and a jump from a row of the claims table.
 */
import { readFileSync } from 'node:fs';
import { test } from '@playwright/test';
import type { Story } from '../../src/claims/story';
import { stepPlaces } from '../../src/claims/storyPlaces';
import { MapDriver } from './driver';

const SEED_PLACES = ['sudzha', 'ulanok', 'cherkasskaya-konopelka'];
const story = JSON.parse(readFileSync('data/stories/1-ulanok-konopelka-february-2025.json', 'utf8')) as Story;
const claimPlaces = new Map(
  (
    JSON.parse(readFileSync('data/claims.geojson', 'utf8')) as {
      features: { properties: { id: string; placeIds: string[] } }[];
    }
  ).features.map((f) => [f.properties.id, f.properties.placeIds]),
);
const placesOfStep = (step: number) => stepPlaces(story, step, (id) => claimPlaces.get(id) ?? []);

for (const viewport of [
  { width: 1440, height: 900 },
  { width: 390, height: 844 },
])
  test.describe(`at ${viewport.width}×${viewport.height}`, () => {
    test.use({ viewport });

    test('the first visit shows Sudzha, Ulanok and Cherkasskaya Konopelka clear of the legend and the story offer', async ({
      page,
    }) => {
      // Given a first visit with a bare link (the story is offered)
      const map = new MapDriver(page);
      await map.open('');
      // Then the seed places are in the free part of the map
      await map.expectInView(SEED_PLACES, 'the seed places on the first visit');
    });

    for (const place of SEED_PLACES)
      test(`a link that opens ${place} on 12 March 2025 shows it in the free part of the map`, async ({ page }) => {
        // Given a link to the place on the date Sudzha was retaken
        const map = new MapDriver(page);
        await map.open(`?date=2025-03-12&place=${place}`);
        // Then the place is on the map, under nothing
        await map.expectInView([place], `${place} opened by a link`);
      });

    test('each step of the seed story shows its places clear of the story card', async ({ page }) => {
      // Given the seed story at its first step
      const map = new MapDriver(page);
      await map.open(`?story=${story.id}&step=1`);
      for (let step = 1; step <= story.steps.length; step++) {
        // Then the step's places are in the free part of the map
        await map.expectInView(placesOfStep(step), `story step ${step}`);
        // When the user steps on
        if (step < story.steps.length) await map.nextStoryStep();
      }
    });

    test('a row of the claims table brings its place into the free part of the map', async ({ page }) => {
      // Given the default view, with Malaya Loknya (north of Sudzha) off the map or near its edge
      const map = new MapDriver(page);
      await map.open('?date=2025-02-06');
      // When the user opens the table and clicks the date of a claim about it
      await map.jumpFromTable('malaya-loknya');
      // Then the place is shown, in the free part of the map
      await map.expectInView(['malaya-loknya'], 'Malaya Loknya after a table row jump');
    });
  });
