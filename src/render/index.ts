/**
 * `newsroom-widgets/render` (Node only): static HTML for an element, for sites that build
 * pages on a server (Astro, Next, Eleventy) and for the `render` command. See `renderHtml`.
 */
export {
  renderHtml,
  renderHtmlSync,
  renderDataScript,
  RenderError,
  RENDERABLE_ELEMENTS,
  type RenderableElement,
  type RenderOptions,
} from './render-html.js';
export { staticStylesheet } from './static-stylesheet.js';
export { localeReady, registerLocale } from '../internal/i18n/locale.js';
