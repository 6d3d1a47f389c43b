/**
 * Source mapping editor render: the 400 PoS sources of a 50,000-customer shop (a third unmapped,
 * one in 25 deleted), with customer counts, read beforehand by a memory adapter. Timed from
 * handing them to a new `<fc-source-mapping-editor>` until its table holds a row for every live
 * source, that frame painted. Budget: 100 ms (issue 3).
 *
 * The peer builds the same rows (code, name, category or "Not mapped", customers, suggestion
 * with Accept, Edit and Delete) with DOM APIs, suggestions from the same pure function: no Lit.
 * It names things as the widget does (a named region, a caption, header scopes, each row button
 * named with its source), so accessibility is not what the ratio measures. A floor.
 */
import '../../src/components/source-mapping-editor/fc-source-mapping-editor.js';
import { mappingSuggestions } from '../../src/data/logic/source-mapping.js';
import { check } from '../lib/case.js';
import type { BenchCase } from '../lib/case.js';
import { painted, timed, whenInDom } from '../lib/render.js';
import { loadSourcesFixture, precomputedAdapter } from '../lib/sources-fixture.js';
import type { SourcesFixture } from '../lib/sources-fixture.js';

const liveSources = (fixture: SourcesFixture) => fixture.sources.filter((s) => !s.deleted).length;

function vanillaEditor(host: HTMLElement, fixture: SourcesFixture): void {
  const count = new Intl.NumberFormat('en');
  const names = new Map(fixture.categories.map((c) => [c.id, c.name]));
  const suggestions = mappingSuggestions(fixture.sources);
  const live = fixture.sources.filter((s) => !s.deleted);
  const progress = document.createElement('p');
  progress.textContent = `${count.format(live.filter((s) => s.categoryId).length)} of ${count.format(live.length)} mapped`;
  // The same accessible names as the widget's: a named scroll region, a caption, header scopes,
  // and each row button named with its source ("Edit GGL").
  const region = document.createElement('div');
  region.setAttribute('role', 'region');
  region.setAttribute('aria-label', 'Customer sources');
  const table = document.createElement('table');
  table.createCaption().textContent = 'Customer sources';
  const head = table.createTHead().insertRow();
  for (const name of ['PoS code', 'Name', 'Category', 'Customers', 'Suggestion', 'Actions']) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = name;
    head.append(th);
  }
  const button = (text: string, id: string, label: string) => {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = text;
    b.dataset['id'] = id;
    b.setAttribute('aria-label', `${text} ${label}`);
    return b;
  };
  const body = table.createTBody();
  for (const s of live) {
    const label = s.code.trim() ? s.code : s.name;
    const tr = body.insertRow();
    tr.className = 'row';
    const th = document.createElement('th');
    th.scope = 'row';
    th.textContent = s.code || '—';
    tr.append(th);
    tr.insertCell().textContent = s.name;
    tr.insertCell().textContent = s.categoryId ? (names.get(s.categoryId) ?? s.categoryId) : 'Not mapped';
    tr.insertCell().textContent = count.format(s.customerCount);
    const suggestion = suggestions.get(s.id);
    const cell = tr.insertCell();
    if (suggestion) cell.append(`${names.get(suggestion.categoryId)} / ${suggestion.name}`, button('Accept', s.id, label));
    tr.insertCell().append(button('Edit', s.id, label), button('Delete', s.id, label));
  }
  region.append(table);
  host.append(progress, region);
}

export const sourceMappingEditorRender: BenchCase = {
  name: 'source-mapping-editor-render',
  description:
    '<fc-source-mapping-editor>, 400 PoS sources of 50,000 customers: from handing it the sources and categories to a row per live source, painted (budget 100 ms)',
  async ours() {
    const fixture = await loadSourcesFixture();
    const rows = liveSources(fixture);
    const adapter = precomputedAdapter(fixture);
    let el: HTMLElementTagNameMap['fc-source-mapping-editor'] | undefined;
    const ms = await timed('source-mapping-editor-render:ours', async () => {
      el = document.createElement('fc-source-mapping-editor');
      el.adapter = adapter;
      document.body.append(el);
      await whenInDom(el.renderRoot, () => el!.renderRoot.querySelectorAll('tr.row').length === rows, 'mapping editor table');
      await painted();
    });
    check(rows > 350, `${rows} live sources, expected most of 400`);
    check(el!.renderRoot.querySelectorAll('button[data-action="accept"]').length > 0, 'no suggestions shown');
    return ms;
  },
  peers: {
    async 'vanilla DOM table of the same rows, no Lit (floor)'() {
      const fixture = await loadSourcesFixture();
      const host = document.createElement('div');
      document.body.append(host);
      const ms = await timed('source-mapping-editor-render:peer', async () => {
        vanillaEditor(host, fixture);
        await painted();
      });
      check(host.querySelectorAll('tr.row').length === liveSources(fixture), 'vanilla rows missing');
      return ms;
    },
  },
};
