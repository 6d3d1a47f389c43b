/**
 * The move out of a database that an earlier version named after the tenant and user: its unsent
 * writes (in their order) and preferences go into the hashed database; cached reads are not moved,
 * they are read again. Loaded only when such a database exists.
 */
import { openDB } from 'idb';
import type { IDBPDatabase } from 'idb';
import type { Schema, StoredEntry } from './storage.js';

/**
 * Copies the unsent writes and preferences of the database `legacy` into the one `open` opens,
 * keeping any write or preference already there. Does not delete `legacy`.
 * @param legacy The earlier version's database name.
 * @param open Opens (creating if need be) the hashed database.
 */
export async function moveLegacyDatabase(legacy: string, open: () => Promise<IDBPDatabase<Schema>>): Promise<void> {
  let missing = false;
  const old = await openDB(legacy, undefined, {
    upgrade: (_db, oldVersion, _next, tx) => {
      if (oldVersion > 0) return;
      missing = true;
      tx.done.catch(() => undefined);
      tx.abort();
    },
  }).catch((error: unknown) => {
    if (missing) return null;
    throw error;
  });
  if (!old) return;
  let entries: StoredEntry[] = [];
  let prefs: [IDBValidKey, unknown][] = [];
  try {
    const names = [...old.objectStoreNames];
    if (names.includes('outbox')) entries = ((await old.getAll('outbox')) as StoredEntry[]).filter((e) => e.status !== 'confirmed');
    if (names.includes('prefs')) {
      const tx = old.transaction('prefs');
      const [keys, values] = await Promise.all([tx.store.getAllKeys(), tx.store.getAll()]);
      prefs = keys.map((key, i) => [key, values[i]]);
    }
  } finally {
    old.close();
  }
  if (!entries.length && !prefs.length) return;
  const db = await open();
  try {
    const tx = db.transaction(['outbox', 'prefs'], 'readwrite');
    const outbox = tx.objectStore('outbox');
    for (const { seq: _seq, ...entry } of entries.sort((a, b) => a.seq - b.seq)) {
      if ((await outbox.index('key').getKey(entry.key)) === undefined) await outbox.add(entry as StoredEntry);
    }
    const store = tx.objectStore('prefs');
    for (const [key, value] of prefs) if (typeof key === 'string' && (await store.getKey(key)) === undefined) await store.put(value, key);
    await tx.done;
  } finally {
    db.close();
  }
}
