import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type HtmlTagDescriptor, type Plugin } from 'vite';
import { mswWorker } from './vite.config.js';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };
const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * Every chunk of the page's module graph preloaded from the page itself: the widgets import parts of
 * themselves on first render (charts, editors, message tables), and a chunk fetched once the demo
 * server's service worker controls the page waits for the page's main thread to let it pass. Fetched
 * with the entry instead, each `import()` finds its module ready. Workers are not in the graph.
 */
function preloadChunks(): Plugin {
  let base = '/';
  return {
    name: 'forecourt-demo-preload-chunks',
    apply: 'build',
    configResolved(config) {
      base = config.base;
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, { bundle }) {
        if (!bundle) return;
        const tags: HtmlTagDescriptor[] = [];
        for (const file of Object.values(bundle)) {
          if (file.type !== 'chunk' || file.isEntry || html.includes(`/${file.fileName}"`)) continue;
          // The page's own code first; the widgets' parts low, so the data worker's script, asked for
          // by the entry once it runs, passes them on the server's few connections.
          const priority = file.name === 'app' ? 'high' : 'low';
          tags.push({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, fetchpriority: priority, href: `${base}${file.fileName}` }, injectTo: 'head' });
        }
        return tags;
      },
    },
  };
}

/**
 * The standalone demo as a static site in `dist-demo/`: `npm start` builds it and serves it with Vite's
 * preview server (`scripts/start.mjs`); `npm run build:demo` only builds it.
 */
export default defineConfig({
  define: { __FC_VERSION__: JSON.stringify(pkg.version) },
  root: here('./demo'),
  plugins: [mswWorker({ emit: true }), preloadChunks()],
  // The entry holds the demo server (MSW, the data generator, the memory adapter) and every widget: ~1 MB min.
  build: { outDir: here('./dist-demo'), emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 1500 },
});
