import { css, unsafeCSS } from 'lit';

/** More lanes than this read worse than one column: the timeline stays vertical. */
export const MAX_LANES = 6;

/** Columns for 2..MAX_LANES lanes, and each lane's column: generated from numbers only. */
const laneRules = unsafeCSS(
  Array.from(
    { length: MAX_LANES - 1 },
    (_, i) =>
      `.frame[data-lanes='${i + 2}'] :is(.list, .lane-headers) { grid-template-columns: repeat(${i + 2}, minmax(0, 1fr)); }`,
  )
    .concat(Array.from({ length: MAX_LANES }, (_, i) => `[data-lane='${i + 1}'] { grid-column: ${i + 1}; }`))
    .join('\n'),
);

export const timelineStyles = css`
  /* Heights measured on the sample's eight statements. */
  .placeholder {
    --_placeholder-height: 60em;
  }
  /* Its own background, like the other elements' cards: the muted text and accent are
     chosen against the theme's surface, not whatever the page is painted with. */
  .timeline {
    display: block;
    background: var(--_surface);
  }
  .filter {
    border: 0;
    margin: 0 0 0.5rem;
    padding: 0;
    display: flex;
    flex-wrap: wrap;
    gap: 0.4rem;
    align-items: center;
  }
  .filter legend {
    float: inline-start;
    margin-inline-end: 0.5rem;
    color: var(--_muted);
    font-size: 0.875em;
    padding: 0;
  }
  .chip {
    display: inline-flex;
    align-items: center;
    gap: 0.35rem;
    border: 1px solid var(--_border);
    border-radius: 999px;
    padding-block: 0.2rem;
    padding-inline: 0.45rem 0.7rem;
    font-size: 0.875em;
    background: var(--_surface);
    cursor: pointer;
  }
  .chip:has(input:checked) {
    border-color: var(--_accent);
  }
  .chip input {
    margin: 0;
    accent-color: var(--_accent);
  }
  .chip:has(input:focus-visible) {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }
  .count {
    font-size: 0.875em;
    color: var(--_muted);
    margin-bottom: 0.5rem;
  }
  .frame {
    container: timeline / inline-size;
  }
  .lane-headers {
    display: none;
  }
  .period-heading {
    font-size: 0.95em;
    font-weight: 700;
    color: var(--_muted);
    margin: 0.75rem 0 0.25rem;
  }
  .list {
    list-style: none;
    margin: 0;
    padding: 0;
    padding-inline-start: 1.25rem;
    border-inline-start: 2px solid var(--_border);
    display: grid;
    gap: 0.75rem;
  }
  .entry {
    position: relative;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.6rem 0.8rem;
  }
  /* In long timelines, off-screen entries skip layout and paint but stay in the DOM:
     find-in-page and screen readers still reach them. */
  .frame[data-long] .entry {
    content-visibility: auto;
    contain-intrinsic-size: auto 9em;
  }
  .entry::before {
    content: '';
    position: absolute;
    inset-inline-start: calc(-1.25rem - 6px);
    top: 0.9rem;
    width: 10px;
    height: 10px;
    border-radius: 50%;
    background: var(--_accent);
    border: 2px solid var(--_surface);
  }
  .entry:focus-visible,
  .entry[data-flash] {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }
  .entry-meta {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 0.75rem;
    font-size: 0.875em;
    color: var(--_muted);
  }
  .entry-meta time,
  .entry-meta [part='date'] {
    font-weight: 700;
    color: var(--_text);
  }
  .kind {
    text-transform: uppercase;
    letter-spacing: 0.04em;
    font-size: 0.85em;
  }
  .entry-actor {
    font-weight: 700;
  }
  /* A comma for the ear only (the entry's name is "actor, kind date"): CSS alt text, no node. */
  .actor-kind::before {
    content: '' / ', ';
  }
  .actor-kind {
    font-weight: 400;
    color: var(--_muted);
    font-size: 0.875em;
    margin-inline-start: 0.5rem;
  }
  .quote {
    margin-top: 0.4rem;
  }
  .quote figcaption,
  .source-line {
    font-size: 0.875em;
    color: var(--_muted);
  }
  /* Lanes: on a wide container, each actor's statements in its own column, still in time
     order down the page; period headings span every lane. */
  @container timeline (min-width: 52rem) {
    /* Keyboard focus moving up lands below the sticky lane headers, not under them. */
    .frame:not([data-lanes='0']) .entry {
      scroll-margin-top: 3rem;
    }
    .frame:not([data-lanes='0']) .lane-headers {
      display: grid;
      column-gap: 1rem;
      position: sticky;
      top: 0;
      z-index: 1;
      background: var(--_surface);
      border-bottom: 2px solid var(--_border);
      padding: 0.4rem 0;
      font-weight: 700;
    }
    /* One grid per period, not one for the whole timeline: grid placement of thousands of
       items in a single grid is far slower than many small grids. */
    .frame:not([data-lanes='0']) .list {
      display: grid;
      column-gap: 1rem;
      row-gap: 0.75rem;
      align-items: start;
      border: 0;
      padding: 0;
    }
    .frame:not([data-lanes='0']) .period-heading {
      border-bottom: 1px solid var(--_border);
      padding-bottom: 0.15rem;
    }
    .frame:not([data-lanes='0']) .entry::before {
      display: none;
    }
    ${laneRules}
  }
`;
