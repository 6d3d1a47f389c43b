import type { ReactiveControllerHost } from 'lit';
import type { ForecourtAdapter, SourceUpdate } from '../../data/adapter.js';
import { AdapterError } from '../../data/errors.js';
import type { PosSource } from '../../data/model.js';
import { posSourceOf } from '../../data/logic/source-mapping.js';
import { PendingWritesController } from '../shared/controllers/pending-writes.js';

/** What "mapping done" is about: there is one at a time. */
export const COMPLETION = 'complete-mapping';

/** The server's current source in a conflict's body (`{ current }`), if it is one. */
function theirsOf(body: unknown): PosSource | null {
  return posSourceOf(typeof body === 'object' && body !== null && 'current' in body ? body.current : undefined);
}

/** A refusal for an adapter whose `sources` lacks the write (a partial host adapter). */
function unsupported(method: string): Promise<never> {
  return Promise.reject(new AdapterError({ kind: 'unsupported', message: `This host does not provide sources.${method}.` }));
}

/**
 * The editor's four kinds of writes, each through the shared pending-writes controller: this
 * page's writes, and the cached adapter's outbox entries of that method (an earlier page's, another
 * tab's), narrowed on the entry's domain and method (the entry union types `args`).
 * @param onConfirmed Runs when the server confirmed a write of this page.
 */
export function sourceWrites(host: ReactiveControllerHost, adapter: () => ForecourtAdapter | undefined, onConfirmed: () => void) {
  return {
    /** Changes to sources (edit, accept, delete, restore), by source id. */
    updates: new PendingWritesController<'sources', SourceUpdate, PosSource, PosSource>(host, {
      adapter,
      domain: 'sources',
      match: (entry) => (entry.domain === 'sources' && entry.method === 'update' ? entry.args : null),
      about: (update) => update.id,
      send: (api, update, options) => (typeof api.update === 'function' ? api.update(update, options) : unsupported('update')),
      theirs: theirsOf,
      onConfirmed,
    }),
    /** The shop's new sources, by category and name (they have no id before the server gives one). */
    creates: new PendingWritesController(host, {
      adapter,
      domain: 'sources',
      match: (entry) => (entry.domain === 'sources' && entry.method === 'create' ? entry.args : null),
      about: (input) => input.id ?? `${input.categoryId}/${input.name}`,
      send: (api, input, options) => (typeof api.create === 'function' ? api.create(input, options) : unsupported('create')),
      onConfirmed,
    }),
    /** The shop's new categories, by id. */
    categories: new PendingWritesController(host, {
      adapter,
      domain: 'sources',
      match: (entry) => (entry.domain === 'sources' && entry.method === 'saveCategory' ? entry.args : null),
      about: (input) => input.id,
      send: (api, input, options) => (typeof api.saveCategory === 'function' ? api.saveCategory(input, options) : unsupported('saveCategory')),
      onConfirmed,
    }),
    /** "Customer source mapping done", about `COMPLETION`. */
    completion: new PendingWritesController(host, {
      adapter,
      domain: 'sources',
      match: (entry) => (entry.domain === 'sources' && entry.method === 'completeMapping' ? entry.args : null),
      about: () => COMPLETION,
      send: (api, _none, options) => (typeof api.completeMapping === 'function' ? api.completeMapping(options) : unsupported('completeMapping')),
      onConfirmed,
    }),
  };
}
