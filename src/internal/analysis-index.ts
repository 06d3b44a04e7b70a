/** Lookups by id, built once per validated analysis and shared by every element. */
import type { Actor, Analysis, Source, Stance } from '../schema/analysis.js';

export interface AnalysisIndex {
  sources: Map<string, Source>;
  actors: Map<string, Actor>;
  stancesByActor: Map<string, Stance>;
}

const cache = new WeakMap<Analysis, AnalysisIndex>();

export function indexOf(analysis: Analysis): AnalysisIndex {
  let index = cache.get(analysis);
  if (!index) {
    index = {
      sources: new Map(analysis.sources.map((source) => [source.id, source])),
      actors: new Map(analysis.actors.map((actor) => [actor.id, actor])),
      stancesByActor: new Map(analysis.stances.map((stance) => [stance.actor, stance])),
    };
    cache.set(analysis, index);
  }
  return index;
}
