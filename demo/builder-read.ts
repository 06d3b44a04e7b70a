/**
 * The embed builder's step 1 as data: JSON text in, a `Reading` out (nothing yet, not JSON,
 * an analysis with problems, or a valid analysis), with the sentences the page shows for it.
 * No DOM: builder-view.ts shows a reading, and tests can read text without mounting anything.
 */
import { plural, type PluralForms } from '../src/internal/i18n/plural.js';
import type { Analysis } from '../src/schema/analysis.js';
import { validateAnalysis, type ValidationIssue } from '../src/schema/validate.js';
import { findJsonProblem, type JsonProblem } from './builder-json.js';

export type Reading =
  | { state: 'empty'; status: string; previewNote: string }
  | {
      state: 'not-json';
      status: string;
      previewNote: string;
      /** Where the text breaks, with an excerpt around it; undefined when only `JSON.parse` saw why. */
      problem: (JsonProblem & { excerpt: string }) | undefined;
    }
  | { state: 'invalid'; status: string; previewNote: string; issues: readonly ValidationIssue[] }
  | { state: 'valid'; status: string; analysis: Analysis };

/** The reading of an empty box: also what the page says before anything is pasted. */
export const EMPTY_READING = {
  state: 'empty',
  status: 'Paste an analysis to start.',
  previewNote: 'The preview appears here once the analysis is valid.',
} as const satisfies Reading;

/** The lists a valid reading's status counts. */
const COUNTED = {
  actors: { one: '# actor', other: '# actors' },
  stances: { one: '# stance', other: '# stances' },
  statements: { one: '# statement', other: '# statements' },
  sources: { one: '# source', other: '# sources' },
} as const satisfies Record<string, PluralForms>;

/** Parses and validates the text of step 1. */
export function readAnalysis(text: string): Reading {
  if (text.trim() === '') return EMPTY_READING;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (cause) {
    const found = findJsonProblem(text);
    const where = found ? `line ${found.line}, column ${found.column}: ${found.message}` : (cause as Error).message;
    return {
      state: 'not-json',
      status: `This is not valid JSON. At ${where}.`,
      previewNote: 'No preview: the text is not valid JSON yet (see step 1).',
      problem: found && { ...found, excerpt: excerptAt(text, found.offset) },
    };
  }
  const result = validateAnalysis(value);
  if (!result.ok) {
    const issues = result.error.issues ?? [];
    return {
      state: 'invalid',
      status: `${result.error.message} Fix ${issues.length > 1 ? 'them' : 'it'} to get the preview and the code.`,
      previewNote: 'No preview: the analysis has problems (see step 1).',
      issues,
    };
  }
  const { analysis } = result;
  const count = (list: keyof typeof COUNTED) => plural('en', analysis[list].length, COUNTED[list]);
  return {
    state: 'valid',
    status: `Valid: “${analysis.question}” with ${count('actors')}, ${count('stances')}, ${count('statements')} and ${count('sources')}.`,
    analysis,
  };
}

/** A short excerpt around the error, on one line, with a marker where it is. */
function excerptAt(text: string, offset: number): string {
  const start = Math.max(0, offset - 30);
  const excerpt = `${start > 0 ? '…' : ''}${text.slice(start, offset)}⟦here⟧${text.slice(offset, offset + 30)}`;
  return excerpt.replace(/\s+/g, ' ');
}

/** The actors a stance card can show (those with a stance), labelled with their position. */
export function stanceActors(doc: Analysis): { id: string; label: string }[] {
  const positions = new Map(doc.stances.map((stance) => [stance.actor, stance.position]));
  return doc.actors
    .filter((actor) => positions.has(actor.id))
    .map((actor) => ({ id: actor.id, label: `${actor.name} (${positions.get(actor.id)})` }));
}
