/**
 * The clock's gauge: an SVG arc from no time used to the rule's limit, the grade bands along it
 * with a tick at each boundary, and the time used as a stroke along the arc, inside a
 * `role="meter"`. Only the fill moves while the clock counts: its `stroke-dashoffset` attribute,
 * written by the element at most once a tick. Everything else is drawn once per render.

 */
import { html, nothing, svg } from 'lit';
import type { SVGTemplateResult, TemplateResult } from 'lit';
import type { GradeBands } from '../../data/logic/leads-rules.js';
import type { LeadClockState, LeadGrade, OemRule } from '../../data/model.js';
import type { Locale } from '../shared/messages.js';
import { gaugeMessages } from './lead-clock.gauge.messages.js';

/**
 * What the gauge takes from the clock: the rule's grade bands (`gradeBands`), the locale, and how
 * the clock writes durations and counts.
 */
export interface GaugeContext {
  bands: GradeBands;
  locale: Locale;
  duration: (minutes: number) => string;
  count: (value: number) => string;
}

export { gaugeStyles } from './lead-clock.gauge.styles.js';

/** The drawing's box is 0 0 160 108 (`viewBox` in {@link gaugeSvg}); the arc is centred on (CX, CY). */
const CX = 80;
const CY = 70;
const R = 48;
/** The arc starts at 150° (lower left) and turns 240° clockwise to 30° (lower right). */
const START_DEG = 150;
const SWEEP_DEG = 240;
/** The fill's path length (its `pathLength` and dash array in {@link gaugeSvg}): a dash offset is a share of it. */
export const FILL_LENGTH = 1000;

const round = (n: number) => Math.round(n * 100) / 100;

function point(fraction: number, radius: number): [number, number] {
  const a = ((START_DEG + SWEEP_DEG * fraction) * Math.PI) / 180;
  return [round(CX + radius * Math.cos(a)), round(CY + radius * Math.sin(a))];
}

/** The arc between two shares of the limit (0 to 1) at a radius, as a path. */
export function arcPath(from: number, to: number, radius = R): string {
  const [x0, y0] = point(from, radius);
  const [x1, y1] = point(to, radius);
  const large = SWEEP_DEG * (to - from) > 180 ? 1 : 0;
  return `M${x0} ${y0}A${radius} ${radius} 0 ${large} 1 ${x1} ${y1}`;
}

const TRACK = arcPath(0, 1);

/**
 * The fill's dash offset for a share of the limit used, in whole units of {@link FILL_LENGTH}: a
 * thousandth of the arc, a third of a pixel on the large gauge, so the fill moves every 3.6 s of
 * a one-hour limit and every 86 s of a 24-hour one, not on every tick.
 * @example fillOffset(0.25) // "750"
 */
export function fillOffset(used: number): string {
  const share = used > 1 ? 1 : used > 0 ? used : 0;
  return String(Math.round((1 - share) * FILL_LENGTH));
}

/** One grade band along the arc, as shares of the limit. */
export interface Band {
  grade: LeadGrade;
  from: number;
  to: number;
}

/** A boundary between bands (or an end of the arc): its share of the limit and its minutes. */
export interface Tick {
  at: number;
  minutes: number;
}

/**
 * The rule's grade bands on the arc from 0 to its limit, from `gradeBands` (the domain's own),
 * and a tick at 0, at each boundary inside the arc and at the limit.
 * @example gaugeBands(180, gradeBands(ruleForMake('Toyota')!)).ticks.map((t) => t.minutes) // [0, 60, 180]
 */
export function gaugeBands(limit: number, b: GradeBands): { bands: Band[]; ticks: Tick[] } {
  const share = (minutes: number) => (limit > 0 ? Math.min(1, Math.max(0, minutes / limit)) : 1);
  const green = share(b.greenUntil);
  const yellow = Math.max(green, share(b.yellowUntil));
  const bands: Band[] = [
    { grade: 'green' as const, from: 0, to: green },
    { grade: 'yellow' as const, from: green, to: yellow },
    { grade: 'red' as const, from: yellow, to: 1 },
  ].filter((band) => band.to > band.from);
  const ticks: Tick[] = [{ at: 0, minutes: 0 }];
  for (const [at, minutes] of [
    [green, b.greenUntil],
    [yellow, b.yellowUntil],
  ] as const) {
    if (at > 0 && at < 1 && !ticks.some((t) => t.at === at)) ticks.push({ at, minutes });
  }
  ticks.push({ at: 1, minutes: limit });
  return { bands, ticks };
}

