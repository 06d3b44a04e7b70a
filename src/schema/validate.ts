/**
 * Validation for editors: one call that parses, checks shape and references, and
 * reports every problem with its JSON path and a sentence an editor understands.
 */
import * as z from 'zod/mini';
import { CHARACTERS, plural } from '../internal/i18n/plural.js';
import { analysisSchema, SCHEMA_VERSION, type Analysis } from './analysis.js';
import { describeType } from './json-values.js';
import { ownData, shielded } from './own-data.js';
import { checkReferences, type ValidationIssue } from './references.js';

export type { ValidationIssue } from './references.js';

/**
 * Error codes shared by the validator, the CLI and the elements' `nw-error` event. `render`:
 * an element failed while rendering a valid analysis (a bug in newsroom-widgets, not in it).
 */
export type ErrorCode = 'fetch' | 'json' | 'schema' | 'reference' | 'not-found' | 'unsupported-version' | 'render';

export interface AnalysisError {
  code: ErrorCode;
  /** One sentence for the editor, e.g. "The analysis has 3 problems." */
  message: string;
  /** Every problem, with its JSON path; absent for errors that have no location. */
  issues?: ValidationIssue[];
}

export type ValidationResult = { ok: true; analysis: Analysis } | { ok: false; error: AnalysisError };

/** `['sections', 2, 'paragraphs', 0]` → `sections[2].paragraphs[0]`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => {
    if (typeof key === 'number') return `${out}[${key}]`;
    const name = String(key);
    if (/^[A-Za-z_$][\w$]*$/.test(name)) return out ? `${out}.${name}` : name;
    return `${out}[${JSON.stringify(name)}]`;
  }, '');
}

const EXPECTED: Record<string, string> = {
  string: 'text',
  number: 'a number',
  object: 'an object',
  array: 'a list',
  boolean: 'true or false',
};

/** Messages for zod's generic issues; checks with their own message keep it. */
function editorMessage(issue: z.core.$ZodRawIssue): string | undefined {
  const missing = issue.input === undefined;
  switch (issue.code) {
    case 'invalid_type':
      if (missing) return 'is required';
      return `must be ${EXPECTED[issue.expected] ?? issue.expected}, not ${describeType(issue.input)}`;
    case 'too_small':
      if (issue.origin === 'string') return 'must not be empty';
      return `must have at least ${plural('en', Number(issue.minimum), { one: '# item', other: '# items' })}`;
    case 'too_big':
      if (issue.origin === 'string') {
        const length = typeof issue.input === 'string' ? issue.input.length : 0;
        return `is too long: ${plural('en', length, CHARACTERS)}, at most ${issue.maximum.toLocaleString('en')}`;
      }
      return `has too many items: at most ${issue.maximum.toLocaleString('en')}`;
    case 'invalid_value': {
      if (missing) return 'is required';
      const [only] = issue.values;
      if (issue.values.length > 1)
        return `must be one of ${issue.values.map((value) => JSON.stringify(value)).join(', ')}`;
      // "1" where 1 is wanted: say why an editor's visible 1 is not accepted.
      if (typeof issue.input !== typeof only)
        return `must be the ${typeof only} ${JSON.stringify(only)}, not ${describeType(issue.input)}`;
      return `must be ${JSON.stringify(only)}`;
    }
    default:
      return undefined;
  }
}

/** Every field name the schema knows, for "did you mean" hints on unknown fields. */
let fieldNames: string[] | undefined;
function fieldsOf(schema: unknown): string[] {
  // Walks objects, arrays and optionals of the schema; enough to reach every object shape.
  // oxlint-disable-next-line no-underscore-dangle -- zod's own field for a schema's definition
  const def = (schema as { _zod?: { def?: Record<string, unknown> } } | undefined)?._zod?.def;
  if (!def) return [];
  if (def.type === 'object') {
    const shape = def.shape as Record<string, unknown>;
    return [...Object.keys(shape), ...Object.values(shape).flatMap(fieldsOf)];
  }
  return [def.element, def.innerType].flatMap(fieldsOf);
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

function unknownFieldMessage(key: string): string {
  fieldNames ??= [...new Set(fieldsOf(analysisSchema))];
  const guess = fieldNames.find((name) => editDistance(name.toLowerCase(), key.toLowerCase()) <= 2);
  return guess
    ? `is not a field of the analysis schema; did you mean "${guess}"?`
    : 'is not a field of the analysis schema (check the spelling)';
}

function shapeIssues(error: z.core.$ZodError): ValidationIssue[] {
  // zod still runs length checks on a value of the wrong type when it has a length
  // ("keyPoints" written as one string); those messages only mislead, so drop them.
  const wrongType = new Set(
    error.issues.filter((issue) => issue.code === 'invalid_type').map((issue) => formatPath(issue.path)),
  );
  return error.issues.flatMap((issue) => {
    // One line per unknown field, located at the field itself, reads better than a list.
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ path: formatPath([...issue.path, key]), message: unknownFieldMessage(key) }));
    }
    const path = formatPath(issue.path);
    if (wrongType.has(path) && issue.code !== 'invalid_type') return [];
    return [{ path, message: issue.message }];
  });
}

function unsupportedVersion(input: unknown): AnalysisError | undefined {
  if (typeof input !== 'object' || input === null || !('schemaVersion' in input)) return undefined;
  const version = input.schemaVersion;
  // Only a real version number is a version problem; 1.5 or NaN is a plain mistake.
  if (!Number.isInteger(version) || (version as number) < 1 || version === SCHEMA_VERSION) return undefined;
  return {
    code: 'unsupported-version',
    message: `This analysis uses schema version ${version}; this version of newsroom-widgets reads version ${SCHEMA_VERSION}.`,
    issues: [{ path: 'schemaVersion', message: `must be ${SCHEMA_VERSION}, not ${version}` }],
  };
}

/**
 * Validates a parsed JSON value as an analysis. Never throws: every outcome is a result.
 * Shape problems and reference problems are reported together: shape problems first.
 */
export function validateAnalysis(value: unknown): ValidationResult {
  // Read as data: a field the document leaves out is absent, even on a page that put one
  // on Object.prototype (see own-data.ts). That copy is also the analysis handed on.
  const input = ownData(value);
  const versionError = unsupportedVersion(input);
  if (versionError) return { ok: false, error: versionError };

  const parsed = shielded(() => analysisSchema.safeParse(input, { error: editorMessage, jitless: true }));
  const shape = parsed.success ? [] : shapeIssues(parsed.error);
  const findings = checkReferences(input);
  const issues = [...shape, ...findings.map(({ path, message }) => ({ path, message }))];
  if (parsed.success && issues.length === 0) {
    // The schema changes nothing but the `language` default: the prototype-free input,
    // given that default, is zod's output without copying the document a second time.
    const analysis = input as Analysis;
    analysis.language = parsed.data.language;
    return { ok: true, analysis };
  }

  const code = shape.length > 0 || findings.some((finding) => finding.code === 'schema') ? 'schema' : 'reference';
  return {
    ok: false,
    error: {
      code,
      message: `The analysis has ${plural('en', issues.length, { one: '# problem', other: '# problems' })}.`,
      issues,
    },
  };
}

/** Parses JSON text and validates it; a syntax error is a `json` error, never a throw. */
export function parseAnalysis(json: string): ValidationResult {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (cause) {
    const detail = cause instanceof Error ? cause.message : String(cause);
    return { ok: false, error: { code: 'json', message: `The analysis is not valid JSON: ${detail}` } };
  }
  return validateAnalysis(value);
}
