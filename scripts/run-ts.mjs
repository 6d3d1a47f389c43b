/**
 * Runs a TypeScript entry in Node: bundled with esbuild first (the TypeScript it imports compiled
 * in, `.sql` files as text, npm packages left as imports) into node_modules/.cache/forecourt-run/,
 * so the packages resolve from the project's node_modules. The arguments after the entry go to it.
 *
 * @example node scripts/run-ts.mjs server/main.ts
 * @example node scripts/run-ts.mjs src/conformance/cli.ts --base-url http://127.0.0.1:8787/api
 */
import { spawn } from 'node:child_process';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const [entry, ...args] = process.argv.slice(2);
if (!entry) throw new Error('usage: node scripts/run-ts.mjs <entry.ts> [arguments…]');
const outfile = `${root}node_modules/.cache/forecourt-run/${basename(entry).replace(/\.ts$/, '')}.mjs`;

await build({
  entryPoints: [entry],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: 'inline',
  loader: { '.sql': 'text' },
  tsconfig: `${root}tsconfig.json`,
  logLevel: 'warning',
});

const child = spawn(process.execPath, ['--enable-source-maps', outfile, ...args], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