/** A radial stroke across the arc at a share of the limit. */
function radial(at: number, inner: number, outer: number): string {
  const [x0, y0] = point(at, inner);
  const [x1, y1] = point(at, outer);
  return `M${x0} ${y0}L${x1} ${y1}`;
}

/** The mark past the arc's end: an arrowhead pointing on along the arc (time beyond the limit). */
const OVERFLOW = (() => {
  const tip = point(1.085, R);
  const back1 = point(1.02, R - 7);
  const back2 = point(1.02, R + 7);
  return `M${back1[0]} ${back1[1]}L${tip[0]} ${tip[1]}L${back2[0]} ${back2[1]}Z`;
})();

/** The state's glyph under the readout. */
export type GaugeGlyph = 'none' | 'paused' | 'met' | 'missed' | 'overdue';

/** What the gauge marks besides the time used. */
export interface GaugeMarks {
  glyph: GaugeGlyph;
  /** Time went past the limit: a chevron past the arc's end. */
  overflow: boolean;
}

/** The state's glyph under the readout: a pause mark, a check, a cross, or an exclamation mark. */
function glyph(mark: GaugeGlyph): SVGTemplateResult | typeof nothing {
  switch (mark) {
    case 'paused':
      return svg`<g class="glyph glyph--paused"><rect x="73" y="90" width="5" height="14" rx="1"></rect><rect x="82" y="90" width="5" height="14" rx="1"></rect></g>`;
    case 'met':
      return svg`<path class="glyph glyph--met" d="M72 97L78 103L89 90"></path>`;
    case 'missed':
      return svg`<path class="glyph glyph--missed" d="M73 90L87 104M87 90L73 104"></path>`;
    case 'overdue':
      return svg`<g class="glyph glyph--overdue"><path d="M80 89L80 98"></path><circle cx="80" cy="103" r="1.6"></circle></g>`;
    default:
      return nothing;
  }
}

/**
 * The gauge's drawing (hidden from assistive technology: the meter around it carries the values).
 * @param limit The rule's limit in minutes.
 * @param c The grade bands, and how durations are written (the tick labels).
 * @param marks The state's glyph, and whether time went past the limit.
 * @param offset The fill's dash offset ({@link fillOffset}). A counting clock's element then
 *   writes the attribute itself, tick by tick.
 * @param stopAt Where the clock stopped, as a share of the limit, or null.
 */
function gaugeSvg(limit: number, c: GaugeContext, marks: GaugeMarks, offset: string, stopAt: number | null): TemplateResult {
  const { bands, ticks } = gaugeBands(limit, c.bands);
  return html`<svg class="dial" part="dial" viewBox="0 0 160 108" aria-hidden="true" focusable="false">
    <path class="track" d=${TRACK}></path>
    ${bands.map((b) => svg`<path class="band band--${b.grade}" d=${arcPath(b.from, b.to, R - 9.5)}></path>`)}
    <path class="fill" d=${TRACK} pathLength="1000" stroke-dasharray="1000 1000" stroke-dashoffset=${offset}></path>
    ${ticks.map((k) => svg`<path class="tick" d=${radial(k.at, R - 12, R + 6)}></path>`)}
    ${ticks.map((k) => {
      const [x, y] = point(k.at, R + 14);
      return svg`<text class="tick-label" x=${x} y=${y + 3} text-anchor=${k.at < 0.4 ? 'end' : k.at > 0.6 ? 'start' : 'middle'}>${c.duration(k.minutes)}</text>`;
    })}
    ${stopAt === null ? nothing : svg`<path class="stop-mark" d=${radial(Math.min(1, stopAt), R - 12, R + 8)}></path>`}
    ${marks.overflow ? svg`<path class="overflow" d=${OVERFLOW}></path>` : nothing}
    ${glyph(marks.glyph)}
  </svg>`;
}

