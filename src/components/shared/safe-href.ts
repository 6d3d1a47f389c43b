/**
 * The address to open for a host-given link (e.g. `editor-href`), or null when it is not a web address: only http(s)
 * URLs, absolute or relative to `base`, are followed (never `javascript:`, `data:` ...).
 * @param href The attribute's value.
 * @param base What a relative address is resolved against (the document's base URI).
 * @example safeHref('/my-shop/sources', 'https://shop.example/board') // "https://shop.example/my-shop/sources"
 */
export function safeHref(href: string, base: string): string | null {
  if (!href.trim()) return null;
  let url: URL;
  try {
    // The URL parser strips the tabs, newlines and control characters that hide a scheme.
    url = new URL(href, base);
  } catch {
    return null;
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
}
