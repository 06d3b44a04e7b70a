/**
 * Rules that span fields: ids unique per collection, one stance per actor, and every
 * actor id, source id and `[n]` marker naming something that exists.
 *
 * These run on the raw input even when its shape is wrong, so an editor sees every
 * problem in one pass instead of fixing them one validation at a time. That is why
 * this file reads `unknown` defensively rather than the typed `Analysis`.
 */
import { citedIds } from './citations.js';
import { isRecord } from './json-values.js';

/** One problem, located by a JSON path such as `sections[2].paragraphs[0]`. */
export interface ValidationIssue {
  path: string;
  message: string;
}

/** A finding of this module, tagged with the error code it belongs to. */
export interface ReferenceFinding extends ValidationIssue {
  code: 'schema' | 'reference';
}

type Rec = Record<string, unknown>;
const records = (value: unknown): [Rec, number][] =>
  Array.isArray(value) ? value.flatMap((item, i) => (isRecord(item) ? [[item, i] as [Rec, number]] : [])) : [];
const strings = (value: unknown): [string, number][] =>
  Array.isArray(value)
    ? value.flatMap((item, i) => (typeof item === 'string' ? [[item, i] as [string, number]] : []))
    : [];

/** Collections whose items carry an `id` that must be unique within the collection. */
const COLLECTIONS = ['sections', 'actors', 'stances', 'statements', 'sources'] as const;

export function checkReferences(doc: unknown): ReferenceFinding[] {
  if (!isRecord(doc)) return [];
  const findings: ReferenceFinding[] = [];
  const add = (code: ReferenceFinding['code'], path: string, message: string) => findings.push({ code, path, message });

  const ids: Record<(typeof COLLECTIONS)[number], Map<string, number>> = {
    sections: new Map(),
    actors: new Map(),
    stances: new Map(),
    statements: new Map(),
    sources: new Map(),
  };
  for (const collection of COLLECTIONS) {
    for (const [item, i] of records(doc[collection])) {
      if (typeof item.id !== 'string') continue;
      const first = ids[collection].get(item.id);
      if (first === undefined) ids[collection].set(item.id, i);
      else add('schema', `${collection}[${i}].id`, `id "${item.id}" is already used by ${collection}[${first}]`);
    }
  }

  const citations = (value: unknown, path: string) => {
    if (typeof value !== 'string') return;
    for (const id of new Set(citedIds(value))) {
      if (!ids.sources.has(id)) add('reference', path, `citation [${id}] has no matching source`);
    }
  };
  const actor = (item: Rec, path: string) => {
    if (typeof item.actor === 'string' && !ids.actors.has(item.actor)) {
      add('reference', `${path}.actor`, `actor "${item.actor}" is not in the actors list`);
    }
  };
  const sourceList = (item: Rec, path: string) => {
    for (const [id, j] of strings(item.sources)) {
      if (!ids.sources.has(id)) add('reference', `${path}.sources[${j}]`, `source "${id}" is not in the sources list`);
    }
  };
  const quote = (item: Rec, path: string) => {
    if (isRecord(item.quote)) citations(item.quote.text, `${path}.quote.text`);
  };

  citations(doc.summary, 'summary');
  for (const field of ['keyPoints', 'unknowns'] as const) {
    for (const [value, i] of strings(doc[field])) citations(value, `${field}[${i}]`);
  }
  for (const [section, i] of records(doc.sections)) {
    for (const [value, j] of strings(section.paragraphs)) citations(value, `sections[${i}].paragraphs[${j}]`);
  }

  const stanceOf = new Map<string, number>();
  for (const [stance, i] of records(doc.stances)) {
    const path = `stances[${i}]`;
    actor(stance, path);
    sourceList(stance, path);
    citations(stance.headline, `${path}.headline`);
    citations(stance.summary, `${path}.summary`);
    quote(stance, path);
    if (typeof stance.actor === 'string') {
      const first = stanceOf.get(stance.actor);
      if (first === undefined) stanceOf.set(stance.actor, i);
      else
        add(
          'schema',
          `${path}.actor`,
          `actor "${stance.actor}" already has a stance at stances[${first}]; give each actor one stance`,
        );
    }
  }
  for (const [statement, i] of records(doc.statements)) {
    const path = `statements[${i}]`;
    actor(statement, path);
    sourceList(statement, path);
    citations(statement.text, `${path}.text`);
    quote(statement, path);
  }
  return findings;
}
