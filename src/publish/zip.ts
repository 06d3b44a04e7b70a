/**
 * A zip archive written byte by byte: the WordPress plugin's zip (scripts/build-wordpress.ts,
 * deflated with Node's zlib) and the embed builder's download of the `publish` folder (deflated
 * with the browser's CompressionStream). No Node or DOM API here, so both use the same framing;
 * the caller compresses, since Node's deflate is synchronous and the browser's is not.
 *
 * Deterministic: fixed timestamps and the entries in the order given, so the same files give
 * the same bytes. No zip64: every entry and the whole archive stay under 4 GiB.
 */

export interface ZipEntry {
  /** The path inside the archive, forward slashes; a folder ends with `/` and has no data. */
  name: string;
  /** The file's bytes; undefined for a folder. */
  data?: Uint8Array;
  /** `data` as raw deflate (no zlib header), when the caller compressed it; stored otherwise. */
  deflated?: Uint8Array;
}

// 2025-01-01 00:00 in MS-DOS format: the same bytes on every build.
const DOS_TIME = 0;
const DOS_DATE = ((2025 - 1980) << 9) | (1 << 5) | 1;
const UTF8_NAMES = 0x0800;
const STORED = 0;
const DEFLATED = 8;

let crcTable: Uint32Array | undefined;

/** CRC-32 (the zip and PNG polynomial). */
export function crc32(bytes: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (const byte of bytes) crc = crcTable[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** The folders above each file, as entries of their own (unzip tools expect them; some need them). */
export function withFolders(entries: readonly ZipEntry[]): ZipEntry[] {
  const folders = new Set<string>();
  for (const { name } of entries) {
    const parts = name.split('/').slice(0, -1);
    parts.forEach((_, index) => folders.add(`${parts.slice(0, index + 1).join('/')}/`));
  }
  const known = new Set(entries.map((entry) => entry.name));
  return [...[...folders].filter((folder) => !known.has(folder)).map((name) => ({ name })), ...entries].sort((a, b) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
  );
}

/** The archive of `entries`, in their order. */
export function zipArchive(entries: readonly ZipEntry[]): Uint8Array {
  const encoder = new TextEncoder();
  const local: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const { name, data, deflated } of entries) {
    const nameBytes = encoder.encode(name);
    const raw = data ?? new Uint8Array(0);
    const useDeflated = data !== undefined && deflated !== undefined && deflated.length < raw.length;
    const body = useDeflated ? deflated : raw;
    const method = useDeflated ? DEFLATED : STORED;
    const crc = crc32(raw);

    const header = new DataView(new ArrayBuffer(30));
    header.setUint32(0, 0x04034b50, true);
    header.setUint16(4, 20, true); // version needed: 2.0 (deflate, folders)
    header.setUint16(6, UTF8_NAMES, true);
    header.setUint16(8, method, true);
    header.setUint16(10, DOS_TIME, true);
    header.setUint16(12, DOS_DATE, true);
    header.setUint32(14, crc, true);
    header.setUint32(18, body.length, true);
    header.setUint32(22, raw.length, true);
    header.setUint16(26, nameBytes.length, true);
    local.push(new Uint8Array(header.buffer), nameBytes, body);

    const entry = new DataView(new ArrayBuffer(46));
    entry.setUint32(0, 0x02014b50, true);
    entry.setUint16(4, (3 << 8) | 20, true); // made by: Unix, 2.0
    entry.setUint16(6, 20, true);
    entry.setUint16(8, UTF8_NAMES, true);
    entry.setUint16(10, method, true);
    entry.setUint16(12, DOS_TIME, true);
    entry.setUint16(14, DOS_DATE, true);
    entry.setUint32(16, crc, true);
    entry.setUint32(20, body.length, true);
    entry.setUint32(24, raw.length, true);
    entry.setUint16(28, nameBytes.length, true);
    // extra, comment, disk, internal attributes: 0; external: Unix mode, and MS-DOS's folder bit.
    const isFolder = data === undefined;
    entry.setUint32(38, (((isFolder ? 0o40755 : 0o100644) << 16) | (isFolder ? 0x10 : 0)) >>> 0, true);
    entry.setUint32(42, offset, true);
    central.push(new Uint8Array(entry.buffer), nameBytes);
    offset += 30 + nameBytes.length + body.length;
  }
  const centralSize = central.reduce((total, part) => total + part.length, 0);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, entries.length, true);
  end.setUint16(10, entries.length, true);
  end.setUint32(12, centralSize, true);
  end.setUint32(16, offset, true);

  const parts = [...local, ...central, new Uint8Array(end.buffer)];
  const archive = new Uint8Array(parts.reduce((total, part) => total + part.length, 0));
  let at = 0;
  for (const part of parts) {
    archive.set(part, at);
    at += part.length;
  }
  return archive;
}
