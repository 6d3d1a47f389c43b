import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import { LitElement, css } from 'lit';
import { WindowedGridController } from '../../src/components/shared/controllers/windowed-grid.js';

const ROW = 30;
const HEADER = 30;
const CARD = 60;
/** Ten rows fit under the header. */
const VIEWPORT = HEADER + 10 * ROW;
const COLUMNS = [
  { width: 100, min: 50 },
  { width: 120, min: 60 },
  { width: 80, min: 40 },
];
const MAX_WIDTH = 400;

function createRow(i: number): HTMLElement {
  const row = document.createElement('div');
  row.className = 'row';
  row.setAttribute('role', 'row');
  row.setAttribute('aria-rowindex', String(i + 2));
  row.dataset['index'] = String(i);
  COLUMNS.forEach((_, col) => {
    const cell = document.createElement('div');
    cell.className = `cell c${col}`;
    cell.setAttribute('role', 'gridcell');
    cell.setAttribute('aria-colindex', String(col + 1));
    cell.dataset['col'] = String(col);
    cell.textContent = `r${i} c${col}`;
    row.append(cell);
  });
  return row;
}

/**
 * A tiny grid on the controller: `rows` rows of three cells ("r<row> c<col>"), ten rows high,
 * columns sized by `--w<col>`, rows stacked 60 px high under 300 px of width (where the
 * separators are hidden), a button in the first column's header.
 */
class TestGrid extends LitElement {
  static override styles = css`
    :host {
      display: block;
      inline-size: 400px;
    }
    .scroller {
      block-size: ${VIEWPORT}px;
      overflow: auto;
      contain: strict;
    }
    .head {
      position: sticky;
      inset-block-start: 0;
      z-index: 1;
      background: white;
    }
    .body {
      overflow: clip;
    }
    .row {
      display: flex;
      block-size: ${ROW}px;
      inline-size: max-content;
    }
    .cell {
      position: relative;
      flex: none;
      box-sizing: border-box;
      overflow: hidden;
      white-space: nowrap;
    }
    .c0 {
      inline-size: var(--w0);
    }
    .c1 {
      inline-size: var(--w1);
    }
    .c2 {
      inline-size: var(--w2);
    }
    .resizer {
      position: absolute;
      inset-block: 0;
      inset-inline-end: 0;
      inline-size: 8px;
      touch-action: none;
      background: #999;
    }
    @container (inline-size < 300px) {
      .rows .row {
        block-size: ${CARD}px;
      }
      .resizer {
        display: none;
      }
    }
    .grid {
      container-type: inline-size;
    }
  `;

  /** The scroll body's height limit (a low one, so the test scales the scrollbar without a million rows). */
  static maxBodyHeight = 15_000_000;

  rows = 1000;
  /** Clicks on the header's button (column 1's "sort"). */
  sorts = 0;

  readonly grid = new WindowedGridController(this, {
    rowCount: () => this.rows,
    rowHeight: ROW,
    headerHeight: HEADER,
    narrowRowHeight: CARD,
    narrowWidth: 300,
    columns: COLUMNS,
    maxColumnWidth: MAX_WIDTH,
    maxBodyHeight: (this.constructor as typeof TestGrid).maxBodyHeight,
    parts: () => {
      const root = this.renderRoot;
      return {
        grid: root.querySelector<HTMLElement>('.grid'),
        scroller: root.querySelector<HTMLElement>('.scroller'),
        head: root.querySelector<HTMLElement>('.head [role="row"]'),
        body: root.querySelector<HTMLElement>('.body'),
        rows: root.querySelector<HTMLElement>('.rows'),
      };
    },
    renderRows: (container, start, count, tab) => {
      // A row that stays in the window keeps its element, unmoved (so the focus it holds stays).
      for (const row of [...container.children] as HTMLElement[]) {
        const i = Number(row.dataset['index']);
        if (i < start || i >= start + count) row.remove();
      }
      for (let i = start; i < start + count; i++) {
        const at = container.children[i - start] as HTMLElement | undefined;
        const row = at && Number(at.dataset['index']) === i ? at : container.insertBefore(createRow(i), at ?? null);
        row.querySelectorAll<HTMLElement>('[role="gridcell"]').forEach((cell, col) => {
          cell.tabIndex = i === tab.row && col === tab.col ? 0 : -1;
        });
      }
    },
    applyWidths: (grid, widths) => widths.forEach((w, col) => grid.style.setProperty(`--w${col}`, `${w}px`)),
  });

