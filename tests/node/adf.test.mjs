/**
 * ADF leads read in plain Node from a `Buffer`, as a server or a script reading a file gets them
 * (`readFileSync` without an encoding).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { adfDisplayName, parseAdf } from '../../src/data/index.ts';

const xml = `<?xml version="1.0" encoding="ISO-8859-1"?><adf><prospect><requestdate>2026-03-02T09:00:00Z</requestdate>
  <customer><contact><name part="full">José Muñoz</name></contact></customer></prospect></adf>`;

describe('parseAdf in Node', () => {
  it('decodes a Buffer instead of calling it empty', () => {
    for (const buffer of [Buffer.from(xml, 'utf8'), Buffer.from(xml, 'latin1'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xml, 'utf16le')])]) {
      const { leads, errors } = parseAdf(buffer);
      assert.deepEqual(errors, []);
      assert.equal(adfDisplayName(leads[0].customer.name), 'José Muñoz');
    }
  });
});
