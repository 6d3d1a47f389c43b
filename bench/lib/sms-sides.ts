/// <reference types="vite/client" />
/**
 * The two tables the SMS history benches compare, mounted the same way (1200 × 720 px box, the
 * six columns of `SMS_COLUMNS`, newest first), and what each side needs to check that it shows the
 * right row before it reports a number:
 *
 * - ours: `<fc-sms-history>` with a memory adapter over the rows, driven through the contract's
 *   bench API (`rowsReady()`, `scrollToRow()`, `rowCount`, `[part~=scroller]`, rows as
 *   `[role=row][aria-rowindex]`, data row i at aria-rowindex i + 2, `aria-busy` while loading);
 * - peer: `<vaadin-grid>` with a `dataProvider` that answers synchronously with slices of the same
 *   array (filtered once per filter, like the memory adapter), its scroller being `$.table`.
 *
 * Both elements are loaded with dynamic imports, so pages of the other bench cases never evaluate
 * them; loading happens before any clock starts.
 */
import type { Grid } from '@vaadin/grid/vaadin-grid.js';
import type { GridColumn } from '@vaadin/grid/vaadin-grid-column.js';
import type { ForecourtAdapter } from '../../src/data/adapter.js';
import type { SmsMessage } from '../../src/data/model.js';
import { check } from './case.js';
import { rowAt, SMS_COLUMNS, SMS_FILTER_ALL, SMS_ZONE } from './sms-fixture.js';

const BOX = { width: '1200px', height: '720px' };

/** The same box for both (each element keeps its own `display`). */
function size(el: HTMLElement): void {
  el.style.setProperty('inline-size', BOX.width);
  el.style.setProperty('block-size', BOX.height);
}

// ───────────────────────────── waiting ─────────────────────────────

/** Resolves once `ready()` holds, checked now and after every mutation under any of `roots`. */
export function waitFor(roots: Node[], ready: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  if (ready()) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const observer = new MutationObserver(() => {
      if (!ready()) return;
      finish();
      resolve();
    });
    const timer = setTimeout(() => {
      finish();
      reject(new Error(`${what}: not shown after ${timeoutMs} ms`));
    }, timeoutMs);
    const finish = () => {
      observer.disconnect();
      clearTimeout(timer);
    };
    for (const root of roots) observer.observe(root, { childList: true, subtree: true, attributes: true, characterData: true });
  });
}

/** Every element of `host`: its light DOM and every shadow root inside, nested ones included. */
export function countElements(host: Element): number {
  let count = 0;
  const walk = (root: ParentNode) => {
    for (const el of root.querySelectorAll('*')) {
      count++;
      if (el.shadowRoot) walk(el.shadowRoot);
    }
  };
  if (host.shadowRoot) walk(host.shadowRoot);
  walk(host);
  return count;
}

/** Whether `el` is at least partly visible in the scroller's viewport below `top` (a sticky header's bottom). */
function inView(el: Element, scroller: Element, top = scroller.getBoundingClientRect().top): boolean {
  const box = el.getBoundingClientRect();
  const port = scroller.getBoundingClientRect();
  return box.height > 0 && box.bottom > top + 1 && box.top < port.bottom - 1;
}

/**
 * The display index a top row should have after scrolling to `scrollTop`: the scroll fraction of the
 * rows that can be at the top. Exact for an unscaled list; a scaled one (beyond the browser's height
 * limit) maps linearly too.
 */
export function expectedTopIndex(scroller: Element, rowCount: number, visibleRows: number): number {
  const range = scroller.scrollHeight - scroller.clientHeight;
  return range > 0 ? Math.round((scroller.scrollTop / range) * (rowCount - visibleRows)) : 0;
}

// ───────────────────────────── ours ─────────────────────────────

/** `<fc-sms-history>` as the issue 4 contract describes it. */
export interface SmsHistoryElement extends HTMLElement {
  adapter?: ForecourtAdapter;
  filter: string;
  readonly rowCount: number;
  scrollToRow(index: number): Promise<void>;
  rowsReady(): Promise<void>;
}

const historyModule = import.meta.glob('../../src/components/sms-history/fc-sms-history.ts');

/** Defines `<fc-sms-history>` (and the summary it renders). */
export async function defineOurs(): Promise<void> {
  const load = Object.values(historyModule)[0];
  check(load, 'src/components/sms-history/fc-sms-history.ts does not exist yet');
  await load();
  await customElements.whenDefined('fc-sms-history');
}

/** A new, unconnected `<fc-sms-history>` over `adapter`, sized like the peer. */
export function createOurs(adapter: ForecourtAdapter, filter = SMS_FILTER_ALL): SmsHistoryElement {
  const el = document.createElement('fc-sms-history') as SmsHistoryElement;
  el.adapter = adapter;
  el.filter = filter;
  el.setAttribute('time-zone', SMS_ZONE);
  size(el);
  return el;
}

