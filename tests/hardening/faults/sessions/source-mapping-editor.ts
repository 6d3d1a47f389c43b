/**
 * `<fc-source-mapping-editor>` under chaos: the shop owner searches and filters sources, edits a
 * source's category and name (mouse and keyboard), deletes and restores sources, accepts
 * suggestions one by one or all at once, adds their own categories and sources, confirms
 * "mapping done", retries failed changes and applies their own value over a conflict. In the
 * end the server holds each source as the user last changed it, each category and source the
 * user added exactly once, and each source's version moved once per write applied.
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../../src/components/source-mapping-editor/fc-source-mapping-editor.js';
import type { SourceUpdate } from '../../../../src/data/adapter.js';
import type { Action, Session, SessionRun } from '../harness.js';
import { deepQueryAll, explore, isEnabled, isVisible, keyboard, retryLoad, revisit, setValue, showsLoading } from '../harness.js';

const TAG = 'fc-source-mapping-editor';
/** The panels of a failed or conflicting change, and the forms adding sources and categories: the script's. */
const SCRIPTED = '.mark button, .own__form *';
const WORDS = ['goog', 'yelp', 'radio', 'ref', 'mail', 'face', 'zz', ''];

function visibleButtons(s: SessionRun, selector: string): HTMLButtonElement[] {
  return deepQueryAll<HTMLButtonElement>(s.root, selector).filter((b) => isVisible(b) && isEnabled(b));
}

function categoryValues(select: HTMLSelectElement): string[] {
  return [...select.options].map((o) => o.value).filter(Boolean);
}

/** Names the script gave to what it added, by kind, in order. */
function added(s: SessionRun, kind: 'source' | 'category'): string[] {
  const key = `added-${kind}`;
  let list = s.notes.get(key) as string[] | undefined;
  if (!list) s.notes.set(key, (list = []));
  return list;
}

/** Edit a source: a new category and name, saved by button or Enter (or Escape to cancel). */
const editSource: Action = {
  name: 'edit-source',
  weight: 6,
  async run(s) {
    const editing = s.root.querySelector<HTMLTableRowElement>('tr.row--editing');
    if (!editing) {
      const edit = s.rng.pick(visibleButtons(s, 'button[data-action="edit"]'));
      if (!edit) return false;
      edit.click();
      return true;
    }
    const select = editing.querySelector<HTMLSelectElement>('select');
    const name = editing.querySelector<HTMLInputElement>('input');
    if (!select || !name) return false;
    setValue(select, s.rng.pick(categoryValues(select)) ?? '');
    setValue(name, s.rng.chance(0.1) ? '' : `${s.rng.pick(['Google', 'Yelp', 'Radio', 'Mailer', 'Friends'])} ${s.rng.int(100)}`);
    await s.rendered();
    const how = s.rng.int(10);
    if (how < 3) {
      name.focus();
      await sendKeys({ press: how === 0 ? 'Escape' : 'Enter' });
    } else {
      editing.querySelector<HTMLButtonElement>('button[data-action="save"]')?.click();
    }
    return true;
  },
};

/** Adds one of the shop's own sources, under a name no one else uses. */
const addSource: Action = {
  name: 'add-source',
  weight: 2,
  async run(s) {
    const form = deepQueryAll<HTMLFormElement>(s.root, 'form.own__form').find((f) => f.querySelector('[name="source-name"]'));
    const select = form?.querySelector<HTMLSelectElement>('select[name="source-category"]');
    if (!form || !select || !isVisible(form)) return false;
    const name = `Chaos source ${s.seed}-${added(s, 'source').length + 1}`;
    setValue(select, s.rng.pick(categoryValues(select)) ?? '');
    setValue(form.querySelector<HTMLInputElement>('[name="source-name"]')!, name);
    await s.rendered();
    if (!select.value) return false;
    added(s, 'source').push(name);
    form.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    return true;
  },
};

/** Adds one of the shop's own categories. */
const addCategory: Action = {
  name: 'add-category',
  weight: 1,
  async run(s) {
    const form = deepQueryAll<HTMLFormElement>(s.root, 'form.own__form').find((f) => f.querySelector('[name="category-name"]'));
    if (!form || !isVisible(form)) return false;
    const name = `Chaos category ${s.seed}-${added(s, 'category').length + 1}`;
    setValue(form.querySelector<HTMLInputElement>('[name="category-name"]')!, name);
    await s.rendered();
    added(s, 'category').push(name);
    form.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    return true;
  },
};

/** A failed change: Retry; a conflict: apply the user's own value. */
async function resolveMarks(s: SessionRun): Promise<boolean> {
  const buttons = visibleButtons(s, '.mark button[data-action="retry-write"], .mark button[data-action="mine"]');
  for (const b of buttons) b.click();
  return buttons.length > 0;
}

const resolve: Action = { name: 'resolve-failure', weight: 3, run: resolveMarks };

/**
 * The server against the user's changes: the last change the client queued for each source is
 * what the source shows (the fields it set), what the user added is there once, and versions
 * moved once per update applied (plus once for a source "mapping done" mapped).
 */
