import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
  version: string;
  dependencies: Record<string, string>;
};
const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** Serves MSW's service worker at the root, as the test runner does, so the demo needs no copied file. */
export function mswWorker({ emit = false } = {}): Plugin {
  const script = readFileSync(here('./node_modules/msw/lib/mockServiceWorker.js'), 'utf8');
  return {
    name: 'forecourt-msw-worker',
    configureServer(server) {
      server.middlewares.use('/mockServiceWorker.js', (_req, res) => {
        res.setHeader('Content-Type', 'application/javascript');
        res.end(script);
      });
    },
    generateBundle() {
      if (emit) this.emitFile({ type: 'asset', fileName: 'mockServiceWorker.js', source: script });
    },
    configurePreviewServer(server) {
      server.middlewares.use('/mockServiceWorker.js', (_req, res) => {
        res.setHeader('Content-Type', 'application/javascript');
        res.end(script);
      });
    },
  };
}

/** One entry per widget: the side-effect `fc-*.ts` module and its define-free `*.element.ts`. */
function widgetEntries(): Record<string, string> {
  const entries: Record<string, string> = { 'data/index': here('./src/data/index.ts') };
  for (const dir of readdirSync(here('./src/components'), { withFileTypes: true })) {
    if (!dir.isDirectory() || dir.name === 'shared') continue;
    for (const file of readdirSync(here(`./src/components/${dir.name}`))) {
      if (/^fc-.*\.ts$/.test(file) || /\.element\.ts$/.test(file)) {
        entries[`components/${dir.name}/${file.replace(/\.ts$/, '')}`] = here(`./src/components/${dir.name}/${file}`);
      }
    }
  }
  return entries;
}

const external = Object.keys(pkg.dependencies);

export default defineConfig(({ command }) => ({
  define: { __FC_VERSION__: JSON.stringify(pkg.version) },
  // `npm run dev`: the standalone demo over MSW on the dev server (`npm start` serves its production build).
  root: command === 'serve' ? here('./demo') : undefined,
  server: { fs: { allow: [here('.')] } },
  plugins: [mswWorker()],
  // Each worker is a file of its own, found relative to the module that starts it: the memory worker
  // (createWorkerAdapter) at data/memory-worker.js, the others (the SMS import's parser) in workers/.
  base: command === 'serve' ? '/' : './',
  worker: {
    format: 'es',
    rollupOptions: { output: { entryFileNames: (chunk) => (chunk.name === 'memory-worker' ? 'data/memory-worker.js' : 'workers/[name].js') } },
  },
  build: {
    outDir: here('./dist'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    lib: { entry: widgetEntries(), formats: ['es'] },
    rollupOptions: {
      external: (id: string) => external.some((dep) => id === dep || id.startsWith(`${dep}/`)),
      output: { entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
    },
  },
}));
