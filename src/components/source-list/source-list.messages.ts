/**
 * The source list's own words; shared words (Sources, source types, opens in a new tab…) are in
 * internal/i18n. `{n}` is a section's number, `{title}` its title, `{actor}` an actor's name.
 */
export const sourceListMessages = {
  en: {
    citedIn: 'Cited in',
    notCited: 'Not cited in the text',
    summary: 'Summary',
    section: 'Section {n}: {title}',
    stance: 'Position of {actor}',
    statement: 'Statement by {actor}',
    noneOfType: 'No sources of the selected types.',
  },
  es: {
    citedIn: 'Citada en',
    notCited: 'No se cita en el texto',
    summary: 'Resumen',
    section: 'Sección {n}: {title}',
    stance: 'Posición de {actor}',
    statement: 'Declaración de {actor}',
    noneOfType: 'No hay fuentes de los tipos elegidos.',
  },
};
