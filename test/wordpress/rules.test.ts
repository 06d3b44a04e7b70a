/**
 * The plugin's PHP, its block editor and the library agree on what they accept (no WordPress
 * needed): block.json's elements are the library's standalone elements and attributes.php's
 * list; the PHP's patterns (read from its source as text) are the editor's (editor/rules.ts)
 * and the schema's. Then, with `php` and WordPress's formatting functions, the PHP's src check
 * and the editor's give the same verdict on a table of addresses.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { STANDALONE_ELEMENTS } from '../../src/internal/standalone-elements.js';
import { LANGUAGE_TAG } from '../../src/schema/analysis.js';
import { SOURCE_ID_PATTERN } from '../../src/schema/citations.js';
import * as rules from '../../src/wordpress/editor/rules.js';
import { CANNOT_RUN, cannotRunHere } from './wordpress.js';

const WORDPRESS = '/usr/share/wordpress';
const ATTRIBUTES = 'src/wordpress/includes/attributes.php';
const php = readFileSync(ATTRIBUTES, 'utf8');
const block = JSON.parse(readFileSync('src/wordpress/block.json', 'utf8')) as {
  attributes: { element: { enum: string[] } };
};

/** A pattern attributes.php defines, `define( 'NAME', '/…/flags' );`, as a RegExp. */
function phpPattern(name: string): RegExp {
  const match = new RegExp(`define\\( '${name}', '((?:[^'\\\\]|\\\\.)*)' \\);`).exec(php);
  assert.ok(match, `${ATTRIBUTES} defines ${name}`);
  const text = match[1]!.replace(/\\(['\\])/g, '$1'); // A single-quoted PHP string's escapes.
  const parts = /^\/(.*)\/([a-z]*)$/s.exec(text);
  assert.ok(parts, `${name} is a /…/ pattern: ${text}`);
  return new RegExp(parts[1]!, parts[2]);
}

const same = (a: RegExp, b: RegExp, what: string) => assert.deepEqual([a.source, a.flags], [b.source, b.flags], what);

/** The schema's slug pattern: in analysis.ts's slug(), not exported, so read from the source. */
function schemaSlug(): RegExp {
  const source = readFileSync('src/schema/analysis.ts', 'utf8');
  const match = /const slug = \(\) =>[\s\S]*?z\.regex\(\s*\/((?:[^/\\\n]|\\.)+)\/([a-z]*),/.exec(source);
  assert.ok(match, 'src/schema/analysis.ts has slug() with its z.regex pattern');
  return new RegExp(match[1]!, match[2]);
}

describe('the plugin’s rules: PHP, block editor and schema agree', () => {
  it('block.json’s elements are the library’s standalone elements and attributes.php’s list', () => {
    const standalone = Object.keys(STANDALONE_ELEMENTS);
    assert.deepEqual(block.attributes.element.enum, standalone);
    const list = /function newsroom_widgets_elements\(\) \{\s*return array\(([^)]*)\);/.exec(php);
    assert.ok(list, `${ATTRIBUTES} has newsroom_widgets_elements()`);
    assert.deepEqual(
      [...list[1]!.matchAll(/'([^']+)'/g)].map((m) => m[1]),
      standalone,
    );
    assert.deepEqual(rules.ELEMENTS, standalone, 'the editor’s list is block.json’s');
  });

  it('the slug, language-tag and citation-label patterns are the schema’s, in PHP and in the editor', () => {
    same(phpPattern('NEWSROOM_WIDGETS_SLUG'), schemaSlug(), 'slug: PHP vs schema');
    same(rules.SLUG, schemaSlug(), 'slug: editor vs schema');
    same(phpPattern('NEWSROOM_WIDGETS_LANGUAGE_TAG'), LANGUAGE_TAG, 'language tag: PHP vs schema');
    same(rules.LANGUAGE_TAG, LANGUAGE_TAG, 'language tag: editor vs schema');
    same(phpPattern('NEWSROOM_WIDGETS_CITATION_LABEL'), SOURCE_ID_PATTERN, 'citation label: PHP vs schema');
    same(rules.CITATION_LABEL, SOURCE_ID_PATTERN, 'citation label: editor vs schema');
    assert.match(php, /strlen\( \$value \) <= 80/, 'attributes.php’s slug length limit');
    assert.equal(rules.SLUG_MAX, 80);
  });

  it('the characters no src may hold are the same in PHP and in the editor', () => {
    same(phpPattern('NEWSROOM_WIDGETS_SRC_FORBIDDEN'), rules.SRC_FORBIDDEN, 'src: PHP vs editor');
  });
});

const canRunPhp = cannotRunHere(
  spawnSync('php', ['-v']).status === 0 && existsSync(`${WORDPRESS}/wp-includes/formatting.php`)
    ? undefined
    : `src verdict tests ${CANNOT_RUN}: they need \`php\` and ${WORDPRESS}/wp-includes (\`sudo apt-get install -y wordpress php-cli\`).`,
);

describe('src: the editor and attributes.php give the same verdict', { skip: canRunPhp ?? false }, () => {
  const addresses = [
    'https://example.org/analysis.json',
    'http://127.0.0.1:8089/wp-content/uploads/a.json',
    'HTTPS://EXAMPLE.ORG/A.JSON',
    'https://example.org/a.json?v=2&x=1#top',
    'https://example.org/señal.json',
    '/wp-content/uploads/2025/08/a.json',
    '/wp-content/uploads/señal.json',
    '/a.json?v=1',
    '//example.org/a.json',
    'example.org/a.json',
    'ftp://example.org/a.json',
    'javascript:alert(1)',
    'http:/example.org/a.json',
    'https://',
    'https://example.org/a b.json',
    '/a b.json',
    'https://example.org/a"b.json',
    "https://example.org/a'b.json",
    'https://example.org/a`b.json',
    'https://example.org/a\\b.json',
    '/a<b>.json',
    '/a{b}.json',
    '/a[1].json',
    '/a^b.json',
    '/a%0Ab.json',
    '/a%20b.json',
    'data:application/json,{}',
  ];
  it('on every address of the table', () => {
    const script = `<?php
define('ABSPATH', '${WORDPRESS}/');
define('WPINC', 'wp-includes');
foreach (['load', 'plugin', 'formatting', 'kses', 'functions', 'http'] as $file) require ABSPATH . WPINC . "/$file.php";
require '${process.cwd()}/${ATTRIBUTES}';
$out = array();
foreach (json_decode(stream_get_contents(STDIN), true) as $src) $out[] = '' !== newsroom_widgets_clean_src($src);
echo json_encode($out);`;
    const result = spawnSync('php', ['-r', script.replace(/^<\?php/, '')], {
      input: JSON.stringify(addresses),
      encoding: 'utf8',
    });
    assert.equal(result.status, 0, result.stderr + result.stdout);
    const verdicts = JSON.parse(result.stdout) as boolean[];
    assert.ok(verdicts.includes(true) && verdicts.includes(false), `some accepted, some refused: ${result.stdout}`);
    const differ = addresses
      .map((src, i) => ({ src, php: verdicts[i], editor: rules.isUsableSrc(src) }))
      .filter((v) => v.php !== v.editor);
    assert.deepEqual(differ, []);
  });
});
