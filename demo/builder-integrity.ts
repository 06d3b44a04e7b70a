/**
 * The embed builder's integrity hash of the CDN file: where the one it knows came from, what
 * the page says about it, and the "check against the CDN" request (the page's only one).
 */
import { cdnUrl, sriHash } from './builder-snippets.js';

export interface KnownHash {
  hash: string;
  /** 'build': dist/cdn/integrity.json of this copy; 'cdn': computed here from the CDN's file. */
  from: 'build' | 'cdn';
}

/** The text of "About the integrity hash". */
export function integrityText(known: KnownHash | undefined, version: string): string {
  if (known?.from === 'build')
    return `The hash ${known.hash} comes from this copy’s build (dist/cdn/integrity.json). It lets browsers refuse the file if the CDN ever serves different bytes. It matches the CDN only when this copy is the published ${version}: check it with the button (needs a connection).`;
  if (known) return `The hash ${known.hash} was computed here from the file the CDN serves for ${version}.`;
  return `No integrity hash is known for ${version}: run npm run build in the newsroom-widgets folder (it writes dist/cdn/integrity.json) and reload this page, or get it from the CDN with the button (needs a connection). The code below works without it, but browsers cannot check the file.`;
}

export const CHECKING = 'Fetching the file from the CDN…';

/**
 * Hashes the file the CDN serves for `version` and compares it with the known hash. Never
 * throws: the status says what happened; `hash` is set when the code should use a new hash.
 */
export async function checkCdn(version: string, known: string | undefined): Promise<{ status: string; hash?: string }> {
  try {
    const response = await fetch(cdnUrl(version), { mode: 'cors', cache: 'no-store' });
    if (!response.ok)
      throw new Error(
        `the CDN answered ${response.status}${response.status === 404 ? ` (is ${version} published?)` : ''}`,
      );
    const hash = await sriHash(await response.arrayBuffer());
    if (known && hash === known) return { status: 'It matches the file on the CDN.' };
    return {
      status: known
        ? `It does not match: the CDN’s file has ${hash}. The code now uses the CDN’s hash.`
        : `Got it from the CDN: ${hash}. The code now includes it.`,
      hash,
    };
  } catch (error) {
    return {
      status: `Could not check: ${error instanceof Error ? error.message : String(error)}. You may be offline.`,
    };
  }
}
