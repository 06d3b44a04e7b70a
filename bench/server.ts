/**
 * The benchmark pages' web server, on 127.0.0.1: generated pages and data from memory, files
 * from disk under a few prefixes (our dist/, TimelineJS's and pym.js's npm packages).
 *
 * Every response is `Cache-Control: no-store`, and each run opens a fresh browser context,
 * so no run starts with another's HTTP cache or V8 code cache: every run pays for parsing
 * and compiling its library, as a first-time reader does. A route may be delayed, to play a
 * CMS or API answering the analysis JSON in a few hundred milliseconds.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export interface Route {
  body: string;
  type: string;
  /** milliseconds to wait before answering */
  delay?: number;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.svg': 'image/svg+xml',
};

export const typeOf = (path: string) => TYPES[extname(path)] ?? 'application/octet-stream';

export interface BenchServer {
  origin: string;
  /** adds or replaces a generated page or data file */
  route(path: string, route: Route): void;
  close(): Promise<void>;
}

/** Text worth compressing, as production servers do (not fonts or images). */
const COMPRESSIBLE = /^(text\/|application\/json|image\/svg)/;

/**
 * The body as a production server sends it for `accept` (Accept-Encoding): brotli, else gzip,
 * else as it is; compressed once per body and kept.
 */
function encode(body: string | Buffer, accept: string, cache: Map<string, { br: Buffer; gzip: Buffer }>) {
  const key = typeof body === 'string' ? body : body.toString('latin1');
  let encoded = cache.get(key);
  if (!encoded) {
    encoded = {
      br: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
      gzip: gzipSync(body, { level: 9 }),
    };
    cache.set(key, encoded);
  }
  if (/\bbr\b/.test(accept)) return { encoding: 'br', body: encoded.br };
  if (/\bgzip\b/.test(accept)) return { encoding: 'gzip', body: encoded.gzip };
  return { encoding: undefined, body };
}

/**
 * Starts the server. `folders` maps URL prefixes ("/dist/") to folders on disk; paths that
 * climb out of their folder are refused. With `production`, text is compressed (brotli or
 * gzip, as the browser accepts) and files from the folders are cacheable for a year (they are
 * versioned, as on a CDN), as a production server serves them; pages and data stay `no-store`.
 */
export async function startServer(
  folders: Record<string, string>,
  options: { production?: boolean } = {},
): Promise<BenchServer> {
  const routes = new Map<string, Route>();
  const compressed = new Map<string, { br: Buffer; gzip: Buffer }>();
  const server: Server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://bench').pathname);
    void answer(path).then(({ status, type, body, delay, file }) => {
      const headers: Record<string, string> = {
        'content-type': type,
        'cache-control': options.production && file ? 'public, max-age=31536000, immutable' : 'no-store',
        // The iframe and publish kinds load from the widget origin (localhost): as a CDN would.
        'access-control-allow-origin': '*',
      };
      if (options.production && COMPRESSIBLE.test(type)) {
        const encoded = encode(body, String(request.headers['accept-encoding'] ?? ''), compressed);
        if (encoded.encoding) headers['content-encoding'] = encoded.encoding;
        headers.vary = 'accept-encoding';
        body = encoded.body;
      }
      const send = () => response.writeHead(status, headers).end(body);
      if (delay) setTimeout(send, delay);
      else send();
    });
  });

  async function answer(
    path: string,
  ): Promise<{ status: number; type: string; body: string | Buffer; delay?: number; file?: boolean }> {
    const route = routes.get(path);
    if (route) return { status: 200, ...route };
    for (const [prefix, folder] of Object.entries(folders)) {
      if (!path.startsWith(prefix)) continue;
      const relative = normalize(path.slice(prefix.length));
      if (relative.startsWith('..')) break;
      try {
        return { status: 200, type: typeOf(path), body: await readFile(join(folder, relative)), file: true };
      } catch {
        break;
      }
    }
    return { status: 404, type: 'text/plain', body: 'not found' };
  }

  server.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    route: (path, route) => void routes.set(path, route),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
