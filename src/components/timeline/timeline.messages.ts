/** <nw-timeline>'s own words. */
export const timelineMessages = {
  en: {
    timeline: 'Timeline of statements',
    showBy: 'Show statements by',
    undated: 'Undated',
    noneShown: 'No statements from the selected actors.',
    count: (shown: number, total: number) =>
      shown === total ? `${total} statements` : `${shown} of ${total} statements`,
    kinds: { statement: 'Statement', report: 'Report', policy: 'Policy', legal: 'Legal action', action: 'Action' },
  },
  es: {
    timeline: 'Cronología de declaraciones',
    showBy: 'Mostrar declaraciones de',
    undated: 'Sin fecha',
    noneShown: 'No hay declaraciones de los actores elegidos.',
    count: (shown: number, total: number) =>
      shown === total ? `${total} declaraciones` : `${shown} de ${total} declaraciones`,
    kinds: { statement: 'Declaración', report: 'Informe', policy: 'Política', legal: 'Acción legal', action: 'Acción' },
  },
};
