/**
 * The analysis validator as an editor meets it: which documents pass, and for each
 * broken one, the code, JSON path and sentence it reports.
 */
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analysisSchema } from '../../src/schema/analysis.js';
import { parseAnalysis, validateAnalysis, type ErrorCode } from '../../src/schema/validate.js';
import {
  describeIssues,
  errorOf,
  INVALID_DIR,
  issuesOf,
  MANIFEST,
  MINIMAL,
  minimalDoc,
  readText,
  SAMPLE,
} from './helpers.js';

// Documents that must pass: the shipped sample and the smallest useful analysis.
describe('valid documents', () => {
  it('accepts the sample analysis and keeps its content', () => {
    const result = parseAnalysis(readText(SAMPLE));
    assert.ok(result.ok, !result.ok ? describeIssues(result.error.issues ?? []) : '');
    assert.equal(result.analysis.id, 'mexico-us-deployment');
    assert.equal(result.analysis.language, 'en');
    assert.equal(result.analysis.stances.length, 6);
  });

  it('accepts the minimal fixture and defaults language to "en" when it is absent', () => {
    const text = readText(MINIMAL);
    assert.equal(
      'language' in JSON.parse(text),
      false,
      'the fixture must leave language out for this test to mean anything',
    );
    const result = parseAnalysis(text);
    assert.ok(result.ok, !result.ok ? describeIssues(result.error.issues ?? []) : '');
    assert.equal(result.analysis.language, 'en');
    assert.equal(result.analysis.statements[1]?.date, '2025-04', 'a partial date is kept as written');
  });

  it('hands on exactly what the schema outputs (the document as given, with its defaults)', () => {
    // validateAnalysis returns its prototype-free copy of the input instead of zod's output:
    // the two must not drift apart if the schema ever transforms a field.
    const plain = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;
    for (const file of [SAMPLE, MINIMAL]) {
      const result = parseAnalysis(readText(file));
      assert.ok(result.ok);
      assert.deepEqual(plain(result.analysis), plain(analysisSchema.parse(JSON.parse(readText(file)))));
    }
  });

  it('keeps a language that is given', () => {
    const doc = minimalDoc();
    doc.language = 'es-MX';
    const result = validateAnalysis(doc);
    assert.ok(result.ok);
    assert.equal(result.analysis.language, 'es-MX');
  });
});

// The committed corpus of broken documents: one defect each, described in expected.json.
interface Expectation {
  code: ErrorCode;
  path?: string;
  message?: string;
  count?: number;
  /** Further issues the same defect legitimately produces. */
  also?: { path: string; message: string }[];
  /** Why the expectation is what it is, shown when it fails. */
  note?: string;
}

const manifest = JSON.parse(readText(join(INVALID_DIR, MANIFEST))) as Record<string, Expectation>;
const fixtureFiles = readdirSync(INVALID_DIR)
  .filter((name) => name.endsWith('.json') && name !== MANIFEST)
  .sort();

describe('invalid fixtures', () => {
  it('has a manifest entry for every fixture file, and a file for every entry', () => {
    assert.ok(fixtureFiles.length >= 25, `only ${fixtureFiles.length} fixtures`);
    assert.deepEqual(Object.keys(manifest).sort(), fixtureFiles);
  });

  for (const [file, expected] of Object.entries(manifest)) {
    it(`${file} → ${expected.code}${expected.path !== undefined ? ` at "${expected.path}"` : ''}`, () => {
      const result = parseAnalysis(readText(join(INVALID_DIR, file)));
      if (result.ok) assert.fail(`${file} validated, but it should fail with ${expected.code}`);
      const { error } = result;
      assert.equal(error.code, expected.code, `${file}: wrong error code (${error.message})`);

      if (expected.code === 'json') {
        assert.match(error.message, /^The analysis is not valid JSON/);
        assert.equal(error.issues, undefined, 'a JSON syntax error has no location in the document');
        return;
      }

      const issues = error.issues ?? [];
      const shown = `${file}${expected.note ? ` (${expected.note})` : ''}; the validator reported:\n${describeIssues(issues)}`;
      for (const want of [{ path: expected.path, message: expected.message }, ...(expected.also ?? [])]) {
        assert.ok(
          issues.some((issue) => issue.path === want.path && issue.message === want.message),
          `expected "${want.path}: ${want.message}" in ${shown}`,
        );
      }
      assert.equal(
        issues.length,
        expected.count,
        `expected exactly ${expected.count} issue(s) for one defect in ${shown}`,
      );
      if (error.code === 'unsupported-version') assert.match(error.message, /uses schema version \d+;/);
      else
        assert.match(
          error.message,
          new RegExp(`has ${issues.length} problems?\\.$`),
          'the summary line counts the issues',
        );
    });
  }
});

