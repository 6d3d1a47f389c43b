/**
 * docs/rest-api.md shows the reference server's SQL: every block marked `<!-- sql: <path> -->`
 * must equal that file of server/sql/, so the documented SQL is the SQL that runs.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';

/** The repository: the nearest folder above this file (or its bundle, under node_modules/.cache) with docs/rest-api.md. */
let root = new URL('./', import.meta.url);
while (!existsSync(new URL('docs/rest-api.md', root)) && root.pathname !== '/') root = new URL('../', root);
const read = (path) => readFileSync(new URL(path, root), 'utf8');

describe('docs/rest-api.md and server/sql', () => {
  it('shows each marked SQL file as it is', () => {
    const doc = read('docs/rest-api.md');
    const blocks = [...doc.matchAll(/<!-- sql: (\S+) -->\n```sql\n([\s\S]*?)\n```/g)];
    const markers = [...doc.matchAll(/<!-- sql: (\S+) -->/g)];
    assert.equal(blocks.length, markers.length, 'every marker is followed by a ```sql block');
    assert.ok(blocks.length >= 6);
    for (const [, path, shown] of blocks) {
      assert.ok(path.startsWith('server/sql/') && existsSync(new URL(path, root)), `${path} exists`);
      assert.equal(shown, read(path).trim(), `docs/rest-api.md shows ${path} as it is: copy the file into the block`);
    }
  });
});
