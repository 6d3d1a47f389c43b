import { expect } from '@open-wc/testing';
import { patchRead, recordOf } from '../../src/data/cache/patch.js';

describe('patchRead (a confirmed answer applied to a cached read)', () => {
  const customer = { id: 'c-1', version: 3, sourceId: 'GOOG', firstName: 'Ana' };

  it('finds the record in a write\'s answer or a conflict\'s body, and nothing else', () => {
    expect(recordOf(customer)).to.equal(customer);
    expect(recordOf({ current: customer })).to.equal(customer);
    for (const answer of [{ mapped: 4 }, null, 42, [customer], { id: 'c-1' }, { id: 7, version: 1 }, { id: 'c-1', version: Number.NaN }]) {
      expect(recordOf(answer), JSON.stringify(answer)).to.equal(null);
    }
  });

  it('replaces older copies in lists and pages, leaves newer ones and the input alone', () => {
    const page = { items: [{ id: 'c-1', version: 2, sourceId: null, firstName: 'Ana' }, { id: 'c-2', version: 1, sourceId: null }], nextCursor: null };
    const frozen = JSON.stringify(page);
    expect(patchRead(page, customer)).to.deep.equal({ items: [customer, page.items[1]], nextCursor: null });
    expect(JSON.stringify(page)).to.equal(frozen);
    expect(patchRead([{ ...customer, version: 3 }], customer)).to.equal(undefined);
    expect(patchRead([{ ...customer, version: 5, sourceId: 'YELP' }], customer)).to.equal(undefined);
    expect(patchRead({ items: [], nextCursor: null }, customer)).to.equal(undefined);
  });

  it('gives a board entry of the customer its source and version, known once a source is set', () => {
    const entry = { id: 'tvp-1', customerId: 'c-1', customerVersion: 2, sourceId: null, sourceUnknown: true, customerName: 'Ana' };
    expect(patchRead([entry], customer)).to.deep.equal([{ ...entry, customerVersion: 3, sourceId: 'GOOG', sourceUnknown: false }]);
    // Cleared: unknown. The same (unmapped) source as before: as unknown as it was.
    expect(patchRead([{ ...entry, sourceUnknown: false, sourceId: 'GOOG' }], { ...customer, sourceId: null })).to.deep.equal([
      { ...entry, customerVersion: 3, sourceId: null, sourceUnknown: true },
    ]);
    expect(patchRead([{ ...entry, sourceId: 'GOOG' }], customer)).to.deep.equal([{ ...entry, sourceId: 'GOOG', customerVersion: 3 }]);
    // A source (no sourceId field) never touches board entries.
    expect(patchRead([entry], { id: 'c-1', version: 9, name: 'Google' })).to.equal(undefined);
  });
});
