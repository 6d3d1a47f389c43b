/**
 * Customer list render, in a shop of 50,000 customers and 400 PoS sources: today's board (a busy
 * day of 200 vehicles, four in ten with an unknown source) and the 400 sources it names sources
 * with. Both reads are answered beforehand by a memory adapter; timed from handing them to a new
 * `<fc-customer-list>` until every row shows its customer and source ("Category › Source" or the
 * unknown mark), that frame painted. Budget: 100 ms (issue 3).
 *
 * `customer-picker-open` times the other part the advisor waits for: with the board on screen,
 * activating a name until the source picker's dialog is open with the mapped sources of the 400,
 * grouped by category, painted.
 *
 * Peers: the same rows (and the same picker) built with DOM APIs, no Lit, with the widget's
 * accessible names: floors.
 */
import '../../src/components/customer-list/fc-customer-list.js';
import type { FcCustomerList } from '../../src/components/customer-list/fc-customer-list.js';
import { groupSourcesForPicker } from '../../src/data/logic/source-picker.js';
import { isSourceUnknown } from '../../src/data/logic/sources.js';
import type { BoardEntry } from '../../src/data/model.js';
import { check } from '../lib/case.js';
import type { BenchCase } from '../lib/case.js';
import { painted, timed, whenInDom } from '../lib/render.js';
import { loadSourcesFixture, precomputedAdapter } from '../lib/sources-fixture.js';
import type { SourcesFixture } from '../lib/sources-fixture.js';

/** Rows whose source cell names a source: every row once the sources are read. */
const named = (el: FcCustomerList) => el.renderRoot.querySelectorAll('tbody td:last-child > span:first-child');

/** Board rows fully rendered: one per entry, each source cell naming the source or "Unknown". */
function boardReady(el: FcCustomerList, entries: number): boolean {
  const rows = el.renderRoot.querySelectorAll('tbody tr').length;
  if (rows !== entries) return false;
  return [...named(el)].every((span) => span.textContent !== 'Set');
}

function mountBoard(fixture: SourcesFixture): FcCustomerList {
  const el = document.createElement('fc-customer-list');
  el.date = fixture.today;
  el.refreshInterval = 0;
  el.adapter = precomputedAdapter(fixture);
  document.body.append(el);
  return el;
}

const time = new Intl.DateTimeFormat('en', { timeStyle: 'short' });

/** A `<bdi>` holding outside text, as the widget isolates names. */
function bdi(text: string): HTMLElement {
  const el = document.createElement('bdi');
  el.textContent = text;
  return el;
}

/**
 * The board as plain DOM, named as the widget names it (a named region, a caption, header scopes,
 * names that say they open a dialog, the badge's hidden comma, outside names in `<bdi>`s).
 */
function vanillaBoard(host: HTMLElement, fixture: SourcesFixture): void {
  const byId = new Map(fixture.sources.map((s) => [s.id, s]));
  const categories = new Map(fixture.categories.map((c) => [c.id, c.name]));
  const caption = `Today's vehicles, ${fixture.today}`;
  const region = document.createElement('div');
  region.setAttribute('role', 'region');
  region.setAttribute('aria-label', caption);
  const table = document.createElement('table');
  table.createCaption().textContent = caption;
  const head = table.createTHead().insertRow();
  for (const name of ['Customer', 'Vehicle', 'Advisor', 'Promised', 'Source']) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = name;
    head.append(th);
  }
  const body = table.createTBody();
  for (const entry of fixture.board) {
    const tr = body.insertRow();
    const th = document.createElement('th');
    th.scope = 'row';
    const button = document.createElement('button');
    button.type = 'button';
    button.setAttribute('aria-haspopup', 'dialog');
    const name = document.createElement('span');
    name.textContent = entry.customerName;
    button.append(name);
    const unknown = isSourceUnknown(entry.sourceId, byId);
    if (unknown) {
      const badge = document.createElement('span');
      const comma = document.createElement('span');
      comma.textContent = ', ';
      badge.append(comma, 'Source unknown');
      button.append(badge);
    }
    th.append(button);
    tr.append(th);
    tr.insertCell().textContent = entry.vehicle;
    tr.insertCell().textContent = entry.advisor;
    tr.insertCell().textContent = entry.promisedAt ? time.format(new Date(entry.promisedAt)) : 'Not promised';
    const source = unknown ? null : byId.get(entry.sourceId!)!;
    const cell = tr.insertCell();
    if (source) cell.append(bdi(categories.get(source.categoryId!)!), ' › ', bdi(source.name));
    else cell.textContent = 'Unknown';
  }
  region.append(table);
  host.append(region);
}

/**
 * The picker as plain DOM: a modal dialog named by its title, the current source, a labelled
 * select with one optgroup per category, Save and Cancel.
 */
