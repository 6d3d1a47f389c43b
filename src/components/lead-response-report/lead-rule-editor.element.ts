import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { ForecourtAdapter } from '../../data/adapter.js';
import { AdapterError } from '../../data/errors.js';
import type { AdapterErrorKind } from '../../data/errors.js';
import type { StoredOemRule, Weekday, WeeklyHours } from '../../data/model.js';
import { WEEKDAYS } from '../../data/model.js';
import { isCachedAdapter } from '../shared/controllers/adapter-events.js';
import { PendingWritesController } from '../shared/controllers/pending-writes.js';
import type { PendingWrite } from '../shared/controllers/pending-writes.js';
import { FcElement } from '../shared/fc-element.js';
import { isolateIn } from '../shared/bidi.js';
import { describeError } from '../shared/states.js';
import { FC_RULE_SAVE } from './lead-response-report.events.js';
import { STOP_KINDS, dayName, formOf, ruleOf } from './lead-response-report.form.js';
import type { DayForm, FormProblem, RuleForm } from './lead-response-report.form.js';
import { t } from './lead-response-report.messages.js';
import { activityName, duration, makesView } from './lead-response-report.view.js';
import { clockText, gradesText, holidaysText, ruleLine, stopsText } from './lead-rule-editor.text.js';
import { ScrollBoxes, scrollHint } from './lead-response-report.scroll.js';
import { makeFormats } from '../shared/formats.js';
import type { Formats } from '../shared/formats.js';

/**
 * Fired (not bubbling; the report listens on the element) when the user took the server's version
 * of a conflicting rule: nothing was sent, the report should work out again with `detail.rule`.
 */
const RULE_TAKE = 'lead-rule-take';

/** An unconfirmed `saveRule`: the rule as sent and, in a conflict, the server's version. */
type RuleWrite = PendingWrite<StoredOemRule, StoredOemRule>;

/** A rule in a server's answer (a conflict's `current`): a stored rule, or something to skip. */
function isRule(args: unknown): args is StoredOemRule {
  return (
    typeof args === 'object' && args !== null && 'id' in args && typeof args.id === 'string' && 'stopsClock' in args && Array.isArray(args.stopsClock)
  );
}

/** The server's current rule in a conflict's body, when it sent one. */
function currentRule(body: unknown): StoredOemRule | null {
  const current = typeof body === 'object' && body !== null && 'current' in body ? body.current : undefined;
  return isRule(current) ? current : null;
}

/**
 * The OEM rules tab of `<fc-lead-response-report>`: the dealer's rules, an editor for one of
 * them, and the rule writes not yet confirmed (pending, failed, in conflict).
 *
 * Internal: the report defines it through its `dependencies`, under a name outside the public
 * `fc-` set, and passes it everything it shows. It renders into its own light DOM, so it shares
 * the report's shadow root: its ids, labels, focus and styles are the report's.
 *
 * @internal
 * @fires fc-rule-save - The server confirmed a rule the user edited. detail: {rule}
 */
export class FcLeadRuleEditor extends FcElement {
  /** The report's adapter; rule writes go through it. */
  @property({ attribute: false }) adapter?: ForecourtAdapter;

  /** The rules in effect, in the report's order. */
  @property({ attribute: false }) rules: readonly StoredOemRule[] = [];

  /** The dealer's opening hours: a rule on them starts its own-hours fields from these. */
  @property({ attribute: false }) dealerHours: WeeklyHours = {};

  /** The report's formatters (locale and the dealer's zone). */
  @property({ attribute: false }) formats: Formats = makeFormats('en');

  /** The rule being edited and its form. */
  @state() private editing: { rule: StoredOemRule; form: RuleForm; problems: FormProblem[] } | null = null;

