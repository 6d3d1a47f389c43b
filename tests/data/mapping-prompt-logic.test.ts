import { expect } from '@open-wc/testing';
import { mappingPrompt } from '../../src/data/logic/mapping-prompt.js';
import type { MappingStatus } from '../../src/data/model.js';

const status = (total: number, mapped: number, unknownCustomers = 0): MappingStatus => ({ total, mapped, unknownCustomers, customers: 100 });

describe('mappingPrompt', () => {
  it('asks for the whole mapping when no source is mapped', () => {
    expect(mappingPrompt(status(5, 0, 9))).to.deep.equal({ kind: 'missing', unmapped: 5, total: 5, unknownCustomers: 9 });
    expect(mappingPrompt(status(1, 0))?.kind).to.equal('missing');
  });

  it('gives the counts when only some sources are mapped', () => {
    expect(mappingPrompt(status(40, 28, 230))).to.deep.equal({ kind: 'incomplete', unmapped: 12, total: 40, unknownCustomers: 230 });
    expect(mappingPrompt(status(2, 1))?.kind).to.equal('incomplete');
  });

  it('says nothing when every source is mapped or there are none, even with customers without a source', () => {
    expect(mappingPrompt(status(4, 4, 6))?.kind).to.equal('none');
    expect(mappingPrompt(status(0, 0, 3))?.kind).to.equal('none');
  });

  it('refuses counts that cannot be true', () => {
    for (const bad of [status(3, 5), status(-1, 0), status(2.5, 1), status(NaN, 0), { total: '4', mapped: 1 } as unknown as MappingStatus, null as unknown as MappingStatus]) {
      expect(mappingPrompt(bad), JSON.stringify(bad)).to.equal(null);
    }
  });
});
