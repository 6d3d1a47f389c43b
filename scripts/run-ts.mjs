/**
 * Runs a TypeScript entry in Node: bundled with esbuild first (scripts/node-bundle.mjs) into
 * node_modules/.cache/forecourt-run/. The arguments after the entry go to it.
 *
 * @example node scripts/run-ts.mjs server/main.ts
 * @example node scripts/run-ts.mjs src/conformance/cli.ts --base-url http://127.0.0.1:8787/api
 */
import { spawn } from 'node:child_process';
import { basename } from 'node:path';
import { build } from 'esbuild';
import { NODE_BUNDLE, ROOT as root } from './node-bundle.mjs';

const [entry, ...args] = process.argv.slice(2);
if (!entry) throw new Error('usage: node scripts/run-ts.mjs <entry.ts> [arguments…]');
const outfile = `${root}node_modules/.cache/forecourt-run/${basename(entry).replace(/\.ts$/, '')}.mjs`;

await build({
  entryPoints: [entry],
  outfile,
  ...NODE_BUNDLE,
});

const child = spawn(process.execPath, ['--enable-source-maps', outfile, ...args], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
