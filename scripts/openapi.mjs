#!/usr/bin/env node
/**
 * Writes docs/openapi.yaml from the contract table (src/data/contract.ts through scripts/openapi.ts).
 * With `--check`, writes nothing and fails when the committed file differs (it is stale: run
 * `npm run openapi` and commit it).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const check = process.argv.includes('--check');

// The generator and the contract are TypeScript: bundle them for Node (packages stay imports),
// next to node_modules so those imports resolve.
const out = join(root, 'node_modules/.cache/forecourt-openapi.mjs');
mkdirSync(dirname(out), { recursive: true });
await build({
  entryPoints: [join(root, 'scripts/openapi.ts')],
  outfile: out,
  bundle: true,
  packages: 'external',
  platform: 'node',
  format: 'esm',
  logLevel: 'error',
});
const module = await import(`${pathToFileURL(out).href}?${Date.now()}`);
const file = join(root, module.OPENAPI_FILE);
const text = module.renderOpenApi();

if (check) {
  let committed = '';
  try {
    committed = readFileSync(file, 'utf8');
  } catch {
    // missing: stale
  }
  if (committed !== text) {
    console.error(`${module.OPENAPI_FILE} is stale (differs from what scripts/openapi.ts builds from src/data/contract.ts): run \`npm run openapi\` and commit it`);
    process.exit(1);
  }
  console.log(`${module.OPENAPI_FILE} is up to date with the contract.`);
} else {
  writeFileSync(file, text);
  console.log(`wrote ${module.OPENAPI_FILE}`);
}