/** Whether the `<fc-sms-summary>` inside ours shows its figures. */
export const summaryShown = (el: HTMLElement): boolean => !!el.shadowRoot?.querySelector('fc-sms-summary')?.shadowRoot?.querySelector('[part~="metrics"]');

export function oursScroller(el: SmsHistoryElement): HTMLElement {
  const scroller = el.shadowRoot?.querySelector<HTMLElement>('[part~="scroller"]');
  check(scroller, '<fc-sms-history> has no [part~="scroller"] in its shadow root');
  return scroller;
}

/** Data rows of ours currently in its scroller's viewport, by display index. */
function oursVisibleRows(el: SmsHistoryElement): { index: number; row: Element }[] {
  const scroller = oursScroller(el);
  const header = el.shadowRoot!.querySelector('[role="row"][aria-rowindex="1"]');
  const top = header ? Math.max(header.getBoundingClientRect().bottom, scroller.getBoundingClientRect().top) : undefined;
  return [...el.shadowRoot!.querySelectorAll('[role="row"][aria-rowindex]')]
    .map((row) => ({ index: Number(row.getAttribute('aria-rowindex')) - 2, row }))
    .filter(({ index, row }) => index >= 0 && inView(row, scroller, top))
    .sort((a, b) => a.index - b.index);
}

/**
 * Checks that ours shows `rows` (newest first): `rowCount` right, every row in view loaded and
 * showing its message's customer, the row at display index `index` among them, and (without
 * `index`) the top row consistent with the scroll position. Returns the top row's index and the
 * number of rows in view.
 */
export function checkOurs(el: SmsHistoryElement, rows: readonly SmsMessage[], index?: number): { top: number; visible: number } {
  check(el.rowCount === rows.length, `<fc-sms-history> rowCount is ${el.rowCount}, expected ${rows.length}`);
  const visible = oursVisibleRows(el);
  check(visible.length > 0, '<fc-sms-history> shows no data row in its scroller');
  const top = visible[0]!.index;
  const target = index ?? top;
  const shown = visible.find((v) => v.index === target);
  check(shown, `<fc-sms-history>: data row ${target} is not in view (rows ${visible[0]!.index}–${visible.at(-1)!.index} are)`);
  for (const { index: i, row } of visible) {
    check(row.getAttribute('aria-busy') !== 'true', `<fc-sms-history>: data row ${i} is in view but still loading`);
    const name = rowAt(rows, i).customerName!;
    check(row.textContent?.includes(name), `<fc-sms-history>: data row ${i} does not show ${name}: "${row.textContent?.trim().slice(0, 120)}"`);
  }
  if (index === undefined) {
    const expected = expectedTopIndex(oursScroller(el), rows.length, visible.length);
    check(Math.abs(top - expected) <= 3, `<fc-sms-history>: row ${top} at the top, expected about ${expected} for the scroll position`);
  }
  return { top, visible: visible.length };
}

// ───────────────────────────── vaadin-grid ─────────────────────────────

interface GridRow extends HTMLTableRowElement {
  index: number;
}
interface GridCell extends HTMLTableCellElement {
  _content?: Element;
}
/** `<vaadin-grid>` with the internals the benches read (`$`, rows' `index`, cells' `_content`). */
export type VaadinGridElement = Grid<SmsMessage> & { $: { table: HTMLElement; items: HTMLElement; header: HTMLElement } };

/** Defines `<vaadin-grid>` and `<vaadin-grid-column>`. */
export async function defineVaadin(): Promise<void> {
  await Promise.all([import('@vaadin/grid/vaadin-grid.js'), import('@vaadin/grid/vaadin-grid-column.js')]);
  await customElements.whenDefined('vaadin-grid');
}

export interface VaadinTable {
  grid: VaadinGridElement;
  /** Changes what the data provider serves (takes effect at the next `clearCache()`). */
  setFilter(keep: ((m: SmsMessage) => boolean) | null): void;
  /** The rows currently served, oldest first. */
  current(): readonly SmsMessage[];
}

