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

/**
 * Starts the server. `folders` maps URL prefixes ("/dist/") to folders on disk; paths that
 * climb out of their folder are refused.
 */
export async function startServer(folders: Record<string, string>): Promise<BenchServer> {
  const routes = new Map<string, Route>();
  const server: Server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://bench').pathname);
    void answer(path).then(({ status, type, body, delay }) => {
      const send = () => response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' }).end(body);
      if (delay) setTimeout(send, delay);
      else send();
    });
  });

  async function answer(
    path: string,
  ): Promise<{ status: number; type: string; body: string | Buffer; delay?: number }> {
    const route = routes.get(path);
    if (route) return { status: 200, ...route };
    for (const [prefix, folder] of Object.entries(folders)) {
      if (!path.startsWith(prefix)) continue;
      const relative = normalize(path.slice(prefix.length));
      if (relative.startsWith('..')) break;
      try {
        return { status: 200, type: typeOf(path), body: await readFile(join(folder, relative)) };
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
