/**
 * Bad documents, generated (issue 8, point 1): fast-check arbitraries that start from the
 * valid analyses (data/mexico-us-deployment.json, test/fixtures/valid/minimal.json) and
 * break them the ways hand-written documents break under deadline: fields removed, wrong
 * types, huge and empty strings, unicode edge cases (bidi marks and overrides, zero-width
 * joiners, emoji sequences and flags, combining marks, lone surrogates), dangling and
 * duplicated ids, nulls, arrays where objects belong, deep nesting, damaged JSON text.
 *
 * Most mutations break the document; "gentle" ones (hostile but legal text, optional
 * fields left out) keep about a fifth of the documents valid, so rendering is fuzzed too.
 *
 * A generated case is data, not a document: the base's name plus a short list of
 * mutations, so a shrunk counterexample reads as "sample, with stances[2].actor set to
 * null" and can be pasted back into the test as a fixed regression case. `buildDocument`
 * and `deliveredInput` turn a case into what the element is given.
 *
 * Nothing here touches the DOM or the elements: it runs in the browser and in Node alike.
 */
import fc from 'fast-check';

/** The valid documents every case starts from (parsed JSON, never mutated here). */
export interface Bases {
  sample: unknown;
  minimal: unknown;
}

export type BaseName = keyof Bases;

/** A place in a document: `['stances', 2, 'actor']`. The empty path is the whole document. */
export type Path = readonly (string | number)[];

export type Mutation =
  | { op: 'remove'; at: Path }
  | { op: 'set'; at: Path; value: unknown }
  /** Text added around an existing string (keeps the field, so the document often stays valid). */
  | { op: 'affix'; at: Path; before: string; after: string }
  /** One id or reference copied over another: duplicated ids, or references that now dangle. */
  | { op: 'copy'; from: Path; at: Path }
  /** An array item appended `times` more times (duplicated ids, lists over their limit). */
  | { op: 'duplicate'; at: Path; times: number }
  /** The value wrapped in an array: an array where an object or a string belongs. */
  | { op: 'wrap'; at: Path }
  /** The value buried `depth` levels deep in alternating objects and arrays. */
  | { op: 'nest'; at: Path; depth: number }
  /** A field the schema does not know (typos, `__proto__`, `constructor`, …). */
  | { op: 'add-field'; at: Path; key: string; value: unknown };

/**
 * How the element receives the document: the `analysis` property as a plain object, as a
 * deep-frozen one (Redux Toolkit and Immer freeze state), as a deep proxy (what Vue's
 * `reactive()` hands over), or as JSON text; or a child `<script type="application/json">`.
 */
export type Delivery = 'property' | 'frozen-property' | 'proxy-property' | 'json-text' | 'child-script';

/** Damage done to the JSON text itself, for the text deliveries. */
export type TextDamage = { cut: number } | { prefix: string } | { suffix: string };

/**
 * What the selecting elements are pointed at: the stance card's actor and the citation's
 * source, taken from the document (`listed`) or deliberately not in it (`unlisted`).
 */
export type Selection = 'listed' | 'unlisted';

export interface DocumentCase {
  base: BaseName;
  mutations: Mutation[];
  delivery: Delivery;
  damage: TextDamage | null;
  selection: Selection;
}

// ---------------------------------------------------------------------------------------
// Text that breaks things: the unicode and size edge cases.
// ---------------------------------------------------------------------------------------

