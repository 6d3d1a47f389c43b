/**
 * The XSS corpus and its checks. Every payload is a well-known attack string that calls the
 * tripwire `window.__xss(n)` if it ever runs, with `n` naming the payload instance (so a hit says
 * which field of which record carried it); every element a payload would create carries the
 * `x-xss` attribute, so an element that came from data is told apart from one a widget renders.
 */

/** One payload, made for instance `n`. */
export type Payload = (n: number) => string;

const call = (n: number) => `window.__xss(${n})`;

/** Well-known payloads: markup, event handlers, script URLs, SVG, template injection, mXSS. */
export const CORPUS: readonly Payload[] = [
  (n) => `<script x-xss>${call(n)}</script>`,
  (n) => `<img x-xss src=x onerror="${call(n)}">`,
  (n) => `"><svg x-xss/onload=${call(n)}>`,
  (n) => `javascript:${call(n)}`,
  (n) => `data:text/html,<script x-xss>${call(n)}</script>`,
  (n) => `\${${call(n)}}`,
  (n) => `{{constructor.constructor('${call(n)}')()}}`,
  (n) => `</style><script x-xss>${call(n)}</script>`,
  (n) => `<iframe x-xss src="javascript:${call(n)}"></iframe>`,
  (n) => `<a x-xss href="javascript:${call(n)}">click</a>`,
  (n) => `<svg x-xss><a x-xss xlink:href="javascript:${call(n)}"><text x-xss x="0" y="15">tap</text></a></svg>`,
  (n) => `<form x-xss action="javascript:${call(n)}"><button x-xss formaction="javascript:${call(n)}">go</button></form>`,
  (n) => `<details x-xss open ontoggle=${call(n)}>`,
  (n) => `<math x-xss><mtext x-xss><table x-xss><mglyph x-xss><style x-xss><img x-xss src=x onerror=${call(n)}>`,
  (n) => `' onmouseover='${call(n)}' x='`,
  (n) => `" autofocus onfocus="${call(n)}" x="`,
  (n) => `<input x-xss autofocus onfocus=${call(n)}>`,
  (n) => `<object x-xss data="data:text/html,<script>${call(n)}</script>"></object>`,
  (n) => `#{${call(n)}}<%= ${call(n)} %>`,
  (n) => `<video x-xss><source x-xss onerror="${call(n)}"></video>`,
  (n) => `<base x-xss href="javascript:${call(n)}//">`,
  (n) => `<meta x-xss http-equiv="refresh" content="0;url=javascript:${call(n)}">`,
  (n) => `<noscript x-xss><p x-xss title="</noscript><img x-xss src=x onerror=${call(n)}>">`,
  (n) => `<a x-xss href="&#106;avascript:${call(n)}">x</a>`,
  (n) => ` JaVaScRiPt:${call(n)}`,
  (n) => `data:image/svg+xml,<svg x-xss onload=${call(n)}>`,
  (n) => `<body x-xss onload=${call(n)}>`,
  (n) => `<marquee x-xss onstart=${call(n)}>`,
  (n) => `<style x-xss>@import 'javascript:${call(n)}';</style>`,
  (n) => `<img x-xss src="x" onerror="${call(n)}"//`,
];

// ───────────────────────────── the tripwire ─────────────────────────────

declare global {
  interface Window {
    /** Called by every payload that runs. */
    __xss?: (n: number) => void;
  }
}

/** Payload instances that ran, in order. */
export const tripped: number[] = [];

/** Installs `window.__xss`; calls are kept in {@link tripped}. */
export function armTripwire(): void {
  window.__xss = (n: number) => void tripped.push(n);
}

// ───────────────────────────── the DOM walk ─────────────────────────────

/** Tags no widget renders, so their presence can only come from data. */
const FOREIGN_TAGS = new Set(['script', 'iframe', 'object', 'embed', 'base', 'meta', 'marquee', 'math', 'mglyph', 'mtext', 'noscript', 'body', 'frame', 'frameset', 'applet', 'link', 'video', 'audio', 'source']);

/** Attributes that take a URL. */
const URL_ATTRIBUTES = ['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'poster', 'background', 'srcdoc', 'ping', 'cite', 'lowsrc'];

/** `javascript:`, `vbscript:` or `data:` after the leniencies of URL parsing (case, whitespace, control characters). */
function isScriptUrl(value: string): boolean {
  // eslint-disable-next-line no-control-regex
  const squeezed = value.replace(/[\u0000-\u0020\u007F-\u009F]/g, '').toLowerCase();
  return /^(javascript|vbscript|data):/.test(squeezed);
}

/** One thing in the DOM that should not be there. */
export interface Violation {
  /** Where: the element's position through shadow roots, e.g. `fc-source-report > table > tr > td`. */
  where: string;
  what: string;
}

/** Every element inside `root`, through open shadow roots, with its path for a report. */
export function* elementsIn(root: Node, path = ''): Generator<[Element, string]> {
  const children = root instanceof Element && root.shadowRoot ? [...root.shadowRoot.childNodes, ...root.childNodes] : [...root.childNodes];
  for (const child of children) {
    if (!(child instanceof Element)) continue;
    const here = path ? `${path} > ${child.localName}` : child.localName;
    yield [child, here];
    yield* elementsIn(child, here);
  }
}

/**
 * What the corpus managed to put into the DOM under `root`: an element from a payload (by its
 * marker or a tag no widget renders), any `on*` attribute, a script or data URL in a URL attribute.
 */
export function violationsIn(root: Element): Violation[] {
  const found: Violation[] = [];
  const all: [Element, string][] = [[root, root.localName], ...elementsIn(root, root.localName)];
  for (const [el, where] of all) {
    if (el.hasAttribute('x-xss')) found.push({ where, what: `<${el.localName}> from a payload` });
    else if (FOREIGN_TAGS.has(el.localName)) found.push({ where, what: `<${el.localName}>, which no widget renders` });
    for (const attr of el.attributes) {
      if (attr.name.startsWith('on')) found.push({ where, what: `${attr.name}="${attr.value.slice(0, 80)}"` });
      if (URL_ATTRIBUTES.includes(attr.name) && isScriptUrl(attr.value)) found.push({ where, what: `${attr.name}="${attr.value.slice(0, 80)}"` });
    }
    // A property set on the element (not reflected) can still navigate: check the live URLs too.
    for (const prop of ['href', 'src', 'action', 'formAction'] as const) {
      const value = (el as unknown as Record<string, unknown>)[prop];
      if (typeof value === 'string' && isScriptUrl(value)) found.push({ where, what: `.${prop} = ${value.slice(0, 80)}` });
    }
  }
  return found;
}

/** The text a user reads under `root` (through shadow roots, without styles). */
export function visibleText(root: Node): string {
  let out = '';
  const walk = (n: Node): void => {
    if (n.nodeType === Node.TEXT_NODE) out += n.textContent;
    if (n instanceof HTMLStyleElement || n instanceof HTMLScriptElement || n instanceof HTMLTemplateElement) return;
    if (n instanceof Element && n.shadowRoot) walk(n.shadowRoot);
    for (const child of n.childNodes) walk(child);
  };
  walk(root);
  return out;
}
