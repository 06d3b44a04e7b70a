import { css } from 'lit';

export const analysisStyles = css`
  :host {
    --_placeholder-height: 120em;
    container: analysis / inline-size;
    /* Resolved here, on this host, so the nested elements inherit a plain length: setting
       their --nw-space from their own --_space would be a cycle (both become invalid). */
    --_narrow-space: calc(var(--_space) * 0.6);
  }
  /* On phones the nested cards would double the padding and squeeze the text: tighten it
     (the composed elements read --nw-space, scaled here from the page's own value). */
  @container analysis (max-width: 30rem) {
    .layout {
      padding: calc(var(--_space) * 0.4);
      gap: calc(var(--_space) * 1.5);
    }
    .layout > *,
    .layout nw-stances,
    .layout nw-timeline {
      --nw-space: var(--_narrow-space);
    }
  }
  /* Its own text (contents, headings, sections) needs its theme's surface under it, like
     every other element's card: dark text on a dark page (or the reverse) is unreadable. */
  .layout {
    display: grid;
    gap: calc(var(--_space) * 2);
    background: var(--_surface);
    border-radius: var(--_radius);
    padding: var(--_space);
  }
  .contents ol {
    margin: 0.25rem 0 0;
    padding-inline-start: 1.25rem;
    columns: 14rem 2;
  }
  .contents a,
  .anchor {
    color: var(--_accent);
  }
  .block-heading,
  .section-title {
    font-weight: 700;
    line-height: 1.25;
  }
  .block-heading {
    font-size: 1.2em;
    margin-bottom: 0.5rem;
  }
  .section-title {
    font-size: 1.1em;
    display: flex;
    gap: 0.5rem;
    align-items: baseline;
  }
  .section-number {
    color: var(--_muted);
  }
  /* Quieter than the title, never faint: the muted colour holds 4.5:1 in both themes (an
     opacity of 0.6 gave 2.9:1 light, 3.9:1 dark, which axe does not see). */
  .anchor {
    font-weight: 400;
    text-decoration: none;
    color: var(--_muted);
  }
  .anchor:hover,
  .anchor:focus-visible {
    color: var(--_accent);
  }
  .sections {
    display: grid;
    gap: calc(var(--_space) * 1.5);
  }
  .section p + p {
    margin-top: 0.75em;
  }
  .section[data-flash],
  .section:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 4px;
    border-radius: 2px;
  }
`;