/** Single "characters" known to trip up text handling, each named for the failure report. */
export const EDGE_UNITS = [
  '\u200F', // RIGHT-TO-LEFT MARK
  '\u200E', // LEFT-TO-RIGHT MARK
  '\u202E', // RIGHT-TO-LEFT OVERRIDE (flips the rest of the line)
  '\u202D', // LEFT-TO-RIGHT OVERRIDE
  '\u202C', // POP DIRECTIONAL FORMATTING, unbalanced
  '\u2067', // RIGHT-TO-LEFT ISOLATE, never closed
  '\u2069', // POP DIRECTIONAL ISOLATE, never opened
  '\u061C', // ARABIC LETTER MARK
  'مرحبا', // Arabic text
  'שלום', // Hebrew text
  '\u200D', // ZERO WIDTH JOINER
  '\u200C', // ZERO WIDTH NON-JOINER
  '\u200B', // ZERO WIDTH SPACE
  '\u2060', // WORD JOINER
  '\uFEFF', // BYTE ORDER MARK inside text
  '\u00AD', // SOFT HYPHEN
  '👩‍👩‍👧‍👦', // family: a ZWJ sequence
  '🏳️‍🌈', // rainbow flag: ZWJ + variation selector
  '🇲🇽🇺🇸', // two regional-indicator flags
  '🇲', // half a flag
  '👍🏽', // skin-tone modifier
  '1️⃣', // keycap sequence
  '🧑🏿‍🦽', // ZWJ + skin tone
  'e\u0301', // e + combining acute
  'Z\u0337\u0322\u031B\u0354\u0330\u0333\u0344a\u0306\u0336\u0322l\u0338g\u0336o', // zalgo
  '\u0301', // combining mark with nothing to combine with
  '\uD800', // lone high surrogate
  '\uDFFF', // lone low surrogate
  '\uDC00\uD800', // surrogates in the wrong order
  '\u0000', // NUL
  '\u0007', // BEL
  '\u001B[31m', // terminal colour escape
  '\u2028', // LINE SEPARATOR
  '\u2029', // PARAGRAPH SEPARATOR
  '\r\n',
  '\t',
  '\u00A0', // NO-BREAK SPACE (whitespace to \s)
  '\u3000', // IDEOGRAPHIC SPACE
  '\uFFFD', // REPLACEMENT CHARACTER
  '\uFFFF', // a noncharacter
  '\u{10FFFF}', // the last code point
  '𝕳𝖊𝖑𝖑𝖔', // mathematical letters (astral)
  'ﷺ', // one code point, very wide
  '[1]', // a citation marker
  '[999]', // a marker for a source that does not exist
  '[0]', // not a marker (ids start at 1)
  '[12345]', // not a marker (at most four digits)
  '<b>', // markup, which must stay text
  '&amp;', // an entity, which must stay text
] as const;

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((unit) => String.fromCharCode(unit));

/** One unit of hostile text: a known edge case, a lone surrogate, or any grapheme / code point. */
const unicodeUnit: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...EDGE_UNITS) },
  { weight: 1, arbitrary: loneSurrogate },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 3 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 3 }) },
);

/** A short run of hostile text (may be empty). */
export const unicodeText: fc.Arbitrary<string> = fc.array(unicodeUnit, { maxLength: 8 }).map((units) => units.join(''));

/** Lengths at and just past the schema's limits (300, 500, 1,000, 5,000), and 100k. */
const EDGE_LENGTHS = [1, 80, 81, 300, 301, 500, 501, 1_000, 1_001, 2_000, 2_001, 5_000, 5_001, 100_000] as const;

/**
 * A long string built by repeating a unit to an exact length; cutting it there may split
 * a surrogate pair or a ZWJ sequence, which is one more edge case.
 */
const sizedText: fc.Arbitrary<string> = fc
  .record({
    unit: fc.oneof(
      fc.constant('x'),
      fc.constant('word '),
      unicodeUnit.filter((unit) => unit.length > 0),
    ),
    length: fc.constantFrom(...EDGE_LENGTHS),
  })
  .map(({ unit, length }) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length));

/** Text that is empty, or only looks empty. */
const blankText = fc.constantFrom(
  '',
  ' ',
  '   ',
  '\n\t',
  '\u00A0',
  '\u3000',
  '\u200B',
  '\u200B\u200D\u200C',
  '\uFEFF',
  '\u202E',
);

export const hostileText: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: unicodeText.filter((text) => text !== '') },
  { weight: 2, arbitrary: sizedText },
  { weight: 2, arbitrary: blankText },
  { weight: 1, arbitrary: fc.string() },
);

