import { html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import type { ForecourtAdapter } from '../../data/adapter.js';
import type { OutboxEntry } from '../../data/cache/outbox.js';
import { DEFAULT_QUEUE_LOOKBACK_DAYS, queueCrossings, queueLevel, queueRange, queueThresholds } from '../../data/logic/lead-queue-levels.js';
import type { LeadQueueRow, QueueCrossing } from '../../data/logic/lead-queue-levels.js';
import type { DealerProfile, Lead, LeadFlagChange, StoredOemRule } from '../../data/model.js';
import { adapterContext } from '../shared/adapter-context.js';
import { QueryController } from '../shared/controllers/query.js';
import { PendingWritesController } from '../shared/controllers/pending-writes.js';
import type { PendingWrite } from '../shared/controllers/pending-writes.js';
import { FcElement } from '../shared/fc-element.js';
import { lazyModule } from '../shared/lazy.js';
import { leadClockNow, subscribeLeadClock, unsubscribeLeadClock } from '../shared/lead-ticker.js';
import { formatCount, getLocale } from '../shared/messages.js';
import type { Locale } from '../shared/messages.js';
import { describeError, errorView, stateStyles } from '../shared/states.js';
import { shared } from '../../styles/shared.js';
import { tokens } from '../../styles/tokens.js';
import { FC_LEAD_DUE_SOON, FC_LEAD_FLAG, FC_LEAD_OVERDUE } from './lead-queue.events.js';
import { t } from './lead-queue.messages.js';
import { alertsSupported, askForAlerts, showAlert } from './lead-queue.alerts.js';
import { styles } from './lead-queue.styles.js';
import { detailsView, dueText, shownMinutes, timeView, urgencyOf, urgencyView } from './lead-queue.view.js';
import type { QueueUrgency } from './lead-queue.view.js';
import { durationText } from '../shared/formats.js';

/** What the queue reads: the leads of the lookback days, the rules and the dealer's calendar. */
interface QueueData {
  leads: Lead[];
  rules: StoredOemRule[];
  dealer: DealerProfile;
}

/** Page size of the lead reads, and how many pages at most (a queue of the last days, not the history). */
/** The rule engine (`lead-queue.engine.ts`), loaded once for every queue with the first read; a failed load is tried again on Retry. */
const engineModule = lazyModule(() => import('./lead-queue.engine.js'));

const PAGE = 500;
const MAX_PAGES = 20;

type FlagWrite = PendingWrite<LeadFlagChange, never>;

/**
 * The due-next lead queue: every internet lead whose OEM response clock is still running or is
 * overdue, across all OEMs, most urgent first (the most overdue, then the least time left), each
 * with the time left or overdue, the due time in the dealer's zone, the OEM rule, the
 * salesperson and how to respond (what stops this OEM's clock), and a note on a lead the rule
 * cannot stop ("No email address: this OEM's clock stops only on email sent or e-brochure sent").
 * When a lead comes within `due-soon-minutes` or `urgent-minutes` of its due time, or becomes
 * overdue, the queue says so once in a polite live region and fires an event, so a host can notify
 * or escalate; with desktop alerts turned on (by the user's click) it also shows a notification.
 * An overdue lead can be flagged for a manager, with an optional note (`adapter.leads.flag`,
 * through the outbox). Leads already past a threshold when the queue first loads are shown, not
 * announced. Shares the lead clocks' timer (`setLeadClockTime` runs both on another time).
 *
 * @customElement fc-lead-queue
 * @fires fc-lead-due-soon - A running lead came within a threshold. detail: {leadId, minutesLeft, threshold, ruleId, dueAt}
 * @fires fc-lead-overdue - A lead in the queue became overdue. detail: {leadId, ruleId, dueAt}
 * @fires fc-lead-flag - The server confirmed a manager flag set or cleared in the queue. detail: {leadId, flagged, lead}
 * @csspart queue - The queue's box.
 * @csspart toolbar - The title, the count and the desktop alerts button.
 * @csspart title - The queue's title.
 * @csspart count - How many leads are running.
 * @csspart alerts-button - The desktop alerts toggle (`aria-pressed`).
 * @csspart alerts-note - Why desktop alerts are off (the browser blocks them, or has none).
 * @csspart list - The list of leads.
 * @csspart row - One lead (also `overdue`, `urgent`, `soon` or `none`).
 * @csspart customer - The customer's name.
 * @csspart urgency - The urgency's icon and word ("Overdue", "Due very soon", "Due soon").
 * @csspart time - Time left or overdue by, and the due time.
 * @csspart due - The due time in the dealer's zone.
 * @csspart paused - "Paused until the next opening" while business time does not pass.
 * @csspart rule - The OEM rule and its limit.
 * @csspart salesperson - The salesperson, or "unassigned".
 * @csspart respond - How to respond: the activities that stop this OEM's clock.
 * @csspart unstoppable - The note that the lead's contact details cannot take any activity that stops the rule's clock.
 * @csspart flag - The manager flag: the button, the form, the flag and its note, a write's state.
 * @csspart flag-button - "Flag for a manager" (overdue leads only, when the adapter can flag).
 * @csspart state - Loading, empty, error and unsupported states (also `loading`, `empty`, `error`, `unsupported`).
 * @csspart retry-button - Retry of a failed load.
 * @cssproperty --fc-lead-queue-overdue - Edge and word of an overdue lead. Default `--fc-color-bad`.
 * @cssproperty --fc-lead-queue-soon - Edge of a lead within a threshold. Default `--fc-color-warn`.
 */
export class FcLeadQueue extends FcElement {
  static override styles = [tokens, shared, stateStyles, styles];

  /** The data adapter, from the nearest `<fc-data-provider>` or set directly. */
  @consume({ context: adapterContext, subscribe: true }) @property({ attribute: false }) adapter?: ForecourtAdapter;

  /** The first warning threshold: minutes left at which a lead is announced as due soon. */
  @property({ type: Number, attribute: 'due-soon-minutes' }) dueSoonMinutes = 15;

  /** The second warning threshold: minutes left at which a lead is announced again. */
  @property({ type: Number, attribute: 'urgent-minutes' }) urgentMinutes = 5;

  /** Calendar days of leads read, back to today in the dealer's zone (the longest rule's limit with weekends). */
  @property({ type: Number, attribute: 'lookback-days' }) lookbackDays = DEFAULT_QUEUE_LOOKBACK_DAYS;

  /** Seconds between re-reads of the leads (0 turns it off; a cached adapter's changes are read at once). */
  @property({ type: Number, attribute: 'refresh-interval' }) refreshInterval = 60;

  @state() private flagging: string | null = null;
  @state() private alertsOn = false;
  @state() private alertsNote = '';

  readonly #load = new QueryController(this, {
    adapter: () => this.adapter,
    requires: ['leads'],
    args: () => [this.lookbackDays] as const,
    poll: () => this.refreshInterval,
    read: async (adapter, [days], { signal }): Promise<QueueData> => {
      const [rules, dealer] = await Promise.all([adapter.leads.rules({ signal }), adapter.leads.dealer({ signal }), engineModule.load()]);
      const range = queueRange(this.#now(), dealer.zone, days);
      const leads: Lead[] = [];
      let cursor: string | null = null;
      for (let page = 0; page < MAX_PAGES; page++) {
        const answer = await adapter.leads.list({ ...range, cursor, limit: PAGE }, { signal });
        leads.push(...answer.items);
        cursor = answer.nextCursor;
        if (!cursor) break;
      }
      return { leads, rules, dealer };
    },
    onValue: (data) => this.#take(data),
  });

  readonly #writes = new PendingWritesController<'leads', LeadFlagChange, Lead, never>(this, {
    adapter: () => this.adapter,
    domain: 'leads',
    match: (entry: OutboxEntry) => (entry.domain === 'leads' && entry.method === 'flag' ? entry.args : null),
    about: (change) => change.leadId,
    send: (leads, change, opts) => {
      if (!leads.flag) return Promise.reject(new Error(t('flagFailed', '')));
      return leads.flag(change, opts);
    },
    onConfirmed: (change, lead) => {
      this.#replaceLead(lead);
      this.emit(FC_LEAD_FLAG, { leadId: change.leadId, flagged: change.flagged, lead });
    },
  });

  /** The leads whose clock had not stopped at the last read (a stopped clock never runs again). */
  #open: Lead[] = [];
  #data: QueueData | null = null;
  #rows: LeadQueueRow[] = [];
  #paused = new Set<string>();
  #pausedMinute = NaN;
  #problem: unknown = null;
  #thresholds: number[] = [];
  #seen: Map<string, number> | null = null;
  #key = '';
  #announcement = '';
  #locale: Locale = 'en';
  #subscribed = false;
  #focusAfter: { leadId: string; selector: string } | null = null;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#setSubscribed(false);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.#locale = getLocale();
    if (changed.has('dueSoonMinutes') || changed.has('urgentMinutes') || !this.hasUpdated) {
      const next = queueThresholds([this.dueSoonMinutes, this.urgentMinutes].map(Number));
      if (next.join() !== this.#thresholds.join()) {
        this.#thresholds = next;
        // New thresholds: what shows now is the new starting point, not news.
        this.#seen = null;
        if (this.#data) this.#recompute(this.#now(), false);
      }
    }
  }

  protected override updated(): void {
    this.#setSubscribed(this.isConnected && this.#rows.length > 0);
    const focus = this.#focusAfter;
    if (focus) {
      this.#focusAfter = null;
      const row = [...this.renderRoot.querySelectorAll<HTMLElement>('[data-lead]')].find((el) => el.dataset.lead === focus.leadId);
      row?.querySelector<HTMLElement>(focus.selector)?.focus();
    }
  }

  // ───────────── the queue ─────────────

  #now(): number {
    const now = leadClockNow();
    return Number.isFinite(now) ? now : Date.now();
  }

  #take(data: QueueData): void {
    this.#data = data;
    const now = this.#now();
    try {
      // Evaluated once per read: leads whose clock has stopped leave the per-second work.
      const open = new Set(engineModule.value!.buildLeadQueue(data.leads, data.rules, data.dealer, new Date(now).toISOString()).map((r) => r.lead.id));
      this.#open = data.leads.filter((l) => open.has(l.id));
    } catch (error) {
      // A lead the rules cannot clock (an invalid time): the error with Retry, not a shorter queue.
      this.#open = [];
      this.#rows = [];
      this.#problem = error;
      this.#key = '';
      this.requestUpdate();
      return;
    }
    this.#pausedMinute = NaN;
    this.#recompute(now, true);
    this.requestUpdate();
  }

  /** The server's answer to a flag, shown at once (a cached adapter also reads the leads again). */
  #replaceLead(lead: Lead): void {
    const data = this.#data;
    if (!data || !lead?.id) return;
    const swap = (list: Lead[]) => list.map((l) => (l.id === lead.id ? lead : l));
    this.#data = { ...data, leads: swap(data.leads) };
    this.#open = swap(this.#open);
    this.#recompute(this.#now(), false);
    this.requestUpdate();
  }

  /** The rows at `now`, with what crossed a threshold since the last look; true when the markup must change. */
  #recompute(now: number, announce: boolean): boolean {
    const data = this.#data;
    if (!data) return false;
    try {
      this.#rows = engineModule.value!.buildLeadQueue(this.#open, data.rules, data.dealer, new Date(now).toISOString());
      this.#problem = null;
    } catch (error) {
      this.#rows = [];
      this.#problem = error;
      this.#key = '';
      return true;
    }
    const { crossings, seen } = queueCrossings(this.#rows, this.#thresholds, this.#seen);
    this.#seen = seen;
    if (announce && crossings.length) this.#announce(crossings);
    const minute = Math.floor(now / 60_000);
    if (minute !== this.#pausedMinute) {
      this.#pausedMinute = minute;
      this.#paused = this.#pausedAt(now);
    }
    const key = `${this.#rows.map((r) => `${r.lead.id}:${r.state.status}:${shownMinutes(r)}:${queueLevel(r, this.#thresholds)}:${r.flagged}`).join()}|${[...this.#paused].join()}`;
    if (key === this.#key) return false;
    this.#key = key;
    return true;
  }

  /** The running leads whose business time does not pass now (the dealer or the OEM's hours are closed). */
  #pausedAt(now: number): Set<string> {
    const data = this.#data!;
    const later = new Date(now + 60_000).toISOString();
    const paused = new Set<string>();
    for (const row of this.#rows) {
      if (row.state.status !== 'running' || row.rule.clock !== 'business') continue;
      const next = engineModule.value!.evaluateLead(row.lead, row.lead.activities, row.rule, data.dealer, later);
      if (next.remainingMinutes === row.state.remainingMinutes) paused.add(row.lead.id);
    }
    return paused;
  }

  /** Says each crossing once (live region, event, desktop alert). */
  #announce(crossings: readonly QueueCrossing[]): void {
    const words: string[] = [];
    for (const c of crossings) {
      const { lead, rule, state: s } = c.row;
      const customer = lead.customerName || lead.id;
      if (c.kind === 'overdue') {
        words.push(t('announceOverdue', rule.name, customer));
        this.emit(FC_LEAD_OVERDUE, { leadId: lead.id, ruleId: rule.id, dueAt: s.dueAt });
      } else {
        words.push(t('announceSoon', rule.name, customer, durationText(c.minutesLeft)));
        this.emit(FC_LEAD_DUE_SOON, { leadId: lead.id, minutesLeft: c.minutesLeft, threshold: c.threshold!, ruleId: rule.id, dueAt: s.dueAt });
      }
      if (this.alertsOn) {
        const title = c.kind === 'overdue' ? t('notifyOverdue') : t('notifySoon', durationText(c.minutesLeft));
        showAlert(title, `${customer} · ${rule.name} · ${t('due', dueText(s.dueAt, this.#data!.dealer.zone, this.#locale))}`, `${lead.id}:${c.kind}`);
      }
    }
    this.#announcement = words.join(' ');
  }

  readonly #tick = (now: number): void => {
    this.inLocale(() => {
      if (this.#recompute(now, true)) this.requestUpdate();
    });
  };

  #setSubscribed(on: boolean): void {
    if (on === this.#subscribed) return;
    this.#subscribed = on;
    if (on) subscribeLeadClock(this.#tick);
    else unsubscribeLeadClock(this.#tick);
  }

  // ───────────── desktop alerts ─────────────

  /** Only from the user's click: asks the browser once, then turns alerts on or says why not. */
  async #toggleAlerts(): Promise<void> {
    if (this.alertsOn) {
      this.alertsOn = false;
      return;
    }
    if (!alertsSupported()) {
      this.alertsNote = t('alertsUnsupported');
      return;
    }
    const permission = await askForAlerts();
    this.alertsOn = permission === 'granted';
    this.alertsNote = this.alertsOn ? '' : t('alertsDenied');
  }

  // ───────────── manager flags ─────────────

  #openFlag(leadId: string): void {
    this.flagging = leadId;
    this.#focusAfter = { leadId, selector: 'textarea' };
  }

  #cancelFlag(leadId: string): void {
    this.flagging = null;
    this.#focusAfter = { leadId, selector: '.flag-toggle' };
  }

  #submitFlag(event: SubmitEvent, leadId: string): void {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const note = (form.elements.namedItem('note') as HTMLTextAreaElement | null)?.value.trim() ?? '';
    this.flagging = null;
    this.#focusAfter = { leadId, selector: '.flag-state' };
    void this.#writes.save({ leadId, flagged: true, note: note || null });
  }

  #clearFlag(leadId: string): void {
    this.#focusAfter = { leadId, selector: '.flag-state' };
    void this.#writes.save({ leadId, flagged: false });
  }

  // ───────────── rendering ─────────────

  protected override render(): TemplateResult {
    const count = this.#rows.length;
    const loaded = this.#load.value !== undefined && !this.#problem;
    return html`<section class="queue" part="queue" aria-labelledby="title">
      <div class="bar" part="toolbar">
        <h2 class="title" id="title" part="title">${t('heading')}</h2>
        ${loaded ? html`<span class="count" part="count">${t('count', formatCount(count))}</span>` : nothing}
        <button
          type="button"
          class="fc-button"
          part="alerts-button"
          aria-pressed=${this.alertsOn ? 'true' : 'false'}
          @click=${() => void this.#toggleAlerts()}
        >
          ${t('alerts')}: ${this.alertsOn ? t('alertsOn') : t('alertsOff')}
        </button>
      </div>
      ${this.alertsNote ? html`<p class="alerts-note" part="alerts-note" role="status">${this.alertsNote}</p>` : nothing}
      ${this.#problem
        ? errorView(this.#problem, () => this.#load.run())
        : this.#load.render({ complete: () => this.#listView(), isEmpty: () => !this.#rows.length, empty: t('empty'), lines: 4 })}
      <p class="fc-visually-hidden" role="status">${this.#announcement}</p>
    </section>`;
  }

  #listView(): TemplateResult {
    const zone = this.#data!.dealer.zone;
    const writes = this.#writes.all();
    return html`<ol class="rows" part="list" aria-label=${t('listLabel')}>
      ${this.#rows.map((row) => {
        const urgency = urgencyOf(queueLevel(row, this.#thresholds), this.#thresholds.length);
        return html`<li class="row row--${urgency}" part="row ${urgency}" data-lead=${row.lead.id}>
          <p class="head">
            <span class="customer" part="customer">${row.lead.customerName || row.lead.id}</span>
            ${urgencyView(urgency)}
          </p>
          ${timeView(row, zone, this.#locale, this.#paused.has(row.lead.id))} ${detailsView(row)}
          ${this.#flagView(row, urgency, writes.get(row.lead.id))}
        </li>`;
      })}
    </ol>`;
  }

  #flagView(row: LeadQueueRow, urgency: QueueUrgency, write: FlagWrite | undefined): unknown {
    const { lead } = row;
    const customer = lead.customerName || lead.id;
    const canFlag = !!this.adapter?.leads?.flag;
    // A write on its way shows what it will make of the lead.
    const flagged = write ? write.args.flagged : row.flagged;
    const failed = write && (write.status === 'failed' || write.status === 'conflict');
    const parts: unknown[] = [];
    if (flagged) {
      const flag = lead.managerFlag;
      const when = flag ? dueText(flag.at, this.#data!.dealer.zone, this.#locale) : '';
      const note = write ? write.args.note : flag?.note;
      parts.push(
        html`<p class="flag-state" tabindex="-1">
          ${flag && !write ? (flag.by ? t('flaggedBy', when, flag.by) : t('flagged', when)) : t('flagPending')}
        </p>`,
      );
      if (note) parts.push(html`<p class="flag-note">${t('flagNote', note)}</p>`);
      if (canFlag && !write) {
        parts.push(
          html`<button type="button" class="fc-button" aria-label=${t('unflagLabel', customer)} @click=${() => this.#clearFlag(lead.id)}>
            ${t('unflag')}
          </button>`,
        );
      }
    } else if (write) {
      parts.push(html`<p class="flag-state" tabindex="-1">${t('unflagPending')}</p>`);
    } else if (canFlag && urgency === 'overdue') {
      parts.push(this.flagging === lead.id ? this.#flagForm(lead.id) : this.#flagButton(lead.id, customer));
    }
    if (failed) {
      parts.push(
        html`<p class="write--failed" role="alert">${t('flagFailed', describeError(write.error).message)}</p>
          <button type="button" class="fc-button" @click=${() => void this.#writes.retry(lead.id)}>${t('retry')}</button>
          <button type="button" class="fc-button" @click=${() => void this.#writes.discard(lead.id)}>${t('discard')}</button>`,
      );
    }
    return parts.length ? html`<div class="flag" part="flag">${parts}</div>` : nothing;
  }

  #flagButton(leadId: string, customer: string): TemplateResult {
    return html`<button
      type="button"
      class="fc-button flag-toggle"
      part="flag-button"
      aria-label=${t('flagButtonLabel', customer)}
      @click=${() => this.#openFlag(leadId)}
    >
      ${t('flagButton')}
    </button>`;
  }

  #flagForm(leadId: string): TemplateResult {
    return html`<form
      class="flag-form"
      @submit=${(e: SubmitEvent) => this.#submitFlag(e, leadId)}
      @keydown=${(e: KeyboardEvent) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          this.#cancelFlag(leadId);
        }
      }}
    >
      <label for="flag-note">${t('noteLabel')}</label>
      <textarea id="flag-note" name="note" maxlength="500" rows="2"></textarea>
      <div class="flag-actions">
        <button type="submit" class="fc-button fc-button--primary">${t('flagSubmit')}</button>
        <button type="button" class="fc-button" @click=${() => this.#cancelFlag(leadId)}>${t('cancel')}</button>
      </div>
    </form>`;
  }
}
