/**
 * What `embed.html?…` shows, read from its query string:
 *
 *   src      the analysis JSON (required); relative addresses resolve against the embed page;
 *            only http(s) is ever requested, anything else is the element's error state
 *   element  nw-analysis (default), nw-summary, nw-stance-card, nw-stances, nw-source-list,
 *            nw-timeline
 *   lang     en, es… (the element's language; default: the analysis's)
 *   theme    light (default), dark, auto
 *   and the element's own attributes: actor, stance, heading-level (nw-stance-card);
 *   types, heading-level (nw-source-list); actors, order (nw-timeline)
 *   childId  added by pym.js's `pym.Parent`: the frame then talks pym
 */
import { isChildId } from './protocol.js';

/** The elements an embed can show, with the attributes of their own it passes on. */
export const EMBED_ELEMENTS: Readonly<Record<string, readonly string[]>> = {
  'nw-analysis': [],
  'nw-summary': [],
  'nw-stance-card': ['actor', 'stance', 'heading-level'],
  'nw-stances': [],
  'nw-source-list': ['types', 'heading-level'],
  'nw-timeline': ['actors', 'order'],
};

export const DEFAULT_ELEMENT = 'nw-analysis';
const THEMES = ['light', 'dark', 'auto'];
/** A BCP 47 language tag, loosely: `en`, `es-MX`, `zh-Hant-TW`. */
const LANG = /^[a-z]{2,3}(-[a-z0-9]{1,8})*$/i;

export interface EmbedSpec {
  ok: true;
  element: string;
  /** Attributes to set on the element, `src` first. */
  attributes: [name: string, value: string][];
  lang?: string;
  theme?: 'light' | 'dark' | 'auto';
  /** pym.js's id for this frame, when pym.Parent made it. */
  childId?: string;
}

export interface EmbedProblem {
  ok: false;
  /** One sentence for the reader (and the editor placing the embed). */
  message: string;
  /** Also talks pym when it cannot show anything, so the host still sizes the frame. */
  childId?: string;
}

export function readEmbedParams(search: string): EmbedSpec | EmbedProblem {
  const params = new URLSearchParams(search);
  const childIdParam = params.get('childId');
  const childId = childIdParam !== null && isChildId(childIdParam) ? childIdParam : undefined;
  const element = params.get('element') || DEFAULT_ELEMENT;
  const own = Object.hasOwn(EMBED_ELEMENTS, element) ? EMBED_ELEMENTS[element] : undefined;
  if (!own) {
    return {
      ok: false,
      childId,
      message: `This embed cannot show "${element}": element must be one of ${Object.keys(EMBED_ELEMENTS).join(', ')}.`,
    };
  }
  const src = params.get('src');
  if (!src) return { ok: false, childId, message: 'This embed needs the address of an analysis: add src=… to its URL.' };

  const attributes: [string, string][] = [['src', src]];
  for (const name of own) {
    const value = params.get(name);
    if (value !== null) attributes.push([name, value]);
  }
  const lang = params.get('lang') ?? undefined;
  const theme = params.get('theme') ?? undefined;
  const spec: EmbedSpec = { ok: true, element, attributes, childId };
  if (lang && LANG.test(lang)) spec.lang = lang;
  if (theme && THEMES.includes(theme)) spec.theme = theme as EmbedSpec['theme'];
  return spec;
}
