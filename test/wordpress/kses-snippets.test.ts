/**
 * What an Author or Contributor gets when they paste our code into WordPress without the
 * plugin: each snippet the README, the embed builder and `newsroom-widgets render` print, run
 * through WordPress's own kses (`wp_kses_post`, what saving a post applies to users without
 * `unfiltered_html`), from the installed WordPress. What kses leaves may be nothing, or the
 * widget's text; never the analysis as JSON, and never a stylesheet as text.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { scriptSnippet, type SnippetChoice } from '../../demo/builder-snippets.js';
import { RENDERABLE_ELEMENTS, renderHtml } from '../../src/render/index.js';
import type { Analysis } from '../../src/schema/analysis.js';
import { VERSION } from '../../src/version.js';
import { CANNOT_RUN, cannotRunHere } from './wordpress.js';

const WORDPRESS = '/usr/share/wordpress';
// Only `php` and WordPress's kses.php: no database, no web server, no root.
const cannot = cannotRunHere(
  spawnSync('php', ['-v']).status === 0 && existsSync(`${WORDPRESS}/wp-includes/kses.php`)
    ? undefined
    : `kses snippet tests ${CANNOT_RUN}: they need \`php\` and ${WORDPRESS}/wp-includes/kses.php (\`sudo apt-get install -y wordpress php-cli\`).`,
);

/** wp_kses_post from the installed WordPress, loaded alone: no database, no site needed. */
const KSES = `<?php
define('ABSPATH', '${WORDPRESS}/');
define('WPINC', 'wp-includes');
foreach (['load', 'plugin', 'formatting', 'kses', 'functions'] as $file) require ABSPATH . WPINC . "/$file.php";
echo wp_kses_post(stream_get_contents(STDIN));`;

function kses(html: string): string {
  const result = spawnSync('php', ['-r', KSES.replace(/^<\?php/, '')], { input: html, encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
  return result.stdout;
}

/** What a reader sees of some HTML: no comments, no tags, entities decoded, runs of space folded. */
const readerText = (html: string): string =>
  html
    .replace(/<!--[^]*?-->/g, '')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#0?39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();

/** The marks of data or a stylesheet left as text. */
function assertNoDataOrCss(text: string, where: string): void {
  assert.doesNotMatch(
    text,
    /"schemaVersion"|"statements"|\{\s*"/,
    `${where}: JSON left as text: ${text.slice(0, 200)}`,
  );
  assert.doesNotMatch(
    text,
    /:host|--_text|\{[^{}]*:[^{}]*;[^{}]*\}/,
    `${where}: CSS left as text: ${text.slice(0, 200)}`,
  );
}

const sample = (): Analysis => JSON.parse(readFileSync('data/mexico-us-deployment.json', 'utf8')) as Analysis;

describe('snippets through WordPress kses, as an Author saves them', { skip: cannot ?? false }, () => {
  it('kses is the real one: it strips scripts and custom elements and keeps their text', () => {
    const out = kses('<script>alert(1)</script><nw-summary for="x">inside</nw-summary><p>kept</p>');
    assert.equal(out, 'alert(1)inside<p>kept</p>');
  });

  for (const element of RENDERABLE_ELEMENTS) {
    it(`static HTML of ${element} (newsroom-widgets render) leaves only its text`, async () => {
      const actor = element === 'nw-stance-card' ? 'claudia-sheinbaum' : undefined;
      const html = await renderHtml(sample(), { element, actor });
      const stripped = kses(html);
      assert.doesNotMatch(stripped, /<(script|style|template|nw-)/i, 'kses stripped the tags');
      const text = readerText(stripped);
      assertNoDataOrCss(text, element);
      if (element === 'nw-stance-card') assert.match(text, /Claudia Sheinbaum/, 'the card’s text is still there');
    });
  }

  it('the builder’s script-tag code, with the analysis inline, leaves nothing visible', () => {
    const choice: SnippetChoice = {
      analysis: sample(),
      element: 'nw-stance-card',
      actor: 'claudia-sheinbaum',
      lang: 'en',
      theme: 'light',
      embedBase: 'https://news.example/widgets',
      version: VERSION,
      integrity: undefined,
    };
    const text = readerText(kses(scriptSnippet(choice)));
    assert.equal(text, '');
  });

  it('the README’s script-tag example leaves nothing visible', () => {
    const readme = readFileSync('README.md', 'utf8');
    const block = [...readme.matchAll(/```html\n([^]*?)```/g)]
      .map((match) => match[1]!)
      .find((html) => html.includes('id="analysis"'));
    assert.ok(block, 'the README has the script-tag example with a for= data script');
    // The example's data is a placeholder; the real document goes where it stands.
    const filled = block.replace('{ … }', JSON.stringify(sample()).replace(/</g, '\\u003c'));
    assert.equal(readerText(kses(filled)), '');
  });
});
