/** Where a host-given link may lead. */
export interface HrefPolicy {
  /** What a relative address is resolved against (the document's base URI). */
  base: string;
  /** The page's own origin (`location.origin`): an address there is always followed. */
  origin: string;
  /** Other origins the host allows, space-separated (`"https://crm.example.com https://other.example"`); entries that are not http(s) origins are ignored. */
  allow?: string;
}

/** Why a host-given link was not followed: not a web address (`javascript:`, `data:` ...), or on an origin not allowed. */
export type HrefRefusal = 'scheme' | 'origin';

/**
 * Checks a host-given link (e.g. `editor-href`): only http(s) URLs, absolute or relative to `base`, on the page's own
 * origin or one the host listed in `allow`. Never `javascript:`, `data:` ..., whatever the list says.
 * @param href The attribute's value.
 * @param policy The base, the page's origin and the host's allow-list.
 * @returns The absolute address to follow, or why it is refused.
 * @example
 * checkHref('/my-shop/sources', { base: 'https://shop.example/board', origin: 'https://shop.example' })
 * // { url: 'https://shop.example/my-shop/sources' }
 * checkHref('https://crm.example.com/sources', { base: 'https://shop.example/', origin: 'https://shop.example' })
 * // { refused: 'origin' } (allowed with allow: 'https://crm.example.com')
 */
export function checkHref(href: string, policy: HrefPolicy): { url: string } | { refused: HrefRefusal } {
  let url: URL;
  try {
    // The URL parser strips the tabs, newlines and control characters that hide a scheme.
    url = new URL(href, policy.base);
  } catch {
    return { refused: 'scheme' };
  }
  if (!href.trim() || (url.protocol !== 'http:' && url.protocol !== 'https:')) return { refused: 'scheme' };
  if (url.origin === policy.origin || allowedOrigins(policy.allow).has(url.origin)) return { url: url.href };
  return { refused: 'origin' };
}

/**
 * The address to open for a host-given link, or null when {@link checkHref} refuses it.
 * @example safeHref('/my-shop/sources', { base: 'https://shop.example/board', origin: 'https://shop.example' }) // "https://shop.example/my-shop/sources"
 */
export function safeHref(href: string, policy: HrefPolicy): string | null {
  const checked = checkHref(href, policy);
  return 'url' in checked ? checked.url : null;
}

/**
 * The http(s) origins of a space-separated list; anything else in it is dropped.
 * @example allowedOrigins('https://crm.example.com/x javascript:x') // Set {"https://crm.example.com"}
 */
export function allowedOrigins(list = ''): Set<string> {
  const origins = new Set<string>();
  for (const entry of list.split(/\s+/)) {
    if (!entry) continue;
    try {
      const url = new URL(entry);
      if (url.protocol === 'http:' || url.protocol === 'https:') origins.add(url.origin);
    } catch {
      // Not an absolute address: not an origin.
    }
  }
  return origins;
}

/** The last refused value each element warned about, so a refused link warns once, not on every render. */
const warned = new WeakMap<Element, string>();

/**
 * A widget's link attribute (e.g. `editor-href`) checked against the page's origin and the widget's allow-list: the
 * address to follow, or `''` when there is none or it is refused. A refused value is warned about once per element.
 * @param host The widget; its document gives the base URI and the origin.
 * @param attribute The attribute's name, for the warning.
 * @param href Its value.
 * @param allow The widget's allow-list attribute (`editor-origins`), space-separated origins.
 * @param allowAttribute That attribute's name, for the warning.
 */
export function hostHref(host: Element, attribute: string, href: string, allow: string, allowAttribute: string): string {
  if (!href) return '';
  const doc = host.ownerDocument;
  const checked = checkHref(href, { base: doc.baseURI, origin: doc.location?.origin ?? 'null', allow });
  if ('url' in checked) return checked.url;
  const key = `${href}\n${allow}`;
  if (warned.get(host) !== key) {
    console.warn(
      checked.refused === 'scheme'
        ? `<${host.localName}> ${attribute} is not an http(s) address; not followed.`
        : `<${host.localName}> ${attribute} leads to another origin; not followed. List the origin in ${allowAttribute} to allow it.`,
    );
    warned.set(host, key);
  }
  return '';
}
