/**
 * site.zip's static renders, made in a worker: Lit's server render replaces LitElement's
 * `createRenderRoot` for every element of the realm it runs in (styles are written out, never
 * adopted), so in the builder's own page it would leave every later preview unstyled. Here it
 * runs beside the page, with Lit SSR's DOM shim, as it does under Node for `publish`.
 *
 * In: a SiteRenderRequest. Out: a SiteRenderAnswer (the views planned, with their renders and
 * snippets, and the stylesheet), or the problem in words.
 */
import './builder-publish-dom.js';
import { staticStylesheet } from '../src/render/index.js';
import { renderViews } from '../src/publish/render-views.js';
import type { PlannedView } from '../src/publish/site.js';
import type { Analysis } from '../src/schema/analysis.js';

export interface SiteRenderRequest {
  analysis: Analysis;
  /** Normalized: one trailing slash. */
  baseUrl: string;
  version: string;
  integrity: string | undefined;
}

export type SiteRenderAnswer = { views: PlannedView[]; stylesheet: string } | { problem: string };

addEventListener('message', (event: MessageEvent<SiteRenderRequest>) => {
  const { analysis, baseUrl, version, integrity } = event.data;
  let answer: SiteRenderAnswer;
  try {
    const views = renderViews(analysis, baseUrl, { version, integrity });
    answer = { views, stylesheet: staticStylesheet() };
  } catch (error) {
    answer = { problem: error instanceof Error ? error.message : String(error) };
  }
  postMessage(answer);
});
