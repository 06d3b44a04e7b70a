import { css } from 'lit';

export const citeStyles = css`
  /* Inline in the host article's paragraph: keep its line, not a block of our own. */
  :host {
    display: inline;
    contain: none;
    line-height: inherit;
  }
  .cite--loading {
    color: var(--_muted);
    cursor: default;
    text-decoration: none;
  }
  /* A page can force the host's font-size to 0 (\`* { font-size: 0 !important }\` beats
     :host rules): the marker keeps a legible minimum of its own. */
  .cite,
  .cite-error {
    font-size: max(0.75em, 10px);
  }
  .cite-error {
    vertical-align: super;
    line-height: 0;
    white-space: nowrap;
    color: var(--_error);
    text-decoration: underline wavy;
    cursor: help;
  }
`;
