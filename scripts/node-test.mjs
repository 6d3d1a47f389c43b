/**
 * Runs tests/node/*.test.mjs with Node's own test runner (`node --test`), outside any browser:
 * each test file is bundled with esbuild first (scripts/node-bundle.mjs) into
 * node_modules/.cache/forecourt-node-tests/. Extra arguments go to `node --test`.
 *
 * @example node scripts/node-test.mjs
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import { build } from 'esbuild';
import { NODE_BUNDLE, ROOT as root } from './node-bundle.mjs';

const testDir = `${root}tests/node`;
const outDir = `${root}node_modules/.cache/forecourt-node-tests`;

const files = readdirSync(testDir).filter((name) => name.endsWith('.test.mjs')).sort();
if (!files.length) throw new Error(`no *.test.mjs files in ${testDir}`);

rmSync(outDir, { recursive: true, force: true });
await build({
  entryPoints: files.map((name) => `${testDir}/${name}`),
  outdir: outDir,
  outExtension: { '.js': '.mjs' },
  ...NODE_BUNDLE,
});

const run = spawnSync(process.execPath, ['--test', '--enable-source-maps', ...process.argv.slice(2), ...files.map((name) => `${outDir}/${name}`)], {
  stdio: 'inherit',
});
process.exit(run.status ?? 1);
