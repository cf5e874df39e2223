/**
 * How many times this process has written to a store: a cache of what the store holds (the API's /api/stats) is
 * fresh while the number it was made at is still the number. Writes by other processes (other ingests on a server)
 * do not count here: a cache must also expire.
 */
import type { Store } from "./db.js";

const generations = new WeakMap<Store, number>();

export function storeGeneration(store: Store): number {
  return generations.get(store) ?? 0;
}

/** Called after every committed write. */
export function bumpGeneration(store: Store): void {
  generations.set(store, storeGeneration(store) + 1);
}
