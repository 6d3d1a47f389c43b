import { html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { consume } from '@lit/context';
import type { ForecourtAdapter } from '../../data/adapter.js';
import { NO_OEM_RULE, gradeBands, ruleForMake, unstoppableReason } from '../../data/logic/leads-rules.js';
import type { BusinessCalendar, Lead, LeadConsequence, OemRule } from '../../data/model.js';
import { adapterContext } from '../shared/adapter-context.js';
import { FcElement } from '../shared/fc-element.js';
import { formatCount, getLocale, inLocale } from '../shared/messages.js';
import type { Locale } from '../shared/messages.js';
import { emptyView, errorView, loadingView, stateStyles, unsupportedView } from '../shared/states.js';
import { shared } from '../../styles/shared.js';
import { tokens } from '../../styles/tokens.js';
import { activityWords, t } from './lead-clock.messages.js';
import type { ClockPlan } from './lead-clock.plan.js';
import { lazyModule } from '../shared/lazy.js';
import { QueryController } from '../shared/controllers/query.js';
import { retrySharedReads, sharedDealer, sharedRules, watchLeads } from './lead-clock.store.js';
import type { RefreshReason } from './lead-clock.store.js';
import { styles } from './lead-clock.styles.js';
import { unstoppableText } from '../shared/lead-rule-text.js';
import { leadClockNow, subscribeLeadClock, unsubscribeLeadClock } from './lead-clock.ticker.js';
import * as gauge from './lead-clock.gauge.js';
import { countdownText, formatInstant, gradeView, ruleView, stopTimeText } from './lead-clock.view.js';
import { durationText } from '../shared/formats.js';

export { leadClockTickerRunning, setLeadClockTime, tickLeadClocks } from './lead-clock.ticker.js';

/** What a clock is computed from. */
interface Inputs {
  lead: Lead;
  rules: readonly OemRule[];
  calendar: BusinessCalendar;
}

/** What the rendered markup depends on (everything but the countdown's digits). */
function viewKey(plan: ClockPlan, locale: Locale): string {
  const s = plan.state;
  return `${locale}|${s.status}|${s.grade}|${s.consequences.join()}|${plan.counting}|${plan.resumesAt}|${plan.early}|${s.dueAt}`;
}

/**
 * The clock's engine (`lead-clock.plan.ts` over the business-time rules of `leads.ts` and luxon),
 * loaded once for every clock on the page alongside the first read (nothing can be shown before
 * both), or on its own when everything is given directly; a failed load is tried again on Retry.
 */
const engine = lazyModule(() => import('./lead-clock.plan.js'));

const ANNOUNCE = { overdue: 'announceOverdue', met: 'announceMet', missed: 'announceMissed' } as const;

/**
 * One internet lead's OEM response clock: the OEM rule, when the response is due in the dealer's
 * zone, a live countdown of business time that pauses outside open hours, what stopped it, the
 * grade (colour, icon and words) and what the response earned or cost (a discount, the lead sent
 * to another dealer), and a lead the dealer cannot answer in a way that stops the clock (a Ford lead
 * with no email address). A gauge (`role="meter"`) shows the time used from 0 to the rule's limit,
 * with the rule's grade bands along it and a tick at each boundary, the countdown in its middle,
 * and a mark for each state: a pause mark while paused, a stop mark with a check or a cross where
 * the clock stopped, an arrowhead past the arc's end and an exclamation mark when overdue. Every clock on a page shares one timer, ticking once a second, and one read
 * of the rules and the dealer's calendar per adapter. Screen readers hear status changes (overdue,
 * stopped) through a polite live region, not every second.
 *
 * @customElement fc-lead-clock
 * @fires-none - It fires no events; status changes (overdue, stopped) go to its polite live region.
 * @csspart clock - The clock's box (also `running`, `overdue`, `met` or `missed`).
 * @csspart oem - The OEM rule's name.
 * @csspart customer - The customer's name.
 * @csspart gauge - The gauge: its drawing and the readout in its middle.
 * @csspart dial - The gauge's SVG drawing (hidden from screen readers; the meter around it carries the values).
 * @csspart countdown - The ticking time left (or overdue by), hidden from screen readers.
 * @csspart paused - "Paused — opens …" while business time does not pass.
 * @csspart overdue-note - "Overdue" beside the compact gauge (the large one says "Overdue by" in its middle).
 * @csspart due - The due time in the dealer's zone.
 * @csspart stopped - What stopped the clock, when, and after how long.
 * @csspart grade - The grade's icon and words.
 * @csspart consequences - What the response earned or cost.
 * @csspart no-rule - The note that no OEM rule covers the lead's make.
 * @csspart unstoppable - The note that the lead's contact details cannot take any activity that stops the rule's clock ("No email address: this OEM's clock stops only on email sent or e-brochure sent").
 * @csspart rule - The rule's terms (a disclosure).
 * @csspart state - Loading, empty, error and unsupported states (also `loading`, `empty`, `error`, `unsupported`).
 * @csspart retry-button - Retry of a failed load.
 * @cssproperty --fc-lead-clock-green - Green grade. Default `--fc-color-good`.
 * @cssproperty --fc-lead-clock-yellow - Yellow grade. Default `--fc-color-warn`.
 * @cssproperty --fc-lead-clock-red - Red grade and the overdue count. Default `--fc-color-bad`.
 * @cssproperty --fc-lead-clock-track - The gauge's empty arc. Default `--fc-color-border`.
 * @cssproperty --fc-lead-clock-tick - The gauge's ticks at the grade boundaries and the stop mark. Default `--fc-color-text`.
 * @cssproperty --fc-lead-clock-gauge-size - The gauge's width. Default `15rem`, `7.5rem` when `size="compact"`.
 */
export class FcLeadClock extends FcElement {
  static override styles = [tokens, shared, stateStyles, styles, gauge.gaugeStyles];

  /** The data adapter, from the nearest `<fc-data-provider>` or set directly. */
  @consume({ context: adapterContext, subscribe: true }) @property({ attribute: false }) adapter?: ForecourtAdapter;

  /** The lead; when absent, `lead-id` is read through `adapter.leads.get`. */
  @property({ attribute: false }) lead?: Lead;

  /** Id of the lead to read through the adapter when `lead` is not set. */
  @property({ attribute: 'lead-id' }) leadId = '';

  /** The OEM rules; default the adapter's `leads.rules()`, read once for every clock on the page. */
  @property({ attribute: false }) rules?: readonly OemRule[];

  /** The dealer's zone, hours and holidays; default the adapter's `leads.dealer()`, read once for every clock. */
  @property({ attribute: false }) calendar?: BusinessCalendar;

  /**
   * `large` (default): the card, with the gauge, the rule's terms and the tick labels. `compact`:
   * a small gauge beside the text, without the tick labels and the rule's terms, for lists (the
   * lead queue, a report's detail rows).
   */
  @property({ reflect: true }) size: 'compact' | 'large' = 'large';

  /**
   * What the clock needs and was not given. The store (`lead-clock.store.ts`) follows the cache's
   * changes with one listener per adapter for every clock on the page, so this query watches no
   * domain itself; it keeps the inputs it has until new ones arrive.
   */
  readonly #load = new QueryController(this, {
    adapter: () => this.adapter,
    requires: ['leads'],
    domains: [],
    args: () => [this.leadId, this.lead, this.rules, this.calendar] as const,
    idle: ([leadId, lead, rules, calendar]) => !!(lead && rules && calendar) || !(lead || leadId),
    keepAcrossArgs: true,
    read: async (adapter, [leadId, lead, rules, calendar], { signal }): Promise<Inputs> => {
      const [l, r, c] = await Promise.all([
        lead ?? adapter.leads.get(leadId, { signal }),
        // Kept per the clock's own adapter, read through what the query hands (after a failure, the cache's fresh view).
        rules ?? sharedRules(this.adapter ?? adapter, adapter),
        calendar ?? sharedDealer(this.adapter ?? adapter, adapter),
        engine.load(),
      ]);
      return { lead: l, rules: r, calendar: c };
    },
  });

  #inputs: Inputs | null = null;
  /** The engine's load for inputs given directly (a read loads it itself): under way, or how it failed. */
  #engineLoading = false;
  #engineError: unknown = undefined;
  #rule: OemRule = NO_OEM_RULE;
  #plan: ClockPlan | null = null;
  #problem: unknown = null;
  #key = '';
  #announcement = '';
  #locale: Locale = 'en';

  #subscribed = false;
  #watching: ForecourtAdapter | null = null;
  #unwatch: (() => void) | null = null;

  #countdownEl: Element | null = null;
  #countdownText: Text | null = null;
  #wordsText: Text | null = null;
  #fill: Element | null = null;
  #meter: Element | null = null;
  #shownSeconds = NaN;
  #shownMinutes = NaN;
  #shownOffset = '';

  /** Everything given directly: no reads, no loading state. */
  get #direct(): Inputs | null {
    return this.lead && this.rules && this.calendar ? { lead: this.lead, rules: this.rules, calendar: this.calendar } : null;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Time went on while the clock was away from the page.
    if (this.hasUpdated && this.#inputs) {
      this.#replan(leadClockNow());
      this.requestUpdate();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#setSubscribed(false);
    this.#watch(null);
  }

  protected override willUpdate(_changed: PropertyValues<this>): void {
    this.#locale = getLocale();
    const wanted = !!(this.lead || this.leadId) && this.#load.error === undefined;
    const direct = this.#direct;
    if (direct && !engine.value) this.#loadEngine();
    const inputs = (engine.value ? direct : null) ?? (wanted ? (this.#load.value ?? null) : null);
    const current = this.#inputs;
    if (!inputs) {
      this.#inputs = null;
      this.#plan = null;
      this.#problem = null;
    } else if (!current || current.lead !== inputs.lead || current.rules !== inputs.rules || current.calendar !== inputs.calendar) {
      const sameLead = !!current && current.lead.id === inputs.lead.id;
      this.#inputs = inputs;
      this.#rule = ruleForMake(inputs.lead.make, inputs.rules) ?? NO_OEM_RULE;
      const before = sameLead ? this.#plan?.state.status : undefined;
      this.#plan = null;
      this.#replan(leadClockNow());
      if (!sameLead) this.#announcement = '';
      else if (before && this.#plan && before !== (this.#plan as ClockPlan).state.status) this.#announce();
    } else if (this.#plan) {
      this.#key = viewKey(this.#plan, this.#locale);
    }
  }

  protected override updated(): void {
    this.#bindCountdown();
    this.#setSubscribed(this.isConnected && !!this.#plan?.live);
    this.#watch(this.isConnected && !this.#direct ? (this.adapter ?? null) : null);
  }

  // ───────────── the clock ─────────────

  /** (Re)computes the plan at `now`; true when the markup must change. */
  #replan(now: number): boolean {
    const inputs = this.#inputs;
    if (!inputs) return false;
    const previous = this.#plan;
    try {
      this.#plan = engine.value!.planClock(inputs.lead, this.#rule, inputs.calendar, now, previous ?? undefined);
      this.#problem = null;
    } catch (error) {
      this.#plan = null;
      this.#problem = error;
      this.#key = '';
      return true;
    }
    const key = viewKey(this.#plan, this.#locale);
    if (key === this.#key) return false;
    if (previous && previous.state.status !== this.#plan.state.status) this.#announce();
    this.#key = key;
    return true;
  }

  #announce(): void {
    const status = this.#plan?.state.status;
    if (!status || status === 'running') {
      this.#announcement = '';
      return;
    }
    const lead = this.#inputs!.lead;
    this.#announcement = t(ANNOUNCE[status], this.#rule.name, lead.customerName ?? '');
  }

  /** One tick of the shared timer: subtraction and changed digits only, unless a boundary was crossed. */
  readonly #tick = (now: number): void => {
    const plan = this.#plan;
    if (!plan) return;
    // Outside an update: the words and announcements are written in the locale of the last render.
    inLocale(this.#locale, () => {
      if ((now >= plan.nextCheck || now < plan.evaluatedAt) && this.#replan(now)) this.requestUpdate();
      else this.#write(now);
    });
  };

  /**
   * A new second: the digits' text and the gauge's fill (one attribute of one path, and only when
   * it moved a visible step); a new minute: the words and the meter's values.
   */
  #write(now: number): void {
    const plan = this.#plan;
    const digits = this.#countdownText;
    if (!plan?.live || !digits) return;
    const left = engine.value!.remainingAt(plan, now);
    const seconds = left >= 0 ? Math.ceil(left / 1000) : Math.floor(-left / 1000);
    if (seconds === this.#shownSeconds) return;
    this.#shownSeconds = seconds;
    digits.data = countdownText(seconds);
    const limitMs = this.#rule.limitMinutes * 60_000;
    if (this.#fill) {
      const offset = gauge.fillOffset(limitMs > 0 ? (limitMs - left) / limitMs : 1);
      if (offset !== this.#shownOffset) {
        this.#shownOffset = offset;
        this.#fill.setAttribute('stroke-dashoffset', offset);
      }
    }
    const minutes = left >= 0 ? Math.ceil(left / 60_000) : Math.floor(-left / 60_000);
    if (minutes !== this.#shownMinutes && this.#wordsText) {
      this.#shownMinutes = minutes;
      const words = durationText(minutes);
      const real = this.#rule.clock === 'real';
      this.#wordsText.data = real ? t('realLeftWords', words) : t('leftWords', words);
      if (this.#meter) {
        const limit = Math.round(this.#rule.limitMinutes);
        const signedLeft = left >= 0 ? minutes : -minutes;
        gauge.writeMeter(
          this.#meter,
          {
            used: limit - signedLeft,
            limit,
            real,
            grade: plan.state.grade,
            left: signedLeft,
            waiting: plan.counting ? undefined : plan.early ? 'not-started' : 'paused',
          },
          this.#gaugeContext(),
        );
      }
    }
  }

  /** The countdown's spans have no Lit bindings inside: their text nodes are written directly. */
  #bindCountdown(): void {
    const el = this.renderRoot.querySelector('.countdown');
    if (el !== this.#countdownEl) {
      this.#countdownEl = el;
      const words = this.renderRoot.querySelector('.countdown-words');
      this.#countdownText = el ? el.appendChild(document.createTextNode('')) : null;
      this.#wordsText = words ? words.appendChild(document.createTextNode('')) : null;
    }
    this.#fill = el ? this.renderRoot.querySelector('.fill') : null;
    this.#meter = el ? this.renderRoot.querySelector('[role="meter"]') : null;
    this.#shownSeconds = NaN;
    this.#shownMinutes = NaN;
    this.#shownOffset = '';
    if (this.#plan) this.#write(Math.max(leadClockNow(), this.#plan.evaluatedAt));
  }

  /** What the gauge takes from the clock: the rule's grade bands, the locale, the clock's duration and count formats. */
  #gaugeContext(): gauge.GaugeContext {
    return { bands: gradeBands(this.#rule), locale: this.#locale, duration: durationText, count: formatCount };
  }

  #setSubscribed(on: boolean): void {
    if (on === this.#subscribed) return;
    this.#subscribed = on;
    if (on) subscribeLeadClock(this.#tick);
    else unsubscribeLeadClock(this.#tick);
  }

  #watch(adapter: ForecourtAdapter | null): void {
    if (adapter === this.#watching) return;
    this.#unwatch?.();
    this.#unwatch = null;
    this.#watching = adapter;
    if (adapter?.leads) this.#unwatch = watchLeads(adapter, this.#onRefresh);
  }

  readonly #onRefresh = (reason: RefreshReason): void => {
    if (reason === 'change' || this.#load.error !== undefined) void this.#load.run();
  };

  #loadEngine(): void {
    if (this.#engineLoading || this.#engineError !== undefined) return;
    this.#engineLoading = true;
    engine.load().then(
      () => {
        this.#engineLoading = false;
        this.requestUpdate();
      },
      (error: unknown) => {
        this.#engineLoading = false;
        this.#engineError = error;
        this.requestUpdate();
      },
    );
  }

  #retryEngine(): void {
    this.#engineError = undefined;
    this.#loadEngine();
    this.requestUpdate();
  }

  #retry(): void {
    if (this.adapter) retrySharedReads(this.adapter);
    if (this.#load.error !== undefined) void this.#load.run();
  }

  // ───────────── rendering ─────────────

  protected override render(): unknown {
    if (this.#problem) return errorView(this.#problem, this.#direct ? undefined : () => this.#retry());
    if (this.#plan) return this.#clockView(this.#plan, this.#inputs!);
    if (!this.lead && !this.leadId) return emptyView(t('noLead'));
    if (this.#direct && this.#engineError !== undefined) return errorView(this.#engineError, () => this.#retryEngine());
    if (!this.#direct && !this.adapter?.leads) return unsupportedView('leads');
    if (this.#load.error !== undefined) return errorView(this.#load.error, () => this.#retry());
    return loadingView(2);
  }

  #clockView(plan: ClockPlan, { lead, calendar }: Inputs): TemplateResult {
    const s = plan.state;
    const rule = this.#rule;
    const locale = this.#locale;
    const zone = calendar.zone;
    const stopped = !plan.live;
    return html`<div
      class="clock clock--${s.status} clock--${s.grade} ${plan.live && !plan.counting ? 'clock--paused' : ''}"
      part="clock ${s.status}"
      role="group"
      aria-label=${t('label', rule.name, lead.customerName ?? '')}
    >
      <p class="head">
        <span class="oem" part="oem">${rule.name}</span>
        ${lead.customerName ? html`<span class="customer" part="customer">${lead.customerName}</span>` : nothing}
      </p>
      ${stopped ? this.#stoppedView(plan, lead, zone) : this.#liveView(plan, zone)}
      <p class="due" part="due">${t(stopped ? 'wasDue' : 'due', formatInstant(plan.dueAt, zone, locale, 'due'))}</p>
      ${gradeView(s.grade, stopped)}
      ${rule === NO_OEM_RULE
        ? html`<p class="note" part="no-rule">${lead.make ? t('noRule', lead.make) : t('noRuleMake')}</p>`
        : nothing}
      ${this.#unstoppableView(lead, s.status)}
      ${this.#consequencesView(s.consequences)}
      ${ruleView(rule, locale)}
      <p class="fc-visually-hidden" role="status">${this.#announcement}</p>
    </div>`;
  }

  /**
   * A counting (or paused) clock: the gauge with the countdown in its middle. The meter's values,
   * the fill and the digits are written by the tick ({@link #write}), not bound here.
   */
  #liveView(plan: ClockPlan, zone: string): TemplateResult {
    const overdue = plan.state.status === 'overdue';
    const resumes = plan.resumesAt === null ? '' : formatInstant(plan.resumesAt, zone, this.#locale, 'weekdayTime');
    return html`<div class="gauge" part="gauge">
        ${gauge.liveDial(this.#rule, { glyph: plan.counting ? (overdue ? 'overdue' : 'none') : 'paused', overflow: overdue }, this.#gaugeContext())}
        <p class="live readout">
          <span class="label">${overdue ? t('overdueBy') : t('left')}</span>
          <span class="countdown" part="countdown" aria-hidden="true"></span><span class="countdown-words fc-visually-hidden"></span>
        </p>
      </div>
      ${plan.counting
        ? nothing
        : html`<p class="paused" part="paused">${gauge.stateIcon('paused')}${plan.early ? t('notStarted', resumes) : t('paused', resumes)}</p>`}
      ${overdue ? html`<p class="overdue-note" part="overdue-note">${gauge.stateIcon('overdue')}${t('overdue')}</p>` : nothing}`;
  }

  /** A stopped clock: the gauge filled up to the stop, a mark where it stopped, and what stopped it. */
  #stoppedView(plan: ClockPlan, lead: Lead, zone: string): TemplateResult {
    const s = plan.state;
    const stop = s.stoppedBy!;
    const at = stopTimeText(Date.parse(stop.at), Date.parse(lead.receivedAt), zone, this.#locale);
    const met = s.status === 'met';
    return html`<div class="gauge" part="gauge">
        ${gauge.stoppedDial(this.#rule, s, activityWords(stop.kind), this.#gaugeContext())}
        <p class="readout" aria-hidden="true">
          <span class="label">${t('answeredIn')}</span>
          <span class="elapsed">${countdownText(Math.round(s.elapsedMinutes * 60))}</span>
        </p>
      </div>
      <p class="stopped" part="stopped">
        ${gauge.stateIcon(met ? 'met' : 'missed')}${t('stopped', activityWords(stop.kind), at, durationText(s.elapsedMinutes))}.
        <span class="verdict">${t(met ? 'met' : 'missed')}</span>
      </p>`;
  }

  /** The lead's contact details cannot take any activity that stops the rule's clock (moot once it is met). */
  #unstoppableView(lead: Lead, status: string): unknown {
    const reason = status === 'met' ? null : unstoppableReason(lead, this.#rule);
    if (!reason) return nothing;
    const kinds = this.#rule.stopsClock.filter((k) => k !== 'auto-response').map(activityWords);
    return html`<p class="note" part="unstoppable">${unstoppableText(reason, kinds)}</p>`;
  }

  #consequencesView(consequences: readonly LeadConsequence[]): unknown {
    if (!consequences.length) return nothing;
    const rule = this.#rule;
    return html`<ul class="consequences" part="consequences">
      ${consequences.map((c) =>
        c === 'discount'
          ? html`<li class="consequence consequence--discount">${t('discount', durationText(rule.discountUnder ?? 0))}</li>`
          : html`<li class="consequence consequence--reassigned">${t('reassigned', durationText(rule.reassignOver ?? 0))}</li>`,
      )}
    </ul>`;
  }
}
