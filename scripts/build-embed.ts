/**
 * `tsx scripts/build-embed.ts` (part of `npm run build`, after `vite build`): the iframe embed.
 *
 * - dist/embed.html: the page to put in an iframe, `embed.html?src=<analysis URL>&element=…`.
 *   No inline script or style (strict-CSP ready): it loads embed/embed.js with its integrity hash.
 * - dist/embed/embed.js: one self-contained ES module (Lit, every element, the page logic).
 * - dist/embed/embed.classic.js: the same as a classic script (IIFE), for pages that must load in
 *   a `sandbox="allow-scripts"` frame (origin null: a module script with integrity would need
 *   CORS headers on the host); `publish` copies it beside its pages as embed.js.
 * - dist/embed/resizer.js: the host page's resizer for pages without pym.js, a classic script
 *   of a few hundred bytes.
 * - dist/embed/locales/<tag>.js: the languages loaded on demand, as beside the script-tag bundle.
 * - dist/embed/integrity.json: `{ file: "sha384-…" }` for the scripts, also printed with sizes.
 *
 * Only dist/embed.html and dist/embed/ are written. Minified and deterministic, like build-cdn.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { bundleScript, recordIntegrity, topLevelAwaits, writeLocaleFiles } from './build-cdn.js';
import { VERSION } from '../src/version.js';

export const EMBED_DIR = 'dist/embed';
export const EMBED_PAGE = 'dist/embed.html';
export const EMBED_FILES = { page: 'embed.js', classic: 'embed.classic.js', resizer: 'resizer.js' } as const;
/** The resizer is pasted into many pages: keep it tiny. */
const RESIZER_BUDGET = 1024;

/**
 * The embed page; `script` is the module's path relative to the page, `hash` its integrity. The
 * version in its address: a cache holding the last release's embed.js would fail the new hash.
 */
export const embedPage = (script: string, hash: string) => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="newsroom-widgets ${VERSION}">
<title>Analysis</title>
<script type="module" src="${script}?v=${VERSION}" integrity="${hash}" crossorigin="anonymous"></script>
</head>
<body>
<noscript><p>This analysis needs JavaScript to show.</p></noscript>
</body>
</html>
`;

async function main(): Promise<void> {
  rmSync(EMBED_DIR, { recursive: true, force: true });
  mkdirSync(EMBED_DIR, { recursive: true });

  await bundleScript('src/embed/embed.ts', EMBED_DIR, 'es', EMBED_FILES.page);
  const pageCode = readFileSync(join(EMBED_DIR, EMBED_FILES.page), 'utf8');
  if (/^\s*import[\s{*"']/m.test(pageCode))
    throw new Error(`${EMBED_FILES.page} still imports something: it must be self-contained`);
  if (topLevelAwaits(pageCode, EMBED_FILES.page).length > 0)
    throw new Error(`top-level await in ${EMBED_FILES.page}: no classic-script build possible`);
  await bundleScript('src/embed/embed.ts', EMBED_DIR, 'iife', EMBED_FILES.classic);
  const classicCode = readFileSync(join(EMBED_DIR, EMBED_FILES.classic), 'utf8');
  if (/^\s*(import|export)[\s{*"']/m.test(classicCode) || /\bimport\.meta\b/.test(classicCode))
    throw new Error(`${EMBED_FILES.classic} is not a classic script`);
  await bundleScript('src/embed/resizer.ts', EMBED_DIR, 'iife', EMBED_FILES.resizer);
  const resizerCode = readFileSync(join(EMBED_DIR, EMBED_FILES.resizer), 'utf8');
  if (topLevelAwaits(resizerCode, EMBED_FILES.resizer).length > 0 || /^\s*(import|export)[\s{*"']/m.test(resizerCode)) {
    throw new Error(`${EMBED_FILES.resizer} is not a classic script`);
  }
  if (resizerCode.length > RESIZER_BUDGET)
    throw new Error(`${EMBED_FILES.resizer} is ${resizerCode.length} bytes, over its ${RESIZER_BUDGET}-byte budget`);

  const locales = await writeLocaleFiles(EMBED_DIR);
  const hashes = recordIntegrity(EMBED_DIR, [...Object.values(EMBED_FILES), ...locales]);
  writeFileSync(EMBED_PAGE, embedPage(`embed/${EMBED_FILES.page}`, hashes[EMBED_FILES.page]!));
}

// Run when executed (`tsx scripts/build-embed.ts`), not when imported for its helpers.
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((cause) => {
    console.error(`build-embed: ${cause instanceof Error ? cause.message : String(cause)}`);
    process.exitCode = 1;
  });
}