// ---------------------------------------------------------------------------------------
// Values of the wrong kind, and values of the right kind that mean something wrong.
// ---------------------------------------------------------------------------------------

/** Values JSON can hold, of any type: what a hand-edited document gets wrong. */
const wrongType = fc.oneof(
  fc.constantFrom<unknown>(
    null,
    true,
    false,
    0,
    -1,
    1,
    1.5,
    1e308,
    -0,
    '1',
    'null',
    'true',
    [],
    {},
    [null],
    [[]],
    [{}],
  ),
  fc.jsonValue({ maxDepth: 3 }),
);

/**
 * Values only the `analysis` property can carry (JSON text cannot): a framework handing
 * over whatever it has. JSON text turns most of them into null or drops them.
 */
const scriptOnlyValues = fc.constantFrom<unknown>(
  undefined,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  10n,
  Symbol('nw'),
  () => 'a function',
  new Date(0),
  new Map([['id', 'x']]),
  new Set(['1']),
  /regex/,
  Object.create(null),
  // oxlint-disable-next-line no-sparse-arrays -- the hole is the point
  [, 'hole'], // a sparse array: its first item is missing, not undefined
);

/** Ids, valid or not, that the document does not define: dangling references. */
const strangeIds = fc.constantFrom(
  'ghost-actor',
  'nobody',
  'a',
  'x-1',
  '999',
  '9999',
  '0',
  '01',
  '1.0',
  '-1',
  '10000',
  '',
  ' ',
  'Bad Id',
  'UPPER',
  'a--b',
  '-a',
  'a-',
  'é',
  'a\u200Db',
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  '1 ',
  ' 1',
);

/** Enum values (positions, kinds, confidence, types), valid ones and near misses. */
const enumValues = fc.constantFrom(
  'supports',
  'opposes',
  'mixed',
  'neutral',
  'unclear',
  'Supports',
  'SUPPORTS',
  'support',
  'maybe',
  'government',
  'official',
  'media',
  'expert',
  'organization',
  'public',
  'other',
  'person',
  'low',
  'medium',
  'high',
  'HIGH',
  'statement',
  'report',
  'policy',
  'legal',
  'action',
  'news',
  'academic',
  'analysis',
  'blog',
);

const dates = fc.constantFrom(
  '2025',
  '2025-04',
  '2025-04-08',
  '2024-02-29',
  '2025-02-29',
  '2025-02-30',
  '2025-13',
  '2025-00',
  '2025-04-31',
  '0000',
  '0001-01-01',
  '9999-12-31',
  '1900-02-29',
  '2000-02-29',
  '25',
  '2025-4-8',
  '2025/04/08',
  '08-04-2025',
  '2025-04-08T10:00:00Z',
  ' 2025',
  '２０２５',
  '',
);

const urls = fc.constantFrom(
  'https://example.org/a',
  'http://example.org',
  'https://example.org/' + 'a'.repeat(2_000),
  'https://',
  'http://:80',
  'https://exa mple.org',
  'https://[::1]/',
  'https://例え.jp/パス?q=✓#frag',
  'HTTPS://EXAMPLE.ORG',
  'ftp://example.org',
  '//example.org/a',
  '/relative',
  'example.org',
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  ' https://example.org',
  'data:text/html,<script>alert(1)</script>',
  'https://user:pass@example.org',
  '',
);

const languages = fc.constantFrom(
  'en',
  'es',
  'es-MX',
  'EN',
  'en-GB',
  'zh-Hant-TW',
  'de',
  'ar',
  'he',
  'fr-CA',
  'en-12',
  'abc-defghijk',
  'ES-mx',
  'es_MX',
  'e',
  'english',
  '',
  'x-klingon',
  'qaa',
  'und',
  'tlh',
  'zz-ZZ',
  'en-US-u-ca-buddhist',
  'ar-EG-u-nu-arab',
);

