/**
 * Runs tests/node/*.test.mjs with Node's own test runner (`node --test`), outside any browser:
 * each test file is bundled with esbuild first (the TypeScript it imports from src and server compiled
 * in, `.sql` files as text, npm packages left as imports) into node_modules/.cache/forecourt-node-tests/, so the packages
 * resolve from the project's node_modules. Extra arguments go to `node --test`.
 *
 * @example node scripts/node-test.mjs
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const testDir = `${root}tests/node`;
const outDir = `${root}node_modules/.cache/forecourt-node-tests`;

const files = readdirSync(testDir).filter((name) => name.endsWith('.test.mjs')).sort();
if (!files.length) throw new Error(`no *.test.mjs files in ${testDir}`);

rmSync(outDir, { recursive: true, force: true });
await build({
  entryPoints: files.map((name) => `${testDir}/${name}`),
  outdir: outDir,
  outExtension: { '.js': '.mjs' },
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

const run = spawnSync(process.execPath, ['--test', '--enable-source-maps', ...process.argv.slice(2), ...files.map((name) => `${outDir}/${name}`)], {
  stdio: 'inherit',
});
process.exit(run.status ?? 1);
