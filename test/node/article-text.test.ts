/**
 * `import-text`: the seed article as a draft. Its question, summary, five sections (titles and
 * paragraphs, text unchanged) and labels 1–11 match data/mexico-us-deployment.json where they
 * overlap; the donation appeal above the question is dropped; import-sheet then names what is
 * still missing.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { main } from '../../src/cli/main.js';
import { parseArticle } from '../../src/sheet/article-text.js';
import { captureIo, fromRoot, readText, SAMPLE } from './helpers.js';

const SEED = fromRoot('test/fixtures/article/seed.txt');
const dir = mkdtempSync(join(tmpdir(), 'nw-text-'));

async function run(...argv: string[]) {
  const capture = captureIo();
  const code = await main(argv, capture.io);
  assert.ok(!capture.all().includes('    at '), capture.all());
  return { code, ...capture };
}

describe('import-text', () => {
  it('reads the seed: question, summary, five sections unchanged, labels 1–11, furniture dropped', () => {
    const sample = JSON.parse(readText(SAMPLE));
    const result = parseArticle(readText(SEED));
    assert.ok(result.ok);
    const { draft } = result;
    assert.equal(draft.question, sample.question);
    assert.equal(draft.summary, sample.summary);
    assert.equal(draft.sections.length, 5);
    draft.sections.forEach((section, i) => {
      assert.equal(section.title, sample.sections[i].title);
      assert.deepEqual(section.paragraphs, sample.sections[i].paragraphs);
    });
    assert.deepEqual(
      draft.sources.map((source) => source.id),
      Array.from({ length: 11 }, (_, i) => String(i + 1)),
    );
    assert.deepEqual([draft.actors, draft.stances, draft.statements], [[], [], []]);
    assert.equal(result.dropped.length, 2);
    assert.match(result.dropped[1]!, /donation/);
    const all = JSON.stringify(draft);
    assert.ok(!all.includes('donation') && !all.includes('Keep Factually independent'));
  });

  it('writes a draft workbook that import-sheet says is missing each source title', async () => {
    const xlsx = join(dir, 'draft.xlsx');
    const made = await run('import-text', SEED, '--out', xlsx);
    assert.equal(made.code, 0, made.all());
    const { code, out } = await run('import-sheet', xlsx);
    assert.equal(code, 1);
    const titles = Array.from({ length: 11 }, (_, i) => `  Sources!B${i + 2}: is required`);
    for (const line of titles) assert.ok(out.includes(line), out.join('\n'));
    assert.equal(out.length, 1 + titles.length, out.join('\n'));
  });

  it('writes a draft JSON with --out draft.json, and refuses text with no summary heading', async () => {
    const json = join(dir, 'draft.json');
    assert.equal((await run('import-text', SEED, '--out', json)).code, 0);
    assert.equal(JSON.parse(readFileSync(json, 'utf8')).sections.length, 5);
    const spanish = join(dir, 'borrador.json');
    assert.equal((await run('import-text', SEED, '--out', spanish, '--lang', 'es')).code, 0);
    assert.equal(JSON.parse(readFileSync(spanish, 'utf8')).language, 'es');
    const bad = join(dir, 'bad.txt');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(bad, 'Just a paragraph.\nAnother one.');
    const refused = await run('import-text', bad);
    assert.equal(refused.code, 2);
    assert.deepEqual(refused.err, [`${bad}: has no "Executive Summary" heading under its question`]);
  });
});