  protected override render() {
    return html`<div class="grid" role="grid" aria-label="Test rows" aria-rowcount=${this.rows + 1} aria-colcount=${COLUMNS.length}>
      <div class="scroller" @scroll=${this.grid.onScroll}>
        <div class="head" role="rowgroup">
          <div
            class="row"
            role="row"
            aria-rowindex="1"
            @keydown=${this.grid.header.onKeyDown}
            @focusin=${this.grid.header.onFocusIn}
            @pointerdown=${this.grid.header.onPointerDown}
            @pointermove=${this.grid.header.onPointerMove}
            @pointerup=${this.grid.header.onPointerUp}
            @pointercancel=${this.grid.header.onPointerUp}
          >
            ${COLUMNS.map(
              (c, col) => html`<div class="cell c${col}" role="columnheader" aria-colindex=${col + 1}>
                ${col === 0 ? html`<button type="button" tabindex="-1" @click=${() => this.sorts++}>Column 1</button>` : `Column ${col + 1}`}
                <div
                  class="resizer"
                  role="separator"
                  aria-orientation="vertical"
                  aria-label=${`Resize column ${col + 1}`}
                  aria-valuenow=${this.grid.header.widths[col]!}
                  aria-valuemin=${c.min}
                  aria-valuemax=${MAX_WIDTH}
                  tabindex="-1"
                  data-col=${col}
                ></div>
              </div>`,
            )}
          </div>
        </div>
        <div class="body" role="rowgroup" @keydown=${(e: KeyboardEvent) => this.grid.handleKey(e)} @focusin=${this.grid.onFocusIn}>
          <div class="rows"></div>
        </div>
      </div>
    </div>`;
  }
}
customElements.define('test-windowed-grid', TestGrid);
customElements.define(
  'test-windowed-grid-scaled',
  class extends TestGrid {
    static override maxBodyHeight = 50_000;
  },
);

const root = (el: TestGrid) => el.shadowRoot!;
const scroller = (el: TestGrid) => root(el).querySelector<HTMLElement>('.scroller')!;
const domRows = (el: TestGrid) => [...root(el).querySelectorAll<HTMLElement>('.rows [role="row"]')];
const rowIndexes = (el: TestGrid) => domRows(el).map((r) => Number(r.getAttribute('aria-rowindex')));
const focused = (el: TestGrid) => root(el).activeElement as HTMLElement | null;
const focusedRow = (el: TestGrid) => focused(el)?.closest('[role="row"]')?.getAttribute('aria-rowindex') ?? null;
const focusedCol = (el: TestGrid) => focused(el)?.getAttribute('aria-colindex') ?? null;
const separator = (el: TestGrid, col: number) => root(el).querySelectorAll<HTMLElement>('[role="separator"]')[col]!;
const headerCell = (el: TestGrid, col: number) => root(el).querySelectorAll<HTMLElement>('[role="columnheader"]')[col]!;
const bodyCell = (el: TestGrid, col: number) => domRows(el)[0]!.querySelectorAll<HTMLElement>('[role="gridcell"]')[col]!;
const frames = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));

/** The row whose top edge is right under the header: the first one a user sees. */
function topVisibleRow(el: TestGrid): number | null {
  const headerBottom = root(el).querySelector('.head')!.getBoundingClientRect().bottom;
  const row = domRows(el).find((r) => Math.abs(r.getBoundingClientRect().top - headerBottom) < 1);
  return row ? Number(row.getAttribute('aria-rowindex')) : null;
}

/** True when the row is wholly inside the scroller's box, under the header. */
function inView(el: TestGrid, ariaRowIndex: number): boolean {
  const row = root(el).querySelector(`.rows [role="row"][aria-rowindex="${ariaRowIndex}"]`);
  if (!row) return false;
  const box = scroller(el).getBoundingClientRect();
  const headerBottom = root(el).querySelector('.head')!.getBoundingClientRect().bottom;
  const at = row.getBoundingClientRect();
  return at.top >= headerBottom - 1 && at.bottom <= box.bottom + 1;
}

