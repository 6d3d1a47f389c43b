import { expect } from '@open-wc/testing';
import type { PosSource } from '../../src/data/model.js';
import { DEFAULT_CATEGORIES } from '../../src/data/logic/sources.js';
import { describeSource, groupSourcesForPicker, sourceDescriber } from '../../src/data/logic/source-picker.js';

const source = (id: string, name: string, categoryId: string | null, deleted = false): PosSource => ({
  id,
  code: name.toUpperCase(),
  categoryId,
  name,
  origin: 'pos',
  deleted,
  customerCount: 0,
  version: 1,
  updatedAt: '2026-01-01T00:00:00.000Z',
});

describe('groupSourcesForPicker', () => {
  it('groups mapped, live sources by category in category order, names sorted', () => {
    const groups = groupSourcesForPicker(
      [
        source('s1', 'Yelp', 'internet'),
        source('s2', 'Radio – KJZ', 'advertising'),
        source('s3', 'Google', 'internet'),
        source('s4', 'Unmapped', null),
        source('s5', 'Old mailer', 'advertising', true),
        source('s6', 'Orphan', 'no-such-category'),
        source('s7', 'google 10', 'internet'),
        source('s8', 'google 9', 'internet'),
      ],
      [...DEFAULT_CATEGORIES].reverse(),
    );
    expect(groups.map((g) => g.categoryName)).to.deep.equal(['Internet', 'Advertising']);
    expect(groups[0]!.sources.map((s) => s.name)).to.deep.equal(['Google', 'google 9', 'google 10', 'Yelp']);
    expect(groups[1]!.sources).to.deep.equal([{ id: 's2', name: 'Radio – KJZ' }]);
  });

  it('is empty without mapped sources', () => {
    expect(groupSourcesForPicker([source('s1', 'GOOG', null)], DEFAULT_CATEGORIES)).to.deep.equal([]);
    expect(groupSourcesForPicker([], [])).to.deep.equal([]);
  });
});

describe('describeSource', () => {
  const sources = [source('s1', 'Google', 'internet'), source('s2', 'X', null), source('s3', 'Y', 'internet', true), source('s4', 'Z', 'gone')];
  it('names a known source by category and subcategory', () => {
    expect(describeSource('s1', sources, DEFAULT_CATEGORIES)).to.deep.equal({ categoryName: 'Internet', sourceName: 'Google' });
  });
  it('is null for no source, an unknown id, an unmapped, deleted or category-less source', () => {
    for (const id of [null, undefined, '', 'nope', 's2', 's3', 's4']) expect(describeSource(id, sources, DEFAULT_CATEGORIES), String(id)).to.equal(null);
  });
});

describe('sourceDescriber', () => {
  const sources = [source('s1', 'Google', 'internet'), source('s2', 'X', null), source('s3', 'Y', 'internet', true), source('s4', 'Z', 'gone'), source('s5', 'KJZ', 'advertising')];
  it('names each source as describeSource does', () => {
    const describe = sourceDescriber(sources, DEFAULT_CATEGORIES);
    expect(describe('s1')).to.deep.equal({ categoryName: 'Internet', sourceName: 'Google' });
    expect(describe('s5')).to.deep.equal({ categoryName: 'Advertising', sourceName: 'KJZ' });
    for (const id of [null, undefined, '', 'nope', 's2', 's3', 's4', 's1', 's5']) {
      expect(describe(id), String(id)).to.deep.equal(describeSource(id, sources, DEFAULT_CATEGORIES));
    }
  });
  it('names nothing without sources or categories', () => {
    expect(sourceDescriber([], DEFAULT_CATEGORIES)('s1')).to.equal(null);
    expect(sourceDescriber(sources, [])('s1')).to.equal(null);
  });
});
