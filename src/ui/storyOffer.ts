/** Whether this machine has declined the first view's story offer (remembered, like the basemap choice). */
const KEY = 'frontline-claims:story-offer-declined:v1';

export function storyOfferDeclined(storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage): boolean {
  try {
    return storage?.getItem(KEY) === '1';
  } catch {
    return false;
  }
}

export function rememberStoryOfferDeclined(
  storage: Pick<Storage, 'setItem'> | undefined = globalThis.localStorage,
): void {
  try {
    storage?.setItem(KEY, '1');
  } catch {
    // Storage full or blocked: the offer comes back next visit; nothing else is lost.
  }
}
