import { expect } from '@open-wc/testing';
import { isAdapterError } from '../../src/data/errors.js';
import type { Page } from '../../src/data/adapter.js';
import { DEFAULT_PAGE_LIMIT, MAX_PAGE_LIMIT, paginate } from '../../src/data/logic/paging.js';
import { checkDateRange } from '../../src/data/logic/calendar.js';

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

describe('paginate', () => {
  const items = Array.from({ length: 2500 }, (_, i) => i);

  it('walks the whole list with cursors, each item once', () => {
    const seen: number[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: Page<number> = paginate(items, { cursor, limit: 700 });
      expect(page.total).to.equal(2500);
      seen.push(...page.items);
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).to.equal(4);
    expect(seen).to.deep.equal(items);
  });

  it('defaults the page size and caps it', () => {
    expect(paginate(items, {}).items.length).to.equal(DEFAULT_PAGE_LIMIT);
    expect(paginate(items, { limit: 5000 }).items.length).to.equal(MAX_PAGE_LIMIT);
    expect(paginate([], {})).to.deep.equal({ items: [], total: 0, nextCursor: null });
  });

  it('gives an empty last page for a cursor past the end', () => {
    const last = paginate([1, 2, 3], { limit: 2 });
    expect(paginate([1], { cursor: last.nextCursor }).items).to.deep.equal([]);
  });

  it('starts at a position asked for directly, and refuses one that is not a whole number from 0', () => {
    expect(paginate(items, { offset: 3, limit: 2 })).to.deep.include({ items: items.slice(3, 5), total: items.length });
    expect(paginate(items, { offset: 0, cursor: paginate(items, { limit: 2 }).nextCursor }).items[0]).to.equal(items[0]);
    for (const offset of [-1, 1.5, Number.NaN]) {
      const error = thrown(() => paginate(items, { offset }));
      expect(isAdapterError(error) && error.kind, String(offset)).to.equal('rejected');
      expect((error as Error).message).to.match(/^Invalid position/);
    }
  });

  it('rejects a cursor it did not make, and a bad page size', () => {
    for (const cursor of ['not base64 !!', btoa('o:-1'), btoa('o:1.5'), btoa('hello'), 'eA==']) {
      const error = thrown(() => paginate(items, { cursor }));
      expect(isAdapterError(error) && error.kind, cursor).to.equal('rejected');
      expect((error as Error).message).to.match(/^Invalid page cursor/);
    }
    for (const limit of [0, -3, 2.5, Number.NaN]) {
      const error = thrown(() => paginate(items, { limit }));
      expect(isAdapterError(error) && error.kind, String(limit)).to.equal('rejected');
      expect((error as Error).message).to.match(/^Invalid page size/);
    }
  });
});

describe('checkDateRange', () => {
  it('accepts a real range and names the bad end otherwise', () => {
    expect(checkDateRange({ from: '2026-02-01', to: '2026-02-28' })).to.deep.equal({ from: '2026-02-01', to: '2026-02-28' });
    expect((thrown(() => checkDateRange({ from: '2026-02-30', to: '2026-03-01' })) as Error).message).to.contain('"from"');
    expect((thrown(() => checkDateRange({ from: '2026-02-01', to: '' })) as Error).message).to.contain('"to"');
    expect((thrown(() => checkDateRange({ from: '2026-03-02', to: '2026-03-01' })) as Error).message).to.equal(
      'Invalid date range: 2026-03-02 is after 2026-03-01.',
    );
  });
});
