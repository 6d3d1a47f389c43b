import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { mswWorker } from './vite.config.js';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };
const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** The standalone demo as a static site (`npm run build:demo`, then `npx vite preview --config vite.demo.config.ts`). */
export default defineConfig({
  define: { __FC_VERSION__: JSON.stringify(pkg.version) },
  root: here('./demo'),
  plugins: [mswWorker({ emit: true })],
  build: { outDir: here('./dist-demo'), emptyOutDir: true, target: 'es2022' },
});
