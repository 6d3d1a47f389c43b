/**
 * The detail rows of the leads read: every lead evaluated against the rules in effect
 * (`leadEvaluator` of `data/logic/leads.ts`, the rule `evaluateLeads` runs) and turned into a row,
 * a slice at a time. A slice stops after `SLICE_MS` and the page gets its turn (`scheduler.yield()`
 * where the browser has it, else a message to itself), so 20,000 leads never make one long task,
 * whatever adapter read them (a REST host has no worker to send the work to). A short list is done
 * in its first slice, during the render that asked for it. New inputs (leads, rules, dealer,
 * `now`) abandon the work under way; so does a disconnect (it starts again on the next render).
 * Then the rows the filters keep in the sort's order and the filters' choices, worked out once per
 * (rows, filters, sort, locale).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { DealerProfile, Lead, OemRule } from '../../data/model.js';
import type { leadEvaluator } from '../../data/logic/leads.js';
import { filterAndSort, filterOptions, rowOf } from './lead-response-report.rows.js';
import type { FilterOptions, Filters, Row, Sort } from './lead-response-report.rows.js';

/** How long one slice of the evaluation runs before the page gets its turn. */
export const SLICE_MS = 8;
/** How often the progress line moves while the work runs. */
const PROGRESS_MS = 100;

export type Evaluation =
  /** Rows are being worked out: `done` of `total` leads so far. */
  | { status: 'running'; done: number; total: number }
  | { status: 'done'; rows: Row[] }
  | { status: 'error'; error: unknown };

/** Gives the page its turn: `scheduler.yield()` where there is one, else a task of its own (a message to itself, not throttled as a timer is). */
export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => {
    const { port1, port2 } = new MessageChannel();
    port1.onmessage = () => {
      port1.close();
      resolve();
    };
    port2.postMessage(null);
  });
}

export class LeadRows implements ReactiveController {
  #host: ReactiveControllerHost;
  #key: unknown[] = [];
  #state: Evaluation = { status: 'done', rows: [] };
  /** Bumped by new inputs and a disconnect: a slice of an older run stops there. */
  #run = 0;

  /** The view the host will ask for (`filtered`, `options`) once the rows are done: worked out in tasks of their own first. */
  #view: () => { filters: Filters; sort: Sort; locale: string };

