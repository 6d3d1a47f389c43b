import { expect, fixture, html, oneEvent, waitUntil as waitFor } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/source-mapping-editor/fc-source-mapping-editor.js';
import type { FcSourceMappingEditor } from '../../src/components/source-mapping-editor/fc-source-mapping-editor.js';
import type { ForecourtAdapter } from '../../src/data/adapter.js';
import { withCache } from '../../src/data/cache/with-cache.js';
import type { CachedAdapter } from '../../src/data/cache/with-cache.js';
import { generateDataset } from '../../src/data/demo-data.js';
import type { Dataset, PosSource } from '../../src/data/model.js';
import { createRestAdapter } from '../../src/data/rest-adapter.js';
import { closeClients, shadowText, startDemoServer } from './rig.js';
import type { DemoServer } from './rig.js';

const seeded = generateDataset({ size: 'small' });

/** `waitUntil` with room for a busy machine: writes go through IndexedDB, the outbox and MSW. */
const waitUntil = (predicate: () => unknown, message: string) => waitFor(predicate, message, { timeout: 10_000 });

const root = (el: Element) => el.shadowRoot!;
const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => root(el).querySelector<T>(selector);
const $$ = <T extends Element = HTMLElement>(el: Element, selector: string) => [...root(el).querySelectorAll<T>(selector)];
const button = (el: Element, action: string, id?: string) =>
  $<HTMLButtonElement>(el, id ? `button[data-action="${action}"][data-id="${id}"]` : `button[data-action="${action}"]`);
const rowOf = (el: Element, id: string) => $<HTMLTableRowElement>(el, `tr[data-id="${id}"]`);
const rowText = (el: Element, id: string) => (rowOf(el, id)?.textContent ?? '').replace(/\s+/g, ' ').trim();
/** The conflict or failure panel under a source's row (the row right after it). */
const problemOf = (el: Element, id: string) => {
  const next = rowOf(el, id)?.nextElementSibling;
  return next?.classList.contains('row--problem') ? next : null;
};
const problemText = (el: Element, id: string) => (problemOf(el, id)?.textContent ?? '').replace(/\s+/g, ' ').trim();
const byCode = (server: DemoServer, code: string) => server.dataset.sources.find((s) => s.code === code)!;
const backendSource = async (server: DemoServer, id: string) => (await server.backend.sources!.list()).find((s) => s.id === id)!;
/** The element focused inside the widget's shadow root. */
const focused = (el: Element) => root(el).activeElement as HTMLElement | null;

async function render(adapter: ForecourtAdapter | undefined): Promise<FcSourceMappingEditor> {
  const el = await fixture<FcSourceMappingEditor>(html`<fc-source-mapping-editor .adapter=${adapter}></fc-source-mapping-editor>`);
  return el;
}

async function loaded(adapter: ForecourtAdapter): Promise<FcSourceMappingEditor> {
  const el = await render(adapter);
  await waitUntil(() => $(el, 'table, .fc-state--empty, .fc-state--error'), 'the editor did not load');
  // The shop's own categories and sources come under the table once their part has loaded.
  if (!$(el, '.fc-state--error')) await waitUntil(() => $(el, '.own'), 'the own categories did not load');
  return el;
}

function setSelect(select: HTMLSelectElement, value: string): void {
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
}

