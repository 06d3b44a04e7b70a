/**
 * The position badge: an icon and a word, never colour alone. Shapes differ per position
 * (check, cross, half-filled circle, dash, question mark) so they read in greyscale too.
 */
import { html, svg, type TemplateResult } from 'lit';
import type { Position } from '../../schema/analysis.js';
import type { CoreMessages as Messages } from '../../internal/i18n/en.js';

const ICONS: Record<Position, TemplateResult> = {
  supports: svg`<path d="M3.5 8.5l3 3 6-7" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"/>`,
  opposes: svg`<path d="M4 4l8 8M12 4l-8 8" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round"/>`,
  mixed: svg`<circle cx="8" cy="8" r="5.5" fill="none" stroke="currentColor" stroke-width="1.5"/><path d="M8 2.5a5.5 5.5 0 0 1 0 11z" fill="currentColor"/>`,
  neutral: svg`<path d="M3.5 8h9" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round"/>`,
  unclear: svg`<path d="M5.75 6a2.25 2.25 0 1 1 3.3 2c-.7.4-1.05.9-1.05 1.6v.4" fill="none" stroke="currentColor" stroke-width="1.75" stroke-linecap="round"/><circle cx="8" cy="12.6" r="1.1" fill="currentColor"/>`,
};

export function positionBadge(position: Position, t: Messages): TemplateResult {
  return html`<p class="badge badge--${position}" part="badge">
    <svg class="badge-icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">${ICONS[position]}</svg>
    <span class="visually-hidden">${t.position}${t.colon}</span>
    <span>${t.positions[position]}</span>
  </p>`;
}