async function verify(s: SessionRun): Promise<void> {
  const sources = await s.server.backend.sources!.list();
  const categories = await s.server.backend.sources!.categories();
  const last = new Map<string, SourceUpdate>();
  const keys = new Map<string, string[]>();
  for (const write of s.enqueued) {
    if (write.method !== 'update') continue;
    const id = (write.args as SourceUpdate).id;
    last.set(id, write.args as SourceUpdate);
    keys.set(id, [...(keys.get(id) ?? []), `${JSON.stringify(write.args)} ${s.story(write.key)}`]);
  }
  for (const [id, change] of last) {
    const source = sources.find((x) => x.id === id)!;
    const label = `source ${id} after ${JSON.stringify(change)}; its changes: ${keys.get(id)!.join('; ')}`;
    if (change.name !== undefined) expect(source.name, label).to.equal(change.name.trim());
    if (change.categoryId !== undefined) expect(source.categoryId, label).to.equal(change.categoryId);
    if (change.deleted !== undefined) expect(source.deleted, label).to.equal(change.deleted);
  }
  // What the user added: once each (one applied key per name), and nothing more on the server.
  const appliedKeys = (request: string, name: string) =>
    s.ledger.records.filter((r) => r.outcome === 'applied' && r.request === request && (JSON.parse(r.body) as { name?: string }).name === name);
  for (const name of added(s, 'source')) {
    const keys = appliedKeys('POST /sources', name);
    const story = (key: string) =>
      `${key.slice(0, 8)}: server ${s.ledger.records.filter((r) => r.key === key).map((r) => `${r.status} ${r.outcome}`).join('/')}, client ${s.traces.get(key)?.join(' > ')}`;
    const all = s.enqueued.filter((w) => w.method === 'create' && (w.args as { name?: string }).name === name).map((w) => story(w.key));
    expect(keys.length, `sources added as ${name}: ${all.join('; ')}`).to.be.at.most(1);
  }
  for (const name of added(s, 'category')) {
    expect(categories.filter((c) => c.name === name).length, `categories named ${name}`).to.be.at.most(1);
  }
  const createdSources = s.ledger.records.filter((r) => r.outcome === 'applied' && r.request === 'POST /sources').length;
  expect(sources.length, 'sources on the server').to.equal(s.server.dataset.sources.length + createdSources);
  const createdCategories = s.ledger.records.filter((r) => r.outcome === 'applied' && r.request.startsWith('PUT /sources/categories/')).length;
  expect(categories.length, 'categories on the server').to.equal(s.server.dataset.categories.length + createdCategories);
  // Each name the script added was confirmed, unless the user never got to it (a submit lost to a reload is not the widget's).
  const confirmedNames = new Set(
    s.enqueued.filter((w) => w.method === 'create' && s.keys.get(w.key) === 'confirmed').map((w) => (w.args as { name: string }).name),
  );
  for (const name of added(s, 'source')) expect(confirmedNames.has(name), `${name} was added`).to.equal(true);

  const updates = new Map<string, number>();
  let mappedAll = false;
  for (const r of s.ledger.records) {
    if (r.outcome !== 'applied') continue;
    const id = /^PATCH \/sources\/([^/]+)$/.exec(r.request)?.[1];
    if (id) updates.set(decodeURIComponent(id), (updates.get(decodeURIComponent(id)) ?? 0) + 1);
    if (r.request === 'POST /sources/complete-mapping') mappedAll = true;
  }
  for (const before of s.server.dataset.sources) {
    const after = sources.find((x) => x.id === before.id)!;
    const extra = after.version - before.version - (updates.get(before.id) ?? 0);
    expect(extra, `version of ${before.id} beyond its updates`).to.be.within(0, mappedAll ? 1 : 0);
  }
  expect(s.enqueued.length, 'changes the user made').to.be.greaterThan(0);
}

export const sourceMappingEditorSession: Session = {
  tag: TAG,
  writes: true,
  mount(_s, adapter) {
    const el = document.createElement(TAG) as HTMLElement & { adapter?: unknown };
    el.adapter = adapter;
    document.body.append(el);
    return el;
  },
  actions: [
    editSource,
    addSource,
    addCategory,
    resolve,
    explore({ avoid: SCRIPTED, words: WORDS }, 10),
    keyboard({ avoid: SCRIPTED }, 2),
    retryLoad(3),
    revisit(1),
  ],
  async settle(s) {
    const cancel = visibleButtons(s, 'dialog[open] button[data-action="cancel-done"], button[data-action="cancel"]');
    for (const b of cancel) b.click();
    // A change in trouble shows on its row: the user clears the filters to find every one.
    const search = s.root.querySelector<HTMLInputElement>('input[type="search"]');
    const [unmapped, deleted] = [...s.root.querySelectorAll<HTMLInputElement>('.toolbar input[type="checkbox"]')];
    const cleared = !!search?.value || !!unmapped?.checked || (!!deleted && !deleted.checked);
    if (search?.value) setValue(search, '');
    if (unmapped?.checked) unmapped.click();
    if (deleted && !deleted.checked) deleted.click();
    return (await resolveMarks(s)) || cancel.length > 0 || cleared;
  },
  showsData: (s) =>
    !showsLoading(s.root) &&
    !!s.root.querySelector('section.editor') &&
    !deepQueryAll(s.root, '.mark, .badge--pending').some(isVisible),
  verify,
};
