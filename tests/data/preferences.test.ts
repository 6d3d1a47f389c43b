import { expect } from '@open-wc/testing';
import { openDB } from 'idb';
import { PREFERENCES_DB, preferenceKey, preferenceStore } from '../../src/data/cache/preferences.js';

let seq = 0;
const tenant = () => `prefs-test-${Date.now()}-${++seq}`;

async function raw(key: string): Promise<unknown> {
  const db = await openDB(PREFERENCES_DB);
  try {
    return await db.get('prefs', key);
  } finally {
    db.close();
  }
}

describe('preference store', () => {
  it('sets, gets and deletes values in IndexedDB, keyed by tenant, user and name', async () => {
    const t = tenant();
    const store = preferenceStore({ tenant: t, user: 'ana' });
    expect(await store.get('mapping-warning.dismissed')).to.equal(undefined);
    await store.set('mapping-warning.dismissed', true);
    await store.set('report.range', { from: '2026-01-01', to: '2026-01-31' });
    expect(store.storage).to.equal('indexeddb');
    expect(await raw(`${t}:ana:mapping-warning.dismissed`)).to.equal(true);

    const again = preferenceStore({ tenant: t, user: 'ana' });
    expect(await again.get('mapping-warning.dismissed')).to.equal(true);
    expect(await again.get('report.range')).to.deep.equal({ from: '2026-01-01', to: '2026-01-31' });

    await again.delete('mapping-warning.dismissed');
    expect(await store.get('mapping-warning.dismissed')).to.equal(undefined);
    expect(await raw(`${t}:ana:mapping-warning.dismissed`)).to.equal(undefined);
  });

  it('keeps each user and each shop apart', async () => {
    const t = tenant();
    const ana = preferenceStore({ tenant: t, user: 'ana' });
    const ben = preferenceStore({ tenant: t, user: 'ben' });
    const anaElsewhere = preferenceStore({ tenant: `${t}-2`, user: 'ana' });
    await ana.set('x', 1);
    await ben.set('x', 2);
    expect(await ana.get('x')).to.equal(1);
    expect(await ben.get('x')).to.equal(2);
    expect(await anaElsewhere.get('x')).to.equal(undefined);

    // A ":" in a name cannot reach another identity's keys.
    const tricky = preferenceStore({ tenant: t, user: 'ana:x' });
    expect(preferenceKey(t, 'ana:x', '')).to.not.equal(preferenceKey(t, 'ana', 'x:'));
    expect(await tricky.get('')).to.equal(undefined);

    await ana.clear();
    expect(await ana.get('x')).to.equal(undefined);
    expect(await ben.get('x')).to.equal(2);
  });

  it('a read sees the writes made before it, without waiting for them', async () => {
    const t = tenant();
    const writer = preferenceStore({ tenant: t, user: 'ana' });
    const reader = preferenceStore({ tenant: t, user: 'ana' });
    void writer.set('seen', 'yes');
    expect(await reader.get('seen')).to.equal('yes');
    void writer.delete('seen');
    expect(await reader.get('seen')).to.equal(undefined);
  });

  it('without IndexedDB, keeps values in memory for the page and never throws', async () => {
    const t = tenant();
    const store = preferenceStore({ tenant: t, user: 'ana', indexedDB: null });
    expect(store.storage).to.equal('memory');
    await store.set('mapping-warning.dismissed', true);
    expect(await store.get('mapping-warning.dismissed')).to.equal(true);
    expect(await preferenceStore({ tenant: t, user: 'ana', indexedDB: null }).get('mapping-warning.dismissed')).to.equal(true);
    expect(await preferenceStore({ tenant: t, user: 'ben', indexedDB: null }).get('mapping-warning.dismissed')).to.equal(undefined);
    // Nothing reached the database.
    expect(await raw(preferenceKey(t, 'ana', 'mapping-warning.dismissed'))).to.equal(undefined);
    await store.delete('mapping-warning.dismissed');
    expect(await store.get('mapping-warning.dismissed')).to.equal(undefined);
    await store.set('a', 1);
    await store.clear();
    expect(await store.get('a')).to.equal(undefined);
  });

  it('falls back to memory when a value cannot be stored, instead of throwing', async () => {
    const t = tenant();
    const store = preferenceStore({ tenant: t, user: 'ana' });
    const fn = () => 1;
    await store.set('not-cloneable', fn);
    expect(store.storage).to.equal('memory');
    expect(await store.get('not-cloneable')).to.equal(fn);
  });
});
