/**
 * A widget's Chart.js chart, as a Lit controller: the table renders and paints first; then the
 * chart engine (one lazily loaded chunk for every widget, see `chart-engine.ts`) is fetched and
 * draws into the widget's `<canvas>`. Once the engine is in the page (an earlier chart loaded it),
 * a chart is made right after the render that shows its canvas and draws in the frame that paints
 * its table: there is nothing left to fetch behind the table. The chart is updated in place when the widget's figures change (a drill, a
 * new range), redrawn in the theme's colours when the theme, the colour scheme or forced colours
 * change, resized for print, and destroyed when the widget leaves the page.
 *
 * Colours come from the widget's `--_fc-*` tokens (and its own knobs, through
 * {@link ChartPalette.read}), read from computed style each time the theme changes. In forced-colors
 * mode they are system colours. Under `prefers-reduced-motion` nothing animates.
 *
 * The canvas is an image to assistive technology (`role="img"` and a label, set by the widget);
 * the table beside it carries the figures and is the keyboard path: {@link ChartController.highlight}
 * shows a point's tooltip when its row is focused. The legend is HTML ({@link ChartController.legend}):
 * toggle buttons with each series' name and line.
 */
import type { ReactiveController, ReactiveControllerHost, TemplateResult } from 'lit';
import { css, html, nothing, svg } from 'lit';
import type { Chart, ChartConfiguration, ChartType } from 'chart.js';
import { afterPaint } from '../after-paint.js';

type Engine = typeof import('./chart-engine.js');

/** The colours and type a chart is drawn with, read from the widget. */
export interface ChartPalette {
  text: string;
  muted: string;
  grid: string;
  surface: string;
  accent: string;
  good: string;
  warn: string;
  bad: string;
  font: { family: string; size: number };
  /** Forced-colors mode: every colour is a system colour, and the chart has no fills of its own. */
  forced: boolean;
  /** The user asked for reduced motion: nothing animates. */
  reducedMotion: boolean;
  /** Another custom property of the widget (a knob such as `--_bar`), or `fallback` when unset. */
  read(name: `--${string}`, fallback: string): string;
}

/** What a widget's configuration is built with. */
export interface ChartKit {
  palette: ChartPalette;
  /** A diagonal hatch over `colour`: the mark of a special bucket that does not rely on colour. */
  hatch(colour: string): CanvasPattern | string;
}

/** A point or bar of the chart: its dataset and its index in the labels. */
export interface ChartHit {
  datasetIndex: number;
  index: number;
}

export interface ChartControllerOptions {
  /** The canvas to draw in, when the widget shows one. */
  canvas: () => HTMLCanvasElement | null | undefined;
  /** What the chart shows: it is redrawn only when this changes (by identity), or the theme does. */
  key: () => unknown;
  /** The chart for the current figures, or null for none (the canvas stays empty). */
  config: (kit: ChartKit) => ChartConfiguration | null;
  /** A click on a bar or a point. */
  onSelect?: (hit: ChartHit) => void;
}

/** Points above which a data update is drawn at once, without animation (Chart.js's advice for large sets). */
const LARGE = 1000;

let engine: Promise<Engine> | undefined;
/** The engine once it has loaded: a chart made then need not wait for anything. */
let loadedEngine: Engine | undefined;

/** The chart engine, fetched once per page. */
export function loadChartEngine(): Promise<Engine> {
  engine ??= import('./chart-engine.js').then((loaded) => (loadedEngine = loaded));
  return engine;
}

const media = (query: string): MediaQueryList | null => (typeof matchMedia === 'function' ? matchMedia(query) : null);

