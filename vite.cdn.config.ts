import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };
const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * The single-file CDN build, `dist/cdn/forecourt.js`: one minified ES module with every widget,
 * `<fc-data-provider>` and the data API, and every dependency (Lit, @lit/context, @lit/task,
 * luxon, idb, valibot, papaparse, fast-xml-parser) bundled once; nothing external.
 * Runs after the package build (`npm run build`), which empties `dist/`.
 */
export default defineConfig({
  define: { __FC_VERSION__: JSON.stringify(pkg.version), 'process.env.NODE_ENV': JSON.stringify('production') },
  publicDir: false,
  // createWorkerAdapter's worker is the one file beside it, `forecourt-worker.js`, found relative to forecourt.js.
  base: './',
  worker: { format: 'es', rollupOptions: { output: { entryFileNames: 'forecourt-worker.js' } } },
  build: {
    outDir: here('./dist/cdn'),
    emptyOutDir: true,
    target: 'es2022',
    minify: true,
    sourcemap: true,
    // One file by design (~800 kB min, ~260 kB gz); `npm run sizes` holds it to its baseline.
    chunkSizeWarningLimit: 1000,
    // Not lib mode: Vite leaves whitespace in lib-mode ES output; an app build with a JS entry is fully minified.
    modulePreload: false,
    rollupOptions: {
      input: here('./src/cdn.ts'),
      preserveEntrySignatures: 'exports-only',
      output: { format: 'es', entryFileNames: 'forecourt.js', codeSplitting: false },
    },
  },
});