/** A new, unconnected `<vaadin-grid>` with the six columns and a data provider over `rows`. */
export function createVaadin(rows: readonly SmsMessage[]): VaadinTable {
  const grid = document.createElement('vaadin-grid') as VaadinGridElement;
  size(grid);
  for (const column of SMS_COLUMNS) {
    const col = document.createElement('vaadin-grid-column') as GridColumn<SmsMessage>;
    col.header = column.header;
    col.renderer = (root, _column, model) => {
      root.textContent = column.text(model.item);
    };
    grid.append(col);
  }
  let keep: ((m: SmsMessage) => boolean) | null = null;
  let served: readonly SmsMessage[] | null = rows;
  const current = () => (served ??= keep ? rows.filter(keep) : rows);
  grid.dataProvider = ({ page, pageSize }, callback) => {
    const list = current();
    const start = page * pageSize;
    const end = Math.min(list.length, start + pageSize);
    const items: SmsMessage[] = [];
    for (let i = start; i < end; i++) items.push(rowAt(list, i));
    callback(items, list.length);
  };
  return {
    grid,
    setFilter(next) {
      keep = next;
      served = null;
    },
    current,
  };
}

/** Data rows of the grid in its viewport, by index. */
function vaadinVisibleRows(grid: VaadinGridElement): { index: number; row: GridRow }[] {
  const top = grid.$.header.getBoundingClientRect().bottom;
  return ([...grid.$.items.children] as GridRow[])
    .filter((row) => !row.hidden && inView(row, grid.$.table, top))
    .map((row) => ({ index: row.index, row }))
    .sort((a, b) => a.index - b.index);
}

const cellText = (row: GridRow) => [...row.cells].map((cell) => (cell as GridCell)._content?.textContent ?? '').join(' ');

/** Whether display row `index` of `rows` is in view and every row in view is loaded with its message. */
export function vaadinShows(grid: VaadinGridElement, rows: readonly SmsMessage[], index: number): boolean {
  if (grid.loading) return false;
  const visible = vaadinVisibleRows(grid);
  return (
    visible.some((v) => v.index === index) &&
    visible.every(
      ({ index: i, row }) => i < rows.length && !row.hasAttribute('loading') && cellText(row).includes(rowAt(rows, i).customerName!),
    )
  );
}

/** Resolves once the grid shows display row `index` of `rows`. */
export function vaadinShown(grid: VaadinGridElement, rows: readonly SmsMessage[], index: number): Promise<void> {
  return waitFor([grid, grid.shadowRoot!], () => vaadinShows(grid, rows, index), `vaadin-grid row ${index}`);
}

/** The same checks as {@link checkOurs}, on the grid. */
export function checkVaadin(grid: VaadinGridElement, rows: readonly SmsMessage[], index?: number): { top: number; visible: number } {
  const visible = vaadinVisibleRows(grid);
  check(visible.length > 0, 'vaadin-grid shows no data row');
  const top = visible[0]!.index;
  const target = index ?? top;
  check(vaadinShows(grid, rows, target), `vaadin-grid: row ${target} or a row beside it does not show its message`);
  if (index === undefined) {
    const expected = expectedTopIndex(grid.$.table, rows.length, visible.length);
    check(Math.abs(top - expected) <= 3, `vaadin-grid: row ${top} at the top, expected about ${expected} for the scroll position`);
  }
  return { top, visible: visible.length };
}

// ───────────────────────────── frames ─────────────────────────────

export interface FrameTimes {
  /** Time between consecutive animation frames (rAF timestamps), one per scroll step. */
  frames: number[];
  /**
   * Main-thread time of each step's frame: from its scroll event (or animation frame, whichever
   * came first) to a task queued in the animation frame, which runs after style, layout and paint.
   */
  busy: number[];
}

/**
 * Scrolls `scroller` by `step` px once per animation frame, `count` times, setting `scrollTop`
 * in each frame's animation callback, and times every frame.
 */
export async function scrollFrames(scroller: HTMLElement, count: number, step: number): Promise<FrameTimes> {
  const root = scroller.getRootNode() as Document | ShadowRoot;
  let firstEvent = 0;
  // Capture on the scroller's root runs before any listener on the scroller itself.
  const onScroll = () => {
    firstEvent ||= performance.now();
  };
  root.addEventListener('scroll', onScroll, { capture: true, passive: true });
  const stamps: number[] = [];
  const busy: number[] = [];
  const afterRendering = (start: number) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => busy.push(performance.now() - start);
    channel.port2.postMessage(null);
  };
  const startTop = scroller.scrollTop;
  try {
    await new Promise<void>((resolve) => {
      const frame = (t: number) => {
        const n = stamps.push(t);
        if (n > 1) afterRendering(firstEvent ? Math.min(firstEvent, performance.now()) : performance.now());
        firstEvent = 0;
        if (n > count) {
          resolve();
          return;
        }
        scroller.scrollTop = startTop + n * step;
        requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
    });
    // The last frame's task.
    await new Promise((resolve) => setTimeout(resolve));
  } finally {
    root.removeEventListener('scroll', onScroll, { capture: true });
  }
  return { frames: stamps.slice(1).map((t, i) => t - stamps[i]!), busy };
}

/** The `p`-th percentile (nearest rank) of `values`. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}
