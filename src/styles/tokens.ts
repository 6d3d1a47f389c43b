import { css } from 'lit';

/*
 * Every text colour here reaches WCAG AA (4.5:1) on both surfaces and on its own `-subtle`
 * background, in light and in dark; keep it so when changing a value (tests/components/tokens.test.ts).
 * src/styles/tokens.css holds the same names and values for pages; the test keeps the two equal.
 */

const light = css`
  --fc-color-surface: #ffffff;
  --fc-color-surface-raised: #f6f8fa;
  --fc-color-text: #1f2328;
  --fc-color-text-muted: #59636e;
  --fc-color-border: #d1d9e0;
  --fc-color-accent: #0b5cad;
  --fc-color-accent-text: #ffffff;
  --fc-color-accent-subtle: #eef4fb;
  --fc-color-good: #1a7f37;
  --fc-color-good-subtle: #dafbe1;
  --fc-color-warn: #8a5d00;
  --fc-color-warn-subtle: #fff8c5;
  --fc-color-bad: #c9252d;
  --fc-color-bad-subtle: #ffebe9;
  --fc-color-skeleton: #e6eaef;
  --fc-color-focus: #0969da;
  --fc-shadow: 0 1px 3px rgb(31 35 40 / 0.12);
`;

const dark = css`
  --fc-color-surface: #0d1117;
  --fc-color-surface-raised: #161b22;
  --fc-color-text: #e6edf3;
  --fc-color-text-muted: #9198a1;
  --fc-color-border: #3d444d;
  --fc-color-accent: #4493f8;
  --fc-color-accent-text: #0d1117;
  --fc-color-accent-subtle: #15233a;
  --fc-color-good: #3fb950;
  --fc-color-good-subtle: #12261e;
  --fc-color-warn: #d29922;
  --fc-color-warn-subtle: #272115;
  --fc-color-bad: #f85149;
  --fc-color-bad-subtle: #2d1214;
  --fc-color-skeleton: #262c36;
  --fc-color-focus: #58a6ff;
  --fc-shadow: 0 1px 3px rgb(1 4 9 / 0.6);
`;

/**
 * The `--fc-*` design tokens with their defaults, on `:host`, so a widget looks right with no page
 * CSS. Light by default; dark when the system prefers it, or always with `theme="dark"` or class
 * `fc-dark` on the element (`theme="light"` / `fc-light` pins light). A host overrides a token on
 * the elements themselves (e.g. `fc-source-report { --fc-color-accent: teal }`): a value set on an
 * ancestor does not reach past the element's own default.
 */
export const tokens = css`
  :host {
    color-scheme: light;
    ${light}
    --fc-font-family: system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif;
    --fc-font-family-mono: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace;
    --fc-font-size-s: 0.8125rem;
    --fc-font-size-m: 0.9375rem;
    --fc-font-size-l: 1.25rem;
    --fc-font-weight-strong: 600;
    --fc-line-height: 1.45;
    --fc-space-xs: 0.25rem;
    --fc-space-s: 0.5rem;
    --fc-space-m: 1rem;
    --fc-space-l: 1.5rem;
    --fc-space-xl: 2rem;
    --fc-radius-s: 4px;
    --fc-radius-m: 8px;
    --fc-radius-pill: 999px;
    --fc-border-width: 1px;
    --fc-focus-ring: 2px solid var(--fc-color-focus);
    --fc-focus-ring-offset: 2px;
    --fc-duration-fast: 120ms;
    --fc-duration-slow: 1200ms;
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
      --fc-duration-fast: 0s;
      --fc-duration-slow: 0s;
    }
  }
`;