function typeInto(input: HTMLInputElement, value: string): void {
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

/** Presses Tab (or Shift+Tab) until `match` holds for the focused element; fails after `max` presses. */
async function tabTo(el: Element, match: (e: HTMLElement) => boolean, { max = 40, back = false } = {}): Promise<HTMLElement> {
  for (let i = 0; i < max; i++) {
    if (back) await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    if (back) await sendKeys({ up: 'Shift' });
    const active = focused(el);
    if (active && match(active)) return active;
  }
  throw new Error('Tab never reached the element');
}

/**
 * Written out by hand from the seeded sources: the unmapped PoS sources besides YELP whose code
 * names a known source or channel, and the main category each belongs to.
 */
const SUGGESTED: [code: string, categoryId: string][] = [
  ['Google Maps', 'internet'], ['yelp.com', 'internet'], ['ＹＥＬＰ', 'internet'], ['facebook ad', 'internet'],
  ['Instagram', 'internet'], ['BING', 'internet'], ['NextDoor', 'internet'],
  ['RADIO KWTX', 'advertising'], ['TV-CH8', 'advertising'], ['DIRECT MAIL', 'advertising'], ['Coupon Book', 'advertising'],
  ['drive-by', 'drive-by'], ['REF CUST', 'referral'], ['FRIEND', 'referral'], ['COMMERCIAL', 'fleet'], ['RETURNING', 'repeat'],
];
/** The unmapped ones whose code names nothing a category can be told from. */
const NO_SUGGESTION = ['TIRE RACK', 'AAA', 'UNKNOWN', '<b>WALK</b>', ''];

describe('<fc-source-mapping-editor>', () => {
  let server: DemoServer;
  beforeEach(async () => {
    server = await startDemoServer(seeded);
  });
  afterEach(() => closeClients());

  it('lists every source with its customers, the categories and the progress', async () => {
    const el = await loaded(server.client());
    const list = await server.backend.sources!.list();
    const live = list.filter((s) => !s.deleted);
    const mapped = live.filter((s) => s.categoryId).length;

    expect(shadowText(el)).to.contain(`${mapped} of ${live.length} mapped`);
    const progress = $<HTMLProgressElement>(el, 'progress')!;
    expect(progress.value).to.equal(mapped);
    expect(progress.max).to.equal(live.length);
    expect($$(el, 'tbody tr.row').length).to.equal(live.length);

    const goog = list.find((s) => s.code === 'GOOG')!;
    expect(goog.customerCount).to.be.greaterThan(0);
    expect(rowText(el, goog.id)).to.contain('GOOG').and.contain('Google').and.contain('Internet').and.contain(String(goog.customerCount));
    const unmapped = list.find((s) => s.code === 'TIRE RACK')!;
    expect(rowText(el, unmapped.id)).to.contain('Not mapped');
    const categories = $$(el, '.categories li').map((li) => li.textContent!.trim());
    expect(categories).to.deep.equal(seeded.categories.map((c) => c.name));
    await expect(el).to.be.accessible();
  });

  it('edits a source: picks the main category, names the subcategory and saves it on the server', async () => {
    const el = await loaded(server.client());
    const yelp = byCode(server, 'YELP');
    const before = $(el, '#progress-text')!.textContent!;
    // Each row's buttons are named after their source: "Edit" alone would be ambiguous.
    expect(button(el, 'edit', yelp.id)!.getAttribute('aria-label')).to.equal('Edit YELP');
    expect(button(el, 'delete', yelp.id)!.getAttribute('aria-label')).to.equal('Delete YELP');

    button(el, 'edit', yelp.id)!.click();
    await el.updateComplete;
    const select = rowOf(el, yelp.id)!.querySelector('select')!;
    const name = rowOf(el, yelp.id)!.querySelector('input')!;
    expect(name.value).to.equal('Yelp');
    expect(select.getAttribute('aria-label')).to.equal('Main category for YELP');
    expect(focused(el)).to.equal(select);
    await expect(el).to.be.accessible();

    setSelect(select, 'referral');
    typeInto(name, 'Yelp reviews');
    const changed = oneEvent(el, 'fc-source-mapping-change');
    button(el, 'save', yelp.id)!.click();
    const { detail } = await changed;
    expect(detail.source).to.include({ id: yelp.id, categoryId: 'referral', name: 'Yelp reviews' });

    const saved = await backendSource(server, yelp.id);
    expect(saved).to.include({ categoryId: 'referral', name: 'Yelp reviews', version: yelp.version + 1 });
    await waitUntil(() => rowText(el, yelp.id).includes('Referral'), 'the row does not show the new category');
    expect(rowText(el, yelp.id)).to.contain('Yelp reviews');
    await waitUntil(() => $(el, '#progress-text')!.textContent !== before, 'the progress did not move');
    const [mapped] = before.split(' of ');
    expect($(el, '#progress-text')!.textContent).to.contain(`${Number(mapped) + 1} of`);
  });

  it('asks for a category before saving', async () => {
    const el = await loaded(server.client());
    const tire = byCode(server, 'TIRE RACK');
    button(el, 'edit', tire.id)!.click();
    await el.updateComplete;
    expect(rowOf(el, tire.id)!.querySelector('select')!.value).to.equal('');
    button(el, 'save', tire.id)!.click();
    await el.updateComplete;
    expect(rowText(el, tire.id)).to.contain('Choose a category.');
    expect((await backendSource(server, tire.id)).categoryId).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('deletes an irrelevant source and restores it from "Show deleted"', async () => {
    const el = await loaded(server.client());
    const tire = byCode(server, 'TIRE RACK');

    button(el, 'delete', tire.id)!.click();
    await waitUntil(async () => (await backendSource(server, tire.id)).deleted, 'the server did not get the deletion');
    await waitUntil(() => !rowOf(el, tire.id), 'the deleted source is still listed');
    expect(shadowText(el)).to.contain('“TIRE RACK” deleted.');

    const showDeleted = $$<HTMLInputElement>(el, 'input[type=checkbox]').find((c) => c.parentElement!.textContent!.includes('Show deleted'))!;
    showDeleted.click();
    await el.updateComplete;
    expect(rowText(el, tire.id)).to.contain('Deleted');
    expect(rowText(el, byCode(server, 'TEST').id)).to.contain('Deleted');
    await expect(el).to.be.accessible();

    button(el, 'restore', tire.id)!.click();
    await waitUntil(async () => !(await backendSource(server, tire.id)).deleted, 'the server did not get the restore');
    await waitUntil(() => button(el, 'edit', tire.id), 'the restored source is not editable');
    expect(rowText(el, tire.id)).not.to.contain('Deleted');
  });

  it('"Customer source mapping done" says how many sources have a suggestion; "Send all" maps every one of them to Other New Customers', async () => {
    const el = await loaded(server.client());
    const before = await server.backend.sources!.list();
    const unmapped = before.filter((s) => !s.deleted && !s.categoryId);
    expect(unmapped.length).to.equal(SUGGESTED.length + 1 + NO_SUGGESTION.length);

    // While suggestions wait, accepting them is the primary action and "done" the secondary one.
    expect(button(el, 'accept-all')!.classList.contains('fc-button--primary')).to.equal(true);
    expect(button(el, 'done')!.classList.contains('fc-button--primary')).to.equal(false);

    button(el, 'done')!.click();
    const dialog = $<HTMLDialogElement>(el, 'dialog')!;
    await waitUntil(() => dialog.open, 'the confirmation did not open');
    const text = dialog.textContent!.replace(/\s+/g, ' ');
    expect(text).to.contain(`Not mapped yet: ${unmapped.length}. With a suggested category: 17.`);
    // Accepting the suggestions first is the first choice, styled as primary and focused.
    const first = button(el, 'accept-then-done')!;
    expect(first.textContent!.trim()).to.equal('Accept 17 suggestions, then send the other 5 to Other New Customers');
    expect(first.classList.contains('fc-button--primary')).to.equal(true);
    expect(focused(el)).to.equal(first);
    expect(button(el, 'confirm-done')!.textContent!.trim()).to.equal(`Send all ${unmapped.length} to Other New Customers`);
    expect(button(el, 'confirm-done')!.classList.contains('fc-button--primary')).to.equal(false);
    await expect(el).to.be.accessible();

    // Cancel leaves everything as it was.
    button(el, 'cancel-done')!.click();
    expect(dialog.open).to.equal(false);
    expect((await server.backend.sources!.mappingStatus()).mapped).to.equal(before.filter((s) => !s.deleted && s.categoryId).length);

    button(el, 'done')!.click();
    await waitUntil(() => dialog.open, 'the confirmation did not open again');
    const completed = oneEvent(el, 'fc-mapping-complete');
    button(el, 'confirm-done')!.click();
    const { detail } = await completed;
    expect(detail).to.deep.equal({ mapped: unmapped.length });
    // The server got every unmapped source in Other New Customers, those with a suggestion too.
    const after = await server.backend.sources!.list();
    for (const s of unmapped) expect(after.find((x) => x.id === s.id)!.categoryId, s.code).to.equal('other-new');
    expect(after.filter((s) => !s.deleted && s.categoryId !== before.find((b) => b.id === s.id)!.categoryId).length).to.equal(unmapped.length);
    const total = after.filter((s) => !s.deleted).length;
    await waitUntil(() => shadowText(el).includes(`${total} of ${total} mapped`), 'the progress is not complete');
    await waitUntil(() => shadowText(el).includes(`${unmapped.length} sources mapped to Other New Customers.`), 'no "done" notice');
    expect(button(el, 'done')!.disabled).to.equal(true);
    expect(shadowText(el)).to.contain('Every source is mapped.');
    // Focus stays in the widget, on the status line that says what happened (its button is disabled now).
    await waitUntil(() => focused(el)?.classList.contains('notice'), 'focus left the editor');
    expect(document.activeElement).to.equal(el);
    await expect(el).to.be.accessible();
  });

  it('"Accept 17 suggestions, then send the other 5 to Other New Customers" saves each suggestion and maps only the rest', async () => {
    const el = await loaded(server.client());
    const before = await server.backend.sources!.list();
    button(el, 'done')!.click();
    const dialog = $<HTMLDialogElement>(el, 'dialog')!;
    await waitUntil(() => dialog.open, 'the confirmation did not open');
    const completed = oneEvent(el, 'fc-mapping-complete');
    // Enter takes the focused, primary choice.
    await sendKeys({ press: 'Enter' });
    expect((await completed).detail).to.deep.equal({ mapped: NO_SUGGESTION.length });

    const after = await server.backend.sources!.list();
    const categoryOf = (code: string) => after.find((s) => s.id === byCode(server, code).id)!.categoryId;
    expect(categoryOf('YELP')).to.equal('internet');
    for (const [code, categoryId] of SUGGESTED) expect(categoryOf(code), code).to.equal(categoryId);
    for (const code of NO_SUGGESTION) expect(categoryOf(code), code).to.equal('other-new');
    expect(after.find((s) => s.code === 'YELP')!.name).to.equal('Yelp');
    // Sources mapped before keep their category; deleted ones stay unmapped.
    for (const s of before.filter((b) => b.categoryId || b.deleted)) expect(after.find((a) => a.id === s.id)!.categoryId).to.equal(s.categoryId);
    expect(after.filter((s) => s.categoryId === 'other-new').length).to.equal(before.filter((s) => s.categoryId === 'other-new').length + NO_SUGGESTION.length);

    await waitUntil(() => shadowText(el).includes('17 suggestions accepted. 5 sources mapped to Other New Customers.'), 'no summary');
    await waitUntil(() => focused(el)?.classList.contains('notice'), 'focus left the editor');
    await expect(el).to.be.accessible();
  });

  it('accepts one suggestion, then all the others at once', async () => {
    const el = await loaded(server.client());
    const yelp = byCode(server, 'YELP');
    expect(rowText(el, yelp.id)).to.contain('Internet / Yelp');

    button(el, 'accept', yelp.id)!.click();
    await waitUntil(async () => (await backendSource(server, yelp.id)).categoryId === 'internet', 'the suggestion was not saved');

    const rest = SUGGESTED;
    await waitUntil(() => button(el, 'accept-all')?.textContent!.includes('Accept all 16 suggestions'), 'no "Accept all" button with the count');
    button(el, 'accept-all')!.click();
    await waitUntil(async () => {
      const list = await server.backend.sources!.list();
      return rest.every(([code, categoryId]) => list.find((x) => x.id === byCode(server, code).id)!.categoryId === categoryId);
    }, 'not every suggestion was saved');
    await waitUntil(() => !button(el, 'accept-all'), '"Accept all" is still offered');
    await waitUntil(() => shadowText(el).includes('16 suggestions accepted.'), 'no summary of the accepted suggestions');
    expect((await backendSource(server, byCode(server, 'NextDoor').id)).categoryId).to.equal('internet');
    expect((await backendSource(server, byCode(server, 'TIRE RACK').id)).categoryId).to.equal(null);
  });

  it('lets a shop define its own category and source', async () => {
    const el = await loaded(server.client());
    typeInto($<HTMLInputElement>(el, 'input[name="category-name"]')!, 'Car shows');
    button(el, 'add-category')!.click();
    await waitUntil(async () => (await server.backend.sources!.categories()).some((c) => c.name === 'Car shows'), 'the category was not saved');
    const category = (await server.backend.sources!.categories()).find((c) => c.name === 'Car shows')!;
    expect(category.builtIn).to.equal(false);
    await waitUntil(() => shadowText(el).includes('Category “Car shows” added.'), 'no confirmation');
    expect($$(el, '.categories li').map((li) => li.textContent!.replace(/\s+/g, ' ').trim())).to.include('Car shows (yours)');

    typeInto($<HTMLInputElement>(el, 'input[name="source-name"]')!, 'Spring car show');
    setSelect($<HTMLSelectElement>(el, 'select[name="source-category"]')!, category.id);
    button(el, 'add-source')!.click();
    await waitUntil(async () => (await server.backend.sources!.list()).some((s) => s.name === 'Spring car show'), 'the source was not saved');
    const created = (await server.backend.sources!.list()).find((s) => s.name === 'Spring car show')!;
    expect(created).to.include({ origin: 'shop', categoryId: category.id, code: '' });
    await waitUntil(() => rowOf(el, created.id), 'the new source is not listed');
    expect(rowText(el, created.id)).to.contain('Defined by the shop').and.contain('Car shows');
    expect($<HTMLInputElement>(el, 'input[name="source-name"]')!.value).to.equal('');
    await expect(el).to.be.accessible();
  });

  it('starts a shop without PoS sources with its own', async () => {
    const empty: Dataset = { ...seeded, sources: [], customers: seeded.customers.map((c) => ({ ...c, sourceId: null })) };
    server = await startDemoServer(empty);
    const el = await loaded(server.client());
    expect(shadowText(el)).to.contain('No customer sources yet. If your PoS has none, add your own below.');
    expect(shadowText(el)).to.contain('0 of 0 mapped');
    await expect(el).to.be.accessible();

    const name = $<HTMLInputElement>(el, 'input[name="source-name"]')!;
    typeInto(name, 'Radio spot');
    button(el, 'add-source')!.click();
    await el.updateComplete;
    expect(shadowText(el)).to.contain('Choose a category.');
    setSelect($<HTMLSelectElement>(el, 'select[name="source-category"]')!, 'advertising');
    button(el, 'add-source')!.click();
    await waitUntil(() => $(el, 'table'), 'the new source is not listed');
    expect(shadowText(el)).to.contain('1 of 1 mapped');
    expect((await server.backend.sources!.list())[0]).to.include({ name: 'Radio spot', categoryId: 'advertising', origin: 'shop' });
  });

  it('filters by code or name, and to unmapped sources', async () => {
    const el = await loaded(server.client());
    const search = $<HTMLInputElement>(el, 'input[type=search]')!;
    expect(search.labels?.[0]?.textContent).to.contain('Search sources');
    typeInto(search, 'yelp');
    await el.updateComplete;
    const yelps = server.dataset.sources.filter((s) => !s.deleted && /yelp/i.test(s.code.normalize('NFKC') + s.name));
    expect(yelps.length).to.be.greaterThan(2);
    expect($$(el, 'tr.row').map((r) => r.dataset['id'])).to.have.members(yelps.map((s) => s.id));
    expect(shadowText(el)).to.match(new RegExp(`Showing ${yelps.length} of \\d+ sources`));

    const unmappedOnly = $$<HTMLInputElement>(el, 'input[type=checkbox]').find((c) => c.parentElement!.textContent!.includes('Unmapped only'))!;
    unmappedOnly.click();
    await el.updateComplete;
    const rows = $$(el, 'tr.row');
    expect(rows.length).to.equal(yelps.filter((s) => !s.categoryId).length);
    expect(rows.every((r) => r.textContent!.includes('Not mapped'))).to.equal(true);

    typeInto(search, 'no such source anywhere');
    await el.updateComplete;
    expect(shadowText(el)).to.contain('No source matches the filter.');
    await expect(el).to.be.accessible();
  });

  it('works with the keyboard alone: Tab to Edit, change the category, Enter saves; Escape closes the confirmation', async () => {
    const adapter = server.client();
    const host = await fixture<HTMLDivElement>(html`<div>
      <button id="before">before</button>
      <fc-source-mapping-editor .adapter=${adapter}></fc-source-mapping-editor>
    </div>`);
    const el = host.querySelector('fc-source-mapping-editor')!;
    await waitUntil(() => $(el, 'table'), 'the editor did not load');
    const tv = byCode(server, 'TV-CH8');
    host.querySelector<HTMLButtonElement>('#before')!.focus();

    await tabTo(el, (e) => e.matches('input[type=search]'));
    await sendKeys({ type: 'TV-CH8' });
    await el.updateComplete;
    expect($$(el, 'tr.row').length).to.equal(1);

    await tabTo(el, (e) => e.dataset['action'] === 'edit' && e.dataset['id'] === tv.id);
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    const select = focused(el) as HTMLSelectElement;
    expect(select.tagName).to.equal('SELECT');
    expect(select.value).to.equal('advertising'); // the suggestion is preselected
    await sendKeys({ press: 'ArrowDown' });
    expect(select.value).to.equal('fleet');
    await sendKeys({ press: 'Enter' });
    await waitUntil(async () => (await backendSource(server, tv.id)).categoryId === 'fleet', 'Enter did not save the category');
    await waitUntil(() => focused(el)?.dataset['action'] === 'edit', 'focus did not return to Edit');

    // Escape leaves an edit without saving.
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(focused(el)?.tagName).to.equal('SELECT');
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(focused(el)?.dataset['action']).to.equal('edit');
    expect((await backendSource(server, tv.id)).categoryId).to.equal('fleet');

    // The confirmation opens with Enter and closes with Escape, focus back on its button.
    await tabTo(el, (e) => e.dataset['action'] === 'done', { back: true });
    await sendKeys({ press: 'Enter' });
    const dialog = $<HTMLDialogElement>(el, 'dialog')!;
    await waitUntil(() => dialog.open, 'the confirmation did not open');
    // Focus starts on the choice that keeps the suggestions.
    expect(focused(el)?.dataset['action']).to.equal('accept-then-done');
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !dialog.open, 'Escape did not close the confirmation');
    await el.updateComplete;
    expect(focused(el)?.dataset['action']).to.equal('done');
    const status = await server.backend.sources!.mappingStatus();
    expect(status.mapped).to.be.lessThan(status.total);
  });

  it('shows a change made offline as pending, then confirmed once the server is back', async () => {
    const adapter = server.client();
    const el = await loaded(adapter);
    const bing = byCode(server, 'BING');

    server.faults.offline = true;
    button(el, 'accept', bing.id)!.click();
    await waitUntil(() => rowText(el, bing.id).includes('Waiting to send') || rowText(el, bing.id).includes('Not sent yet'), 'the change is not shown as pending');
    expect(rowText(el, bing.id)).to.contain('Internet');
    expect(shadowText(el)).to.contain('1 change waiting to send');
    expect((await backendSource(server, bing.id)).categoryId).to.equal(null);
    await expect(el).to.be.accessible();

    server.faults.offline = false;
    await adapter.outbox.flush();
    await waitUntil(async () => (await backendSource(server, bing.id)).categoryId === 'internet', 'the change never reached the server');
    await waitUntil(() => !/Waiting to send|Not sent yet|waiting to send/.test(shadowText(el)), 'the change is still marked pending');
    expect(rowText(el, bing.id)).to.contain('Internet');
    expect(await adapter.outbox.list()).to.deep.equal([]);
  });

  it('sends two changes made offline to one source in order, the second over the first, without a conflict', async () => {
    const adapter = server.client();
    const el = await loaded(adapter);
    const bing = byCode(server, 'BING');

    server.faults.offline = true;
    button(el, 'accept', bing.id)!.click();
    await waitUntil(() => /Waiting to send|Not sent yet/.test(rowText(el, bing.id)), 'the first change is not shown as pending');
    button(el, 'edit', bing.id)!.click();
    await el.updateComplete;
    typeInto(rowOf(el, bing.id)!.querySelector('input')!, 'Bing ads');
    button(el, 'save', bing.id)!.click();
    await el.updateComplete;
    // The row shows both changes while they wait.
    expect(rowText(el, bing.id)).to.contain('Internet').and.contain('Bing ads');
    expect((await backendSource(server, bing.id)).categoryId).to.equal(null);

    server.faults.offline = false;
    await adapter.outbox.flush();
    await waitUntil(async () => (await backendSource(server, bing.id)).name === 'Bing ads', 'the second change never reached the server');
    expect(await backendSource(server, bing.id)).to.include({ categoryId: 'internet', name: 'Bing ads', version: bing.version + 2 });
    await waitUntil(async () => (await adapter.outbox.list()).length === 0, 'a change is left in the outbox');
    await waitUntil(() => !/Waiting to send|Not sent yet/.test(rowText(el, bing.id)), 'the row still shows a change waiting');
    expect(problemText(el, bing.id)).to.equal('');
    expect(rowText(el, bing.id)).to.contain('Internet').and.contain('Bing ads');
    await expect(el).to.be.accessible();
  });

  it('shows a change the server refuses, with Retry and Discard', async () => {
    const category = await server.backend.sources!.saveCategory({ id: 'shop-events', name: 'Events' });
    const adapter = server.client();
    const el = await loaded(adapter);
    const aaa = byCode(server, 'AAA');
    // The category goes away on the server while this editor still offers it.
    await server.backend.sources!.saveCategory({ id: category.id, name: category.name, expectedVersion: category.version, deleted: true });
    button(el, 'edit', aaa.id)!.click();
    await el.updateComplete;
    setSelect(rowOf(el, aaa.id)!.querySelector('select')!, category.id);
    button(el, 'save', aaa.id)!.click();
    await waitUntil(() => problemText(el, aaa.id).includes('Not saved: The server refused the request.'), 'the refusal is not shown');
    expect(problemText(el, aaa.id)).to.contain('No category');
    expect((await adapter.outbox.list()).map((e) => e.status)).to.deep.equal(['failed']);
    await expect(el).to.be.accessible();

    const [first] = await adapter.outbox.list();
    button(el, 'retry-write')!.click();
    await waitUntil(async () => {
      const entries = await adapter.outbox.list();
      // The same change under the same key (applied once if the server had it), queued anew.
      return entries.length === 1 && entries[0]!.key === first!.key && entries[0]!.createdAt > first!.createdAt && entries[0]!.status === 'failed';
    }, 'Retry did not send the change again');
    await waitUntil(() => problemText(el, aaa.id).includes('Not saved'), 'the retried refusal is not shown');

    button(el, 'discard')!.click();
    await waitUntil(() => !problemText(el, aaa.id), 'the refusal is still shown after Discard');
    expect(await adapter.outbox.list()).to.deep.equal([]);
    expect(rowText(el, aaa.id)).to.contain('Not mapped');
    expect((await backendSource(server, aaa.id)).categoryId).to.equal(null);
  });

  it('also works over a plain adapter without a cache', async () => {
    const el = await loaded(server.backend);
    const aaa = byCode(server, 'AAA');
    button(el, 'edit', aaa.id)!.click();
    await el.updateComplete;
    setSelect(rowOf(el, aaa.id)!.querySelector('select')!, 'fleet');
    button(el, 'save', aaa.id)!.click();
    await waitUntil(() => rowText(el, aaa.id).includes('Fleet/Commercial'), 'the row does not show the saved category');
    expect((await backendSource(server, aaa.id)).categoryId).to.equal('fleet');
  });

  describe('a source changed elsewhere', () => {
    async function conflicted(): Promise<{ el: FcSourceMappingEditor; adapter: CachedAdapter; source: PosSource }> {
      const adapter = server.client();
      const el = await loaded(adapter);
      const source = byCode(server, 'Google Maps');
      // Someone else maps it while this editor still shows the old version.
      await server.backend.sources!.update({ id: source.id, expectedVersion: source.version, categoryId: 'internet', name: 'Google' });
      button(el, 'edit', source.id)!.click();
      await el.updateComplete;
      setSelect(rowOf(el, source.id)!.querySelector('select')!, 'advertising');
      button(el, 'save', source.id)!.click();
      await waitUntil(() => problemText(el, source.id).includes('Changed elsewhere'), 'the conflict is not shown');
      return { el, adapter, source };
    }

    it('shows who won and never overwrites silently', async () => {
      const { el, source } = await conflicted();
      expect(problemText(el, source.id)).to.contain('Changed elsewhere to Internet / Google.').and.contain('Your change: Advertising / Google Maps.');
      expect((await backendSource(server, source.id)).categoryId).to.equal('internet');
      expect(button(el, 'edit', source.id)!.disabled).to.equal(true);
      await expect(el).to.be.accessible();
    });

    it('"Use theirs" keeps the other change', async () => {
      const { el, adapter, source } = await conflicted();
      button(el, 'theirs', source.id)!.click();
      await waitUntil(() => !problemText(el, source.id), 'the conflict is still shown');
      await waitUntil(() => rowText(el, source.id).includes('Internet'), 'the row does not show their value');
      expect(rowText(el, source.id)).to.contain('Google');
      expect(await backendSource(server, source.id)).to.include({ categoryId: 'internet', name: 'Google' });
      expect(await adapter.outbox.list()).to.deep.equal([]);
    });

    it('"Apply mine again" re-sends the change over the current version', async () => {
      const { el, adapter, source } = await conflicted();
      button(el, 'mine', source.id)!.click();
      await waitUntil(async () => (await backendSource(server, source.id)).categoryId === 'advertising', 'my change was not applied');
      expect((await backendSource(server, source.id)).version).to.equal(source.version + 2);
      await waitUntil(async () => (await adapter.outbox.list()).length === 0, 'the change is still in the outbox');
      await waitUntil(() => !problemText(el, source.id) && !rowText(el, source.id).includes('Waiting to send'), 'the row still shows a problem or a pending change');
      expect(rowText(el, source.id)).to.contain('Advertising');
    });
  });

  it('re-reads when another tab changes the sources', async () => {
    const tenant = `tabs-${crypto.randomUUID().slice(0, 8)}`;
    const make = () => withCache(createRestAdapter({ baseUrl: server.baseUrl }), { tenant, user: 'ana', retry: { baseMs: 20, maxMs: 200 } });
    const [mine, other] = [make(), make()];
    try {
      const el = await loaded(mine);
      const friend = byCode(server, 'FRIEND');
      expect(rowText(el, friend.id)).to.contain('Not mapped');
      await other.sources!.update({ id: friend.id, expectedVersion: friend.version, categoryId: 'referral' });
      await waitUntil(() => rowText(el, friend.id).includes('Referral') && !rowText(el, friend.id).includes('Not mapped'), 'the change from the other tab is not shown');
    } finally {
      await mine.clearCache();
      mine.close();
      other.close();
    }
  });

  it('shows a loading state, then a specific error with Retry that works', async () => {
    server.faults.latencyMs = 400;
    const slow = await render(server.client());
    expect($(slow, '.fc-state--loading')).to.exist;
    expect(shadowText(slow)).to.contain('Loading…');
    await expect(slow).to.be.accessible();
    server.faults.latencyMs = 0;

    server.faults.failing = true;
    const el = await loaded(server.client());
    expect(shadowText(el)).to.contain('The server had a problem (HTTP 503).');
    await expect(el).to.be.accessible();
    server.faults.failing = false;
    ($(el, '.fc-state--error button') as HTMLButtonElement).click();
    await waitUntil(() => $(el, 'table'), 'Retry did not load the sources');
  });

  it('says so when the host has no customer sources', async () => {
    const el = await render(server.client({ parts: ['customers'] }));
    expect(shadowText(el)).to.equal('This host does not provide customer sources.');
    await expect(el).to.be.accessible();
    const none = await render(undefined);
    expect(shadowText(none)).to.equal('This host does not provide customer sources.');
  });

  it('lists 400 PoS sources', async () => {
    const base = seeded.sources[0]!;
    const sources: PosSource[] = Array.from({ length: 400 }, (_, i) => ({
      ...base,
      id: `big-${i}`,
      code: i % 2 ? `MAILER ${i}` : `CODE-${i}`,
      name: `Source ${i}`,
      categoryId: i % 4 === 0 ? 'internet' : null,
    }));
    server = await startDemoServer({ ...seeded, sources });
    const el = await loaded(server.client());
    expect($$(el, 'tr.row').length).to.equal(400);
    expect(shadowText(el)).to.contain('100 of 400 mapped').and.contain('Accept all 200 suggestions');
  });

  it('renders markup in codes and names as text', async () => {
    const evil = '<img src=x onerror=alert(1)>';
    const link = 'javascript:alert(1)';
    const base = seeded.sources[0]!;
    const sources: PosSource[] = [
      { ...base, id: 'evil-1', code: evil, name: evil, categoryId: null },
      { ...base, id: 'evil-2', code: link, name: link, categoryId: 'internet' },
    ];
    server = await startDemoServer({ ...seeded, sources });
    const el = await loaded(server.client());
    expect(rowText(el, 'evil-1')).to.contain(evil);
    expect(rowText(el, 'evil-2')).to.contain(link);
    expect($$(el, 'img, a, script')).to.have.length(0);
    button(el, 'edit', 'evil-1')!.click();
    await el.updateComplete;
    expect(rowOf(el, 'evil-1')!.querySelector('select')!.getAttribute('aria-label')).to.equal(`Main category for ${evil}`);
    await expect(el).to.be.accessible();
  });
});

describe('<fc-source-mapping-editor> "done" counts what the server mapped', () => {
  let server: DemoServer;
  beforeEach(async () => {
    server = await startDemoServer(seeded);
  });
  afterEach(() => closeClients());

  it("says how many sources the server mapped, even when the page knew of fewer", async () => {
    const el = await loaded(server.client());
    const status = await server.backend.sources!.mappingStatus();
    const known = status.total - status.mapped;
    // Behind the page's back, someone unmaps two mapped sources: the server now has two more to map
    // than the page counted (its confirmation still asks about `known`).
    const mapped = (await server.backend.sources!.list()).filter((s) => !s.deleted && s.categoryId).slice(0, 2);
    for (const s of mapped) await server.backend.sources!.update({ id: s.id, expectedVersion: s.version, categoryId: null });

    button(el, 'done')!.click();
    await el.updateComplete;
    await waitUntil(() => $<HTMLDialogElement>(el, 'dialog')!.open, 'the confirmation did not open');
    expect($<HTMLDialogElement>(el, 'dialog')!.textContent).to.contain(`Not mapped yet: ${known}.`);
    const completed = oneEvent(el, 'fc-mapping-complete');
    button(el, 'confirm-done')!.click();
    expect((await completed).detail).to.deep.equal({ mapped: known + 2 });
    await waitUntil(() => shadowText(el).includes('sources mapped to Other New Customers.'), 'no "done" notice');
    expect(shadowText(el)).to.contain(`${known + 2} sources mapped to Other New Customers.`);
    expect(shadowText(el)).not.to.contain(`${known} sources mapped to Other New Customers.`);
    await expect(el).to.be.accessible();
  });
});