/** Anything a field could be set to. */
const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileText },
  { weight: 3, arbitrary: wrongType },
  { weight: 1, arbitrary: scriptOnlyValues },
  { weight: 1, arbitrary: strangeIds },
  { weight: 1, arbitrary: enumValues },
  { weight: 1, arbitrary: dates },
  { weight: 1, arbitrary: urls },
  { weight: 1, arbitrary: languages },
  { weight: 1, arbitrary: fc.integer({ min: -2, max: 3 }) },
);

/** What the whole document could be instead of an object. */
const rootValues = fc.constantFrom<unknown>(
  null,
  [],
  [{}],
  'analysis',
  '{"schemaVersion":1}',
  '',
  0,
  1,
  true,
  {},
  { schemaVersion: 1 },
  { schemaVersion: 2 },
  { schemaVersion: '1' },
  { schemaVersion: 1.5 },
  { schemaVersion: -1 },
  () => 'a function',
  new Date(0),
);

/** Field names the schema does not have: typos, case slips, prototype names, blanks. */
const fieldNames = fc.oneof(
  fc.constantFrom(
    'questoin',
    'Question',
    'summmary',
    'keypoints',
    'key_points',
    'stance',
    'source',
    'schema_version',
    'ID',
    '__proto__',
    'constructor',
    'prototype',
    'toString',
    'hasOwnProperty',
    'valueOf',
    '',
    ' ',
    '$ref',
    '@context',
    'id ',
    '\u200Bid',
    'ｉｄ',
  ),
  fc.string({ minLength: 1, maxLength: 12 }),
);

// ---------------------------------------------------------------------------------------
// Where in the document: paths collected from the base.
// ---------------------------------------------------------------------------------------

interface Places {
  /** Every value in the document, the root excluded. */
  all: Path[];
  strings: Path[];
  /** Free text (questions, titles, paragraphs, quotes…): any non-blank text up to a limit is valid there. */
  prose: Path[];
  /** Fields and list items the schema lets a document leave out. */
  optional: Path[];
  /** Partial dates. */
  dates: Path[];
  /** Objects, the root included (for unknown fields). */
  objects: Path[];
  /** Items of arrays (for duplicates). */
  items: Path[];
  /** Ids and the references to them: `id`, `actor`, the items of `sources` lists. */
  ids: Path[];
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const PROSE_FIELDS = new Set([
  'question',
  'summary',
  'title',
  'name',
  'headline',
  'text',
  'speaker',
  'country',
  'description',
]);
const PROSE_LISTS = new Set(['keyPoints', 'unknowns', 'paragraphs']);
const OPTIONAL_FIELDS = new Set([
  'language',
  'keyPoints',
  'unknowns',
  'publisher',
  'published',
  'updated',
  'country',
  'description',
  'quote',
  'speaker',
  'date',
  'confidence',
  'url',
  'type',
]);
const DATE_FIELDS = new Set(['date', 'published', 'updated']);

function placesIn(doc: unknown): Places {
  const places: Places = { all: [], strings: [], prose: [], optional: [], dates: [], objects: [], items: [], ids: [] };
  const visit = (value: unknown, path: Path, inArray: boolean) => {
    const key = path.at(-1);
    const parent = path.at(-2);
    if (path.length > 0) places.all.push(path);
    if (inArray) places.items.push(path);
    if (typeof key === 'string' && OPTIONAL_FIELDS.has(key)) places.optional.push(path);
    if (typeof key === 'number' && typeof parent === 'string' && PROSE_LISTS.has(parent)) places.optional.push(path);
    if (typeof value === 'string') {
      places.strings.push(path);
      if (key === 'id' || key === 'actor' || (typeof key === 'number' && parent === 'sources' && path.length > 2))
        places.ids.push(path);
      if (typeof key === 'string' ? PROSE_FIELDS.has(key) : typeof parent === 'string' && PROSE_LISTS.has(parent))
        places.prose.push(path);
      if (typeof key === 'string' && DATE_FIELDS.has(key)) places.dates.push(path);
    }
    if (Array.isArray(value)) value.forEach((item, i) => visit(item, [...path, i], true));
    else if (isObject(value)) {
      places.objects.push(path);
      for (const [field, item] of Object.entries(value)) visit(item, [...path, field], false);
    }
  };
  visit(doc, [], false);
  return places;
}

// ---------------------------------------------------------------------------------------
// The arbitraries.
// ---------------------------------------------------------------------------------------

function mutations(places: Places): fc.Arbitrary<Mutation> {
  const at = (paths: Path[]) => fc.constantFrom(...paths);
  return fc.oneof(
    { weight: 4, arbitrary: fc.record({ op: fc.constant('remove' as const), at: at(places.all) }) },
    { weight: 5, arbitrary: fc.record({ op: fc.constant('set' as const), at: at(places.all), value: anyValue }) },
    {
      weight: 6,
      arbitrary: fc.record({
        op: fc.constant('affix' as const),
        at: at(places.strings),
        before: unicodeText,
        after: unicodeText,
      }),
    },
    { weight: 2, arbitrary: fc.record({ op: fc.constant('copy' as const), from: at(places.ids), at: at(places.ids) }) },
    { weight: 2, arbitrary: fc.record({ op: fc.constant('set' as const), at: at(places.ids), value: strangeIds }) },
    {
      weight: 1,
      arbitrary: fc.record({
        op: fc.constant('duplicate' as const),
        at: at(places.items),
        times: fc.constantFrom(1, 2, 51, 201),
      }),
    },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('wrap' as const), at: at(places.all) }) },
    {
      weight: 1,
      arbitrary: fc.record({
        op: fc.constant('nest' as const),
        at: at(places.all),
        depth: fc.constantFrom(1, 2, 10, 100, 1_000, 3_000),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        op: fc.constant('add-field' as const),
        at: at(places.objects),
        key: fieldNames,
        value: anyValue,
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({ op: fc.constant('set' as const), at: fc.constant([] as Path), value: rootValues }),
    },
  );
}

