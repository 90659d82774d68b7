/**
 * Find places by any of their names: English, Russian, Ukrainian or an
 * alternate spelling, ignoring case, accents, apostrophes and the adjective
 * endings that transliterations disagree on (Cherkasskaya / Cherkasskoye).
 */
import type { Place } from './model';

const ADJECTIVE_ENDINGS = [
  'aya',
  'oye',
  'oe',
  'iy',
  'yy',
  'ij',
  'yj',
  'ая',
  'ое',
  'ий',
  'ый',
  'ой',
  'ька',
  'ка',
  'а',
  'е',
];

function normalizeName(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/ё/g, 'е')
    .replace(/['’ʼ`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function stem(token: string): string {
  for (const ending of ADJECTIVE_ENDINGS)
    if (token.length > ending.length + 3 && token.endsWith(ending)) return token.slice(0, -ending.length);
  return token;
}

function tokens(text: string): string[] {
  return normalizeName(text).split(' ').filter(Boolean);
}

function allNames(place: Place): string[] {
  return [place.names.en, place.names.ru, place.names.uk, ...place.names.alt];
}

/** Does every query word start one of the name's words (after stemming both)? */
function matches(name: string, query: string[]): boolean {
  const words = tokens(name);
  return query.every((q) => words.some((w) => w.startsWith(q) || stem(w).startsWith(stem(q))));
}

export interface PlaceMatch {
  place: Place;
  /** The name that matched, to show the user why. */
  matchedName: string;
}

export function searchPlaces(places: readonly Place[], query: string): PlaceMatch[] {
  const q = tokens(query);
  if (q.length === 0) return [];
  const results: PlaceMatch[] = [];
  for (const place of places) {
    const name = allNames(place).find((n) => matches(n, q));
    if (name) results.push({ place, matchedName: name });
  }
  return results;
}
