/**
 * Every view of an analysis planned with its static renders and snippet, as `publish` and the
 * builder's site.zip worker both make them. Imports the static render (Lit SSR), so only those
 * two load it: in a page, Lit SSR would take over every element's rendering (see
 * demo/builder-publish.worker.ts).
 */
import { renderHtmlSync } from '../render/render-html.js';
import type { Analysis } from '../schema/analysis.js';
import { planViews, type PlannedView } from './site.js';
import { snippetRenderOptions, viewSnippet, type SnippetSettings } from './snippet.js';

/** Throws the render's RenderError when the analysis cannot be rendered. */
export const renderViews = (analysis: Analysis, baseUrl: string, settings: SnippetSettings): PlannedView[] =>
  planViews(
    analysis,
    baseUrl,
    (view, stylesheet) =>
      renderHtmlSync(analysis, {
        element: view.element,
        ...(view.actor !== undefined ? { actor: view.actor } : {}),
        stylesheet,
      }),
    (view, jsonUrl, stylesheet) =>
      viewSnippet(analysis, view, jsonUrl, settings, {
        html: renderHtmlSync(analysis, snippetRenderOptions(analysis, view, jsonUrl, stylesheet)),
        stylesheet,
      }),
  );
