/** The source list's own words; shared words (Sources, source types, opens in a new tab…) are in internal/i18n. */
export const sourceListMessages = {
  en: {
    citedIn: 'Cited in',
    notCited: 'Not cited in the text',
    summary: 'Summary',
    section: (n: number, title: string) => `Section ${n}: ${title}`,
    stance: (actor: string) => `Position of ${actor}`,
    statement: (actor: string, date?: string) => (date ? `${actor}, ${date}` : `Statement by ${actor}`),
    noneOfType: 'No sources of the selected types.',
  },
  es: {
    citedIn: 'Citada en',
    notCited: 'No se cita en el texto',
    summary: 'Resumen',
    section: (n: number, title: string) => `Sección ${n}: ${title}`,
    stance: (actor: string) => `Posición de ${actor}`,
    statement: (actor: string, date?: string) => (date ? `${actor}, ${date}` : `Declaración de ${actor}`),
    noneOfType: 'No hay fuentes de los tipos elegidos.',
  },
};