/** Dates the schema accepts, at the edges of the calendar. */
const validDates = fc.constantFrom(
  '0000',
  '0001-01-01',
  '9999-12-31',
  '2024-02-29',
  '2000-02-29',
  '1900-02-28',
  '2025',
  '1999-12',
);

/** Text that is valid in most text fields: visible, and at most 300 characters (the shortest limit). */
const validishText: fc.Arbitrary<string> = fc.oneof(
  unicodeText.filter((text) => /\S/.test(text)),
  sizedText.filter((text) => text.length <= 300 && /\S/.test(text)),
);

/**
 * Mutations that mostly keep a document valid: hostile but legal text, optional fields
 * and list items left out, dates at the calendar's edges. These documents render, so they
 * reach the code that shows text, not only the code that shows errors.
 */
function gentleMutations(places: Places): fc.Arbitrary<Mutation> {
  const at = (paths: Path[]) => fc.constantFrom(...paths);
  return fc.oneof(
    {
      weight: 4,
      arbitrary: fc.record({
        op: fc.constant('affix' as const),
        at: at(places.prose),
        before: unicodeText,
        after: unicodeText,
      }),
    },
    { weight: 2, arbitrary: fc.record({ op: fc.constant('set' as const), at: at(places.prose), value: validishText }) },
    { weight: 2, arbitrary: fc.record({ op: fc.constant('remove' as const), at: at(places.optional) }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('set' as const), at: at(places.dates), value: validDates }) },
  );
}

/**
 * A case's mutations: usually one to four of any kind (nine documents in ten end up
 * invalid), about one case in eight one to three gentle ones (most stay valid), and one in
 * a hundred none at all: the valid base itself, which after the first few teaches nothing
 * new. About a fifth of all documents are valid, all but a few of them mutated.
 */
function mutationLists(places: Places): fc.Arbitrary<Mutation[]> {
  return fc.oneof(
    { weight: 1, arbitrary: fc.constant<Mutation[]>([]) },
    { weight: 12, arbitrary: fc.array(gentleMutations(places), { minLength: 1, maxLength: 3 }) },
    { weight: 87, arbitrary: fc.array(mutations(places), { minLength: 1, maxLength: 4 }) },
  );
}

