/** <nw-analysis>'s own words; `{n}` is a section's number. */
export const analysisMessages = {
  en: {
    contents: 'Contents',
    stances: 'Positions',
    analysis: 'Analysis',
    timeline: 'Timeline',
    sectionLink: 'Link to section {n}',
  },
  es: {
    contents: 'Contenido',
    stances: 'Posiciones',
    analysis: 'Análisis',
    timeline: 'Cronología',
    sectionLink: 'Enlace a la sección {n}',
  },
};
