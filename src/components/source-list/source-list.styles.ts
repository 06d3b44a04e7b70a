import { css } from 'lit';

export const sourceListStyles = css`
  :host {
    --_placeholder-height: 40em;
  }
  .card {
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space);
  }
  .heading {
    font-size: 1.15em;
    font-weight: 700;
    margin-bottom: 0.5rem;
  }
  ol {
    margin: 0;
    padding-inline-start: 2.25em;
    display: grid;
    gap: 0.75rem;
  }
  li {
    padding: 0.25rem 0.5rem;
    margin-inline-start: -0.5rem;
    border-radius: calc(var(--_radius) / 2);
    transition: background-color 0.6s;
  }
  li::marker {
    font-weight: 700;
    color: var(--_muted);
  }
  li[data-flash] {
    background: color-mix(in srgb, var(--_accent) 18%, transparent);
  }
  li:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }
  .title {
    font-weight: 600;
  }
  .meta,
  /* Back-links wrap onto stacked lines: each line, and each link, at least 24 px tall (2.5.8). */
  .cited-in {
    font-size: 0.875em;
    line-height: max(1.75em, 24px);
    color: var(--_muted);
  }
  .cited-in ul {
    display: inline;
    padding: 0;
    list-style: none;
  }
  .cited-in li {
    display: inline;
    margin: 0;
    padding: 0;
  }
  .cited-in li:not(:last-child)::after {
    content: ' · ';
  }
  .backlink {
    font: inherit;
    line-height: inherit;
    min-block-size: 24px;
    color: var(--_accent);
    background: none;
    border: 0;
    padding: 0;
    text-decoration: underline;
    cursor: pointer;
    text-align: start;
  }
`;
