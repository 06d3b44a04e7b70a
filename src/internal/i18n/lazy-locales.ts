/**
 * The built-in languages shipped as files of their own (src/internal/i18n/locales/<tag>.ts;
 * beside the script-tag and embed bundles as locales/<tag>.js), each loaded the first time an
 * element on the page speaks it. English and Spanish are in every bundle.
 */
export const LAZY_LOCALES: readonly string[] = ['pt', 'fr', 'de', 'it', 'pl', 'tr', 'uk', 'ar', 'he', 'hi', 'id'];
