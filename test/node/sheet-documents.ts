/** Valid analyses generated for the workbook round trip: text a spreadsheet must keep as typed. */
import fc from 'fast-check';
import { ACTOR_KINDS, CONFIDENCE_LEVELS, POSITIONS, SOURCE_TYPES, STATEMENT_KINDS } from '../../src/schema/analysis.js';

/** Characters a workbook could lose: XML-forbidden controls, Excel's own escape, leading = and spaces. */
export const EXIT_CHARS = [
  '\u0001',
  '\u000B',
  '\uFFFE',
  '_x0041_',
  '_x005F_',
  '=1+1',
  '+SUM(A1)',
  ' ',
  '\t',
  '\r',
  '\n',
  '"',
  "'",
  '&amp;',
  '<b>',
  '[1]',
  'ñ',
  '😀',
  '\u200D',
  '\uD800',
  ',',
  ';',
] as const;

const unit = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...EXIT_CHARS) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 4 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 3 }) },
);
/**
 * Text with a visible letter so the schema accepts it, surrounded by anything but a CR LF pair:
 * a spreadsheet keeps a line break in a cell as LF alone (SheetJS reads CR LF as LF, as Excel
 * writes it), the one change a workbook makes to text; a lone CR is kept.
 */
const text = fc
  .tuple(fc.array(unit, { maxLength: 4 }), fc.array(unit, { maxLength: 4 }))
  .map(([before, after]) => `${before.join('')}x${after.join('')}`.replace(/\r+\n/g, '\n'));
const slug = fc.stringMatching(/^[a-z0-9]{1,6}(-[a-z0-9]{1,4})?$/);
const date = fc.constantFrom('2025', '2025-04', '2025-04-18', '1999-12-31', '0001');
const label = fc.integer({ min: 1, max: 40 }).map(String);
const quote = fc.option(fc.record({ text, speaker: text, date }, { requiredKeys: ['text'] }), { nil: undefined });
const strip = <T extends object>(value: T): T =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;

export const validDocument = fc
  .record({
    id: slug,
    language: fc.constantFrom('en', 'es', 'es-MX'),
    question: text,
    summary: text,
    keyPoints: fc.option(fc.array(text, { minLength: 1, maxLength: 3 }), { nil: undefined }),
    unknowns: fc.option(fc.array(text, { minLength: 1, maxLength: 3 }), { nil: undefined }),
    publisher: fc.option(
      fc.record(
        { name: text, url: fc.constantFrom('https://example.org/a?b=1', 'http://x.test') },
        { requiredKeys: ['name'] },
      ),
      { nil: undefined },
    ),
    published: fc.option(date, { nil: undefined }),
    updated: fc.option(date, { nil: undefined }),
    sections: fc.uniqueArray(
      fc.record({ id: slug, title: text, paragraphs: fc.array(text, { minLength: 1, maxLength: 3 }) }),
      {
        selector: (section) => section.id,
        maxLength: 4,
      },
    ),
    actors: fc.uniqueArray(
      fc.record(
        { id: slug, name: text, kind: fc.constantFrom(...ACTOR_KINDS), country: text, description: text },
        { requiredKeys: ['id', 'name', 'kind'] },
      ),
      { selector: (actor) => actor.id, minLength: 1, maxLength: 4 },
    ),
    // Always a source 1: the text may cite [1].
    sourceIds: fc.uniqueArray(label, { maxLength: 4 }).map((ids) => ['1', ...ids.filter((id) => id !== '1')]),
    stanceSeeds: fc.array(
      fc.record({
        position: fc.constantFrom(...POSITIONS),
        headline: text,
        summary: text,
        quote,
        confidence: fc.option(fc.constantFrom(...CONFIDENCE_LEVELS), { nil: undefined }),
      }),
      { maxLength: 4 },
    ),
    statementSeeds: fc.array(
      fc.record({
        date: fc.option(date, { nil: undefined }),
        text,
        quote,
        kind: fc.option(fc.constantFrom(...STATEMENT_KINDS), { nil: undefined }),
      }),
      { maxLength: 4 },
    ),
    sourceSeeds: fc.array(
      fc.record({
        title: text,
        publisher: fc.option(text, { nil: undefined }),
        url: fc.option(fc.constantFrom('https://example.org/x', 'https://ex.test/a%20b'), { nil: undefined }),
        date: fc.option(date, { nil: undefined }),
        type: fc.option(fc.constantFrom(...SOURCE_TYPES), { nil: undefined }),
      }),
      { minLength: 5, maxLength: 5 },
    ),
  })
  .map((seed) => {
    const actorIds = seed.actors.map((actor) => actor.id);
    const pick = (i: number) => seed.sourceIds.slice(0, i % (seed.sourceIds.length + 1));
    return strip({
      schemaVersion: 1 as const,
      id: seed.id,
      language: seed.language,
      question: seed.question,
      summary: seed.summary,
      keyPoints: seed.keyPoints,
      unknowns: seed.unknowns,
      publisher: seed.publisher ? strip(seed.publisher) : undefined,
      published: seed.published,
      updated: seed.updated,
      sections: seed.sections,
      actors: seed.actors.map(strip),
      stances: seed.stanceSeeds.slice(0, actorIds.length).map((stance, i) =>
        strip({
          id: `stance-${i}`,
          actor: actorIds[i]!,
          ...stance,
          quote: stance.quote && strip(stance.quote),
          sources: pick(i),
        }),
      ),
      statements: seed.statementSeeds.map((statement, i) =>
        strip({
          id: `st-${i}`,
          actor: actorIds[i % actorIds.length]!,
          ...statement,
          quote: statement.quote && strip(statement.quote),
          sources: pick(i + 1),
        }),
      ),
      sources: seed.sourceIds.map((id, i) => strip({ id, ...seed.sourceSeeds[i]! })),
    });
  });
