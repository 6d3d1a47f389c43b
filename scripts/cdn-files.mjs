/**
 * The CDN build's files (`dist/cdn/`, `vite.cdn.config.ts`): the entry `forecourt.js`, the chunks it
 * imports statically (a page fetches them with the entry: its first load) and the chunks only
 * reached through `import()` (fetched when a widget needs them: the Chart.js engine, dialogs, CSV
 * writers). Used by `npm run check:cdn` and `npm run sizes`.
 */
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
export const CDN_DIR = join(root, 'dist/cdn');
export const CDN_ENTRY = join(CDN_DIR, 'forecourt.js');

/**
 * What each built file imports, as esbuild's metafile lists it (nothing is bundled or resolved).
 * @returns `{ first, lazy, orphans, outside }`: absolute paths of the entry and its static imports,
 *   of the lazily loaded chunks, of chunks nothing imports, and `file: specifier` for every import
 *   that is not a file of the build (a bare package name, a URL, a missing file).
 */
export async function cdnFiles() {
  const chunksDir = join(CDN_DIR, 'chunks');
  const files = [CDN_ENTRY, ...(existsSync(chunksDir) ? readdirSync(chunksDir).filter((f) => f.endsWith('.js')).map((f) => join(chunksDir, f)) : [])];
  const scan = await esbuild.build({ entryPoints: files, absWorkingDir: root, bundle: true, write: false, metafile: true, external: ['*'], outdir: join(root, '.cdn-scan'), logLevel: 'error' });
  const importsOf = new Map(files.map((file) => [file, scan.metafile.inputs[relative(root, file)]?.imports ?? []]));
  const outside = [];
  const edges = new Map(
    files.map((file) => [
      file,
      importsOf.get(file).flatMap(({ path: specifier, kind }) => {
        const target = /^\.\.?\//.test(specifier) ? resolve(dirname(file), specifier) : null;
        if (!target || !importsOf.has(target)) {
          outside.push(`${relative(CDN_DIR, file)}: ${specifier}`);
          return [];
        }
        return [{ target, dynamic: kind === 'dynamic-import' }];
      }),
    ]),
  );
  const reach = (start, dynamic) => {
    const seen = new Set(start);
    const queue = [...start];
    while (queue.length) {
      for (const edge of edges.get(queue.shift())) {
        if ((edge.dynamic && !dynamic) || seen.has(edge.target)) continue;
        seen.add(edge.target);
        queue.push(edge.target);
      }
    }
    return seen;
  };
  const first = reach([CDN_ENTRY], false);
  const all = reach([CDN_ENTRY], true);
  return {
    first: [...first],
    lazy: [...all].filter((file) => !first.has(file)),
    orphans: files.filter((file) => !all.has(file)),
    outside,
  };
}
