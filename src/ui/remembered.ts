/**
 * A yes/no remembered on this machine (localStorage), like the basemap choice: a declined offer, a dismissed
 * hint. Blocked or full storage reads as "not yet" and forgets quietly: the offer or hint comes back next visit.
 */
export function rememberedFlag(key: string) {
  return {
    isSet(storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage): boolean {
      try {
        return storage?.getItem(key) === '1';
      } catch {
        return false;
      }
    },
    set(storage: Pick<Storage, 'setItem'> | undefined = globalThis.localStorage): void {
      try {
        storage?.setItem(key, '1');
      } catch {
        // Storage full or blocked: nothing else is lost.
      }
    },
  };
}