function vanillaPicker(host: HTMLElement, fixture: SourcesFixture, entry: BoardEntry): HTMLDialogElement {
  const dialog = document.createElement('dialog');
  dialog.setAttribute('aria-labelledby', 'floor-picker-title');
  const form = document.createElement('form');
  const title = document.createElement('h2');
  title.id = 'floor-picker-title';
  title.append('Customer source for ', bdi(entry.customerName));
  const current = document.createElement('p');
  current.textContent = 'Now: unknown';
  const label = document.createElement('label');
  label.htmlFor = 'floor-picker-source';
  label.textContent = 'Source';
  const select = document.createElement('select');
  select.id = 'floor-picker-source';
  select.required = true;
  select.add(new Option('Choose a source', ''));
  for (const group of groupSourcesForPicker(fixture.sources, fixture.categories)) {
    const optgroup = document.createElement('optgroup');
    optgroup.label = group.categoryName;
    for (const s of group.sources) optgroup.append(new Option(s.name, s.id));
    select.append(optgroup);
  }
  const save = document.createElement('button');
  save.textContent = 'Save';
  const cancel = document.createElement('button');
  cancel.type = 'button';
  cancel.textContent = 'Cancel';
  form.append(title, current, label, select, save, cancel);
  dialog.append(form);
  host.append(dialog);
  dialog.showModal();
  select.focus();
  return dialog;
}

/** Options the picker offers: a placeholder and every mapped, live source. */
const pickerOptions = (fixture: SourcesFixture) =>
  1 + groupSourcesForPicker(fixture.sources, fixture.categories).reduce((n, g) => n + g.sources.length, 0);

export const customerListRender: BenchCase = {
  name: 'customer-list-render',
  description:
    '<fc-customer-list>, 50,000 customers / 400 PoS sources: from handing it a 200-vehicle board and the 400 sources to every row named, painted (budget 100 ms)',
  async ours() {
    const fixture = await loadSourcesFixture();
    const entries = fixture.board.length;
    let el: FcCustomerList | undefined;
    const ms = await timed('customer-list-render:ours', async () => {
      el = mountBoard(fixture);
      await whenInDom(el.renderRoot, () => boardReady(el!, entries), 'customer board');
      await painted();
    });
    check(entries === 200, `the board has ${entries} entries, expected 200`);
    const marked = el!.renderRoot.querySelectorAll('.badge').length;
    const unknown = fixture.board.filter((b) => b.sourceUnknown).length;
    check(unknown > 0 && marked === unknown, `${marked} names marked unknown, expected ${unknown}`);
    return ms;
  },
  peers: {
    async 'vanilla DOM table of the same rows, no Lit (floor)'() {
      const fixture = await loadSourcesFixture();
      const host = document.createElement('div');
      document.body.append(host);
      const ms = await timed('customer-list-render:peer', async () => {
        vanillaBoard(host, fixture);
        await painted();
      });
      check(host.querySelectorAll('tbody tr').length === fixture.board.length, 'vanilla board rows missing');
      return ms;
    },
  },
};

export const customerPickerOpen: BenchCase = {
  name: 'customer-picker-open',
  description:
    '<fc-customer-list> on screen (200 vehicles, 400 PoS sources): from activating a name to the source picker open with every mapped source grouped by category, painted (budget 100 ms)',
  async ours() {
    const fixture = await loadSourcesFixture();
    const options = pickerOptions(fixture);
    const el = mountBoard(fixture);
    await whenInDom(el.renderRoot, () => boardReady(el, fixture.board.length), 'customer board');
    await painted();
    const entry = fixture.board.find((b) => b.sourceUnknown)!;
    const name = el.renderRoot.querySelector<HTMLButtonElement>(`button.name[data-customer-id="${entry.customerId}"]`);
    check(name, 'no name button for an unknown customer');
    const ms = await timed('customer-picker-open:ours', async () => {
      name.click();
      await whenInDom(
        el.renderRoot,
        () => !!el.renderRoot.querySelector('dialog[open]') && el.renderRoot.querySelectorAll('dialog option').length === options,
        'source picker',
      );
      await painted();
    });
    check(options > 200, `the picker offers ${options} options, expected the mapped ones of 400`);
    check(el.shadowRoot?.activeElement?.localName === 'select', 'the picker did not focus its select');
    return ms;
  },
  peers: {
    async 'vanilla DOM dialog + select of the same groups, no Lit (floor)'() {
      const fixture = await loadSourcesFixture();
      const host = document.createElement('div');
      document.body.append(host);
      vanillaBoard(host, fixture);
      await painted();
      const entry = fixture.board.find((b) => b.sourceUnknown)!;
      let dialog: HTMLDialogElement | undefined;
      const ms = await timed('customer-picker-open:peer', async () => {
        dialog = vanillaPicker(host, fixture, entry);
        await painted();
      });
      check(dialog?.open && dialog.querySelectorAll('option').length === pickerOptions(fixture), 'vanilla picker incomplete');
      return ms;
    },
  },
};
