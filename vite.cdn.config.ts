import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };
const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * The CDN build, `dist/cdn/forecourt.js`: a minified ES module that defines `<fc-data-provider>` and
 * re-exports the data API, with every dependency (Lit, @lit/context, @lit/task, luxon, idb, valibot,
 * papaparse, fast-xml-parser, Chart.js) bundled once; nothing external. Every other widget is a lazy
 * chunk in `dist/cdn/chunks/`, imported by the entry's autoloader (`src/cdn-loader.ts`) the first
 * time its tag is in the document, as is what the widgets load on demand (the Chart.js engine,
 * dialogs, CSV writers, parsers). Chunks are fetched by `import()` relative to the entry's own URL
 * (`import.meta.url`), so a page needs the one `<script type="module" src=".../forecourt.js">` and
 * the folder beside it. Runs after the package build (`npm run build`), which empties `dist/`.
 */
export default defineConfig({
  define: { __FC_VERSION__: JSON.stringify(pkg.version), 'process.env.NODE_ENV': JSON.stringify('production') },
  publicDir: false,
  // Relative: the chunks (in chunks/) and the workers are found beside the entry wherever it is served from:
  // createWorkerAdapter's as forecourt-worker.js, the others as forecourt-<name>-worker.js (the SMS import's parser:
  // forecourt-sms-import-worker.js).
  base: './',
  worker: {
    format: 'es',
    rollupOptions: {
      output: { entryFileNames: (chunk) => (chunk.name === 'memory-worker' ? 'forecourt-worker.js' : `forecourt-${chunk.name.replace(/\.worker$/, '')}-worker.js`) },
    },
  },
  build: {
    outDir: here('./dist/cdn'),
    emptyOutDir: true,
    target: 'es2022',
    minify: true,
    sourcemap: true,
    // `npm run sizes` holds the first load (the entry and its static imports) to its budget and baseline, the lazy chunks to theirs.
    chunkSizeWarningLimit: 1000,
    // Not lib mode: Vite leaves whitespace in lib-mode ES output; an app build with a JS entry is fully minified.
    // No preload helper either: a lazy chunk is a plain `import()` of its relative path.
    modulePreload: false,
    rollupOptions: {
      input: here('./src/cdn.ts'),
      preserveEntrySignatures: 'exports-only',
      output: { format: 'es', entryFileNames: 'forecourt.js', chunkFileNames: 'chunks/[name]-[hash].js' },
    },
  },
});
