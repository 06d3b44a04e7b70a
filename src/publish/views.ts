/**
 * The embeddable views of an analysis, as `newsroom-widgets publish` writes them: the whole
 * analysis, the summary, the stances, the sources, the timeline (when there are statements),
 * and one stance card per stance's actor, in stance order.
 */
import type { StandaloneElement } from '../internal/standalone-elements.js';
import type { Analysis } from '../schema/analysis.js';

export interface PublishView {
  /** The file name stem: `analysis`, `summary`, …, `stance-<actor id>`. */
  view: string;
  element: StandaloneElement;
  /** `nw-stance-card`: the actor whose stance it shows. */
  actor?: string;
  /** The page's and the oEmbed's title: the question, plus the actor's name for a stance card. */
  title: string;
}

export function publishViews(analysis: Analysis): PublishView[] {
  const { question } = analysis;
  const views: PublishView[] = [
    { view: 'analysis', element: 'nw-analysis', title: question },
    { view: 'summary', element: 'nw-summary', title: question },
    { view: 'stances', element: 'nw-stances', title: question },
    { view: 'sources', element: 'nw-source-list', title: question },
  ];
  if ((analysis.statements ?? []).length > 0) views.push({ view: 'timeline', element: 'nw-timeline', title: question });
  const seen = new Set<string>();
  for (const stance of analysis.stances) {
    // A card is chosen by actor: a second stance of the same actor would be the same card.
    if (seen.has(stance.actor)) continue;
    seen.add(stance.actor);
    const name = analysis.actors.find((actor) => actor.id === stance.actor)?.name ?? stance.actor;
    views.push({
      view: `stance-${stance.actor}`,
      element: 'nw-stance-card',
      actor: stance.actor,
      title: `${question} — ${name}`,
    });
  }
  return views;
}
