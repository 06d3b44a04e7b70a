// The version the elements announce to other copies on a page must be the published one.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { pinSnippet, snippetCount } from '../../scripts/readme-sri.js';
import { VERSION } from '../../src/version.js';

it('src/version.ts matches package.json', () => {
  const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
  assert.equal(VERSION, version);
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
