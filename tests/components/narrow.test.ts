/**
 * Phones and small containers (issue 18): at 320 and 390 px every widget, showing the seeded data
 * of the screenshots (tests/visual/cases.ts), fits its container: the page does not scroll
 * sideways, the widget's box is no wider than its container, and nothing in its shadow trees
 * sticks out past the container's edges unless a scroll box of the widget holds it. A modal
 * dialog or popover, opened the way a user opens it, fits the viewport and its buttons take a
 * click where they are drawn. Axe stays clean at 320 px.
 */
import { aTimeout, expect, fixture, html, nextFrame, waitUntil } from '@open-wc/testing';
import { emulateMedia, executeServerCommand, resetMouse, sendMouse, setViewport } from '@web/test-runner-commands';
import { setLeadClockTime } from '../../src/components/lead-clock/fc-lead-clock.js';
import { createMemoryAdapter } from '../../src/data/memory-adapter.js';
import { NOW, VISUAL_CASES, ZONE, dataset } from '../visual/cases.js';
import type { VisualCase, VisualTag } from '../visual/cases.js';

const WIDTHS = [320, 390] as const;
const HEIGHT = 844;
/** Sub-pixel rounding of layout; anything wider than this is a real overflow. */
const SLACK = 0.5;

const TAGS = Object.keys(VISUAL_CASES).sort() as VisualTag[];
const caseOf = (tag: VisualTag) => VISUAL_CASES[tag] as unknown as VisualCase<VisualTag>;
const until = (predicate: () => unknown, message: string) => waitUntil(predicate, message, { timeout: 15_000 });

/** The parent in the flat (composed) tree: slot, parent element, or the shadow root's host. */
function parentOf(el: Element): Element | null {
  return el.assignedSlot ?? el.parentElement ?? ((el.getRootNode() as ShadowRoot).host || null);
}

/** Every element in `el`'s shadow trees, nested widgets' included. */
function shadowElements(el: Element): Element[] {
  const found: Element[] = [];
  const walk = (root: ShadowRoot): void => {
    for (const child of root.querySelectorAll('*')) {
      found.push(child);
      if (child.shadowRoot) walk(child.shadowRoot);
    }
  };
  if (el.shadowRoot) walk(el.shadowRoot);
  return found;
}

