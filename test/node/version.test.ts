// The version the elements announce to other copies on a page must be the published one.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { pinSnippet, snippetCount } from '../../scripts/readme-sri.js';
import {
  newestChangelogVersion,
  packageVersion,
  VERSION_PLACES,
  versionAt,
  versionMismatches,
  writeVersion,
} from '../../scripts/sync-version.js';
import { VERSION } from '../../src/version.js';

const ROOT = new URL('../../', import.meta.url);
const read = (file: string) => readFileSync(new URL(file, ROOT), 'utf8');

describe('one version everywhere (a release cannot go out half bumped)', () => {
  const version = packageVersion(ROOT.pathname);

  it('src/version.ts as imported matches package.json', () => {
    assert.equal(VERSION, version);
  });

  for (const place of VERSION_PLACES)
    it(`${place.file}: ${place.what} is package.json's ${version}`, () => {
      assert.equal(versionAt(read(place.file), place), version, 'run `npm run version-packages`');
    });

  it("the CHANGELOG's newest entry is this version", () => {
    assert.equal(newestChangelogVersion(read('CHANGELOG.md')), version, 'written by `npm run version-packages`');
  });

  it('the release check sees the same (scripts/release.ts refuses a tree that disagrees)', () => {
    assert.deepEqual(versionMismatches(version, { root: ROOT.pathname }), []);
    const [problem, ...more] = versionMismatches('9.8.7', { root: ROOT.pathname });
    assert.match(problem!, new RegExp(`^src/version\\.ts says ${version.replaceAll('.', '\\.')} `));
    assert.equal(more.length, VERSION_PLACES.length, 'every place and the CHANGELOG');
  });

  it('writing a version changes only the version, and refuses a file without its place', () => {
    const php = read('src/wordpress/newsroom-widgets.php');
    const header = VERSION_PLACES.find((p) => p.what.includes('header'))!;
    const bumped = writeVersion(php, header, '9.8.7');
    assert.equal(versionAt(bumped, header), '9.8.7');
    assert.equal(bumped.replace(' 9.8.7', ` ${version}`), php);
    assert.throws(() => writeVersion('<?php // no header', header, '9.8.7'), /expected one/);
  });
});

describe('README script-tag snippet pinning (scripts/readme-sri.ts)', () => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const hashes = { 'newsroom-widgets.js': 'sha384-MODULE', 'newsroom-widgets.classic.js': 'sha384-CLASSIC' };

  it('finds both script-tag lines in the README', () => {
    assert.equal(snippetCount(readme), 2);
  });

  it('writes the version and each file its own hash', () => {
    const pinned = pinSnippet(readme, '9.8.7', hashes);
    assert.match(pinned, /newsroom-widgets@9\.8\.7\/dist\/cdn\/newsroom-widgets\.js"\n\s*integrity="sha384-MODULE"/);
    assert.match(
      pinned,
      /newsroom-widgets@9\.8\.7\/dist\/cdn\/newsroom-widgets\.classic\.js"\n\s*integrity="sha384-CLASSIC"/,
    );
    assert.equal(pinSnippet(pinned, '9.8.7', hashes), pinned, 'pinning twice changes nothing');
  });

  it('refuses to pin a file it has no hash for', () => {
    assert.throws(
      () => pinSnippet(readme, '1.0.0', { 'newsroom-widgets.js': 'sha384-MODULE' }),
      /newsroom-widgets\.classic\.js/,
    );
  });
});
