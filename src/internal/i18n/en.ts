/** Every word the elements print, in English. `es.ts` must have the same keys (the type says so). */
export const en = {
  loading: 'Loading analysis…',
  errorForReaders: 'This part of the analysis could not be shown.',
  errorDetails: 'Details for editors',
  citationError: 'Citation not available',
  retry: 'Try again',
  documentRoot: '(document)',
  keyPoints: 'Key points',
  unknowns: 'What is still unknown',
  stances: 'Positions',
  noStances: 'This analysis records no positions.',
  position: 'Position',
  confidence: 'Confidence',
  sources: 'Sources',
  source: 'Source',
  opensInNewTab: 'opens in a new tab',
  openSource: 'Open the source',
  goToSourceList: 'Go to the source list',
  close: 'Close',
  sourceTypes: { news: 'News', government: 'Government', legal: 'Legal', academic: 'Academic', analysis: 'Analysis', other: 'Other' },
  positions: { supports: 'Supports', opposes: 'Opposes', mixed: 'Mixed', neutral: 'Neutral', unclear: 'Unclear' },
  confidenceLevels: { low: 'Low', medium: 'Medium', high: 'High' },
  actorKinds: {
    government: 'Government', official: 'Official', media: 'Media', expert: 'Expert',
    organization: 'Organization', public: 'Public', other: 'Other',
  },
  notFound: {
    source: (id: string) => `No source "${id}" in this analysis.`,
    actor: (id: string) => `No stance for actor "${id}" in this analysis.`,
    stance: (id: string) => `No stance with id "${id}" in this analysis.`,
    selector: 'Give the element an actor="…" or stance="…" attribute.',
    forTarget: (id: string) => `No <script type="application/json" id="${id}"> on the page.`,
    badSrc: (src: string) => `Only http(s) addresses can be loaded, not "${src}".`,
  },
};

export type Messages = typeof en;
