import type { Plural } from '../../internal/i18n/en.js';
import { fill } from '../../internal/i18n/locale.js';
import { plural } from '../../internal/i18n/plural.js';

/**
 * <nw-timeline>'s own words, English and Spanish built in (other languages: their locale file,
 * under `timeline`). `statements` is a count ("1 statement", `#` the number) in the forms the
 * language's plural rules ask for; `shownOf` says how many of them the filter shows.
 */
export const timelineMessages = {
  en: {
    timeline: 'Timeline of statements',
    showBy: 'Show statements by',
    /** How the list is moved through (a screen reader hears it on the list, which has no role to say so). */
    keysHint: 'Arrow keys, Home and End move between statements.',
    undated: 'Undated',
    noneShown: 'No statements from the selected actors.',
    statements: { one: '# statement', other: '# statements' } as Plural,
    shownOf: '{shown} of {all}',
    kinds: { statement: 'Statement', report: 'Report', policy: 'Policy', legal: 'Legal action', action: 'Action' },
  },
  es: {
    timeline: 'Cronología de declaraciones',
    showBy: 'Mostrar declaraciones de',
    keysHint: 'Las flechas, Inicio y Fin recorren las declaraciones.',
    undated: 'Sin fecha',
    noneShown: 'No hay declaraciones de los actores elegidos.',
    statements: { one: '# declaración', many: '# de declaraciones', other: '# declaraciones' },
    shownOf: '{shown} de {all}',
    kinds: { statement: 'Declaración', report: 'Informe', policy: 'Política', legal: 'Acción legal', action: 'Acción' },
  },
};

/** "3 statements", or "1 of 3 statements" when the filter hides some; numbers written as `tag` writes them. */
export function timelineCount(w: (typeof timelineMessages)['en'], shown: number, total: number, tag: string): string {
  const all = plural(tag, total, w.statements);
  return shown === total ? all : fill(w.shownOf, { shown: shown.toLocaleString(tag), all });
}
