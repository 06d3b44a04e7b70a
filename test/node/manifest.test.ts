// custom-elements.json (written by the build's `cem analyze`) ships in the package: the same
// commit must write the same bytes on every machine, so the tarball is reproducible.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { it } from 'node:test';

const manifest = JSON.parse(readFileSync(new URL('../../custom-elements.json', import.meta.url), 'utf8')) as {
  modules: { path: string }[];
};

it('lists its modules in path order, not in the order a file system returned them', () => {
  const paths = manifest.modules.map((module) => module.path);
  assert.ok(paths.length > 50, `${paths.length} modules`);
  assert.deepEqual(paths, [...paths].sort());
});
