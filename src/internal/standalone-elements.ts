/**
 * What a page can place on its own, in one list for every way in: the iframe embed's
 * `element=`, the static render (`newsroom-widgets render --element`) and the demo's embed
 * builder. `<nw-cite>` is not here: it lives inside a newsroom's own text.
 */

/** The themes every element takes (`theme=`). */
export const THEMES = ['light', 'dark', 'auto'] as const;
export type Theme = (typeof THEMES)[number];

export const isTheme = (value: unknown): value is Theme => (THEMES as readonly unknown[]).includes(value);

/** Each element that stands alone, with the attributes of its own (besides data, `lang`, `theme`). */
export const STANDALONE_ELEMENTS = {
  'nw-analysis': [],
  'nw-summary': [],
  'nw-stance-card': ['actor', 'stance', 'heading-level'],
  'nw-stances': [],
  'nw-source-list': ['types', 'heading-level'],
  'nw-timeline': ['actors', 'order'],
} as const satisfies Record<string, readonly string[]>;

export type StandaloneElement = keyof typeof STANDALONE_ELEMENTS;

export const isStandaloneElement = (value: unknown): value is StandaloneElement =>
  typeof value === 'string' && Object.hasOwn(STANDALONE_ELEMENTS, value);
