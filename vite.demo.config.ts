import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { mswWorker } from './vite.config.js';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };
const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * The standalone demo as a static site in `dist-demo/`: `npm start` builds it and serves it with Vite's
 * preview server (`scripts/start.mjs`); `npm run build:demo` only builds it.
 */
export default defineConfig({
  define: { __FC_VERSION__: JSON.stringify(pkg.version) },
  root: here('./demo'),
  plugins: [mswWorker({ emit: true })],
  // The entry holds the demo server (MSW, the data generator, the memory adapter) and every widget: ~1 MB min.
  build: { outDir: here('./dist-demo'), emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 1500 },
});
