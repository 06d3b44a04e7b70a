/**
 * Loads a built-in language's file (see lazy-locales.ts). In the npm package each is a module of
 * its own, imported on demand, which a page's bundler splits into a chunk; the script-tag and
 * embed builds swap this module for load-locale.cdn.ts, which loads locales/<tag>.js beside the
 * bundle.
 */
import type { Messages } from './messages.js';

const FILES: Record<string, () => Promise<{ default: Messages }>> = {
  pt: () => import('./locales/pt.js'),
  fr: () => import('./locales/fr.js'),
  de: () => import('./locales/de.js'),
  it: () => import('./locales/it.js'),
  pl: () => import('./locales/pl.js'),
  tr: () => import('./locales/tr.js'),
  uk: () => import('./locales/uk.js'),
  ar: () => import('./locales/ar.js'),
  he: () => import('./locales/he.js'),
  hi: () => import('./locales/hi.js'),
  id: () => import('./locales/id.js'),
};

export const loadLocale = async (lang: string): Promise<Messages> => (await FILES[lang]!()).default;
