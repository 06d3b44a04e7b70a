/** <nw-analysis>'s own words. */
export const analysisMessages = {
  en: {
    contents: 'Contents',
    stances: 'Positions',
    analysis: 'Analysis',
    timeline: 'Timeline',
    sectionLink: (n: number) => `Link to section ${n}`,
  },
  es: {
    contents: 'Contenido',
    stances: 'Posiciones',
    analysis: 'Análisis',
    timeline: 'Cronología',
    sectionLink: (n: number) => `Enlace a la sección ${n}`,
  },
};
