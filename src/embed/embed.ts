/**
 * The embed page's script (`dist/embed/embed.js`, self-contained: Lit, every element and the
 * page logic): registers the elements, then builds the page from its URL (see `startEmbed`).
 */
import '../define.js';
import { startEmbed } from './embed-page.js';

startEmbed();
