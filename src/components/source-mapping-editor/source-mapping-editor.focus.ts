import type { ReactiveController, ReactiveElement } from 'lit';

/**
 * Where focus goes when an action removes the focused control (Edit → the select, Save or Escape
 * → back to Edit, closing the confirmation → its opener, a row leaving the filter → the next row):
 * the action says where, and focus moves there after the next render.
 */
export class FocusAfterRender implements ReactiveController {
  readonly #host: ReactiveElement;
  #next: (() => HTMLElement | null | undefined) | null = null;

  constructor(host: ReactiveElement) {
    this.#host = host;
    host.addController(this);
  }

  /** After the next render, focus goes to what `target` finds (nowhere when it finds nothing). */
  then(target: () => HTMLElement | null | undefined): void {
    this.#next = target;
  }

  hostUpdated(): void {
    if (!this.#next) return;
    const target = this.#next();
    this.#next = null;
    target?.focus();
  }

  /** The first element in the shadow root that matches `selector`. */
  find(selector: string): HTMLElement | null {
    return this.#host.renderRoot.querySelector<HTMLElement>(selector);
  }

  /** A source row's button, e.g. `rowButton('src-1', 'edit')`. */
  rowButton(id: string, action: string): HTMLElement | undefined {
    return [...this.#host.renderRoot.querySelectorAll<HTMLElement>(`button[data-action="${action}"]`)].find((b) => b.dataset['id'] === id);
  }

  /** Source `id` leaves the table (the filter no longer keeps it): if its row holds focus, focus moves to the next row. */
  rowLeaving(id: string): void {
    const active = this.#host.shadowRoot?.activeElement;
    let row = active?.closest('tr');
    // A source's conflict panel is the row after its own.
    if (row?.classList.contains('row--problem')) row = row.previousElementSibling as HTMLTableRowElement | null;
    if (!row || row.dataset['id'] !== id) return;
    const next = (siblingRow(row, 'nextElementSibling') ?? siblingRow(row, 'previousElementSibling'))?.dataset['id'];
    this.then(() => (next ? (this.rowButton(next, 'edit') ?? this.rowButton(next, 'restore')) : undefined) ?? this.find('input[type=search]'));
  }
}

/** The nearest source row before or after `row`, skipping conflict panels. */
function siblingRow(row: Element, direction: 'nextElementSibling' | 'previousElementSibling'): HTMLElement | null {
  let next = row[direction];
  while (next && !next.classList.contains('row')) next = next[direction];
  return next as HTMLElement | null;
}
