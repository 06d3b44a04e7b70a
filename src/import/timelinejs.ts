/**
 * `newsroom-widgets/import`: bring an existing TimelineJS timeline into an analysis.
 *
 * TimelineJS (https://timeline.knightlab.com) keeps a timeline as JSON: an optional
 * `title` slide and an `events` list, each event with a `start_date` ({year, month?,
 * day?}, numbers or numeric strings), `text` ({headline, text}, HTML), an optional
 * `group` and optional `media` ({url, caption, credit}). Each event becomes a statement:
 *
 * - groups become actors (kind "other"); events without one share an "Unattributed"
 *   actor, created only when needed;
 * - the date keeps the precision written: `2024`, `2024-03` or `2024-03-05`. A date the
 *   schema cannot hold (a year outside 1000–9999, month 13, 30 February, a day without
 *   a month) is left out with a warning rather than guessed; hours and minutes are
 *   dropped (statements are dated to the day);
 * - HTML becomes plain text (see `html-to-text.ts`); `[3]`-style markers, which would
 *   read as citations of the analysis's own sources, are written `(3)` with a warning;
 * - an http(s) `media.url` becomes a source (ids "1", "2"... in order of first use; one
 *   source per distinct URL) cited by the statement; other media (`javascript:`,
 *   `data:`, relative paths, embed code) is left out with a warning;
 * - text longer than the schema allows is shortened, with a warning;
 * - `end_date`, `eras`, `display_date`, `background` and the title slide's media have no
 *   place in an analysis; end dates and eras are left out with a warning.
 *
 * A file TimelineJS itself could not show (no `events` list, an event without a
 * `start_date` or with a year that is not a number, a field of the wrong type) is refused
 * with every problem and its JSON path. Nothing here throws, and the result always passes
 * `validateAnalysis`, so an import either gives a document the elements accept or says why not.
 * No Node APIs: this runs in browsers too (a CMS can import in the page).
 */
import { CHARACTERS, plural } from '../internal/i18n/plural.js';
import { analysisSchema, isHttpUrl, LIMITS, SCHEMA_VERSION, type AnalysisInput } from '../schema/analysis.js';
import { splitCitations } from '../schema/citations.js';
import { parsePartialDate } from '../schema/dates.js';
import { describeValue, isRecord } from '../schema/json-values.js';
import { formatPath, validateAnalysis, type ValidationIssue } from '../schema/validate.js';
import { htmlToText } from './html-to-text.js';

export { htmlToText } from './html-to-text.js';

export interface TimelineImportOptions {
  /** The analysis id (a slug). Default: the title slide's headline as a slug, else "imported-timeline". */
  id?: string;
  /** The analysis language (BCP 47). Default "en"; also picks the language of the few texts the importer writes. */
  language?: string;
}

export interface TimelineImportError {
  /** One line, e.g. `not a TimelineJS file: "events" must be a list, not an object`. */
  message: string;
  /** Every problem with its JSON path in the TimelineJS file (or in the imported analysis). */
  issues?: ValidationIssue[];
}

export type TimelineImportResult =
  { ok: true; analysis: AnalysisInput; warnings: string[] } | { ok: false; error: TimelineImportError };

type Rec = Record<string, unknown>;
type Statement = AnalysisInput['statements'][number];
type Actor = AnalysisInput['actors'][number];
type Source = AnalysisInput['sources'][number];
interface Media {
  url: string;
  caption: string | undefined;
  credit: string | undefined;
}

/** Texts the importer writes itself, in the analysis's language. */
const DEFAULT_TEXTS = {
  en: { question: 'Timeline', summary: 'Imported from a TimelineJS timeline.', unattributed: 'Unattributed' },
  es: { question: 'Cronología', summary: 'Importado de una cronología de TimelineJS.', unattributed: 'Sin atribuir' },
} as const;

/** Statement ids come from headlines; shorter than the limit keeps them readable. */
const STATEMENT_SLUG_MAX = 60;
const UNATTRIBUTED_ID = 'unattributed';
const DEFAULT_ID = 'imported-timeline';
/** For the length warnings, which (like every warning and problem) are in English. */

/**
 * `"Señor Ministro: ¿qué?"` → `"senor-ministro-que"`, at most `max` characters, cut at
 * a hyphen. Empty when nothing Latin is left (a headline in another script).
 */
