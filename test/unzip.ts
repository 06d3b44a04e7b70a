/**
 * Reads a zip archive back (the central directory, then each entry, stored or deflated) with
 * the platform's DecompressionStream, which both Node and the browser have: the tests of what
 * src/publish/zip.ts writes, in Node (the plugin zip) and in Chromium (the builder's site.zip).
 * Checks every CRC-32 it reads, as unzip tools do.
 */
import { crc32 } from '../src/publish/zip.js';

export interface UnzippedEntry {
  name: string;
  data: Uint8Array;
  /** 0 stored, 8 deflated. */
  method: number;
}

async function inflate(data: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([data as BlobPart]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

export async function unzip(archive: Uint8Array): Promise<UnzippedEntry[]> {
  const view = new DataView(archive.buffer, archive.byteOffset, archive.byteLength);
  const endAt = archive.length - 22;
  if (view.getUint32(endAt, true) !== 0x06054b50) throw new Error('no end of central directory (or a comment)');
  const count = view.getUint16(endAt + 10, true);
  let at = view.getUint32(endAt + 16, true);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const entries: UnzippedEntry[] = [];
  for (let index = 0; index < count; index++) {
    if (view.getUint32(at, true) !== 0x02014b50) throw new Error(`central entry ${index} has no signature`);
    const method = view.getUint16(at + 10, true);
    const crc = view.getUint32(at + 16, true);
    const compressedSize = view.getUint32(at + 20, true);
    const size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const localAt = view.getUint32(at + 42, true);
    const name = decoder.decode(archive.subarray(at + 46, at + 46 + nameLength));
    const localName = view.getUint16(localAt + 26, true) + view.getUint16(localAt + 28, true);
    const body = archive.subarray(localAt + 30 + localName, localAt + 30 + localName + compressedSize);
    const data = method === 8 ? await inflate(body) : body.slice();
    if (data.length !== size) throw new Error(`${name}: ${data.length} bytes, the directory says ${size}`);
    if (crc32(data) !== crc) throw new Error(`${name}: CRC-32 does not match`);
    entries.push({ name, data, method });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}