/** A small icon before a state's words (pause, check, cross, exclamation mark), hidden from assistive technology. */
export function stateIcon(mark: 'paused' | 'met' | 'missed' | 'overdue'): TemplateResult {
  const body =
    mark === 'paused'
      ? svg`<rect x="3" y="2" width="3.5" height="12" rx="0.8"></rect><rect x="9.5" y="2" width="3.5" height="12" rx="0.8"></rect>`
      : mark === 'met'
        ? svg`<path d="M2.5 8.5L6.5 12.5L13.5 4"></path>`
        : mark === 'missed'
          ? svg`<path d="M3.5 3.5L12.5 12.5M12.5 3.5L3.5 12.5"></path>`
          : svg`<path d="M8 2.5L8 10"></path><circle cx="8" cy="13.5" r="1.2"></circle>`;
  return html`<svg class="state-icon state-icon--${mark}" viewBox="0 0 16 16" aria-hidden="true" focusable="false">${body}</svg>`;
}

/** What the gauge's meter reads out, in whole minutes. */
export interface MeterReading {
  /** Minutes used (counted time so far, or up to the stop). */
  used: number;
  /** The rule's limit in minutes. */
  limit: number;
  /** Real time rather than business time. */
  real: boolean;
  grade: LeadGrade;
  /** Still counting: minutes left (negative when over the limit). Absent once stopped. */
  left?: number;
  /** What stopped the clock, in words. */
  stoppedBy?: string;
  /** Not counting now: paused (outside open hours, a skipped holiday) or not started yet. */
  waiting?: 'paused' | 'not-started';
}

/**
 * The meter's `aria-valuetext`.
 * @example meterText({ used: 42, limit: 60, real: false, grade: 'yellow', left: 18 }, { locale: 'en', count: String }) // "42 of 60 business minutes used, 18 left, yellow so far"
 */
export function meterText(r: MeterReading, c: Pick<GaugeContext, 'locale' | 'count'>): string {
  const m = gaugeMessages[c.locale];
  const parts = [m.meterUsed(c.count(r.used), c.count(r.limit), r.real)];
  if (r.left !== undefined) parts.push(r.left >= 0 ? m.meterLeft(c.count(r.left)) : m.meterOver(c.count(-r.left)));
  if (r.stoppedBy !== undefined) parts.push(m.meterStopped(r.stoppedBy));
  const band = m[`band-${r.grade}`];
  parts.push(r.stoppedBy !== undefined ? band : m.meterSoFar(band));
  if (r.waiting) parts.push(r.waiting === 'paused' ? m.meterPaused : m.meterNotStarted);
  return parts.join(', ');
}

/** The meter's values as of a reading (the value held within 0 to the limit). */
export function writeMeter(meter: Element, reading: MeterReading, c: GaugeContext): void {
  meter.setAttribute('aria-valuenow', String(Math.min(reading.limit, Math.max(0, reading.used))));
  meter.setAttribute('aria-valuetext', meterText(reading, c));
}

type Rule = Pick<OemRule, 'limitMinutes' | 'clock'>;

/**
 * A live clock's gauge: the meter without values (the element writes them, once a minute, with
 * {@link writeMeter}) around the drawing with an empty fill (written tick by tick).
 */
export function liveDial(rule: Rule, marks: GaugeMarks, c: GaugeContext): TemplateResult {
  return html`<div class="meter" role="meter" aria-label=${gaugeMessages[c.locale].gauge} aria-valuemin="0" aria-valuemax=${Math.round(rule.limitMinutes)}>
    ${gaugeSvg(rule.limitMinutes, c, marks, String(FILL_LENGTH), null)}
  </div>`;
}

/** A stopped clock's gauge: filled up to the stop, a mark there, a check or a cross, and the meter's values. */
export function stoppedDial(rule: Rule, state: LeadClockState, stoppedBy: string, c: GaugeContext): TemplateResult {
  const limit = Math.round(rule.limitMinutes);
  const used = Math.round(state.elapsedMinutes);
  const share = rule.limitMinutes > 0 ? state.elapsedMinutes / rule.limitMinutes : 1;
  const met = state.status === 'met';
  const reading = { used, limit, real: rule.clock === 'real', grade: state.grade, stoppedBy };
  return html`<div
    class="meter"
    role="meter"
    aria-label=${gaugeMessages[c.locale].gauge}
    aria-valuemin="0"
    aria-valuemax=${limit}
    aria-valuenow=${Math.min(limit, used)}
    aria-valuetext=${meterText(reading, c)}
  >
    ${gaugeSvg(rule.limitMinutes, c, { glyph: met ? 'met' : 'missed', overflow: !met }, fillOffset(share), share)}
  </div>`;
}
