// Node only (the publish command); the package's type build loads no Node types by default.
/// <reference types="node" />
/**
 * The built files `publish` copies or reads, found relative to this module: two folders below
 * the package root both as source (src/publish/) and as built (dist/publish/), so the command
 * finds them in an installed package as in this repository.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// Not `new URL('../../dist/', import.meta.url)`: Vite would inline that as an asset at build time.
const DIST = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist');
const distPath = (relative: string): string => resolve(DIST, ...relative.split('/'));

/** The classic embed script (every element and the embed page logic), built by scripts/build-embed.ts. */
export const EMBED_CLASSIC = 'embed/embed.classic.js';
/** The module embed script, used when the classic one is not built (older builds). */
export const EMBED_MODULE = 'embed/embed.js';
/** The elements alone as a classic script (scripts/build-cdn.ts). */
export const CDN_CLASSIC = 'cdn/newsroom-widgets.classic.js';

const firstBuilt = (...files: string[]): string | undefined => files.map(distPath).find((path) => existsSync(path));

/** The file to copy as DIR/embed.js, or undefined when nothing is built (`npm run build`). */
export const embedScriptPath = (): string | undefined => firstBuilt(EMBED_CLASSIC, EMBED_MODULE);

/**
 * The classic script to render the pages with while measuring them: the embed script itself,
 * or the elements' classic script when only the module embed script is built.
 */
export const measureScriptPath = (): string | undefined => firstBuilt(EMBED_CLASSIC, CDN_CLASSIC);

/** The SRI hash of the CDN module script of this build, for the snippets, when built. */
export function cdnIntegrity(): string | undefined {
  const file = distPath('cdn/integrity.json');
  if (!existsSync(file)) return undefined;
  try {
    const table = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    const hash = table['newsroom-widgets.js'];
    return typeof hash === 'string' ? hash : undefined;
  } catch {
    return undefined;
  }
}