export function slugify(value: string, max: number = LIMITS.slug): string {
  const slug = value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    // "Riverside’s" → "riversides", not "riverside-s".
    .replace(/['’‘`]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= max) return slug;
  const cut = slug.slice(0, max + 1);
  const hyphen = cut.lastIndexOf('-');
  return (hyphen > max / 2 ? cut.slice(0, hyphen) : slug.slice(0, max)).replace(/-+$/, '');
}

/** Gives out unique slugs: `base`, then `base-2`, `base-3`... always within the slug limit. */
class SlugPool {
  private readonly used = new Set<string>();

  take(base: string): string {
    let id = base;
    for (let n = 2; this.used.has(id); n++) {
      const suffix = `-${n}`;
      id = `${base.slice(0, LIMITS.slug - suffix.length).replace(/-+$/, '')}${suffix}`;
    }
    this.used.add(id);
    return id;
  }
}

/** Shortens text to `max` characters at a word boundary when one is near, ending with "…". */
function shorten(text: string, max: number): string {
  let cut = text.slice(0, max - 1);
  // Never leave half of a surrogate pair (an emoji) at the end.
  if (/[\ud800-\udbff]$/.test(cut)) cut = cut.slice(0, -1);
  const space = cut.lastIndexOf(' ');
  if (space > max * 0.8) cut = cut.slice(0, space);
  return `${cut.trimEnd()}…`;
}

/** `[3]` would cite the analysis's source 3, which is not what the timeline meant: write `(3)`. */
function neutralizeCitations(text: string): { text: string; markers: string[] } {
  const parts = splitCitations(text);
  const markers = parts.flatMap((part) => ('cite' in part ? [`[${part.cite}]`] : []));
  if (markers.length === 0) return { text, markers };
  return { text: parts.map((part) => ('cite' in part ? `(${part.cite})` : part.text)).join(''), markers };
}

const optionSchemas = {
  id: analysisSchema.shape.id,
  language: analysisSchema.shape.language,
} as const;

/** A problem with an option, named as the option: `id: must be a slug...`. */
export interface OptionProblem {
  option: keyof TimelineImportOptions;
  message: string;
}

/** Checks the options against the schema's own rules for `id` and `language`. */
export function checkImportOptions(options: TimelineImportOptions): OptionProblem[] {
  const problems: OptionProblem[] = [];
  for (const option of ['id', 'language'] as const) {
    const value: unknown = options[option];
    if (value === undefined) continue;
    if (typeof value !== 'string') {
      problems.push({ option, message: `must be text, not ${describeValue(value)}` });
      continue;
    }
    const parsed = optionSchemas[option].safeParse(value, {
      error: (issue) => (issue.code === 'too_big' ? `must be at most ${issue.maximum} characters` : undefined),
    });
    if (!parsed.success)
      problems.push({
        option,
        message: `${parsed.error.issues[0]?.message ?? 'is not valid'} (got ${describeValue(value)})`,
      });
  }
  return problems;
}

/** Reads and converts one TimelineJS document, collecting problems instead of throwing. */
class Importer {
  readonly issues: ValidationIssue[] = [];
  readonly warnings: string[] = [];
  private readonly texts: (typeof DEFAULT_TEXTS)[keyof typeof DEFAULT_TEXTS];
  private readonly actorIds = new SlugPool();
  private readonly statementIds = new SlugPool();
  private readonly actorsByGroup = new Map<string, Actor>();
  private unattributed: Actor | undefined;
  private readonly sourcesByUrl = new Map<string, Source>();
  readonly actors: Actor[] = [];
  readonly statements: Statement[] = [];
  readonly sources: Source[] = [];

  private readonly options: TimelineImportOptions;

  constructor(options: TimelineImportOptions) {
    this.options = options;
    const primary = (options.language ?? 'en').split('-')[0]!.toLowerCase();
    this.texts = primary === 'es' ? DEFAULT_TEXTS.es : DEFAULT_TEXTS.en;
  }

  private problem(path: readonly PropertyKey[], message: string): void {
    this.issues.push({ path: formatPath(path), message });
  }

  /**
   * A TimelineJS text field: a string (HTML) or a number, made plain text. Absent, null
   * and blank give `undefined`; any other type is a problem.
   */
  private text(value: unknown, path: readonly PropertyKey[]): string | undefined {
    if (value === undefined || value === null) return undefined;
    if (typeof value === 'number' && Number.isFinite(value)) return String(value);
    if (typeof value !== 'string') {
      this.problem(path, `must be text, not ${describeValue(value)}`);
      return undefined;
    }
    return htmlToText(value) || undefined;
  }

  /** An optional object such as `text` or `media`; `undefined` when absent or of the wrong type. */
  private object(value: unknown, path: readonly PropertyKey[]): Rec | undefined {
    if (value === undefined || value === null) return undefined;
    if (isRecord(value)) return value;
    this.problem(path, `must be an object, not ${describeValue(value)}`);
    return undefined;
  }

  /** Plain text made safe for a field: citation markers neutralized, length within `max`. */
  private fit(text: string, max: number, where: string, field: string): string {
    const { text: plain, markers } = neutralizeCitations(text);
    if (markers.length > 0) {
      this.warnings.push(
        `${where}: ${field} has ${markers.join(' ')}, which would read as a citation of this analysis's sources; written as ${markers.map((m) => `(${m.slice(1, -1)})`).join(' ')}`,
      );
    }
    if (plain.length <= max) return plain;
    this.warnings.push(
      `${where}: ${field} is ${plural('en', plain.length, CHARACTERS)}, more than the ${max.toLocaleString('en')} allowed; shortened`,
    );
    return shorten(plain, max);
  }

  /**
   * A date part: a whole number or a string of digits; `""`, null and absent mean "not
   * given". Returns `null` (after recording the problem) for anything else.
   */
  private datePart(value: unknown, path: readonly PropertyKey[]): number | undefined | null {
    if (value === undefined || value === null) return undefined;
    if (typeof value === 'string' && value.trim() === '') return undefined;
    const number = typeof value === 'string' && /^\s*[-+]?\d+\s*$/.test(value) ? Number(value) : value;
    if (typeof number === 'number' && Number.isInteger(number)) return number;
    this.problem(path, `must be a whole number, not ${describeValue(value)}`);
    return null;
  }

  /** The event's date as a partial ISO date, or a reason it cannot be one. */
  private date(startDate: Rec, path: readonly PropertyKey[]): { date?: string; skipped?: string } {
    const year = this.datePart(startDate.year, [...path, 'year']);
    const month = this.datePart(startDate.month, [...path, 'month']);
    const day = this.datePart(startDate.day, [...path, 'day']);
    if (year === undefined) this.problem([...path, 'year'], 'is missing: every TimelineJS date needs at least a year');
    if (year === undefined || year === null || month === null || day === null) return {};

    if (year < 1000 || year > 9999) return { skipped: `the year ${year} cannot be written as a four-digit ISO date` };
    if (day !== undefined && month === undefined) return { skipped: `the start_date has a day (${day}) but no month` };
    const iso = [year, month, day]
      .filter((part) => part !== undefined)
      .map((part) => String(part).padStart(2, '0'))
      .join('-');
    if (parsePartialDate(iso) === undefined) return { skipped: `${iso} is not a real calendar date` };
    return { date: iso };
  }

  private actorFor(group: string | undefined, where: string): string {
    if (group === undefined) {
      this.unattributed ??= this.addActor(UNATTRIBUTED_ID, this.texts.unattributed);
      return this.unattributed.id;
    }
    const existing = this.actorsByGroup.get(group);
    if (existing) return existing.id;
    const name = this.fit(group, LIMITS.shortText, where, 'the group name');
    const actor = this.addActor(slugify(name) || `group-${this.actorsByGroup.size + 1}`, name);
    this.actorsByGroup.set(group, actor);
    return actor.id;
  }

  private addActor(base: string, name: string): Actor {
    const actor: Actor = { id: this.actorIds.take(base), name, kind: 'other' };
    this.actors.push(actor);
    return actor;
  }

  /** An event's media fields, type-checked; what becomes of them is decided once the event is kept. */
  private media(value: unknown, path: readonly PropertyKey[]): Media | undefined {
    const media = this.object(value, path);
    if (!media) return undefined;
    const caption = this.text(media.caption, [...path, 'caption']);
    const credit = this.text(media.credit, [...path, 'credit']);
    if (media.url === undefined || media.url === null) return undefined;
    if (typeof media.url !== 'string') {
      this.problem([...path, 'url'], `must be text, not ${describeValue(media.url)}`);
      return undefined;
    }
    const url = media.url.trim();
    return url === '' ? undefined : { url, caption, credit };
  }

  /** The source id for an event's media, or `undefined` (with a warning) when its URL cannot be a source. */
  private sourceFor({ url, caption, credit }: Media, where: string): string | undefined {
    if (!isHttpUrl(url)) {
      this.warnings.push(`${where}: media ${describeValue(url)} is not an http(s) web address; left out`);
      return undefined;
    }
    if (url.length > LIMITS.url) {
      this.warnings.push(
        `${where}: media URL is ${plural('en', url.length, CHARACTERS)}, more than the ${LIMITS.url.toLocaleString('en')} allowed; left out`,
      );
      return undefined;
    }
    const existing = this.sourcesByUrl.get(url);
    if (existing) return existing.id;
    const title = this.fit(caption ?? credit ?? new URL(url).hostname, LIMITS.sourceTitle, where, 'the media caption');
    const source: Source = { id: String(this.sources.length + 1), title, url };
    this.sources.push(source);
    this.sourcesByUrl.set(url, source);
    return source.id;
  }

  private event(event: unknown, index: number): void {
    const path = ['events', index];
    if (!isRecord(event)) {
      this.problem(path, `must be an object, not ${describeValue(event)}`);
      return;
    }
    const text = this.object(event.text, [...path, 'text']);
    const headline = this.text(text?.headline, [...path, 'text', 'headline']);
    const body = this.text(text?.text, [...path, 'text', 'text']);
    // How warnings name the event: its path, and its headline so an editor can find it.
    const where = `events[${index}]${headline ? ` (${describeValue(headline, 60)})` : ''}`;

    let date: { date?: string; skipped?: string } = {};
    const startDate = event.start_date;
    if (startDate === undefined || startDate === null) {
      this.problem(
        [...path, 'start_date'],
        'is missing: every TimelineJS event needs a start_date with at least a year',
      );
    } else if (!isRecord(startDate)) {
      this.problem(
        [...path, 'start_date'],
        `must be an object like {"year": 2024, "month": 3}, not ${describeValue(startDate)}`,
      );
    } else {
      date = this.date(startDate, [...path, 'start_date']);
    }

    const group = this.text(event.group, [...path, 'group']);
    const media = this.media(event.media, [...path, 'media']);
    if (this.issues.length > 0) return; // the file will be refused; no need to build more

    if (headline === undefined && body === undefined) {
      this.warnings.push(`${where}: has neither a headline nor text; skipped`);
      return;
    }
    if (date.skipped) this.warnings.push(`${where}: ${date.skipped}; imported without a date`);
    const sourceId = media && this.sourceFor(media, where);

    const joined =
      headline && body ? `${headline}${/[.!?…:;]["'”’»)]*$/.test(headline) ? '' : '.'} ${body}` : (headline ?? body)!;
    // The headline names the event best; then the file's own id; then the start of its text.
    const idBase =
      (headline && slugify(headline, STATEMENT_SLUG_MAX)) ||
      (typeof event.unique_id === 'string' && slugify(event.unique_id, STATEMENT_SLUG_MAX)) ||
      (body && slugify(body, STATEMENT_SLUG_MAX)) ||
      `event-${index + 1}`;
    const statement: Statement = {
      id: this.statementIds.take(idBase),
      actor: this.actorFor(group, where),
      ...(date.date ? { date: date.date } : {}),
      text: this.fit(joined, LIMITS.text, where, 'the text'),
      kind: 'statement',
      sources: sourceId ? [sourceId] : [],
    };
    this.statements.push(statement);
  }

  /** The whole document, or `undefined` when it is not a TimelineJS file (see `issues`). */
  run(input: unknown): AnalysisInput | undefined {
    if (!isRecord(input)) {
      this.problem([], `expected an object with an "events" list, not ${describeValue(input)}`);
      return undefined;
    }
    const { events } = input;
    if (events === undefined) {
      if (isRecord(input.timeline)) {
        this.problem(
          ['timeline'],
          'is the older TimelineJS 2 format; only TimelineJS 3 files (with an "events" list) can be imported',
        );
      } else {
        this.problem(['events'], 'is missing: a TimelineJS file has an "events" list');
      }
      return undefined;
    }
    if (!Array.isArray(events)) {
      this.problem(['events'], `must be a list, not ${describeValue(events)}`);
      return undefined;
    }
    if (events.length === 0) {
      this.problem(['events'], 'is empty: there is nothing to import');
      return undefined;
    }

    const title = this.object(input.title, ['title']);
    const titleText = this.object(title?.text, ['title', 'text']);
    const titleHeadline = this.text(titleText?.headline, ['title', 'text', 'headline']);
    const titleBody = this.text(titleText?.text, ['title', 'text', 'text']);
    events.forEach((event, index) => this.event(event, index));
    if (this.issues.length > 0) return undefined;

    const endDates = events.filter((event) => isRecord(event) && isRecord(event.end_date)).length;
    if (endDates > 0) {
      this.warnings.push(
        `${plural('en', endDates, { one: '# event has', other: '# events have' })} an end_date; a statement has one date, so only start dates were imported`,
      );
    }
    if (Array.isArray(input.eras) && input.eras.length > 0) {
      this.warnings.push(
        `${plural('en', input.eras.length, { one: '# era', other: '# eras' })} left out: an analysis has no eras`,
      );
    }

    const question = titleHeadline
      ? this.fit(titleHeadline, LIMITS.shortText, 'title', 'the headline')
      : this.texts.question;
    return {
      schemaVersion: SCHEMA_VERSION,
      id: this.options.id ?? ((titleHeadline && slugify(titleHeadline)) || DEFAULT_ID),
      language: this.options.language ?? 'en',
      question,
      summary: titleBody ? this.fit(titleBody, LIMITS.text, 'title', 'the text') : this.texts.summary,
      sections: [],
      actors: this.actors,
      stances: [],
      statements: this.statements,
      sources: this.sources,
    };
  }
}

function refusal(prefix: string, issues: ValidationIssue[]): TimelineImportError {
  const shown = issues.slice(0, 3).map(({ path, message }) => (path ? `"${path}" ${message}` : message));
  const more =
    issues.length > shown.length
      ? `; and ${plural('en', issues.length - shown.length, { one: '# more problem', other: '# more problems' })}`
      : '';
  return { message: `${prefix}: ${shown.join('; ')}${more}`, issues };
}

/**
 * Converts a parsed TimelineJS 3 document into a complete analysis (see the module
 * comment for the rules). Never throws: a file that is not TimelineJS, or options that
 * break the schema, give `ok: false` with a one-line message and every problem.
 *
 * ```js
 * const result = fromTimelineJS(await (await fetch('timeline.json')).json(), { language: 'es' });
 * if (result.ok) element.analysis = result.analysis;
 * ```
 */
export function fromTimelineJS(input: unknown, options: TimelineImportOptions = {}): TimelineImportResult {
  try {
    const optionProblems = checkImportOptions(options);
    if (optionProblems.length > 0) {
      return {
        ok: false,
        error: refusal(
          'invalid options',
          optionProblems.map(({ option, message }) => ({ path: option, message })),
        ),
      };
    }
    const importer = new Importer(options);
    const built = importer.run(input);
    if (!built) return { ok: false, error: refusal('not a TimelineJS file', importer.issues) };

    const analysis = built;
    // The importer should only ever build valid documents; if it did not, say so plainly.
    const checked = validateAnalysis(analysis);
    if (!checked.ok)
      return { ok: false, error: refusal('the imported analysis is not valid', checked.error.issues ?? []) };
    return { ok: true, analysis, warnings: importer.warnings };
  } catch (cause) {
    // A getter that throws, a cyclic proxy...: still a result, never an exception.
    return {
      ok: false,
      error: { message: `cannot import: ${cause instanceof Error ? cause.message : String(cause)}` },
    };
  }
}

/** Like {@link fromTimelineJS}, from JSON text: empty text and JSON syntax errors are results too. */
export function parseTimelineJS(json: string, options: TimelineImportOptions = {}): TimelineImportResult {
  // Files saved by some Windows editors start with a byte order mark, which JSON.parse refuses.
  const text = json.replace(/^\ufeff/, '');
  if (text.trim() === '') return { ok: false, error: { message: 'not a TimelineJS file: it is empty' } };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (cause) {
    return {
      ok: false,
      error: { message: `not valid JSON: ${cause instanceof Error ? cause.message : String(cause)}` },
    };
  }
  return fromTimelineJS(value, options);
}