/** The colours and type of `host`'s chart, from its computed style. */
function readPalette(host: Element): ChartPalette {
  const style = getComputedStyle(host);
  const read = (name: `--${string}`, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  const forced = !!media('(forced-colors: active)')?.matches;
  const token = (name: string, fallback: string, system: string) => (forced ? system : read(`--_fc-color-${name}`, fallback));
  return {
    text: token('text', '#1f2328', 'CanvasText'),
    muted: token('text-muted', '#59636e', 'CanvasText'),
    grid: token('border', '#d1d9e0', 'GrayText'),
    surface: token('surface', '#ffffff', 'Canvas'),
    accent: token('accent', '#0b5cad', 'Highlight'),
    good: token('good', '#1a7f37', 'CanvasText'),
    warn: token('warn', '#8a5d00', 'CanvasText'),
    bad: token('bad', '#c9252d', 'CanvasText'),
    // The small text size (0.8125rem) in pixels: a canvas takes no rem.
    font: { family: read('--_fc-font-family', style.fontFamily), size: (parseFloat(getComputedStyle(document.documentElement).fontSize) || 16) * 0.8125 },
    forced,
    reducedMotion: !!media('(prefers-reduced-motion: reduce)')?.matches,
    read: (name, fallback) => (forced ? fallback : read(name, fallback)),
  };
}

/**
 * A category's name as an axis label of a few lines of about `width` characters (Chart.js draws
 * an array as lines), so a narrow chart neither cuts a long name off nor gives the axis half its width.
 * @example wrapLabel('Filtered or blocked by carrier') // ['Filtered or', 'blocked by', 'carrier']
 */
export function wrapLabel(name: string, width = 16): string[] {
  const lines: string[] = [];
  for (const word of name.split(/\s+/).filter(Boolean)) {
    const last = lines.length - 1;
    if (last >= 0 && lines[last]!.length + 1 + word.length <= width) lines[last] += ` ${word}`;
    else lines.push(word);
  }
  return lines.length ? lines : [''];
}

/** Points in the chart's datasets: large charts are drawn without animation. */
const points = (config: ChartConfiguration) => config.data.datasets.reduce((sum, d) => sum + d.data.length, 0);

/** What a legend swatch reads of a dataset. */
interface Swatched {
  type?: string;
  borderColor?: unknown;
  backgroundColor?: unknown;
  borderDash?: unknown;
}

/** A series' mark in the legend: a line (solid or dashed) for a line, a block (hatched for a pattern) for bars. */
function swatch(dataset: Swatched, stripe: string): TemplateResult {
  const colour = (value: unknown) => (typeof value === 'string' ? value : Array.isArray(value) && typeof value[0] === 'string' ? value[0] : 'currentColor');
  const isLine = dataset.type === 'line' || (dataset.borderColor !== undefined && dataset.backgroundColor === undefined);
  const dashed = Array.isArray(dataset.borderDash) && dataset.borderDash.length > 0;
  const patterned = typeof CanvasPattern !== 'undefined' && (dataset.backgroundColor instanceof CanvasPattern || (Array.isArray(dataset.backgroundColor) && dataset.backgroundColor.some((c) => c instanceof CanvasPattern)));
  return html`<svg class="fc-chart-legend__swatch" viewBox="0 0 24 12" width="24" height="12" aria-hidden="true">
    ${isLine
      ? svg`<line x1="1" y1="6" x2="23" y2="6" stroke=${colour(dataset.borderColor)} stroke-width="2.5" stroke-dasharray=${dashed ? '5 3' : nothing}></line>`
      : svg`<rect x="1" y="1" width="22" height="10" rx="2" fill=${colour(dataset.backgroundColor)}></rect>
          ${patterned ? svg`<path d="M1 11 L11 1 M9 11 L19 1 M17 11 L23 5" stroke=${stripe} stroke-width="2" opacity="0.6"></path>` : nothing}`}
  </svg>`;
}

export class ChartController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #options: ChartControllerOptions;
  #chart: Chart | undefined;
  #key: unknown;
  #palette: ChartPalette | undefined;
  /** Bumped by each sync, so a sync that waited for the engine gives way to a later one. */
  #generation = 0;
  #drawn: Promise<Chart | undefined> = Promise.resolve(undefined);
  readonly #queries = ['(prefers-color-scheme: dark)', '(forced-colors: active)', '(prefers-reduced-motion: reduce)'].map(media);
  readonly #print = media('print');
  #themeObserver: MutationObserver | undefined;

  constructor(host: ReactiveControllerHost & HTMLElement, options: ChartControllerOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  /** The chart as drawn, or undefined before it is (or with nothing to draw). */
  get chart(): Chart | undefined {
    return this.#chart;
  }

  /** Resolves with the chart once the latest figures are drawn (undefined when none are). */
  get drawn(): Promise<Chart | undefined> {
    return this.#drawn;
  }

  hostConnected(): void {
    for (const query of this.#queries) query?.addEventListener('change', this.#onTheme);
    this.#print?.addEventListener('change', this.#onPrint);
    this.#themeObserver = new MutationObserver(this.#onTheme);
    this.#themeObserver.observe(this.#host, { attributes: true, attributeFilter: ['theme', 'class'] });
  }

  hostDisconnected(): void {
    for (const query of this.#queries) query?.removeEventListener('change', this.#onTheme);
    this.#print?.removeEventListener('change', this.#onPrint);
    this.#themeObserver?.disconnect();
    this.#destroy();
  }

  hostUpdated(): void {
    const canvas = this.#options.canvas() ?? undefined;
    const key = this.#options.key();
    if (this.#chart && this.#chart.canvas === canvas && key === this.#key && this.#palette) return;
    this.#key = key;
    this.#drawn = this.#sync(canvas, ++this.#generation);
  }

  /**
   * The chart's legend: one toggle button per named dataset (a dataset without a label has none),
   * with a swatch of its colour and line (dashed for a dashed line, hatched for a pattern), so no
   * series is told apart by colour alone. Empty until the chart is drawn. Render it next to the canvas.
   */
  legend(): TemplateResult | typeof nothing {
    const chart = this.#chart;
    if (!chart) return nothing;
    const entries = chart.data.datasets.flatMap((dataset, index) => (dataset.label ? [{ dataset, index }] : []));
    if (entries.length < 2) return nothing;
    return html`<ul class="fc-chart-legend">
      ${entries.map(({ dataset, index }) => {
        const shown = chart.isDatasetVisible(index);
        return html`<li>
          <button type="button" class="fc-chart-legend__item" aria-pressed=${shown ? 'true' : 'false'} @click=${() => this.#toggle(index)}>
            ${swatch(dataset as Swatched, this.#palette?.surface ?? '#fff')}<span>${dataset.label}</span>
          </button>
        </li>`;
      })}
    </ul>`;
  }

  #toggle(index: number): void {
    const chart = this.#chart;
    if (!chart) return;
    chart.setDatasetVisibility(index, !chart.isDatasetVisible(index));
    chart.update();
    this.#host.requestUpdate();
  }

  /**
   * Shows the tooltip of one bar or point (all datasets at `index` when `datasetIndex` is omitted),
   * as a hover would; `null` hides it. For a focused table row.
   */
  highlight(index: number | null, datasetIndex?: number): void {
    const chart = this.#chart;
    if (!chart) return;
    const active =
      index === null
        ? []
        : chart.data.datasets.flatMap((_, d) => (datasetIndex === undefined || d === datasetIndex) && chart.isDatasetVisible(d) && index < chart.getDatasetMeta(d).data.length ? [{ datasetIndex: d, index }] : []);
    chart.setActiveElements(active);
    chart.tooltip?.setActiveElements(active, { x: 0, y: 0 });
    chart.update('none');
  }

  async #sync(canvas: HTMLCanvasElement | undefined, generation: number): Promise<Chart | undefined> {
    if (!canvas) {
      this.#destroy();
      return undefined;
    }
    let loaded: Engine;
    if (loadedEngine) {
      // The engine is in the page already (another chart loaded it): nothing is fetched, so the
      // chart is made right after this update (a microtask: outside it, as a chart made later is,
      // so a widget's `config` sees the same language) and drawn in the frame that paints the
      // table, as plain Chart.js would be.
      await Promise.resolve();
      loaded = loadedEngine;
    } else if (this.#chart) loaded = await loadChartEngine();
    else {
      // The table first: the engine is fetched once the widget's figures are on screen.
      await afterPaint();
      loaded = await loadChartEngine();
    }
    if (generation !== this.#generation || !this.#host.isConnected) return this.#chart;
    const palette = (this.#palette ??= readPalette(this.#host));
    const config = this.#options.config({ palette, hatch: (colour) => loaded.hatch(colour, palette.surface) });
    if (!config) {
      this.#destroy();
      return undefined;
    }
    this.#dress(config, palette, loaded);
    const chart = this.#chart;
    if (chart && chart.canvas === canvas && (chart.config as { type?: ChartType }).type === config.type) {
      // A series the user hid in the legend stays hidden over new figures (matched by its name).
      const hidden = new Set(chart.data.datasets.flatMap((d, i) => (d.label && !chart.isDatasetVisible(i) ? [d.label] : [])));
      chart.data = config.data;
      chart.options = config.options ?? {};
      config.data.datasets.forEach((d, i) => {
        if (d.label) chart.setDatasetVisibility(i, !hidden.has(d.label));
      });
      chart.update(points(config) > LARGE || palette.reducedMotion ? 'none' : undefined);
    } else {
      this.#destroy();
      this.#chart = new loaded.Chart(canvas, config);
    }
    // The legend follows the datasets drawn.
    this.#host.requestUpdate();
    return this.#chart;
  }

  /** What every chart shares: sizing by its box, the theme's text and grid, clicks, no motion when asked. */
  #dress(config: ChartConfiguration, palette: ChartPalette, loaded: Engine): void {
    const { defaults } = loaded.Chart;
    defaults.font.family = palette.font.family;
    defaults.font.size = palette.font.size;
    const options = (config.options ??= {});
    options.responsive = true;
    options.maintainAspectRatio = false;
    options.color = palette.text;
    options.borderColor = palette.grid;
    if (palette.reducedMotion || points(config) > LARGE) options.animation = false;
    else options.animation ??= { duration: 300 };
    const onSelect = this.#options.onSelect;
    if (onSelect) {
      options.onClick = (_event, elements) => {
        const hit = elements[0];
        if (hit) onSelect({ datasetIndex: hit.datasetIndex, index: hit.index });
      };
      options.onHover = (event, elements) => {
        const target = event.native?.target;
        if (target instanceof HTMLCanvasElement) target.style.cursor = elements.length ? 'pointer' : '';
      };
    }
  }

  #destroy(): void {
    this.#chart?.destroy();
    this.#chart = undefined;
  }

  /** New colours: read again and redraw. */
  readonly #onTheme = (): void => {
    this.#palette = undefined;
    this.#host.requestUpdate();
  };

  /** Print and back: the chart takes its box's size on paper, then on screen again. */
  readonly #onPrint = (): void => {
    this.#chart?.resize();
  };
}

/**
 * The box a chart's canvas sits in: Chart.js sizes the canvas by it (`--_chart-height`, default
 * 16rem). On paper the canvas never runs past the page's width.
 */
export const chartStyles = css`
  .fc-chart {
    position: relative;
    inline-size: 100%;
    block-size: var(--_chart-height, 16rem);
    min-inline-size: 0;
  }
  .fc-chart canvas {
    display: block;
  }
  .fc-chart-legend {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_fc-space-xs) var(--_fc-space-s);
    margin: 0 0 var(--_fc-space-s);
    padding: 0;
    list-style: none;
    font-size: var(--_fc-font-size-s);
  }
  .fc-chart-legend__item {
    display: inline-flex;
    align-items: center;
    gap: var(--_fc-space-xs);
    padding: 2px var(--_fc-space-xs);
    border: var(--_fc-border-width) solid transparent;
    border-radius: var(--_fc-radius-s);
    background: none;
    color: inherit;
    font: inherit;
    cursor: pointer;
  }
  .fc-chart-legend__item:hover {
    border-color: var(--_fc-color-border);
  }
  .fc-chart-legend__item:focus-visible {
    outline: var(--_fc-focus-ring);
    outline-offset: var(--_fc-focus-ring-offset);
  }
  /* A hidden series: struck through, not only dimmed. */
  .fc-chart-legend__item[aria-pressed='false'] span {
    text-decoration: line-through;
    color: var(--_fc-color-text-muted);
  }
  .fc-chart-legend__item[aria-pressed='false'] svg {
    opacity: 0.35;
  }
  @media print {
    .fc-chart-legend__item[aria-pressed='false'] {
      display: none;
    }
    .fc-chart {
      break-inside: avoid;
    }
    .fc-chart canvas {
      max-inline-size: 100% !important;
      block-size: auto !important;
    }
  }
`;
