/**
 * The built files the bench loads, copied once at its start into bench/.build-bench/dist/:
 * every measure then sees the same build, even if `npm run build` runs again meanwhile
 * (it empties dist/ first, which would fail the pages loading from it mid-run).
 */
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const SNAPSHOT_DIR = 'bench/.build-bench/dist';

/** What the pages load and the size table reads, relative to dist/. */
const BUILT_FILES = [
  'cdn/newsroom-widgets.js',
  'cdn/newsroom-widgets.classic.js',
  'embed.html',
  'embed/embed.js',
  'embed/resizer.js',
];

/** Copies the build; throws, saying how to fix it, when a file is missing. */
export function snapshotBuild(): void {
  const missing = BUILT_FILES.filter((file) => !existsSync(join('dist', file)));
  if (missing.length > 0) {
    throw new Error(
      `${missing.map((file) => `dist/${file}`).join(', ')} missing: run \`npm run build\` first (\`npm run bench\` does)`,
    );
  }
  rmSync(SNAPSHOT_DIR, { recursive: true, force: true });
  for (const file of BUILT_FILES) {
    mkdirSync(dirname(join(SNAPSHOT_DIR, file)), { recursive: true });
    cpSync(join('dist', file), join(SNAPSHOT_DIR, file));
  }
}
