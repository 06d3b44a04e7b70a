// The plugin's readme.txt Changelog, written from CHANGELOG.md by the build (scripts/wordpress-changelog.ts).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { it } from 'node:test';
import { changelogSection, withChangelog } from '../../scripts/wordpress-changelog.js';

const CHANGELOG = `# newsroom-widgets

## 0.2.0

### Minor Changes

- **Maps.** A map of where each actor stands.

  - \`<nw-map>\`: the countries shaded
  - more

### Patch Changes

- The timeline's year headings no longer
  wrap on phones. Reported by a reader.

## 0.1.0

### Minor Changes

- **First release.** Everything.
`;

it('writes one entry per release, newest first, a line per change: its first sentence, unbolded, nested lists left out', () => {
  assert.equal(
    changelogSection(CHANGELOG),
    [
      '= 0.2.0 =',
      '',
      '* Maps',
      "* The timeline's year headings no longer wrap on phones",
      '',
      '= 0.1.0 =',
      '',
      '* First release',
    ].join('\n'),
  );
});

it("replaces only the Changelog section's body of readme.txt", () => {
  const readme = '=== Plugin ===\n\n== Changelog ==\n\nSee the library.\n\n== Upgrade Notice ==\n\nNone.\n';
  assert.equal(
    withChangelog(readme, '= 1.0.0 =\n\n* One'),
    '=== Plugin ===\n\n== Changelog ==\n\n= 1.0.0 =\n\n* One\n\n== Upgrade Notice ==\n\nNone.\n',
  );
  assert.equal(withChangelog('== Changelog ==\nold\n', '* new'), '== Changelog ==\n\n* new\n');
  assert.throws(() => withChangelog('=== Plugin ===\n', '* new'), /no "== Changelog ==" section/);
});

it("the plugin's readme.txt has the section, and this CHANGELOG gives every release a line", () => {
  const section = changelogSection(readFileSync(new URL('../../CHANGELOG.md', import.meta.url), 'utf8'));
  assert.match(section, /^= \d+\.\d+\.\d+ =\n\n\* \S/);
  const readme = readFileSync(new URL('../../src/wordpress/readme.txt', import.meta.url), 'utf8');
  assert.ok(withChangelog(readme, section).endsWith(`${section}\n`));
});