/** The visible text of the element and the shadow roots inside it. */
function readText(el: Element): string {
  return [el, ...shadowElements(el)]
    .flatMap((e) => [...(e.shadowRoot ?? e).childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const clips = (style: CSSStyleDeclaration) => style.overflowX !== 'visible';
/** Establishes the containing block of an absolutely positioned descendant. */
const positioned = (style: CSSStyleDeclaration) => style.position !== 'static' || style.transform !== 'none' || style.contain.includes('paint') || style.contain.includes('layout');

/**
 * Whether a box of the widget (below `host`, or `host` itself) clips `el` sideways: an ancestor
 * with `overflow-x` other than visible that `el` is laid out in. An absolutely positioned element
 * escapes every scroll box below its containing block, as the browser draws it.
 */
function clippedWithin(el: Element, host: Element): boolean {
  let position = getComputedStyle(el).position;
  for (let p = parentOf(el); p; p = parentOf(p)) {
    const style = getComputedStyle(p);
    // The next box `el` (or the box holding it) is laid out in: its containing block.
    const holds = position === 'absolute' ? positioned(style) : position === 'fixed' ? style.transform !== 'none' : true;
    if (holds) {
      if (clips(style)) return true;
      position = style.position;
    }
    if (p === host) return false;
  }
  return false;
}

/** Whether `el` is inside an open dialog or popover (the top layer), checked apart. */
function inTopLayer(el: Element): boolean {
  for (let p: Element | null = el; p; p = parentOf(p)) {
    if (p instanceof HTMLDialogElement && p.open) return true;
    if (p.matches(':popover-open')) return true;
  }
  return false;
}

/** What sticks out past the container's inline edges, named for the failure message. */
function overflowing(el: Element, frame: Element): string[] {
  const box = frame.getBoundingClientRect();
  const out: string[] = [];
  for (const child of shadowElements(el)) {
    const rect = child.getBoundingClientRect();
    if (rect.width === 0 && rect.height === 0) continue;
    if (rect.left >= box.left - SLACK && rect.right <= box.right + SLACK) continue;
    if (inTopLayer(child) || clippedWithin(child, el)) continue;
    const name = `${child.localName}${child.id ? `#${child.id}` : ''}${child.classList.length ? `.${[...child.classList].join('.')}` : ''}${child.getAttribute('part') ? `[part=${child.getAttribute('part')}]` : ''}`;
    out.push(`${name} ${Math.round(rect.left)}..${Math.round(rect.right)} "${(child.textContent ?? '').trim().slice(0, 30)}"`);
  }
  return out;
}

/** Waits until the widget's text has stopped changing and nothing in it is busy. */
async function settled(el: Element): Promise<void> {
  let last = '';
  let same = 0;
  for (let i = 0; i < 300 && same < 3; i++) {
    await aTimeout(50);
    const now = readText(el);
    const busy = [el, ...shadowElements(el)].some((e) => e.getAttribute('aria-busy') === 'true');
    same = now === last && now !== '' && !busy ? same + 1 : 0;
    last = now;
  }
  await nextFrame();
  await nextFrame();
}

async function mount(tag: VisualTag): Promise<{ el: HTMLElementTagNameMap[VisualTag]; frame: HTMLDivElement }> {
  const el = document.createElement(tag);
  caseOf(tag).setup(el, createMemoryAdapter(dataset, { now: () => new Date(NOW) }));
  const frame = await fixture<HTMLDivElement>(html`<div class="frame">${el}</div>`);
  await settled(el);
  return { el, frame };
}

const root = (el: Element) => el.shadowRoot!;

/**
 * Opens the widget's modal dialog or popover the way a user does, and answers it (open), or
 * nothing for a widget that has none.
 */
const OPENERS: Partial<Record<VisualTag, (el: HTMLElement) => Promise<HTMLDialogElement>>> = {
  // It opens itself on entering the page.
  'fc-mapping-warning': async (el) => {
    await until(() => root(el).querySelector('dialog')?.open, 'the warning did not open');
    return root(el).querySelector('dialog')!;
  },
  'fc-customer-list': async (el) => {
    await click(root(el).querySelector('tbody tr button.name')!);
    await until(() => root(el).querySelector('dialog')?.open && root(el).querySelector('dialog select'), 'the picker did not open');
    return root(el).querySelector('dialog')!;
  },
  'fc-deleted-customers': async (el) => {
    await click(root(el).querySelector('tbody tr input.check')!);
    await click(root(el).querySelector('[part~="restore-button"]')!);
    await until(() => root(el).querySelector('dialog')?.open, 'the confirmation did not open');
    return root(el).querySelector('dialog')!;
  },
  'fc-source-mapping-editor': async (el) => {
    await click(root(el).querySelector('button[data-action="done"]')!);
    await until(() => root(el).querySelector('dialog')?.open, 'the confirmation did not open');
    return root(el).querySelector('dialog')!;
  },
  'fc-sms-history': async (el) => {
    await until(() => root(el).querySelector('.rows [role="row"] [aria-colindex="6"]'), 'no rows');
    await click(root(el).querySelector('.rows [role="row"] [aria-colindex="6"]')!);
    // Its content is loaded on the first open (a skeleton with Close meanwhile): measure the loaded dialog.
    await until(() => root(el).querySelector('dialog')?.open && !root(el).querySelector('dialog [part~="loading"]'), 'the details did not open');
    return root(el).querySelector('dialog')!;
  },
};

/** The centre of what is drawn of `target`, scrolled into view. */
function centre(target: Element): [number, number] {
  target.scrollIntoView({ block: 'center', inline: 'center' });
  const r = target.getBoundingClientRect();
  return [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)];
}

/** A real mouse click where `target` is drawn (a box off-screen, or covered, does not get it). */
async function click(target: Element): Promise<void> {
  const [x, y] = centre(target);
  await sendMouse({ type: 'click', position: [x, y] });
}

/** Whether a click at the centre of `button` lands on it (nothing covers it, it is in the viewport). */
function hittable(button: Element): boolean {
  const [x, y] = centre(button);
  if (x < 0 || y < 0 || x >= innerWidth || y >= innerHeight) return false;
  const hit = (button.getRootNode() as ShadowRoot | Document).elementFromPoint(x, y);
  return !!hit && (hit === button || button.contains(hit));
}

describe('widgets at phone widths (320 and 390 px)', function () {
  this.timeout(60_000);

  before(async () => {
    await emulateMedia({ reducedMotion: 'reduce', colorScheme: 'light' });
    await executeServerCommand('emulate-timezone', { timezoneId: ZONE });
    setLeadClockTime(() => NOW);
    const style = document.createElement('style');
    style.textContent = 'body { margin: 0; } .frame { display: block; }';
    document.head.append(style);
  });

  after(async () => {
    setLeadClockTime(null);
    await resetMouse();
    await setViewport({ width: 800, height: 600 });
  });

  for (const width of WIDTHS) {
    describe(`${width} px`, () => {
      before(() => setViewport({ width, height: HEIGHT }));

      for (const tag of TAGS) {
        it(`<${tag}> fits its container`, async () => {
          const { el, frame } = await mount(tag);
          expect(readText(el), 'the widget shows its data').not.to.equal('');
          expect(frame.getBoundingClientRect().width, 'the container').to.equal(width);
          expect(el.getBoundingClientRect().width, 'the widget box').to.be.at.most(width + SLACK);
          expect(overflowing(el, frame), 'boxes outside the container, outside any scroll box').to.deep.equal([]);
          expect(document.documentElement.scrollWidth, 'the page width').to.be.at.most(innerWidth);
          if (width === 320) await expect(el).to.be.accessible();
        });

        const open = OPENERS[tag];
        if (open) {
          it(`<${tag}>'s dialog fits the viewport and its buttons take a click`, async () => {
            const { el } = await mount(tag);
            const dialog = await open(el);
            await nextFrame();
            const r = dialog.getBoundingClientRect();
            expect([r.left, r.top].map(Math.floor), 'top-left corner in the viewport').to.satisfy(([x, y]: number[]) => x! >= 0 && y! >= 0);
            expect(r.right, 'right edge').to.be.at.most(innerWidth + SLACK);
            expect(r.bottom, 'bottom edge').to.be.at.most(innerHeight + SLACK);
            expect(document.documentElement.scrollWidth, 'the page width').to.be.at.most(innerWidth);
            const buttons = [...dialog.querySelectorAll<HTMLButtonElement>('button:not([disabled])')];
            expect(buttons.length, 'buttons in the dialog').to.be.greaterThan(0);
            for (const button of buttons) {
              const br = button.getBoundingClientRect();
              expect(br.right, `"${button.textContent?.trim()}" right edge`).to.be.at.most(r.right + SLACK);
              expect(hittable(button), `"${button.textContent?.trim()}" takes a click`).to.equal(true);
            }
            // The last button closes or cancels (Later, Cancel, Close): a real click closes the dialog.
            await click(buttons.at(-1)!);
            await until(() => !dialog.isConnected || !dialog.open, `"${buttons.at(-1)!.textContent?.trim()}" did not close the dialog`);
            if (width === 320) await expect(el).to.be.accessible();
          });
        }
      }
    });
  }
});

/** The widgets whose table scrolls sideways in a `.fc-scroll` box, and how many columns stay in view. */
const WIDE_TABLES: Partial<Record<VisualTag, 1 | 2>> = {
  'fc-customer-list': 1,
  'fc-deleted-customers': 2,
  'fc-needed-vehicles': 1,
  'fc-source-mapping-editor': 1,
  'fc-source-report': 1,
  'fc-trade-in-alert': 2,
};

describe('wide tables: sticky row headers and a "More columns" hint', function () {
  this.timeout(60_000);

  before(() => emulateMedia({ reducedMotion: 'reduce', colorScheme: 'light' }));
  after(() => setViewport({ width: 800, height: 600 }));

  /** The widget's first scroll box, once its signs have loaded (the hint line is put before it). */
  async function boxOf(el: Element): Promise<{ box: HTMLElement; hint: HTMLElement }> {
    await until(() => root(el).querySelector('.fc-scroll')?.previousElementSibling?.matches('.fc-scroll-hint'), 'the scroll hint did not load');
    const box = root(el).querySelector<HTMLElement>('.fc-scroll')!;
    return { box, hint: box.previousElementSibling as HTMLElement };
  }
  const seen = (e: Element) => !(e as HTMLElement).hidden && getComputedStyle(e).visibility === 'visible' && e.getBoundingClientRect().height > 0;

  for (const [tag, sticky] of Object.entries(WIDE_TABLES) as [VisualTag, 1 | 2][]) {
    it(`<${tag}> at 390 px: says more columns follow, and keeps the row headers in view at the end`, async () => {
      await setViewport({ width: 390, height: HEIGHT });
      const { el } = await mount(tag);
      const { box, hint } = await boxOf(el);
      expect(box.scrollWidth, 'the table is wider than its box').to.be.greaterThan(box.clientWidth);
      expect(seen(hint), 'the hint shows').to.equal(true);
      expect(hint.textContent).to.equal('More columns →');
      expect(hint.getAttribute('aria-hidden')).to.equal('true');
      expect(box.getAttribute('tabindex'), 'the box takes focus, so the keyboard can scroll it').to.equal('0');
      expect(box.getAttribute('role'), 'a named group or region').to.match(/^(region|group)$/);
      expect(box.getAttribute('aria-label') || box.getAttribute('aria-labelledby')).to.not.equal(null);

      box.scrollLeft = box.scrollWidth;
      await until(() => hint.hasAttribute('data-end'), 'the end of the table was not noticed');
      expect(seen(hint), 'the hint is unseen at the end').to.equal(false);
      expect(hint.hidden, 'but keeps its place, so the table does not jump').to.equal(false);
      const edge = box.getBoundingClientRect().left;
      for (const row of [...box.querySelectorAll('tr')].slice(0, 4)) {
        const cell = row.children[sticky - 1];
        if (!cell || (cell as HTMLTableCellElement).colSpan > 1) continue;
        const r = cell.getBoundingClientRect();
        expect(r.left, `"${cell.textContent?.trim().slice(0, 20)}" stays at the box's start`).to.be.within(edge - SLACK, edge + 64);
        // Drawn on top: what is at the cell's middle is the cell (no other column shows through).
        const hit = root(el).elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        expect(!!hit && cell.contains(hit), `"${cell.textContent?.trim().slice(0, 20)}" is drawn above the scrolled columns`).to.equal(true);
      }
      await expect(el).to.be.accessible();
    });

    it(`<${tag}> at 1280 px: no hint and no Tab stop when the table fits`, async () => {
      await setViewport({ width: 1280, height: 900 });
      const { el } = await mount(tag);
      const { box, hint } = await boxOf(el);
      expect(box.scrollWidth, 'the table fits').to.be.at.most(box.clientWidth);
      expect(seen(hint), 'the hint shows').to.equal(false);
      expect(box.hasAttribute('tabindex'), 'a Tab stop').to.equal(false);
    });
  }
});

