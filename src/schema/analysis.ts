/**
 * The structured analysis, schema version 1: the one place its field rules live.
 *
 * Written with `zod/mini` (about a quarter of the full API's bytes, and no `new Function`
 * probe, so it runs under a strict CSP). Types are inferred from it, never written twice.
 * Rules that span fields (ids that must resolve, unique ids) live in `references.ts`;
 * `validate.ts` runs both and turns zod's issues into messages for editors.
 */
import * as z from 'zod/mini';
import { SOURCE_ID_PATTERN } from './citations.js';
import { PARTIAL_DATE_PATTERN, parsePartialDate } from './dates.js';
import { hideEnumerables, restoreEnumerables } from './own-data.js';
import { isHttpUrl } from './urls.js';

// zod sets up each kind of schema on first use with `for…in`, which throws on a page that
// added enumerable properties to Object.prototype: hide them while the schemas below are
// built, and put them back right after (the page's own modules may run next, synchronously).
const pageEnumerables = hideEnumerables();

/** The schema version this build reads. */
export const SCHEMA_VERSION = 1;

/** Field descriptions, kept beside the rules and carried into the JSON Schema. */
export const fieldDocs = z.registry<{ description: string }>();

function doc<T extends z.ZodMiniType>(schema: T, description: string): T {
  fieldDocs.add(schema, { description });
  return schema;
}

/** A BCP 47 language tag, loosely: `en`, `es-MX`, `zh-Hant-TW`. */
export const LANGUAGE_TAG = /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/;

// Limits generous for any real analysis, small enough to stop a pasted 10 MB blob. The schemas
// below use these constants, not LIMITS: a bundle of the elements, which never reads LIMITS,
// then inlines the numbers and leaves the object out.
const SHORT_TEXT_MAX = 300;
const TEXT_MAX = 5_000;
const SOURCE_TITLE_MAX = 500;
const SLUG_MAX = 80;
const URL_MAX = 2_000;
const ITEMS_MAX = 200;
const STATEMENTS_MAX = 20_000;

/** The schema's limits, for code that writes analyses (the TimelineJS importer) and must fit them. */
export const LIMITS = {
  shortText: SHORT_TEXT_MAX,
  text: TEXT_MAX,
  sourceTitle: SOURCE_TITLE_MAX,
  slug: SLUG_MAX,
  url: URL_MAX,
  items: ITEMS_MAX,
  statements: STATEMENTS_MAX,
} as const;

