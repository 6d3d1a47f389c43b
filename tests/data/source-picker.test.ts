import { expect } from '@open-wc/testing';
import type { PosSource } from '../../src/data/model.js';
import { DEFAULT_CATEGORIES } from '../../src/data/logic/sources.js';
import { describeSource, groupSourcesForPicker, pickerEntryOf, sourceDescriber } from '../../src/data/logic/source-picker.js';

const source = (id: string, name: string, categoryId: string | null, deleted = false, customerCount = 0): PosSource => ({
  id,
  code: name.toUpperCase(),
  categoryId,
  name,
  origin: 'pos',
  deleted,
  customerCount,
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
    expect(groups[1]!.sources).to.deep.equal([{ id: 's2', name: 'Radio – KJZ', ids: ['s2'] }]);
  });

  it('lists codes mapped to the same category and name once, saving the one most customers carry', () => {
    const groups = groupSourcesForPicker(
      [
        source('s1', 'Google', 'internet', false, 8),
        source('s2', 'Google', 'internet', false, 30),
        source('s3', ' google ', 'internet', false, 30),
        source('s4', 'Ｇｏｏｇｌｅ', 'internet', true, 99),
        source('s5', 'Drive-by', 'drive-by', false, 6),
        source('s6', 'Drive-by', 'drive-by', false, 6),
        source('s7', 'Google', 'advertising', false, 1),
        source('s8', 'Google Ads', 'internet', false, 1),
      ],
      DEFAULT_CATEGORIES,
    );
    const internet = groups.find((g) => g.categoryId === 'internet')!;
    // s2 and s3 carry as many customers: the lower id wins; the deleted full-width one is not offered.
    expect(internet.sources).to.deep.equal([
      { id: 's2', name: 'Google', ids: ['s2', 's3', 's1'] },
      { id: 's8', name: 'Google Ads', ids: ['s8'] },
    ]);
    expect(groups.find((g) => g.categoryId === 'drive-by')!.sources).to.deep.equal([{ id: 's5', name: 'Drive-by', ids: ['s5', 's6'] }]);
    // The same name under another category is another subcategory.
    expect(groups.find((g) => g.categoryId === 'advertising')!.sources).to.deep.equal([{ id: 's7', name: 'Google', ids: ['s7'] }]);
  });

  it('is empty without mapped sources', () => {
    expect(groupSourcesForPicker([source('s1', 'GOOG', null)], DEFAULT_CATEGORIES)).to.deep.equal([]);
    expect(groupSourcesForPicker([], [])).to.deep.equal([]);
  });
});

describe('pickerEntryOf', () => {
  const groups = groupSourcesForPicker(
    [source('s1', 'Google', 'internet', false, 8), source('s2', 'Google', 'internet', false, 30), source('s3', 'Yelp', 'internet'), source('s4', 'X', null)],
    DEFAULT_CATEGORIES,
  );
  it('finds the entry a source was merged into, or its own', () => {
    expect(pickerEntryOf(groups, 's1')).to.deep.equal({ id: 's2', name: 'Google', ids: ['s2', 's1'] });
    expect(pickerEntryOf(groups, 's2')!.id).to.equal('s2');
    expect(pickerEntryOf(groups, 's3')).to.deep.equal({ id: 's3', name: 'Yelp', ids: ['s3'] });
  });
  it('is null for a source that cannot be picked', () => {
    for (const id of [null, undefined, '', 's4', 'nope']) expect(pickerEntryOf(groups, id), String(id)).to.equal(null);
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
