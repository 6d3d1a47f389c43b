/**
 * The font the chart and gauge screenshots are drawn in: Roboto from the Fontsource dev
 * dependency, never the host's fonts, set as the widgets' font tokens on every element of the page.
 */

/**
 * Links Roboto's stylesheets for `weights`, sets the font tokens, and loads each face for the
 * characters a canvas draws (a canvas draws only in a face already loaded; it does not redraw
 * when one arrives later).
 * @param weights The weights the screenshots use.
 */
export async function useShippedFonts(weights: readonly string[] = ['400', '600', '700']): Promise<void> {
  const links = weights.map((weight) => {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = `/node_modules/@fontsource/roboto/${weight}.css`;
    return link;
  });
  const loaded = links.map((link) => new Promise((resolve, reject) => ((link.onload = resolve), (link.onerror = () => reject(new Error(`${link.href} did not load`))))));
  const tokens = document.createElement('style');
  tokens.textContent = ':root, :root * { --fc-font-family: "Roboto"; --fc-font-family-mono: "Roboto"; }';
  document.head.append(...links, tokens);
  await Promise.all(loaded);
  for (const weight of weights) await document.fonts.load(`${weight} 16px "Roboto"`, 'Aa0$:,✕–');
}
