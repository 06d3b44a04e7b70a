import { css } from 'lit';
import { placeholderHeights } from '../../internal/styles/base.styles.js';

/** Heights measured on the sample analysis at each container width (one card). */
const placeholder = placeholderHeights(20, [
  [64, 22],
  [50, 25],
  [40, 28],
  [30, 33],
  [22, 45],
]);

/** The look of one stance card; used by <nw-stance-card> and <nw-stances>. */
export const stanceStyles = css`
  ${placeholder}
  .stance {
    --_position: var(--_neutral);
    height: 100%;
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) * 0.6);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-top: 4px solid var(--_position);
    border-radius: var(--_radius);
    padding: var(--_space);
  }
  .stance--supports { --_position: var(--_supports); }
  .stance--opposes { --_position: var(--_opposes); }
  .stance--mixed { --_position: var(--_mixed); }
  .stance--neutral { --_position: var(--_neutral); }
  .stance--unclear { --_position: var(--_unclear); }

  .stance-header {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-start;
    justify-content: space-between;
    gap: 0.5rem;
  }
  .actor {
    display: flex;
    flex-direction: column;
  }
  .actor-name {
    font-weight: 700;
  }
  .actor-meta,
  .confidence,
  .source-line,
  figcaption {
    color: var(--_muted);
    font-size: 0.875em;
  }
  .badge {
    display: inline-flex;
    align-items: center;
    gap: 0.3rem;
    padding-block: 0.1rem;
    padding-inline: 0.45rem 0.6rem;
    border: 1.5px solid var(--_position);
    border-radius: 999px;
    font-size: 0.875em;
    font-weight: 700;
    white-space: nowrap;
  }
  /* The Arabic question mark is mirrored (؟); Hebrew keeps "?". */
  :host(:lang(ar)) .badge--unclear .badge-icon {
    transform: scaleX(-1);
  }
  .badge-icon {
    color: var(--_position);
    flex: none;
  }
  .headline {
    font-size: 1.1em;
    font-weight: 700;
    line-height: 1.3;
  }
  .stance .quote {
    --_quote-rule: var(--_position);
  }
  .stance-footer {
    margin-top: auto;
    display: grid;
    gap: 0.15rem;
  }
  .source-line .cite {
    vertical-align: baseline;
    font-size: 1em;
  }
`;
