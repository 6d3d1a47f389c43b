/**
 * The states every widget renders around its data: loading (a skeleton), empty, "this host does
 * not provide …", and an error with a specific message and a Retry button. Their text sits in a
 * polite live region so a screen reader hears the change without losing its place.
 *
 * Text from a server is shown bounded: the adapter keeps a short excerpt of a long message, and the
 * rest sits behind a "Show more" disclosure in a box of limited height that scrolls.
 */
import { css, html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import type { AdapterDomain } from '../../data/adapter.js';
import { excerpt, isAdapterError } from '../../data/errors.js';
import type { AdapterError } from '../../data/errors.js';
import { domainName, getLocale, msg } from './messages.js';
import { isForeignZone } from './zone.js';

/** What to tell the user about a failure: a sentence by kind, and the specifics when they help. */
export interface ErrorText {
  message: string;
  /** The adapter's own words (e.g. which field was malformed), or null when they add nothing; at most `MESSAGE_EXCERPT_CHARS` characters. */
  detail: string | null;
  /** The whole of `detail`, when `detail` is only its start (a long message from a server); else null. */
  more: string | null;
  /** Retrying the same request may help (false for an unsupported domain). */
  retryable: boolean;
}

/**
 * A time in the current locale: the time of day when it is today, else the date too. With `zone`,
 * the time is that zone's (the shop's), and carries the zone's name when it is not the viewer's.
 * @example formatWaitTime(Date.parse('2026-12-07T10:42:00'), Date.parse('2026-12-07T10:40:00')) // "10:42 AM" in English
 * @example formatWaitTime(Date.parse('2026-12-07T16:42:00Z'), Date.parse('2026-12-07T16:40:00Z'), 'America/Chicago')
 *   // "10:42 AM CST" in a browser set to Asia/Tokyo
 */
export function formatWaitTime(at: number, now: number = Date.now(), zone?: string): string {
  const timeZone = zone || undefined;
  const day = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  const sameDay = day.format(at) === day.format(now);
  const options: Intl.DateTimeFormatOptions = { timeZone, hour: 'numeric', minute: '2-digit' };
  if (!sameDay) Object.assign(options, { year: 'numeric', month: 'short', day: 'numeric' });
  if (zone && isForeignZone(zone)) options.timeZoneName = 'short';
  return new Intl.DateTimeFormat(getLocale(), options).format(at);
}

/**
 * "The server asked us to wait until 10:42 AM.", for a failure whose server asked for a wait
 * (`Retry-After`) that has not passed yet; null otherwise. Widgets show it on a write that is not
 * sent yet, in place of "waiting for the connection".
 * @param failure A write's failure (`PendingWrite.error`) or an `AdapterError`: anything with `retryAt`.
 * @param now The time now, in epoch ms.
 * @param zone The shop's zone, for a widget that shows its other times there (see `formatWaitTime`).
 * @example serverWaitText({ retryAt: Date.now() + 120_000 }) // "The server asked us to wait until 10:42 AM."
 */
export function serverWaitText(failure: { retryAt?: number | null } | null | undefined, now: number = Date.now(), zone?: string): string | null {
  const at = failure?.retryAt;
  return typeof at === 'number' && at > now ? msg('serverWait', formatWaitTime(at, now, zone)) : null;
}

/**
 * Turns any thrown value into text for the error state.
 * @param error What the adapter (or anything else) threw.
 * @param now The time now, in epoch ms (to tell whether the server's requested wait is over).
 * @returns The message, the detail worth showing (and the rest of it, when it is long), and whether a retry makes sense.
 * @example describeError(new AdapterError({ kind: 'server', status: 503, message: 'x' })).message
 *   // "The server had a problem (HTTP 503)."
 * @example describeError(new AdapterError({ kind: 'rate-limited', status: 429, message: 'x', retryAt })).message
 *   // "The server asked us to wait until 10:42 AM."
 */
export function describeError(error: unknown, now: number = Date.now()): ErrorText {
  if (!isAdapterError(error)) {
    const detail = error instanceof Error ? error.message : typeof error === 'string' ? error : null;
    const short = detail ? excerpt(detail) : null;
    return { message: msg('errorUnknown'), detail: short, more: short !== detail ? detail : null, retryable: true };
  }
  const text = describeKind(error);
  const until = serverWaitText(error, now);
  if (until) text.message = error.kind === 'rate-limited' ? until : `${text.message} ${until}`;
  return text;
}

function describeKind(error: AdapterError): ErrorText {
  // `fullMessage` may be missing on an error from an older copy of the library.
  const full = typeof error.fullMessage === 'string' ? error.fullMessage : error.message;
  const specific = (message: string) => ({
    message,
    detail: error.message || null,
    more: full !== error.message ? full : null,
    retryable: true,
  });
  const general = (message: string) => ({ message, detail: null, more: null, retryable: true });
  switch (error.kind) {
    case 'network':
      return general(typeof navigator !== 'undefined' && navigator.onLine === false ? msg('errorOffline') : msg('errorNetwork'));
    case 'timeout':
      return general(msg('errorTimeout'));
    case 'aborted':
      return general(msg('errorAborted'));
    case 'auth':
      return general(msg('errorAuth'));
    case 'not-found':
      return specific(msg('errorNotFound'));
    case 'conflict':
      return specific(msg('errorConflict'));
    case 'rejected':
      return specific(msg('errorRejected'));
    case 'rate-limited':
      return general(msg('errorRateLimited'));
    case 'server':
      return general(msg('errorServer', error.status));
    case 'malformed':
      return specific(msg('errorMalformed'));
    case 'unsupported':
      return { message: error.message, detail: null, more: null, retryable: false };
    default:
      return specific(msg('errorUnknown'));
  }
}

/**
 * The loading state: a skeleton of `lines` bars, announced as "Loading…".
 * @param lines How many placeholder bars to draw.
 * @param label What is announced.
 */
export function loadingView(lines = 3, label = msg('loading')): TemplateResult {
  return html`<div class="fc-state fc-state--loading" part="state loading" aria-busy="true">
    <span class="fc-visually-hidden" role="status">${label}</span>
    <div class="fc-skeleton" aria-hidden="true">
      ${Array.from({ length: Math.max(1, lines) }, () => html`<span class="fc-skeleton__bar"></span>`)}
    </div>
  </div>`;
}

/** The empty state: there is nothing (yet) for this query. */
export function emptyView(text = msg('empty')): TemplateResult {
  return html`<div class="fc-state fc-state--empty" part="state empty">
    <p class="fc-state__message" role="status">${text}</p>
  </div>`;
}

/**
 * The state of a widget whose host's adapter lacks its part of the contract (or has no adapter).
 * @param what The domain, or the words for what is missing.
 */
export function unsupportedView(what: AdapterDomain | (string & {})): TemplateResult {
  const text = msg('unsupported', isDomain(what) ? domainName(what) : what);
  return html`<div class="fc-state fc-state--unsupported" part="state unsupported">
    <p class="fc-state__message" role="status">${text}</p>
  </div>`;
}

/**
 * The error state: the specific message, the adapter's detail when it helps, and Retry.
 * @param error What was thrown.
 * @param retry Runs the failed work again; Retry is left out without it.
 * @param options `urgent` puts the text in an assertive alert, for a failure of something the
 *   user just did (a load failure stays polite); `retryLabel` names what Retry retries, when
 *   several errors can be on screen at once.
 */
export function errorView(
  error: unknown,
  retry?: () => unknown,
  options: { urgent?: boolean; retryLabel?: string } = {},
): TemplateResult {
  const { message, detail, more, retryable } = describeError(error);
  const shown = detail && detail !== message;
  return html`<div class="fc-state fc-state--error" part="state error">
    <div role=${options.urgent ? 'alert' : 'status'}>
      <p class="fc-state__message">${message}</p>
      ${shown ? html`<p class="fc-state__detail">${detail}</p>` : nothing}
    </div>
    ${shown && more ? moreView(more) : nothing}
    ${retry && retryable
      ? html`<button
          type="button"
          class="fc-button"
          part="retry-button"
          aria-label=${options.retryLabel ?? nothing}
          @click=${() => void retry()}
        >${msg('retry')}</button>`
      : nothing}
  </div>`;
}

/**
 * The rest of a long message, behind a native disclosure (keyboard and screen readers know it), in a
 * box that scrolls rather than growing with the text. Outside the live region: opening it is not news.
 */
function moreView(full: string): TemplateResult {
  return html`<details class="fc-state__more">
    <summary>${msg('errorShowMore')}</summary>
    <div class="fc-state__full" role="region" aria-label=${msg('errorFullText')} tabindex="0">${full}</div>
  </details>`;
}

const DOMAINS: readonly string[] = ['sources', 'customers', 'sms', 'leads', 'traffic', 'deleted', 'vehicles'];
function isDomain(value: string): value is AdapterDomain {
  return DOMAINS.includes(value);
}

/** Styles of the states; widgets adopt them with `tokens` and `shared`. */
export const stateStyles = css`
  .fc-state {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_fc-space-s) var(--_fc-space-m);
    padding-block: var(--_fc-space-s);
    padding-inline: var(--_fc-space-m);
    color: var(--_fc-color-text-muted);
  }
  .fc-state p {
    margin: 0;
  }
  .fc-state--error {
    border-inline-start: 4px solid var(--_fc-color-bad);
    background: var(--_fc-color-bad-subtle);
    color: var(--_fc-color-text);
  }
  .fc-state--error .fc-state__message {
    color: var(--_fc-color-bad);
    font-weight: var(--_fc-font-weight-strong);
  }
  .fc-state--error .fc-state__detail {
    font-size: var(--_fc-font-size-s);
    overflow-wrap: anywhere;
  }
  .fc-state__more {
    flex-basis: 100%;
    font-size: var(--_fc-font-size-s);
  }
  .fc-state__more summary {
    cursor: pointer;
    inline-size: fit-content;
  }
  .fc-state__full {
    max-block-size: 12rem;
    overflow: auto;
    margin-block-start: var(--_fc-space-s);
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  .fc-state--unsupported {
    border-inline-start: 4px solid var(--_fc-color-border);
  }
  .fc-state--loading {
    display: block;
  }
  .fc-skeleton {
    display: grid;
    gap: var(--_fc-space-s);
  }
  .fc-skeleton__bar {
    display: block;
    block-size: 0.875rem;
    border-radius: var(--_fc-radius-s);
    background: var(--_fc-color-skeleton);
    animation: fc-pulse var(--_fc-duration-slow) ease-in-out infinite alternate;
  }
  .fc-skeleton__bar:nth-child(3n + 2) {
    inline-size: 80%;
  }
  .fc-skeleton__bar:nth-child(3n) {
    inline-size: 60%;
  }
  @keyframes fc-pulse {
    to {
      opacity: 0.45;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .fc-skeleton__bar {
      animation: none;
    }
  }
`;
