/**
 * What every clock on a page shares per adapter: the dealer's OEM rules and business calendar,
 * read once and handed to all clocks, and one listener on a cached adapter's changes that drops
 * those reads and tells the clocks to read again (one listener, not one per clock).
 */
import type { ForecourtAdapter } from '../../data/adapter.js';
import type { DealerProfile, StoredOemRule } from '../../data/model.js';
import { isCachedAdapter } from '../shared/controllers/adapter-events.js';

/** Why the clocks are told to read again: the adapter's lead data changed, or a failed read is being retried. */
export type RefreshReason = 'change' | 'retry';

interface Entry {
  rules?: Promise<StoredOemRule[]>;
  dealer?: Promise<DealerProfile>;
  watchers: Set<(reason: RefreshReason) => void>;
  /** The listener on a cached adapter, while someone watches. */
  listener?: (event: Event) => void;
}

const entries = new WeakMap<ForecourtAdapter, Entry>();

function entryOf(adapter: ForecourtAdapter): Entry {
  let entry = entries.get(adapter);
  if (!entry) entries.set(adapter, (entry = { watchers: new Set() }));
  return entry;
}

/** Keeps a read until it fails: a failed read is dropped so the next ask reads again. */
function once<T>(entry: Entry, key: 'rules' | 'dealer', read: () => Promise<T>): Promise<T> {
  const cached = entry[key] as Promise<T> | undefined;
  if (cached) return cached;
  const promise = read();
  (entry as unknown as Record<string, Promise<T> | undefined>)[key] = promise;
  promise.catch(() => {
    if (entry[key] === (promise as unknown)) delete entry[key];
  });
  return promise;
}

/**
 * The dealer's OEM rules through `adapter.leads.rules()`, read once for every clock on the page.
 * No abort signal is passed: the read is shared, one clock going away must not cancel it.
 * @param via What to read through when not `adapter` itself: after a failed read, the query
 *   controller's fresh view of a cached adapter, so the read asks the server again.
 */
export function sharedRules(adapter: ForecourtAdapter, via = adapter): Promise<StoredOemRule[]> {
  return once(entryOf(adapter), 'rules', () => via.leads!.rules());
}

/** The dealer's profile (zone, hours, holidays) through `adapter.leads.dealer()`, read once for every clock; `via` as for `sharedRules`. */
export function sharedDealer(adapter: ForecourtAdapter, via = adapter): Promise<DealerProfile> {
  return once(entryOf(adapter), 'dealer', () => via.leads!.dealer());
}

/**
 * Follows an adapter's lead changes for one clock: `onRefresh('change')` after the adapter's
 * lead data changed (the shared reads are already dropped), `onRefresh('retry')` when another
 * clock retries a failed read.
 * @returns Stops following.
 */
export function watchLeads(adapter: ForecourtAdapter, onRefresh: (reason: RefreshReason) => void): () => void {
  const entry = entryOf(adapter);
  entry.watchers.add(onRefresh);
  if (!entry.listener && isCachedAdapter(adapter)) {
    entry.listener = (event) => {
      const domains = (event as CustomEvent<{ domains: string[] }>).detail?.domains ?? [];
      if (!domains.includes('leads')) return;
      delete entry.rules;
      delete entry.dealer;
      notify(entry, 'change');
    };
    adapter.addEventListener('fc-cache-change', entry.listener);
  }
  return () => {
    entry.watchers.delete(onRefresh);
    if (!entry.watchers.size && entry.listener && isCachedAdapter(adapter)) {
      adapter.removeEventListener('fc-cache-change', entry.listener);
      entry.listener = undefined;
    }
  };
}

/**
 * Drops the shared reads and tells every clock of the adapter to read again: a read of this store
 * still on its way was sent before the retry (while the server was failing), so it is asked again
 * rather than awaited. The clocks that failed read through the cache's fresh view (see
 * `sharedRules`), so the cache does not join its own request on its way either.
 */
export function retrySharedReads(adapter: ForecourtAdapter): void {
  const entry = entryOf(adapter);
  delete entry.rules;
  delete entry.dealer;
  notify(entry, 'retry');
}

function notify(entry: Entry, reason: RefreshReason): void {
  for (const watcher of [...entry.watchers]) watcher(reason);
}