  /** Rule writes not yet confirmed: this page's, and the outbox's (they survive a reload). */
  readonly #writes = new PendingWritesController<'leads', StoredOemRule, StoredOemRule, StoredOemRule>(this, {
    adapter: () => this.adapter,
    domain: 'leads',
    // The outbox checks each entry against the contract's request schema: narrowing types `args`.
    match: (entry) => (entry.domain === 'leads' && entry.method === 'saveRule' ? entry.args : null),
    about: (rule) => rule.id,
    send: (leads, rule, opts) => leads.saveRule(rule, opts),
    theirs: currentRule,
    onConfirmed: (_rule, saved) => this.emit(FC_RULE_SAVE, { rule: saved }),
  });

  constructor() {
    super();
    // The rules table scrolls sideways in a narrow report, with signs that it does.
    new ScrollBoxes(this);
  }

  /** Shares the report's shadow root (see the class comment). */
  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  protected override render(): TemplateResult {
    const f = this.formats;
    const writes = this.#writes.all();
    return html`${[...writes.values()].filter((w) => w.status === 'conflict' || w.status === 'failed').map((w) => this.#writeNotice(f, w))}
      ${scrollHint()}
      <div class="scroll" role="region" aria-labelledby="caption-rules">
        <table class="fc-table rules" part="table">
          <caption id="caption-rules">
            <span class="caption-text">${t('rulesCaption')}</span>
          </caption>
          <thead>
            <tr>
              <th scope="col">${t('colRule')}</th>
              <th scope="col">${t('colMakes')}</th>
              <th scope="col" class="fc-num">${t('colLimit')}</th>
              <th scope="col">${t('colClock')}</th>
              <th scope="col">${t('colHolidays')}</th>
              <th scope="col">${t('colStops')}</th>
              <th scope="col">${t('colGrades')}</th>
              <th scope="col">${t('colChange')}</th>
            </tr>
          </thead>
          <tbody>
            ${this.rules.map((rule) => this.#ruleRow(f, rule, writes.get(rule.id)))}
          </tbody>
        </table>
      </div>
      ${this.editing ? this.#editor(this.editing.rule, this.editing.form, this.editing.problems) : nothing}`;
  }

  #ruleRow(f: Formats, rule: StoredOemRule, write: RuleWrite | undefined): TemplateResult {
    const open = this.editing?.rule.id === rule.id;
    return html`<tr data-rule=${rule.id}>
      <th scope="row">${rule.name}</th>
      <td>${makesView(rule)}</td>
      <td class="fc-num">${duration(f, rule.limitMinutes)}</td>
      <td>${clockText(rule)}</td>
      <td>${holidaysText(rule)}</td>
      <td>${stopsText(rule)}</td>
      <td>${gradesText(f, rule)}</td>
      <td>
        ${write ? html`<span class="write write--${write.status}">${this.#writeText(write)}</span>` : nothing}
        <button
          type="button"
          class="fc-button"
          aria-label=${t('editRule', rule.name)}
          aria-expanded=${open ? 'true' : 'false'}
          aria-controls=${open ? 'rule-editor' : nothing}
          @click=${() => this.#edit(rule)}
        >
          ${t('edit')}
        </button>
      </td>
    </tr>`;
  }

  // ───────────── writes ─────────────

  #writeText(write: RuleWrite): string {
    if (write.status === 'conflict') return t('conflict', write.args.name);
    if (write.status === 'failed') return t('failed', this.#why(write));
    if (write.error) return t('notSentYet', this.#why(write));
    // Without an outbox nothing waits: this page's write is on its way.
    return write.status === 'sending' || !isCachedAdapter(this.adapter) ? t('sending') : t('pending');
  }

  #why(write: RuleWrite): string {
    return write.error ? describeError(new AdapterError({ ...write.error, kind: write.error.kind as AdapterErrorKind })).message : '';
  }

  #writeNotice(f: Formats, write: RuleWrite): TemplateResult {
    const name = write.args.name;
    const button = (text: string, action: () => unknown) =>
      html`<button type="button" class="fc-button" aria-label=${t('actionFor', text, name)} @click=${() => void action()}>${text}</button>`;
    if (write.status === 'conflict') {
      const current = write.theirs;
      return html`<div class="notice bad" part="notice" role="alert">
        <p><strong>${t('conflict', name)}</strong></p>
        <dl>
          ${current ? html`<dt>${t('theirs')}</dt> <dd>${ruleLine(f, current)}</dd>` : nothing}
          <dt>${t('yours')}</dt>
          <dd>${ruleLine(f, write.args)}</dd>
        </dl>
        <div class="actions">
          ${button(t('keepMine'), () => this.#keepMine(write, current))} ${button(t('useTheirs'), () => this.#useTheirs(write, current))}
        </div>
      </div>`;
    }
    return html`<div class="notice bad" part="notice" role="alert">
      <p>${name}: ${t('failed', this.#why(write))}</p>
      ${write.error?.message ? html`<p class="detail">${write.error.message}</p>` : nothing}
      <div class="actions">
        ${button(t('retry'), () => this.#writes.retry(write.id))} ${button(t('discard'), () => this.#writes.discard(write.id))}
      </div>
    </div>`;
  }

  // ───────────── the form ─────────────

  #editor(rule: StoredOemRule, form: RuleForm, problems: FormProblem[]): TemplateResult {
    const problemFor = (field: FormProblem['field']) => problems.find((p) => p.field === field);
    const describe = (field: FormProblem['field']) => (problemFor(field) ? `problem-${field}` : nothing);
    const invalid = (field: FormProblem['field']) => (problemFor(field) ? 'true' : 'false');
    const problemText = (field: FormProblem['field']) => {
      const p = problemFor(field);
      return p ? html`<p class="field-problem" id="problem-${field}">${p.message}</p>` : nothing;
    };
    const radio = (name: string, value: string, checked: boolean, label: string, onChange: () => void) =>
      html`<label class="choice"><input type="radio" name=${name} .value=${value} .checked=${checked} @change=${onChange} /> ${label}</label>`;
    const text = (name: string, value: string, field: FormProblem['field'], patch: (value: string) => Partial<RuleForm>) =>
      html`<input
        name=${name}
        type="text"
        inputmode="numeric"
        .value=${value}
        aria-invalid=${invalid(field)}
        @input=${(e: Event) => this.#patch(patch((e.target as HTMLInputElement).value))}
      />`;
    const business = form.clock === 'business';
    return html`<section class="editor" id="rule-editor" part="editor" aria-labelledby="editor-heading">
      <h3 id="editor-heading" tabindex="-1">${isolateIn((name) => t('editorHeading', name), rule.name)}</h3>
      ${problems.length
        ? html`<div class="problems" role="alert">
            <p>${t('problemsHeading')}</p>
            <ul>
              ${problems.map((p) => html`<li>${p.message}</li>`)}
            </ul>
          </div>`
        : nothing}
      <form novalidate @submit=${this.#onSubmit}>
        <label class="field"
          >${t('limitLabel')}
          <input
            name="limit"
            type="text"
            inputmode="numeric"
            autocomplete="off"
            .value=${form.limit}
            aria-invalid=${invalid('limit')}
            aria-describedby=${describe('limit')}
            @input=${(e: Event) => this.#patch({ limit: (e.target as HTMLInputElement).value })}
        /></label>
        ${problemText('limit')}
        <fieldset>
          <legend>${t('clockLegend')}</legend>
          ${radio('clock', 'business', business, t('clockBusiness'), () => this.#patch({ clock: 'business' }))}
          ${radio('clock', 'real', !business, t('clockRealLabel'), () => this.#patch({ clock: 'real' }))}
        </fieldset>
        ${business
          ? html`<fieldset aria-describedby=${describe('hours')}>
              <legend>${t('hoursLegend')}</legend>
              ${radio('hours', 'dealer', !form.ownHours, t('hoursDealer'), () => this.#patch({ ownHours: false }))}
              ${radio('hours', 'own', form.ownHours, t('hoursOwn'), () => this.#patch({ ownHours: true }))}
              ${problemText('hours')}
              ${form.ownHours ? html`<div class="days">${WEEKDAYS.map((d) => this.#dayFields(d, form.days[d], problemFor(`day-${d}`)))}</div>` : nothing}
            </fieldset>`
          : nothing}
        <label class="choice"
          ><input
            type="checkbox"
            name="holidays"
            .checked=${form.excludeHolidays}
            @change=${(e: Event) => this.#patch({ excludeHolidays: (e.target as HTMLInputElement).checked })}
          />
          ${t('holidaysLabel')}</label
        >
        <fieldset aria-describedby=${describe('stops')}>
          <legend>${t('stopsLegend')}</legend>
          ${STOP_KINDS.map(
            (k) => html`<label class="choice"
              ><input
                type="checkbox"
                name="stops"
                .value=${k}
                .checked=${form.stops.includes(k)}
                @change=${(e: Event) =>
                  this.#patch({ stops: (e.target as HTMLInputElement).checked ? [...form.stops, k] : form.stops.filter((s) => s !== k) })}
              />
              ${activityName(k)}</label
            >`,
          )}
          <p class="hint">${t('autoResponseNote')}</p>
          ${problemText('stops')}
        </fieldset>
        <fieldset aria-describedby=${describe('grades')}>
          <legend>${t('gradesLegend')}</legend>
          ${radio('grades', 'default', !form.customGrades, this.#defaultGrades(rule, form), () => this.#patch({ customGrades: false }))}
          ${radio('grades', 'custom', form.customGrades, t('gradesCustomLabel'), () => this.#patch({ customGrades: true }))}
          ${form.customGrades
            ? html`<div class="grade-fields">
                <label class="field">${t('greenUnder')} ${text('green', form.greenUnder, 'grades', (greenUnder) => ({ greenUnder }))}</label>
                <p class="hint">${t('yellowToLimit')}</p>
              </div>`
            : nothing}
          ${problemText('grades')}
        </fieldset>
        <div class="actions">
          <button type="submit" class="fc-button fc-button--primary">${t('save')}</button>
          <button type="button" class="fc-button" @click=${this.#cancelEdit}>${t('cancel')}</button>
        </div>
      </form>
    </section>`;
  }

  /** The bands the rule gets without its own: from the OEM's target, else the default (at the limit being typed, once valid). */
  #defaultGrades(rule: StoredOemRule, form: RuleForm): string {
    const limit = Number(form.limit.trim());
    const { grades: _grades, ...rest } = rule;
    return gradesText(this.formats, { ...rest, limitMinutes: /^\d+$/.test(form.limit.trim()) && limit > 0 ? limit : rule.limitMinutes });
  }

  #dayFields(day: Weekday, d: DayForm, problem: FormProblem | undefined): TemplateResult {
    const name = dayName(day);
    const id = `problem-day-${day}`;
    const describedBy = problem ? id : nothing;
    const invalid = problem ? 'true' : 'false';
    const set = (patch: Partial<DayForm>) => this.#patchDay(day, patch);
    const time = (which: 'opens' | 'closes', label: string) =>
      html`<label class="field"
        >${label}
        <input
          type="time"
          name="${day}-${which}"
          .value=${d[which]}
          aria-invalid=${invalid}
          aria-describedby=${describedBy}
          @change=${(e: Event) => set({ [which]: (e.target as HTMLInputElement).value })}
      /></label>`;
    return html`<div class="day" role="group" aria-label=${name}>
      <label class="choice"
        ><input type="checkbox" name="${day}-open" .checked=${d.open} @change=${(e: Event) => set({ open: (e.target as HTMLInputElement).checked })} />
        ${name}</label
      >
      ${d.open
        ? html`${time('opens', t('opens', name))} ${time('closes', t('closes', name))}
            <label class="choice"
              ><input
                type="checkbox"
                name="${day}-overnight"
                .checked=${d.overnight}
                @change=${(e: Event) => set({ overnight: (e.target as HTMLInputElement).checked })}
              />
              ${t('overnightShort')}</label
            >`
        : nothing}
      ${problem ? html`<p class="field-problem" id=${id}>${problem.message}</p>` : nothing}
    </div>`;
  }

  // ───────────── actions ─────────────

  async #edit(rule: StoredOemRule): Promise<void> {
    this.editing = { rule, form: formOf(rule, this.dealerHours), problems: [] };
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#editor-heading')?.focus();
  }

  #cancelEdit = (): void => {
    const id = this.editing?.rule.id;
    this.editing = null;
    if (id) void this.updateComplete.then(() => this.#focusEditButton(id));
  };

  #focusEditButton(id: string): void {
    this.renderRoot.querySelector<HTMLButtonElement>(`tr[data-rule="${CSS.escape(id)}"] button`)?.focus();
  }

  #patch(patch: Partial<RuleForm>): void {
    if (!this.editing) return;
    this.editing = { ...this.editing, form: { ...this.editing.form, ...patch } };
  }

  #patchDay(day: Weekday, patch: Partial<DayForm>): void {
    if (!this.editing) return;
    const form = this.editing.form;
    this.#patch({ days: { ...form.days, [day]: { ...form.days[day], ...patch } } });
  }

  #onSubmit = async (event: Event): Promise<void> => {
    event.preventDefault();
    if (!this.editing) return;
    const { rule: base, form } = this.editing;
    const result = this.inLocale(() => ruleOf(form, base));
    if (!result.rule) {
      this.editing = { ...this.editing, problems: result.problems };
      return;
    }
    this.editing = null;
    await this.updateComplete;
    this.#focusEditButton(base.id);
    await this.#save(result.rule);
  };

  async #save(rule: StoredOemRule): Promise<void> {
    if (!this.adapter?.leads || !this.isConnected) return;
    await this.#writes.save(rule);
  }

  /** Sends the user's version again, on the server's version (a new write: the old one is dropped). */
  async #keepMine(write: RuleWrite, current: StoredOemRule | null): Promise<void> {
    await this.#writes.replace(write.id, { ...write.args, version: current?.version ?? write.args.version });
  }

  /** Takes the server's version into the report; nothing is sent. */
  async #useTheirs(write: RuleWrite, current: StoredOemRule | null): Promise<void> {
    await this.#writes.discard(write.id);
    this.dispatchEvent(new CustomEvent<{ rule: StoredOemRule | undefined }>(RULE_TAKE, { detail: { rule: current ?? undefined } }));
  }
}
