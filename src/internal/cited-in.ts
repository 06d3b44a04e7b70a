/**
 * Where each source is cited: the summary, key points, unknowns, a section, a stance or a
 * statement. Built once per analysis; the source list shows these as back-links.
 */
import type { Analysis } from '../schema/analysis.js';
import { citedIds } from '../schema/citations.js';

export type CitingPlace =
  | { kind: 'summary' }
  | { kind: 'section'; id: string; number: number; title: string }
  | { kind: 'stance'; id: string; actor: string }
  | { kind: 'statement'; id: string; actor: string; date?: string };

const cache = new WeakMap<Analysis, Map<string, CitingPlace[]>>();

export function citedIn(analysis: Analysis): Map<string, CitingPlace[]> {
  let places = cache.get(analysis);
  if (places) return places;
  places = new Map();
  const add = (ids: Iterable<string>, place: CitingPlace) => {
    for (const id of new Set(ids)) {
      const list = places!.get(id) ?? [];
      list.push(place);
      places!.set(id, list);
    }
  };
  const actorName = (id: string) => analysis.actors.find((actor) => actor.id === id)?.name ?? id;

  add([analysis.summary, ...(analysis.keyPoints ?? []), ...(analysis.unknowns ?? [])].flatMap(citedIds), {
    kind: 'summary',
  });
  analysis.sections.forEach((section, i) =>
    add(section.paragraphs.flatMap(citedIds), { kind: 'section', id: section.id, number: i + 1, title: section.title }),
  );
  for (const stance of analysis.stances) {
    const texts = [stance.headline, stance.summary, stance.quote?.text ?? ''];
    add([...stance.sources, ...texts.flatMap(citedIds)], {
      kind: 'stance',
      id: stance.id,
      actor: actorName(stance.actor),
    });
  }
  for (const statement of analysis.statements) {
    const texts = [statement.text, statement.quote?.text ?? ''];
    add([...statement.sources, ...texts.flatMap(citedIds)], {
      kind: 'statement',
      id: statement.id,
      actor: actorName(statement.actor),
      ...(statement.date ? { date: statement.date } : {}),
    });
  }
  cache.set(analysis, places);
  return places;
}
