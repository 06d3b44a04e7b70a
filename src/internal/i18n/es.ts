import type { Messages } from './en.js';

export const es: Messages = {
  loading: 'Cargando el análisis…',
  errorForReaders: 'Esta parte del análisis no se pudo mostrar.',
  errorDetails: 'Detalles para editores',
  retry: 'Reintentar',
  documentRoot: '(documento)',
  question: 'Pregunta',
  summary: 'Resumen',
  keyPoints: 'Puntos clave',
  unknowns: 'Lo que aún se desconoce',
  stances: 'Posiciones',
  position: 'Posición',
  confidence: 'Confianza',
  sources: 'Fuentes',
  source: 'Fuente',
  opensInNewTab: 'se abre en una pestaña nueva',
  quoteBy: 'Cita de',
  positions: { supports: 'A favor', opposes: 'En contra', mixed: 'Mixta', neutral: 'Neutral', unclear: 'No está clara' },
  confidenceLevels: { low: 'Baja', medium: 'Media', high: 'Alta' },
  actorKinds: {
    government: 'Gobierno', official: 'Funcionario', media: 'Medio', expert: 'Experto',
    organization: 'Organización', public: 'Público', other: 'Otro',
  },
  notFound: {
    actor: (id: string) => `No hay una posición del actor "${id}" en este análisis.`,
    stance: (id: string) => `No hay una posición con id "${id}" en este análisis.`,
    selector: 'Añada al elemento un atributo actor="…" o stance="…".',
    forTarget: (id: string) => `No hay ningún <script type="application/json" id="${id}"> en la página.`,
    badSrc: (src: string) => `Solo se pueden cargar direcciones http(s), no "${src}".`,
  },
};
