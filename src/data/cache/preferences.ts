/**
 * The cache's `preferences` part: small settings a widget remembers for the signed-in user ("don't
 * show again"), kept in the cache's own database for its tenant and user (the `prefs` store), so
 * `clearCache()` removes them with the rest of the user's data. While the cache runs without
 * IndexedDB they live in memory for the page. No method rejects.
 */
import type { PreferencesApi } from '../adapter.js';
import type { CacheStorage } from './storage.js';

/**
 * The preferences of one cache.
 * @param storage The cache's storage (its database, or memory after a fall back).
 * @returns get/set/delete by name; a read sees every write made before it, even one not awaited.
 * @example
 * const prefs = cachePreferences(storage);
 * await prefs.set('mapping-warning.dismissed', true);
 * await prefs.get('mapping-warning.dismissed'); // true
 */
export function cachePreferences(storage: CacheStorage): PreferencesApi {
  let queue: Promise<unknown> = Promise.resolve();
  /** Runs after the operations before it; a failure resolves to `fallback` (storage already reported it). */
  function serial<T>(op: () => Promise<T>, fallback: T): Promise<T> {
    const next = queue.then(op).catch(() => fallback);
    queue = next;
    return next;
  }
  return {
    get: <T>(name: string) => serial(() => storage.getPreference(name) as Promise<T | undefined>, undefined),
    set: (name, value) => serial(() => storage.putPreference(name, value), undefined),
    delete: (name) => serial(() => storage.deletePreference(name), undefined),
  };
}
