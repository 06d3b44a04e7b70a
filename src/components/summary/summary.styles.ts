import { css } from 'lit';
import { placeholderHeights } from '../../internal/styles/base.styles.js';

/** Heights measured on the sample analysis at each container width. */
const placeholder = placeholderHeights(32, [
  [64, 36],
  [50, 43],
  [40, 55],
  [30, 70],
  [22, 100],
]);

export const summaryStyles = css`
  ${placeholder}
  .card {
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space);
    display: grid;
    gap: calc(var(--_space) * 0.75);
  }
  .question {
    font-size: 1.35em;
  }
  .list-heading {
    font-size: 0.85em;
    text-transform: uppercase;
    letter-spacing: 0.04em;
    color: var(--_muted);
    margin-bottom: 0.25rem;
  }
  ul {
    padding-inline-start: 1.25rem;
    display: grid;
    gap: 0.25rem;
  }
  .unknowns {
    border-inline-start: 3px dashed var(--_border);
    padding-inline-start: calc(var(--_space) * 0.75);
  }
`;
