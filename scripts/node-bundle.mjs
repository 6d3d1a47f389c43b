/**
 * How Node code of this repository (tests, the reference server, the conformance CLI) is bundled
 * with esbuild to run: the TypeScript it imports compiled in, `.sql` files as text, npm packages
 * left as imports so they resolve from the project's node_modules.
 */
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** esbuild options for an ESM bundle for Node 20 with inline source maps. */
export const NODE_BUNDLE = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: 'inline',
  loader: { '.sql': 'text' },
  tsconfig: `${ROOT}tsconfig.json`,
  logLevel: 'warning',
};