// Blank text counts as empty: it would render as nothing. Blank includes the invisible
// format characters (zero-width spaces and joiners, direction marks and overrides, BOM), which
// a paste from a word processor can leave alone in a field: a heading made of them is empty.
const VISIBLE = /[^\s\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/;
const text = (max: number = TEXT_MAX) => z.string().check(z.regex(VISIBLE, 'must not be empty'), z.maxLength(max));

const slug = () =>
  z
    .string()
    .check(
      z.maxLength(SLUG_MAX),
      z.regex(
        /^[a-z0-9]+(-[a-z0-9]+)*$/,
        'must be a slug: lowercase letters, digits and single hyphens, like "mexico-government"',
      ),
    );

const sourceId = () =>
  z.string().check(z.regex(SOURCE_ID_PATTERN, 'must be a citation label: a whole number written as text, like "3"'));

const partialDate = () =>
  z.string().check(
    z.regex(PARTIAL_DATE_PATTERN, 'must be a date written as YYYY, YYYY-MM or YYYY-MM-DD'),
    // Only judge the calendar once the shape is right, so one mistake gives one message.
    z.refine(
      (value) => !PARTIAL_DATE_PATTERN.test(value) || parsePartialDate(value) !== undefined,
      'is not a real calendar date',
    ),
  );

export { isHttpUrl };

const HTTP_PREFIX = /^https?:\/\//i;

const httpUrl = () =>
  z.string().check(
    z.maxLength(URL_MAX),
    // The pattern is what JSON Schema consumers see; the refine is the real check.
    z.regex(HTTP_PREFIX, 'must be a web address starting with http:// or https://'),
    // Only judge the rest once the prefix is right, so one mistake gives one message.
    z.refine((value) => !HTTP_PREFIX.test(value) || isHttpUrl(value), 'is not a valid web address'),
  );

const list = <T extends z.ZodMiniType>(item: T, max: number = ITEMS_MAX) => z.array(item).check(z.maxLength(max));

export const ACTOR_KINDS = ['government', 'official', 'media', 'expert', 'organization', 'public', 'other'] as const;
export const POSITIONS = ['supports', 'opposes', 'mixed', 'neutral', 'unclear'] as const;
export const CONFIDENCE_LEVELS = ['low', 'medium', 'high'] as const;
export const STATEMENT_KINDS = ['statement', 'report', 'policy', 'legal', 'action'] as const;
export const SOURCE_TYPES = ['news', 'government', 'legal', 'academic', 'analysis', 'other'] as const;

export const quoteSchema = z.strictObject({
  text: text(),
  speaker: z.optional(text(SHORT_TEXT_MAX)),
  date: z.optional(partialDate()),
});

export const sectionSchema = z.strictObject({
  id: slug(),
  title: text(SHORT_TEXT_MAX),
  paragraphs: list(text()).check(z.minLength(1)),
});

export const actorSchema = z.strictObject({
  id: slug(),
  name: text(SHORT_TEXT_MAX),
  kind: z.enum(ACTOR_KINDS),
  country: z.optional(text(SHORT_TEXT_MAX)),
  description: z.optional(text(1_000)),
});

export const stanceSchema = z.strictObject({
  id: slug(),
  actor: doc(slug(), 'The id of the actor who holds this position.'),
  position: z.enum(POSITIONS),
  headline: text(SHORT_TEXT_MAX),
  summary: text(),
  quote: z.optional(quoteSchema),
  confidence: z.optional(z.enum(CONFIDENCE_LEVELS)),
  sources: list(sourceId()),
});

export const statementSchema = z.strictObject({
  id: slug(),
  actor: slug(),
  date: z.optional(partialDate()),
  text: text(),
  quote: z.optional(quoteSchema),
  kind: z.optional(z.enum(STATEMENT_KINDS)),
  sources: list(sourceId()),
});

export const sourceSchema = z.strictObject({
  id: doc(sourceId(), 'The citation label as written in the text: "3" for [3].'),
  title: text(SOURCE_TITLE_MAX),
  publisher: z.optional(text(SHORT_TEXT_MAX)),
  url: z.optional(httpUrl()),
  date: z.optional(partialDate()),
  type: z.optional(z.enum(SOURCE_TYPES)),
});

export const publisherSchema = z.strictObject({
  name: text(SHORT_TEXT_MAX),
  url: z.optional(httpUrl()),
});

export const analysisSchema = z.strictObject({
  schemaVersion: doc(z.literal(SCHEMA_VERSION), 'Always 1 for this version of the schema.'),
  id: doc(slug(), 'A stable slug for the analysis, like "mexico-us-deployment".'),
  language: doc(
    // oxlint-disable-next-line no-underscore-dangle -- zod/mini's name for a default
    z._default(z.string().check(z.regex(LANGUAGE_TAG, 'must be a BCP 47 language tag, like "en" or "es-MX"')), 'en'),
    'The language the analysis is written in (BCP 47). Default "en".',
  ),
  question: doc(text(SHORT_TEXT_MAX), 'The headline question the analysis answers.'),
  summary: doc(text(), 'The executive summary. May cite sources as [1].'),
  keyPoints: z.optional(list(text(1_000), 50)),
  unknowns: doc(z.optional(list(text(1_000), 50)), 'Open factual gaps the analysis names.'),
  publisher: z.optional(publisherSchema),
  published: z.optional(partialDate()),
  updated: z.optional(partialDate()),
  sections: doc(list(sectionSchema, 100), 'Numbered in the order given.'),
  actors: list(actorSchema, 1_000),
  stances: doc(list(stanceSchema, 1_000), 'At most one stance per actor.'),
  statements: doc(list(statementSchema, STATEMENTS_MAX), 'Dated statements for the timeline.'),
  sources: doc(list(sourceSchema, 2_000), 'Every source the text cites, and any it does not.'),
});

restoreEnumerables(pageEnumerables); // every schema is built above this line

/** A validated analysis, as the elements receive it. */
export type Analysis = z.output<typeof analysisSchema>;
/** An analysis as written in JSON (`language` may be left out). */
export type AnalysisInput = z.input<typeof analysisSchema>;
export type Section = z.output<typeof sectionSchema>;
export type Actor = z.output<typeof actorSchema>;
export type Stance = z.output<typeof stanceSchema>;
export type Statement = z.output<typeof statementSchema>;
export type Source = z.output<typeof sourceSchema>;
export type Quote = z.output<typeof quoteSchema>;
export type ActorKind = Actor['kind'];
export type Position = Stance['position'];
export type Confidence = NonNullable<Stance['confidence']>;
export type StatementKind = NonNullable<Statement['kind']>;
export type SourceType = NonNullable<Source['type']>;
