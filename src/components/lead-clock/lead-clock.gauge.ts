/**
 * The clock's gauge: an SVG arc from no time used to the rule's limit, the grade bands along it
 * with a tick at each boundary, and the time used as a stroke along the arc. Only the fill moves
 * while the clock counts: its `stroke-dashoffset` attribute, written by the element at most once
 * a tick. Everything else is drawn once per render.
 */
import { html, nothing, svg } from 'lit';
import type { SVGTemplateResult, TemplateResult } from 'lit';
import { gradeBands } from '../../data/logic/leads.js';
import type { LeadGrade, OemRule } from '../../data/model.js';

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
 * @example gaugeBands(ruleForMake('Toyota')!).ticks.map((t) => t.minutes) // [0, 60, 180]
 */
export function gaugeBands(rule: Pick<OemRule, 'limitMinutes' | 'grades'>): { bands: Band[]; ticks: Tick[] } {
  const limit = rule.limitMinutes;
  const b = gradeBands(rule);
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
 * @param rule The rule: its limit and grade bands.
 * @param tickLabels Text of each tick's minutes (the large size shows them).
 * @param marks The state's glyph, and whether time went past the limit.
 * @param offset The fill's dash offset ({@link fillOffset}). A counting clock's element then
 *   writes the attribute itself, tick by tick.
 * @param stopAt Where the clock stopped, as a share of the limit, or null.
 */
export function gaugeSvg(
  rule: Pick<OemRule, 'limitMinutes' | 'grades'>,
  tickLabels: (minutes: number) => string,
  marks: GaugeMarks,
  offset: string,
  stopAt: number | null,
): TemplateResult {
  const { bands, ticks } = gaugeBands(rule);
  return html`<svg class="dial" part="dial" viewBox="0 0 160 108" aria-hidden="true" focusable="false">
    <path class="track" d=${TRACK}></path>
    ${bands.map((b) => svg`<path class="band band--${b.grade}" d=${arcPath(b.from, b.to, R - 9.5)}></path>`)}
    <path class="fill" d=${TRACK} pathLength="1000" stroke-dasharray="1000 1000" stroke-dashoffset=${offset}></path>
    ${ticks.map((t) => svg`<path class="tick" d=${radial(t.at, R - 12, R + 6)}></path>`)}
    ${ticks.map((t) => {
      const [x, y] = point(t.at, R + 14);
      return svg`<text class="tick-label" x=${x} y=${y + 3} text-anchor=${t.at < 0.4 ? 'end' : t.at > 0.6 ? 'start' : 'middle'}>${tickLabels(t.minutes)}</text>`;
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