  constructor(host: ReactiveControllerHost, view: () => { filters: Filters; sort: Sort; locale: string }) {
    (this.#host = host).addController(this);
    this.#view = view;
  }

  hostDisconnected(): void {
    if (this.#state.status !== 'running') return;
    this.#run++;
    this.#key = [];
  }

  /**
   * The rows of `leads` against `rules` for `dealer` at `now` (the clock when empty): worked out
   * once per those four; a new set starts the work (its first slice now) and reports `running`
   * until the last slice, when the host updates.
   */
  rows(evaluator: typeof leadEvaluator, leads: readonly Lead[], rules: readonly OemRule[], dealer: DealerProfile, now: string): Evaluation {
    const key = [leads, rules, dealer, now];
    if (key.every((k, i) => k === this.#key[i])) return this.#state;
    this.#key = key;
    const run = ++this.#run;
    const nowIso = now || new Date().toISOString();
    const rows: Row[] = new Array(leads.length);
    let next = 0;
    let evaluate: ReturnType<typeof leadEvaluator>;
    /** Evaluates leads from `next` until all are done or the slice's time is up; false once done. */
    const slice = (): boolean => {
      const end = performance.now() + SLICE_MS;
      while (next < leads.length) {
        rows[next] = rowOf(evaluate(leads[next]!));
        next++;
        if ((next & 7) === 0 && performance.now() >= end) break;
      }
      return next < leads.length;
    };
    try {
      evaluate = evaluator(rules, dealer, nowIso);
      if (!slice()) return (this.#state = { status: 'done', rows });
    } catch (error) {
      return (this.#state = { status: 'error', error });
    }
    this.#state = { status: 'running', done: next, total: leads.length };
    void this.#continue(run, slice, rows, () => next);
    return this.#state;
  }

  /** The slices after the first, each in a task of its own, then the filters' choices and the sorted rows. */
  async #continue(run: number, slice: () => boolean, rows: Row[], done: () => number): Promise<void> {
    let shown = performance.now();
    try {
      for (;;) {
        await yieldToPage();
        if (run !== this.#run) return;
        if (!slice()) break;
        // The progress line moves a few times a second, not after every slice: each update renders the panel.
        if (performance.now() - shown >= PROGRESS_MS) {
          this.#state = { status: 'running', done: done(), total: rows.length };
          this.#host.requestUpdate();
          shown = performance.now();
        }
      }
      // The filters' choices and the rows in the sort's order, each in a task of its own, so the
      // render that shows the rows does only the rows.
      this.options(rows, this.#view().locale);
      await yieldToPage();
      if (run !== this.#run) return;
      const { filters, sort, locale } = this.#view();
      this.filtered(rows, filters, sort, locale);
      await yieldToPage();
      if (run !== this.#run) return;
      this.#state = { status: 'done', rows };
    } catch (error) {
      this.#state = { status: 'error', error };
    }
    this.#host.requestUpdate();
  }

  #filteredKey: unknown[] = [];
  #filtered: Row[] = [];

  /** The rows the filters keep, in the sort's order. */
  filtered(rows: Row[], filters: Filters, sort: Sort, locale: string): Row[] {
    const key = [rows, filters, sort, locale];
    if (key.some((k, i) => k !== this.#filteredKey[i])) {
      this.#filteredKey = key;
      this.#filtered = filterAndSort(rows, filters, sort, locale);
    }
    return this.#filtered;
  }

  #optionsKey: unknown[] = [];
  #options: FilterOptions = { oems: [], people: [], sources: [] };

  /** The filters' choices: the values every row read holds. */
  options(rows: Row[], locale: string): FilterOptions {
    const key = [rows, locale];
    if (key.some((k, i) => k !== this.#optionsKey[i])) {
      this.#optionsKey = key;
      this.#options = filterOptions(rows, locale);
    }
    return this.#options;
  }
}

/** Rows a new detail table starts with: about what a window shows. */
export const FIRST_ROWS = 20;

/**
 * How many rows the detail table holds yet. A new table starts with `FIRST_ROWS` and gets the
 * rest in a task after the next frame: laying out a table of 100 rows costs about 0.25 ms a row
 * (Chromium lays the whole table out again for every row added, so adding them a few at a time
 * costs more, not less), and the first rows need not wait for it. A table that shrinks does so at
 * once; one that grows later ("Show more") grows at once. An update that renders no table starts
 * the next one from nothing.
 */
export class TableFill implements ReactiveController {
  #host: ReactiveControllerHost;
  #filled = 0;
  #used = false;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #frame = 0;

  constructor(host: ReactiveControllerHost) {
    (this.#host = host).addController(this);
  }

  /** The rows to render now of `wanted`; asks for another update after the next frame while some are missing. */
  rows(wanted: number): number {
    this.#used = true;
    this.#filled = this.#filled ? wanted : Math.min(wanted, FIRST_ROWS);
    if (this.#filled < wanted && !this.#frame && this.#timer === undefined) {
      this.#frame = requestAnimationFrame(() => {
        this.#frame = 0;
        this.#timer = setTimeout(() => {
          this.#timer = undefined;
          this.#host.requestUpdate();
        });
      });
    }
    return this.#filled;
  }

  hostUpdated(): void {
    if (!this.#used) this.#filled = 0;
    this.#used = false;
  }

  hostDisconnected(): void {
    cancelAnimationFrame(this.#frame);
    clearTimeout(this.#timer);
    this.#frame = 0;
    this.#timer = undefined;
    this.#filled = 0;
  }
}
