import { plural } from '../../internal/i18n/plural.js';

/**
 * <nw-timeline>'s own words. `count` agrees with the total ("1 of 3 statements") and takes the
 * element's locale tag (`es-MX`), which writes the numbers; without it, the catalogue's language.
 */
export const timelineMessages = {
  en: {
    timeline: 'Timeline of statements',
    showBy: 'Show statements by',
    undated: 'Undated',
    noneShown: 'No statements from the selected actors.',
    count: (shown: number, total: number, tag = 'en') => {
      const all = plural(tag, total, { one: '# statement', other: '# statements' });
      return shown === total ? all : `${shown.toLocaleString(tag)} of ${all}`;
    },
    kinds: { statement: 'Statement', report: 'Report', policy: 'Policy', legal: 'Legal action', action: 'Action' },
  },
  es: {
    timeline: 'Cronología de declaraciones',
    showBy: 'Mostrar declaraciones de',
    undated: 'Sin fecha',
    noneShown: 'No hay declaraciones de los actores elegidos.',
    count: (shown: number, total: number, tag = 'es') => {
      const all = plural(tag, total, { one: '# declaración', other: '# declaraciones' });
      return shown === total ? all : `${shown.toLocaleString(tag)} de ${all}`;
    },
    kinds: { statement: 'Declaración', report: 'Informe', policy: 'Política', legal: 'Acción legal', action: 'Acción' },
  },
};
