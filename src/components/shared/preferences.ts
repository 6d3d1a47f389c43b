import type { ForecourtAdapter, PreferencesApi } from '../../data/adapter.js';

/**
 * Choices made without `preferences` in the adapter (a plain REST adapter, a host's own):
 * remembered for the page only, per adapter, so a new adapter (someone else signed in) starts afresh.
 */
const pagePreferences = new WeakMap<object, Map<string, unknown>>();

/**
 * Where a widget keeps a user's choice ("Don't show again", "Pause blinking"): the adapter's
 * `preferences` (per tenant and user, kept by the provider's cache), else the page's memory.
 */
export function preferencesOf(adapter: ForecourtAdapter): PreferencesApi {
  if (adapter.preferences) return adapter.preferences;
  let values = pagePreferences.get(adapter);
  if (!values) pagePreferences.set(adapter, (values = new Map()));
  const page = values;
  return {
    get: async <T>(name: string) => page.get(name) as T | undefined,
    set: async (name, value) => void page.set(name, value),
    delete: async (name) => void page.delete(name),
  };
}