// Text is parsed and validated once per element (seven times a document), so one case in
// ten goes as text: a thousand a run, enough for the text paths, cheap enough for the budget.
const deliveries: fc.Arbitrary<Delivery> = fc.oneof(
  { weight: 14, arbitrary: fc.constant('property' as const) },
  { weight: 2, arbitrary: fc.constant('frozen-property' as const) },
  { weight: 2, arbitrary: fc.constant('proxy-property' as const) },
  { weight: 1, arbitrary: fc.constant('json-text' as const) },
  { weight: 1, arbitrary: fc.constant('child-script' as const) },
);

const damages: fc.Arbitrary<TextDamage> = fc.oneof(
  fc.record({ cut: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({ prefix: fc.constantFrom('\uFEFF', ' \n', '<!doctype html>', ")]}'\n", 'x', '\u0000') }),
  fc.record({ suffix: fc.constantFrom(',', '}', ' // comment', '\u0000', '\n\n', ' ', 'x') }),
);

/**
 * Generated cases: a base, its mutations (see `mutationLists`), how it is delivered, for
 * one text delivery in three damage to the JSON text, and whether the selecting elements
 * ask for something the document has.
 */
export function documentCases(bases: Bases): fc.Arbitrary<DocumentCase> {
  const from = (base: BaseName) =>
    fc.record({
      base: fc.constant(base),
      mutations: mutationLists(placesIn(bases[base])),
      delivery: deliveries,
      damage: fc.oneof({ weight: 2, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: damages }),
      selection: fc.oneof(
        { weight: 4, arbitrary: fc.constant('listed' as const) },
        { weight: 1, arbitrary: fc.constant('unlisted' as const) },
      ),
    });
  // Valid, the sample costs about three times the minimal document to render in all seven
  // elements (a full render each time, nested ones included); one case in seven keeps
  // 10,000 documents within the suite's time budget while every field of both is reached.
  return fc.oneof({ weight: 6, arbitrary: from('minimal') }, { weight: 1, arbitrary: from('sample') });
}

// ---------------------------------------------------------------------------------------
// From a case to what the element is given.
// ---------------------------------------------------------------------------------------

/** Sets `key` as an own property, as JSON.parse does (plain assignment of `__proto__` would change the prototype). */
function put(target: Record<string | number, unknown> | unknown[], key: string | number, value: unknown): void {
  Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
}

function nested(value: unknown, depth: number): unknown {
  let out = value;
  for (let level = 0; level < depth; level++) out = level % 2 === 0 ? [out] : { deeper: out };
  return out;
}

function applyMutation(root: unknown, mutation: Mutation): unknown {
  const { at } = mutation;
  if (at.length === 0) {
    if (mutation.op === 'set') return copyOf(mutation.value);
    if (mutation.op === 'add-field' && isObject(root)) put(root, mutation.key, copyOf(mutation.value));
    return root;
  }
  // Earlier mutations may have removed or replaced the parent: then this one does nothing.
  let parent: unknown = root;
  for (const key of at.slice(0, -1)) {
    if (typeof parent !== 'object' || parent === null) return root;
    parent = (parent as Record<string | number, unknown>)[key];
  }
  if (typeof parent !== 'object' || parent === null) return root;
  const container = parent as Record<string | number, unknown>;
  const key = at.at(-1)!;
  if (!Object.hasOwn(container, key)) return root;
  const current = container[key];
  switch (mutation.op) {
    case 'remove':
      if (Array.isArray(container) && typeof key === 'number') container.splice(key, 1);
      else delete container[key];
      break;
    case 'set':
      put(container, key, copyOf(mutation.value));
      break;
    case 'affix':
      if (typeof current === 'string') put(container, key, mutation.before + current + mutation.after);
      break;
    case 'copy': {
      const source = valueAt(root, mutation.from);
      if (source !== undefined) put(container, key, structuredCloneLoose(source));
      break;
    }
    case 'duplicate':
      if (Array.isArray(container)) {
        for (let time = 0; time < mutation.times; time++) container.push(structuredCloneLoose(current));
      }
      break;
    case 'wrap':
      put(container, key, [current]);
      break;
    case 'nest':
      put(container, key, nested(current, mutation.depth));
      break;
    case 'add-field':
      if (isObject(current)) put(current, mutation.key, copyOf(mutation.value));
      break;
  }
  return root;
}

function valueAt(root: unknown, path: Path): unknown {
  let value: unknown = root;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string | number, unknown>)[key];
  }
  return value;
}