async function ctrl(key: string): Promise<void> {
  await sendKeys({ down: 'Control' });
  await sendKeys({ press: key });
  await sendKeys({ up: 'Control' });
}

async function shift(key: string): Promise<void> {
  await sendKeys({ down: 'Shift' });
  await sendKeys({ press: key });
  await sendKeys({ up: 'Shift' });
}

async function grid(rows = 1000, scaled = false): Promise<TestGrid> {
  const el = document.createElement(scaled ? 'test-windowed-grid-scaled' : 'test-windowed-grid') as TestGrid;
  el.rows = rows;
  await fixture(el);
  await frames();
  return el;
}

describe('WindowedGridController', () => {
  afterEach(() => resetMouse());

  describe('windowing', () => {
    it('renders the visible rows and two below, with aria-rowindex from 2', async () => {
      const el = await grid();
      // 10 rows fill the viewport, one more is cut by the edge, two below: 13 in all.
      expect(rowIndexes(el)).to.deep.equal([2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
      expect(topVisibleRow(el)).to.equal(2);
      expect(root(el).querySelector('.body')!.getBoundingClientRect().height).to.equal(1000 * ROW);
      await expect(el).to.be.accessible();
    });

    it('shows the rows under the scroll position, and no rows behind a jump past the window', async () => {
      const el = await grid();
      scroller(el).scrollTop = 500 * ROW;
      await waitUntil(() => topVisibleRow(el) === 502, 'row 501 at the top');
      // A jump: nothing rendered above the first visible row.
      expect(rowIndexes(el)[0]).to.equal(502);
      expect(rowIndexes(el).length).to.be.at.most(26);
      // A small scroll keeps two rows above, and every row in view.
      scroller(el).scrollTop = 503 * ROW + 10;
      await waitUntil(() => rowIndexes(el)[0] === 503, 'two rows above the first visible');
      expect(rowIndexes(el)).to.include.members([505, 506, 514, 515]);
      expect(inView(el, 506)).to.equal(true);
      await expect(el).to.be.accessible();
    });

    it('scales the scrollbar past the body height limit and still reaches the last row', async () => {
      const el = await grid(100_000, true);
      const s = scroller(el);
      expect(s.scrollHeight).to.be.at.most(50_000 + HEADER);
      s.scrollTop = (s.scrollHeight - s.clientHeight) / 2;
      await waitUntil(() => rowIndexes(el).some((i) => Math.abs(i - 50_000) < 20), 'middle rows');
      s.scrollTop = s.scrollHeight;
      await waitUntil(() => inView(el, 100_001), 'last row in view');
      expect(topVisibleRow(el)).to.equal(100_001 - 9);
    });

    it('stacks taller rows under the narrow width and keeps the first row in view', async () => {
      const el = await grid();
      scroller(el).scrollTop = 40 * ROW;
      await waitUntil(() => topVisibleRow(el) === 42, 'row 41 at the top');
      el.style.inlineSize = '250px';
      await waitUntil(() => root(el).querySelector('.body')!.getBoundingClientRect().height === 1000 * CARD, 'card height');
      await waitUntil(() => topVisibleRow(el) === 42, 'the same row at the top');
      expect(domRows(el)[0]!.getBoundingClientRect().height).to.equal(CARD);
    });
  });

  describe('keyboard', () => {
    it('moves focus by cell, row, page, Home/End and Ctrl+Home/End, scrolling only as needed', async () => {
      const el = await grid();
      domRows(el)[0]!.querySelector<HTMLElement>('[role="gridcell"]')!.focus();
      expect([focusedRow(el), focusedCol(el)]).to.deep.equal(['2', '1']);
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'ArrowRight' });
      expect([focusedRow(el), focusedCol(el)]).to.deep.equal(['3', '2']);
      expect(focused(el)!.tabIndex).to.equal(0);
      await sendKeys({ press: 'ArrowUp' });
      await sendKeys({ press: 'ArrowUp' });
      expect(focusedRow(el)).to.equal('2');
      expect(scroller(el).scrollTop).to.equal(0);
      // A page is a screen of rows less one: 9 here.
      await sendKeys({ press: 'PageDown' });
      expect(focusedRow(el)).to.equal('11');
      expect(scroller(el).scrollTop).to.equal(0);
      await sendKeys({ press: 'PageDown' });
      expect(focusedRow(el)).to.equal('20');
      expect(inView(el, 20)).to.equal(true);
      await sendKeys({ press: 'PageUp' });
      expect(focusedRow(el)).to.equal('11');
      await sendKeys({ press: 'End' });
      expect([focusedRow(el), focusedCol(el)]).to.deep.equal(['11', '3']);
      await sendKeys({ press: 'ArrowRight' });
      expect(focusedCol(el)).to.equal('3');
      await sendKeys({ press: 'Home' });
      expect([focusedRow(el), focusedCol(el)]).to.deep.equal(['11', '1']);
      await ctrl('End');
      expect([focusedRow(el), focusedCol(el)]).to.deep.equal(['1001', '3']);
      expect(inView(el, 1001)).to.equal(true);
      expect(focused(el)!.textContent).to.equal('r999 c2');
      await ctrl('Home');
      expect([focusedRow(el), focusedCol(el)]).to.deep.equal(['2', '1']);
      expect(scroller(el).scrollTop).to.equal(0);
      await expect(el).to.be.accessible();
    });

    it('gives the first visible row the tab stop once the active row has scrolled away, and takes a clicked cell as active', async () => {
      const el = await grid();
      scroller(el).scrollTop = 300 * ROW;
      await waitUntil(() => topVisibleRow(el) === 302, 'row 301 at the top');
      const stops = [...root(el).querySelectorAll<HTMLElement>('.rows [tabindex="0"]')];
      expect(stops.map((c) => c.textContent)).to.deep.equal(['r300 c0']);
      const cell = root(el).querySelector<HTMLElement>('.rows [role="row"][aria-rowindex="305"] [aria-colindex="2"]')!;
      cell.focus();
      await sendKeys({ press: 'ArrowDown' });
      expect([focusedRow(el), focusedCol(el)]).to.deep.equal(['306', '2']);
    });
  });

  describe('the header row', () => {
    /** The focused element, through the grid's shadow root. */
    const active = (el: TestGrid) => (document.activeElement === el ? focused(el) : document.activeElement);
    const headerStops = (el: TestGrid) => [...root(el).querySelectorAll<HTMLElement>('.head [tabindex="0"]')];

    it('is one Tab stop between what comes before the grid and its rows; arrows move along its stops', async () => {
      const wrapper = await fixture<HTMLDivElement>(html`<div><button id="before">Before</button><test-windowed-grid></test-windowed-grid></div>`);
      const el = wrapper.querySelector<TestGrid>('test-windowed-grid')!;
      await frames();
      const button = root(el).querySelector<HTMLElement>('.head button')!;
      expect(headerStops(el)).to.deep.equal([button]);
      wrapper.querySelector<HTMLElement>('#before')!.focus();
      await sendKeys({ press: 'Tab' });
      expect(active(el)).to.equal(button);
      await sendKeys({ press: 'Tab' });
      expect(active(el)!.getAttribute('role')).to.equal('gridcell');
      expect(focused(el)!.textContent).to.equal('r0 c0');
      await shift('Tab');
      expect(active(el)).to.equal(button);
      // Right walks the button, then each separator; it stops at the last one.
      await sendKeys({ press: 'ArrowRight' });
      expect(active(el)).to.equal(separator(el, 0));
      for (let i = 0; i < 4; i++) await sendKeys({ press: 'ArrowRight' });
      expect(active(el)).to.equal(separator(el, 2));
      await sendKeys({ press: 'ArrowLeft' });
      expect(active(el)).to.equal(separator(el, 1));
      // The stop is remembered: Tab out to the rows and back lands on it.
      await sendKeys({ press: 'Tab' });
      expect(active(el)!.getAttribute('role')).to.equal('gridcell');
      await shift('Tab');
      expect(active(el)).to.equal(separator(el, 1));
      expect(headerStops(el)).to.deep.equal([separator(el, 1)]);
      // Enter on the button is still a click.
      await sendKeys({ press: 'ArrowLeft' });
      await sendKeys({ press: 'ArrowLeft' });
      await sendKeys({ press: 'Enter' });
      expect(el.sorts).to.equal(1);
      await expect(el).to.be.accessible();
    });

    it('resizes a column with the keyboard on its separator, within its bounds', async () => {
      const el = await grid();
      separator(el, 0).focus();
      await shift('ArrowRight');
      await el.updateComplete;
      expect(separator(el, 0).getAttribute('aria-valuenow')).to.equal('116');
      expect(headerCell(el, 0).getBoundingClientRect().width).to.equal(116);
      expect(bodyCell(el, 0).getBoundingClientRect().width).to.equal(116);
      await shift('ArrowLeft');
      await sendKeys({ press: 'ArrowDown' });
      await el.updateComplete;
      expect(separator(el, 0).getAttribute('aria-valuenow')).to.equal('84');
      await sendKeys({ press: '+' });
      await sendKeys({ press: 'ArrowUp' });
      await sendKeys({ press: '-' });
      await el.updateComplete;
      expect(separator(el, 0).getAttribute('aria-valuenow')).to.equal('100');
      await sendKeys({ press: 'Home' });
      await el.updateComplete;
      expect(separator(el, 0).getAttribute('aria-valuenow')).to.equal('50');
      expect(bodyCell(el, 0).getBoundingClientRect().width).to.equal(50);
      await sendKeys({ press: 'ArrowDown' });
      await el.updateComplete;
      expect(separator(el, 0).getAttribute('aria-valuenow')).to.equal('50');
      await sendKeys({ press: 'End' });
      await el.updateComplete;
      expect(separator(el, 0).getAttribute('aria-valuenow')).to.equal(String(MAX_WIDTH));
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(separator(el, 0).getAttribute('aria-valuenow')).to.equal('100');
      // The other columns keep their widths, and focus stayed on the separator.
      expect(headerCell(el, 1).getBoundingClientRect().width).to.equal(120);
      expect(focused(el)).to.equal(separator(el, 0));
      await expect(el).to.be.accessible();
    });

    it('gives the Tab stop back to the button when the separators are hidden on a narrow grid', async () => {
      const el = await grid();
      separator(el, 2).focus();
      expect(headerStops(el)).to.deep.equal([separator(el, 2)]);
      el.style.inlineSize = '250px';
      await waitUntil(() => root(el).querySelector('.body')!.getBoundingClientRect().height === 1000 * CARD, 'cards');
      const button = root(el).querySelector<HTMLElement>('.head button')!;
      expect(headerStops(el)).to.deep.equal([button]);
      button.focus();
      await sendKeys({ press: 'ArrowRight' });
      expect(focused(el)).to.equal(button);
    });

    it('resizes a column by dragging its separator', async () => {
      const el = await grid();
      const handle = separator(el, 1).getBoundingClientRect();
      const x = Math.round(handle.left + handle.width / 2);
      const y = Math.round(handle.top + handle.height / 2);
      await sendMouse({ type: 'move', position: [x, y] });
      await sendMouse({ type: 'down' });
      await sendMouse({ type: 'move', position: [x + 20, y] });
      await sendMouse({ type: 'move', position: [x + 40, y] });
      await sendMouse({ type: 'up' });
      await el.updateComplete;
      expect(separator(el, 1).getAttribute('aria-valuenow')).to.equal('160');
      expect(headerCell(el, 1).getBoundingClientRect().width).to.equal(160);
      expect(bodyCell(el, 1).getBoundingClientRect().width).to.equal(160);
      expect(focused(el)).to.equal(separator(el, 1));
      // Released: moving the mouse again changes nothing.
      await sendMouse({ type: 'move', position: [x + 100, y] });
      await el.updateComplete;
      expect(separator(el, 1).getAttribute('aria-valuenow')).to.equal('160');
      // Dragged narrower than the column's minimum, it stops at the minimum.
      const again = separator(el, 1).getBoundingClientRect();
      const x2 = Math.round(again.left + again.width / 2);
      await sendMouse({ type: 'move', position: [x2, y] });
      await sendMouse({ type: 'down' });
      await sendMouse({ type: 'move', position: [x2 - 150, y] });
      await sendMouse({ type: 'up' });
      await el.updateComplete;
      expect(separator(el, 1).getAttribute('aria-valuenow')).to.equal('60');
    });
  });
});
