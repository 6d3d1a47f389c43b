import { css, unsafeCSS } from 'lit';

/** One design token's defaults. */
export interface TokenDefault {
  /** The value in light (and in dark, when `dark` is absent). It may use other tokens, as `var(--fc-…)`. */
  light: string;
  /** The value in dark, when it differs. */
  dark?: string;
  /** The value under `prefers-reduced-motion: reduce`, when it differs. */
  reducedMotion?: string;
}

/**
 * Every `--fc-*` design token with its defaults, in documentation order: the one source of the
 * values. The widgets' styles (`tokens` below), the page stylesheet `src/styles/tokens.css`
 * (written by `node scripts/tokens-css.mjs`, checked by `npm run check:package`) and
 * `docs/theming.md` all come from this map.
 *
 * Every text colour here reaches WCAG AA (4.5:1) on both surfaces and on its own `-subtle`
 * background, in light and in dark; keep it so when changing a value (tests/components/tokens.test.ts).
 */
export const TOKENS = {
  '--fc-color-surface': { light: '#ffffff', dark: '#0d1117' },
  '--fc-color-surface-raised': { light: '#f6f8fa', dark: '#161b22' },
  '--fc-color-text': { light: '#1f2328', dark: '#e6edf3' },
  '--fc-color-text-muted': { light: '#59636e', dark: '#9198a1' },
  '--fc-color-border': { light: '#d1d9e0', dark: '#3d444d' },
  '--fc-color-border-control': { light: '#818b98', dark: '#656c76' },
  '--fc-color-accent': { light: '#0b5cad', dark: '#4493f8' },
  '--fc-color-accent-text': { light: '#ffffff', dark: '#0d1117' },
  '--fc-color-accent-subtle': { light: '#eef4fb', dark: '#15233a' },
  '--fc-color-good': { light: '#1a7f37', dark: '#3fb950' },
  '--fc-color-good-subtle': { light: '#dafbe1', dark: '#12261e' },
  '--fc-color-warn': { light: '#8a5d00', dark: '#d29922' },
  '--fc-color-warn-subtle': { light: '#fff8c5', dark: '#272115' },
  '--fc-color-bad': { light: '#c9252d', dark: '#f85149' },
  '--fc-color-bad-subtle': { light: '#ffebe9', dark: '#2d1214' },
  '--fc-color-skeleton': { light: '#e6eaef', dark: '#262c36' },
  '--fc-color-focus': { light: '#0969da', dark: '#58a6ff' },
  '--fc-shadow': { light: '0 1px 3px rgb(31 35 40 / 0.12)', dark: '0 1px 3px rgb(1 4 9 / 0.6)' },
  '--fc-font-family': { light: "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif" },
  '--fc-font-family-mono': { light: "ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace" },
  '--fc-font-size-s': { light: '0.8125rem' },
  '--fc-font-size-m': { light: '0.9375rem' },
  '--fc-font-size-l': { light: '1.25rem' },
  '--fc-font-weight-strong': { light: '600' },
  '--fc-line-height': { light: '1.45' },
  '--fc-space-xs': { light: '0.25rem' },
  '--fc-space-s': { light: '0.5rem' },
  '--fc-space-m': { light: '1rem' },
  '--fc-space-l': { light: '1.5rem' },
  '--fc-space-xl': { light: '2rem' },
  '--fc-radius-s': { light: '4px' },
  '--fc-radius-m': { light: '8px' },
  '--fc-radius-pill': { light: '999px' },
  '--fc-border-width': { light: '1px' },
  '--fc-focus-ring': { light: '2px solid var(--fc-color-focus)' },
  '--fc-focus-ring-offset': { light: '2px' },
  '--fc-duration-fast': { light: '120ms', reducedMotion: '0s' },
  '--fc-duration-slow': { light: '1200ms', reducedMotion: '0s' },
} as const satisfies Record<`--fc-${string}`, TokenDefault>;

export type TokenName = keyof typeof TOKENS;

/** The private name a widget reads a token by: `--fc-color-accent` → `--_fc-color-accent`. */
export const resolvedName = (token: string): string => `--_${token.slice(2)}`;

/** A default as a widget's fallback: the tokens it uses are read through their resolved names too. */
const widgetValue = (value: string) => value.replace(/var\(--fc-/g, 'var(--_fc-');

const entries = Object.entries(TOKENS) as [TokenName, TokenDefault][];
const resolve = (pick: (d: TokenDefault) => string | undefined) =>
  entries
    .flatMap(([name, d]) => {
      const value = pick(d);
      return value === undefined ? [] : [`${resolvedName(name)}: var(${name}, ${widgetValue(value)});`];
    })
    .join('\n');

const light = unsafeCSS(resolve((d) => d.light));
const dark = unsafeCSS(resolve((d) => d.dark));
const reducedMotion = unsafeCSS(
  entries
    .filter(([, d]) => d.reducedMotion !== undefined)
    .map(([name, d]) => `${resolvedName(name)}: ${d.reducedMotion};`)
    .join('\n'),
);

/**
 * The design tokens as every widget reads them. A `--fc-*` token set on the page (`:root`), on any
 * ancestor or on the element itself reaches the widget; where none is set, the default of
 * {@link TOKENS} applies. The widget never declares a `--fc-*` token (that would hide the page's):
 * it resolves each once on `:host` into a private `--_fc-*` value, e.g.
 * `--_fc-color-accent: var(--fc-color-accent, #0b5cad)`, and its styles read only those.
 *
 * Light by default; dark defaults when the system prefers it, or always with `theme="dark"` or class
 * `fc-dark` on the element (`theme="light"` / `fc-light` pins light). A token the page sets wins in
 * both. Under `prefers-reduced-motion: reduce` the durations are 0s whatever is set.
 */
export const tokens = css`
  :host {
    color-scheme: light;
    ${light}
  }
  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light']):not(.fc-light)) {
      color-scheme: dark;
      ${dark}
    }
  }
  :host([theme='dark']),
  :host(.fc-dark) {
    color-scheme: dark;
    ${dark}
  }
  @media (prefers-reduced-motion: reduce) {
    :host {
      ${reducedMotion}
    }
  }
`;