/**
 * A mutation's value is shared by every document built from it (and fast-check replays
 * cases while shrinking): later mutations of the same case may change what it inserted,
 * so each document gets its own copy.
 */
function copyOf<T>(value: T): T {
  const copy = structuredCloneLoose(value);
  // structuredClone gives a prototype-less object an ordinary prototype back.
  const prototypeLess = typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === null;
  return prototypeLess ? Object.assign(Object.create(null), copy) : copy;
}

/** A deep copy that keeps what structuredClone refuses (functions, symbols) by reference. */
function structuredCloneLoose<T>(value: T): T {
  try {
    return structuredClone(value);
  } catch {
    return value;
  }
}

/** The document a case describes: a fresh copy of its base with its mutations applied in order. */
export function buildDocument(bases: Bases, documentCase: DocumentCase): unknown {
  let doc: unknown = structuredClone(bases[documentCase.base]);
  for (const mutation of documentCase.mutations) doc = applyMutation(doc, mutation);
  return doc;
}

/** JSON text for a value, or undefined when JSON cannot hold it (a BigInt, a bare function). */
export function jsonText(value: unknown): string | undefined {
  try {
    const text = JSON.stringify(value);
    return typeof text === 'string' ? text : undefined;
  } catch {
    return undefined;
  }
}

function damaged(text: string, damage: TextDamage | null): string {
  if (!damage) return text;
  if ('cut' in damage) return text.slice(0, Math.floor(text.length * damage.cut));
  if ('prefix' in damage) return damage.prefix + text;
  return text + damage.suffix;
}

/** What an element is given for a case's document (from `buildDocument`): the `analysis` property's value, or a child script's text. */
export type DeliveredInput = { via: 'property'; value: unknown } | { via: 'child-script'; text: string };

/**
 * The input for a case. A document JSON cannot hold goes through the property as it is;
 * `null` as the whole document goes as the JSON text "null", because a null property
 * means "no analysis given" (the element waits), which is not a document at all.
 */
export function deliveredInput(doc: unknown, documentCase: DocumentCase): DeliveredInput {
  const { delivery } = documentCase;
  const viaText = delivery === 'json-text' || delivery === 'child-script' || doc === null || doc === undefined;
  const text = viaText ? jsonText(doc) : undefined;
  if (text === undefined) {
    if (delivery === 'frozen-property') return { via: 'property', value: deepFreeze(doc) };
    if (delivery === 'proxy-property') return { via: 'property', value: reactiveLike(doc, new WeakMap()) };
    return { via: 'property', value: doc };
  }
  const finalText = damaged(text, documentCase.damage);
  return delivery === 'child-script' ? { via: 'child-script', text: finalText } : { via: 'property', value: finalText };
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Reflect.ownKeys(value)) deepFreeze((value as Record<PropertyKey, unknown>)[key]);
  }
  return value;
}

/** A proxy over the document that wraps every object it hands out, as Vue's `reactive()` does. */
function reactiveLike<T>(value: T, proxies: WeakMap<object, object>): T {
  if (typeof value !== 'object' || value === null) return value;
  let proxy = proxies.get(value);
  if (!proxy) {
    proxy = new Proxy(value, {
      get: (target, key, receiver) => reactiveLike(Reflect.get(target, key, receiver), proxies),
    });
    proxies.set(value, proxy);
  }
  return proxy as T;
}
