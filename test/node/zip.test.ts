/**
 * src/publish/zip.ts, the zip framing the WordPress plugin's zip and the builder's site.zip
 * share: read back entry by entry (CRC-checked) with test/unzip.ts (the
 * WordPress tests install the plugin from its zip, and the builder test opens site.zip).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { deflateRawSync } from 'node:zlib';
import { crc32, withFolders, zipArchive } from '../../src/publish/zip.js';
import { unzip } from '../unzip.js';

const text = (value: string) => new TextEncoder().encode(value);
const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe('zip archives', () => {
  it('computes the standard CRC-32 check value', () => {
    // The check value every CRC-32/ISO-HDLC implementation gives for "123456789".
    assert.equal(crc32(text('123456789')), 0xcbf43926);
    assert.equal(crc32(new Uint8Array(0)), 0);
  });

  it('gives back every file, stored or deflated, with folders and UTF-8 names', async () => {
    const long = 'La presidenta rechazó el despliegue. '.repeat(200);
    const entries = withFolders([
      { name: 'site/mexico/índice.json', data: text('{"a":1}\n') },
      { name: 'site/embed.js', data: text(long), deflated: deflateRawSync(text(long)) },
    ]);
    assert.deepEqual(
      entries.map((entry) => entry.name),
      ['site/', 'site/embed.js', 'site/mexico/', 'site/mexico/índice.json'],
    );
    const read = await unzip(zipArchive(entries));
    assert.deepEqual(
      read.map(({ name, method }) => [name, method]),
      [
        ['site/', 0],
        ['site/embed.js', 8],
        ['site/mexico/', 0],
        ['site/mexico/índice.json', 0],
      ],
    );
    assert.equal(decode(read[1]!.data), long);
    assert.equal(decode(read[3]!.data), '{"a":1}\n');
  });

  it('stores a file whose deflated form would be larger', async () => {
    const tiny = text('x');
    const [entry] = await unzip(zipArchive([{ name: 'x.txt', data: tiny, deflated: deflateRawSync(tiny) }]));
    assert.equal(entry!.method, 0);
    assert.equal(decode(entry!.data), 'x');
  });

  it('gives the same bytes for the same files', () => {
    const files = () => withFolders([{ name: 'a/b.txt', data: text('b') }]);
    assert.deepEqual(zipArchive(files()), zipArchive(files()));
  });
});
