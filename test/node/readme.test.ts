// The README's schema reference is hand-written for editors; this keeps it honest:
// every field the zod schema accepts must appear in the README's table for its object.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import {
  actorSchema,
  analysisSchema,
  publisherSchema,
  quoteSchema,
  sectionSchema,
  sourceSchema,
  stanceSchema,
  statementSchema,
} from '../../src/schema/analysis.js';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

function tableUnder(heading: string): string {
  const start = readme.indexOf(`\n### ${heading}\n`);
  assert.notEqual(start, -1, `README has no "### ${heading}" section`);
  const end = readme.indexOf('\n#', start + 5);
  return readme.slice(start, end === -1 ? undefined : end);
}

const objects = {
  Analysis: analysisSchema,
  Section: sectionSchema,
  Actor: actorSchema,
  Stance: stanceSchema,
  Statement: statementSchema,
  Quote: quoteSchema,
  Source: sourceSchema,
};

describe('README schema reference', () => {
  for (const [heading, schema] of Object.entries(objects)) {
    it(`documents every field of ${heading}`, () => {
      const table = tableUnder(heading);
      for (const field of Object.keys(schema.shape)) {
        assert.match(table, new RegExp(`\`${field}\``), `README ### ${heading} does not mention \`${field}\``);
      }
    });
  }

  it('documents the publisher object inline', () => {
    for (const field of Object.keys(publisherSchema.shape)) assert.match(tableUnder('Analysis'), new RegExp(field));
  });
});
