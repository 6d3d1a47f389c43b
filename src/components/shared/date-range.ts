/**
 * The date-range part of the report widgets: two labelled date inputs, the check of what was
 * typed (one place: `rangeProblem` of the calendar logic), the text of what is wrong (one set of
 * messages, here, so only the widgets with a range carry them), and one event, `fc-range-change {from, to}`, fired when the
 * user picks a new valid range. A template, not an element: the inputs live in the widget's own
 * shadow root, where its labels, focus order and styles already are.
 */
import { html, nothing } from 'lit';
import type { ReactiveController, TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { rangeProblem } from '../../data/logic/calendar.js';
import type { RangeProblem } from '../../data/logic/calendar.js';
import type { DateRange } from '../../data/model.js';
import { FC_RANGE_CHANGE } from './events.js';
import type { FcElement } from './fc-element.js';
import { defineMessages } from './messages.js';

export { FC_RANGE_CHANGE, rangeProblem };
export type { RangeProblem };

/** Text of the range inputs. */
const msg = defineMessages(
  {
    rangeFromLabel: 'From',
    rangeToLabel: 'To',
    rangeFrom: 'Enter a valid start date.',
    rangeTo: 'Enter a valid end date.',
    rangeReversed: 'The start date is after the end date.',
  },
  {
    rangeFromLabel: 'Desde',
    rangeToLabel: 'Hasta',
    rangeFrom: 'Introduzca una fecha de inicio válida.',
    rangeTo: 'Introduzca una fecha final válida.',
    rangeReversed: 'La fecha de inicio es posterior a la fecha final.',
  },
);

const PROBLEM_TEXT = { from: 'rangeFrom', to: 'rangeTo', reversed: 'rangeReversed' } as const;

/**
 * What is wrong with a range, in the current locale.
 * @param problem What `rangeProblem` found.
 * @returns The sentence ("The start date is after the end date.").
 * @example rangeProblemText('reversed') // 'The start date is after the end date.'
 */
export function rangeProblemText(problem: RangeProblem): string {
  return msg(PROBLEM_TEXT[problem]);
}

export interface DateRangeFieldsOptions {
  /** The range the inputs show. */
  from: string;
  to: string;
  /** What is wrong with it (marks the end at fault, or both when reversed), or null. */
  problem: RangeProblem | null;
  /** Runs when either input changes; leave it out in a form that is read on submit. */
  onChange?: (event: Event) => void;
  /** The id of the element that says what is wrong (`rangeProblemView`'s). Default `range-problem`. */
  describedBy?: string;
}

/**
 * The two inputs, `name="from"` and `name="to"`, each in its label ("From", "To").
 * @example html`<div class="toolbar">${dateRangeFields({ ...range, problem, onChange })}</div>`
 */
export function dateRangeFields(options: DateRangeFieldsOptions): TemplateResult {
  const { problem } = options;
  const describedBy = options.describedBy ?? 'range-problem';
  const input = (end: 'from' | 'to') => html`<input
    type="date"
    name=${end}
    .value=${live(options[end])}
    aria-invalid=${problem === end || problem === 'reversed' ? 'true' : 'false'}
    aria-describedby=${problem ? describedBy : nothing}
    @change=${options.onChange ?? nothing}
  />`;
  return html`<label><span>${msg('rangeFromLabel')}</span> ${input('from')}</label>
    <label><span>${msg('rangeToLabel')}</span> ${input('to')}</label>`;
}

/**
 * What is wrong with the range, as an alert, or nothing when it is fine.
 * @param id The id the inputs point at with `aria-describedby`.
 */
export function rangeProblemView(problem: RangeProblem | null, id = 'range-problem'): TemplateResult | typeof nothing {
  return problem ? html`<p id=${id} class="problem" role="alert">${rangeProblemText(problem)}</p>` : nothing;
}

/** The range typed into the `from`/`to` inputs under `root`, trimmed (`''` for an incomplete date). */
export function readRange(root: ParentNode): DateRange {
  const read = (name: string) => (root.querySelector<HTMLInputElement>(`input[name="${name}"]`)?.value ?? '').trim();
  return { from: read('from'), to: read('to') };
}

export interface DateRangeEditorOptions {
  /**
   * The range in use (the widget's properties, or its default); null while the default is not
   * known yet (e.g. until the dealer's zone is read): the inputs are then empty and not checked.
   */
  range: () => DateRange | null;
  /** Puts a new valid range in use (sets the widget's `from`/`to`); `fc-range-change` follows. */
  commit: (range: DateRange) => void;
}

/**
 * A range edited input by input: a valid change is committed and announced with
 * `fc-range-change` at once; an invalid one stays in the inputs, marked, with its message,
 * and nothing is read.
 *
 * ```ts
 * readonly #rangeEditor = new DateRangeEditor(this, { range: () => this.#range, commit: ({ from, to }) => { this.from = from; this.to = to; } });
 * render() { return html`<div class="toolbar">${this.#rangeEditor.fields()}</div>${this.#rangeEditor.problemView()}`; }
 * ```
 */
export class DateRangeEditor implements ReactiveController {
  /** What the inputs hold while it is not a valid range; null otherwise. */
  typed: (DateRange & { problem: RangeProblem }) | null = null;
  readonly #host: FcElement;
  readonly #options: DateRangeEditorOptions;
  #range: DateRange | null = null;
  #started = false;

  constructor(host: FcElement, options: DateRangeEditorOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  /** A range set from outside (a property) replaces what was typed. */
  hostUpdate(): void {
    const range = this.#options.range();
    if (this.#started && (range?.from !== this.#range?.from || range?.to !== this.#range?.to)) this.typed = null;
    this.#range = range;
    this.#started = true;
  }

  /** What is wrong with the range shown (typed, or in use), or null. */
  get problem(): RangeProblem | null {
    const range = this.#options.range();
    return this.typed?.problem ?? (range ? rangeProblem(range) : null);
  }

  /** The two inputs. */
  fields(): TemplateResult {
    const shown = this.typed ?? this.#options.range() ?? { from: '', to: '' };
    return dateRangeFields({ from: shown.from, to: shown.to, problem: this.problem, onChange: this.#onChange });
  }

  /** The message of what is wrong, or nothing. */
  problemView(): TemplateResult | typeof nothing {
    return rangeProblemView(this.problem);
  }

  readonly #onChange = (event: Event): void => {
    const input = event.target as HTMLInputElement;
    const typed = readRange(input.closest('form, [part~="toolbar"], fieldset') ?? input.getRootNode() as ParentNode);
    const problem = rangeProblem(typed);
    if (problem) {
      this.typed = { ...typed, problem };
      this.#host.requestUpdate();
      return;
    }
    const had = this.typed;
    this.typed = null;
    const range = this.#options.range();
    if (range && typed.from === range.from && typed.to === range.to) {
      if (had) this.#host.requestUpdate();
      return;
    }
    this.#options.commit(typed);
    this.#range = typed;
    this.#host.emit(FC_RANGE_CHANGE, typed);
    this.#host.requestUpdate();
  };
}
