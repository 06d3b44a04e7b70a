/** <nw-analysis>'s own words. */
export const analysisMessages = {
  en: {
    contents: 'Contents',
    summary: 'Summary',
    stances: 'Positions',
    analysis: 'Analysis',
    timeline: 'Timeline',
    sources: 'Sources',
    sectionLink: (n: number) => `Link to section ${n}`,
  },
  es: {
    contents: 'Contenido',
    summary: 'Resumen',
    stances: 'Posiciones',
    analysis: 'Análisis',
    timeline: 'Cronología',
    sources: 'Fuentes',
    sectionLink: (n: number) => `Enlace a la sección ${n}`,
  },
};
