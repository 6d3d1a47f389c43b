import { expect } from '@open-wc/testing';
import type { PosSource } from '../../src/data/model.js';
import { completionPlan, mappingSuggestions } from '../../src/data/logic/source-mapping.js';

function source(id: string, code: string, change: Partial<PosSource> = {}): PosSource {
  return { id, code, name: '', categoryId: null, origin: 'pos', deleted: false, customerCount: 0, version: 1, updatedAt: '2026-01-01T00:00:00.000Z', ...change };
}

describe('completionPlan', () => {
  it('splits the unmapped sources into those with a suggestion and the rest, in list order', () => {
    const sources = [
      source('yelp', 'YELP'),
      source('tire', 'TIRE RACK'),
      source('goog', 'GOOG', { categoryId: 'internet', name: 'Google' }),
      source('radio', 'RADIO KWTX'),
      source('old-fb', 'FB', { deleted: true }),
      source('aaa', 'AAA'),
    ];
    expect(completionPlan(sources, mappingSuggestions(sources))).to.deep.equal({
      unmapped: ['yelp', 'tire', 'radio', 'aaa'],
      suggested: ['yelp', 'radio'],
      rest: ['tire', 'aaa'],
    });
  });

  it('counts only suggestions for sources still unmapped', () => {
    const sources = [source('yelp', 'YELP', { categoryId: 'referral' }), source('tire', 'TIRE RACK')];
    // A stale suggestion for a source mapped since does not count.
    expect(completionPlan(sources, new Map([['yelp', {}]]))).to.deep.equal({ unmapped: ['tire'], suggested: [], rest: ['tire'] });
  });

  it('is empty when every source is mapped', () => {
    expect(completionPlan([source('a', 'GOOG', { categoryId: 'internet' })], new Map())).to.deep.equal({ unmapped: [], suggested: [], rest: [] });
  });
});