// Cases too large or too odd to commit as files, built in the test.
describe('generated documents', () => {
  it('refuses a 10 MB summary with a "too long" message at summary', () => {
    const doc = minimalDoc();
    doc.summary = 'x'.repeat(10 * 1024 * 1024);
    const issues = issuesOf(validateAnalysis(doc));
    assert.equal(issues.length, 1, describeIssues(issues));
    assert.equal(issues[0]?.path, 'summary');
    assert.match(issues[0]?.message ?? '', /^is too long: 10,485,760 characters/);
  });

  it('reports deeply nested junk in a field as an error instead of throwing', () => {
    let junk: unknown = [];
    for (let i = 0; i < 10_000; i++) junk = [junk];
    const doc = minimalDoc();
    doc.sections = junk;
    const error = errorOf(validateAnalysis(doc));
    assert.equal(error.code, 'schema');
    assert.deepEqual(error.issues, [{ path: 'sections[0]', message: 'must be an object, not a list' }]);
  });

  it('reports JSON text of 100,000 nested arrays or objects as an error instead of throwing', () => {
    const arrays = parseAnalysis('['.repeat(100_000) + ']'.repeat(100_000));
    assert.deepEqual(issuesOf(arrays), [{ path: '', message: 'must be an object, not a list' }]);

    const objects = parseAnalysis('{"a":'.repeat(100_000) + '1' + '}'.repeat(100_000));
    assert.ok(
      issuesOf(objects).some((issue) => issue.path === 'a'),
      'the unknown top-level field is named',
    );
  });

  it('reports several problems at once, in one result', () => {
    const doc = minimalDoc();
    delete doc.question;
    doc.sources[0].url = 'javascript:alert(1)';
    doc.stances[0].actor = 'nobody';
    const error = errorOf(validateAnalysis(doc));
    const issues = error.issues ?? [];
    assert.equal(error.message, 'The analysis has 3 problems.');
    assert.deepEqual(
      issues.map((issue) => issue.path).sort(),
      ['question', 'sources[0].url', 'stances[0].actor'],
      describeIssues(issues),
    );
    // Shape problems outrank reference problems in the code.
    assert.equal(error.code, 'schema');
  });

  it('refuses text made only of invisible characters as empty, and keeps text that has them inside', () => {
    for (const blank of [' \t\n', '\u200B', '\u200F\u202E\u2066', '\uFEFF\u2060']) {
      const doc = minimalDoc();
      doc.question = blank;
      const issues = errorOf(validateAnalysis(doc)).issues ?? [];
      assert.deepEqual(
        issues.map((issue) => `${issue.path}: ${issue.message}`),
        ['question: must not be empty'],
        JSON.stringify(blank),
      );
    }
    const doc = minimalDoc();
    doc.question = '\u200FQué\u200D pasa 👩\u200D👩\u200D👧';
    assert.ok(validateAnalysis(doc).ok);
  });

  // Partial dates keep the precision the analysis knows; impossible ones are refused.
  for (const date of ['2025', '2025-04', '2024-02-29', '2025-12-31']) {
    it(`accepts the date "${date}"`, () => {
      const doc = minimalDoc();
      doc.statements[0].date = date;
      const result = validateAnalysis(doc);
      assert.ok(result.ok, !result.ok ? describeIssues(result.error.issues ?? []) : '');
      assert.equal(result.analysis.statements[0]?.date, date);
    });
  }
  for (const date of ['2025-02-29', '2025-00', '25', '2025-4', '2025-04-31', '2025-04-08T10:00:00Z']) {
    it(`refuses the date "${date}" at statements[0].date`, () => {
      const doc = minimalDoc();
      doc.statements[0].date = date;
      const issues = issuesOf(validateAnalysis(doc));
      assert.ok(issues.length > 0);
      assert.ok(
        issues.every((issue) => issue.path === 'statements[0].date'),
        describeIssues(issues),
      );
    });
  }
});

// The elements hand validateAnalysis whatever JS value a page assigns to `analysis`.
describe('validateAnalysis never throws', () => {
  const odd: [string, () => unknown][] = [
    ['undefined', () => undefined],
    ['a number', () => 42],
    ['a string', () => 'string'],
    ['a function', () => () => ({})],
    ['a symbol', () => Symbol('analysis')],
    ['a bigint', () => 1n],
    ['an empty object', () => ({})],
    ['an object without a prototype', () => Object.create(null)],
  ];
  for (const [label, make] of odd) {
    it(`returns a schema error for ${label}`, () => {
      const error = errorOf(validateAnalysis(make()));
      assert.equal(error.code, 'schema');
      assert.ok((error.issues ?? []).length > 0);
    });
  }

  it('reports a function or symbol where text belongs as a wrong type', () => {
    for (const value of [() => 'x', Symbol('x')]) {
      const doc = minimalDoc();
      doc.summary = value;
      const issues = issuesOf(validateAnalysis(doc));
      assert.ok(
        issues.some((issue) => issue.path === 'summary' && issue.message.startsWith('must be text, not a')),
        describeIssues(issues),
      );
    }
  });

  it('treats a "__proto__" key from JSON as an unknown field, not a prototype', () => {
    const text = readText(MINIMAL).replace(
      '"question"',
      '"__proto__": { "polluted": true, "schemaVersion": 2 }, "question"',
    );
    assert.deepEqual(issuesOf(parseAnalysis(text)), [
      { path: '__proto__', message: 'is not a field of the analysis schema (check the spelling)' },
    ]);
    assert.equal(({} as Record<string, unknown>).polluted, undefined, 'Object.prototype is untouched');
  });

  it('accepts a valid document built from objects without a prototype', () => {
    const doc: unknown = JSON.parse(readText(MINIMAL), (_key, value: unknown) =>
      value !== null && typeof value === 'object' && !Array.isArray(value)
        ? Object.assign(Object.create(null), value)
        : value,
    );
    const result = validateAnalysis(doc);
    assert.ok(result.ok, !result.ok ? describeIssues(result.error.issues ?? []) : '');
    assert.equal(result.analysis.language, 'en');
  });

  it('reports a document that contains itself without looping', () => {
    const doc = minimalDoc();
    doc.publisher = doc;
    doc.keyPoints = [doc];
    const issues = issuesOf(validateAnalysis(doc));
    assert.ok(
      issues.some((issue) => issue.path === 'keyPoints[0]'),
      describeIssues(issues),
    );
    assert.ok(
      issues.some((issue) => issue.path === 'publisher.name'),
      describeIssues(issues),
    );
  });
});
