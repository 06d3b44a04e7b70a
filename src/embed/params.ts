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
 *
 * Without `src`, a page that already holds an element (publish's pages: the static render and
 * its data inline) is upgraded in place instead; only `childId` is read then (`readChildId`).
 */
import { LANGUAGE_TAG } from '../schema/analysis.js';
import {
  isStandaloneElement,
  isTheme,
  STANDALONE_ELEMENTS,
  type StandaloneElement,
  type Theme,
} from '../internal/standalone-elements.js';
import { isChildId } from './protocol.js';

export const DEFAULT_ELEMENT: StandaloneElement = 'nw-analysis';

export interface EmbedSpec {
  ok: true;
  element: StandaloneElement;
  /** Attributes to set on the element, `src` first. */
  attributes: [name: string, value: string][];
  lang?: string;
  theme?: Theme;
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

/** pym.js's id for this frame (the `childId` parameter), when it is one. */
export function readChildId(search: string): string | undefined {
  const value = new URLSearchParams(search).get('childId');
  return value !== null && isChildId(value) ? value : undefined;
}

export function readEmbedParams(search: string): EmbedSpec | EmbedProblem {
  const params = new URLSearchParams(search);
  const childId = readChildId(search);
  const element = params.get('element') || DEFAULT_ELEMENT;
  if (!isStandaloneElement(element)) {
    return {
      ok: false,
      childId,
      message: `This embed cannot show "${element}": element must be one of ${Object.keys(STANDALONE_ELEMENTS).join(', ')}.`,
    };
  }
  const src = params.get('src');
  if (!src)
    return { ok: false, childId, message: 'This embed needs the address of an analysis: add src=… to its URL.' };

  const attributes: [string, string][] = [['src', src]];
  for (const name of STANDALONE_ELEMENTS[element]) {
    const value = params.get(name);
    if (value !== null) attributes.push([name, value]);
  }
  const lang = params.get('lang') ?? undefined;
  const theme = params.get('theme') ?? undefined;
  const spec: EmbedSpec = { ok: true, element, attributes, childId };
  if (lang && LANGUAGE_TAG.test(lang)) spec.lang = lang;
  if (isTheme(theme)) spec.theme = theme;
  return spec;
}
