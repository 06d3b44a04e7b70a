/**
 * Which language an element speaks: its own `lang`, else the nearest ancestor's (across
 * shadow roots, so elements composed inside <nw-analysis> follow the page), else the
 * analysis's `language`, else English. Spanish and English are built in.
 */
import { parsePartialDate, type DatePrecision } from '../../schema/dates.js';
import { composedAncestors } from '../dom/composed-ancestors.js';
import { en, type Messages } from './en.js';
import { es } from './es.js';

const CATALOGUES: Record<string, Messages> = { en, es };

export interface Locale {
  /** The BCP 47 tag used for `Intl` formatting. */
  tag: string;
  messages: Messages;
}

function ancestorLang(element: Element | null): string | undefined {
  for (const node of composedAncestors(element, true)) {
    if (node instanceof Element && node.getAttribute('lang')) return node.getAttribute('lang')!;
  }
  return undefined;
}

/**
 * A page's `lang` as a tag `Intl` accepts. CMS templates often print a POSIX locale
 * ("es_MX"), which `Intl` rejects with a RangeError; read it as the BCP 47 tag it means,
 * and fall back to the bare language for anything else `Intl` cannot parse.
 */
function canonicalTag(tag: string): string {
  const dashed = tag.trim().replace(/_/g, '-');
  try {
    return Intl.getCanonicalLocales(dashed)[0] ?? 'en';
  } catch {
    return dashed.toLowerCase().split('-')[0] || 'en';
  }
}

/**
 * The language for an element's words and dates: the nearest `lang` from the element up (through
 * shadow roots), else the analysis's, else English. `null` on the server, where elements have no
 * ancestors: the caller passes the element's own `lang` as the fallback.
 */
export function resolveLocale(element: Element | null, analysisLanguage?: string): Locale {
  const tag = canonicalTag(ancestorLang(element) || analysisLanguage || 'en');
  const base = tag.toLowerCase().split('-')[0] ?? 'en';
  return { tag: CATALOGUES[base] ? tag : 'en', messages: CATALOGUES[base] ?? en };
}

/** The parts of a date each precision shows, in UTC (see formatPartialDate). */
const PRECISION_OPTIONS: Record<DatePrecision, Intl.DateTimeFormatOptions> = {
  year: { year: 'numeric', timeZone: 'UTC' },
  month: { year: 'numeric', month: 'long', timeZone: 'UTC' },
  day: { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' },
};

/** Building an Intl formatter costs far more than using one: one per language and precision. */
const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * A partial ISO date as a reader says it: "2025", "April 2025", "8 April 2025" /
 * "abril de 2025". Formatted in UTC so the day never shifts with the reader's time zone.
 */
export function formatPartialDate(value: string, tag: string): string {
  const date = parsePartialDate(value);
  if (!date) return value;
  const key = `${tag}|${date.precision}`;
  let formatter = formatters.get(key);
  if (!formatter) formatters.set(key, (formatter = new Intl.DateTimeFormat(tag, PRECISION_OPTIONS[date.precision])));
  const when = new Date(Date.UTC(date.year, (date.month ?? 1) - 1, date.day ?? 1));
  // Date.UTC reads years 0–99 as 1900–1999; the schema allows any four-digit year.
  when.setUTCFullYear(date.year);
  return formatter.format(when);
}
