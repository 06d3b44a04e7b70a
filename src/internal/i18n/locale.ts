/**
 * Which language an element speaks, and its words: its own `lang`, else the nearest ancestor's
 * (across shadow roots, so elements composed inside <nw-analysis> follow the page), else the
 * analysis's `language`, else English. A regional tag uses its language's words (`pt-BR` → `pt`)
 * and keeps its region for numbers and dates; a language with no words at all is English.
 *
 * English and Spanish are built in; the other built-in languages (lazy-locales.ts) load on
 * first use: until their file is there the element speaks English, and then every element on
 * the page renders again (`onLocalesChange`). A page adds a language, or changes some words of
 * one, with `registerLocale`. Every message falls back key by key: the registered words, the
 * language's own, English. Nothing is ever blank.
 */
import { parsePartialDate, type DatePrecision } from '../../schema/dates.js';
import { composedAncestors } from '../dom/composed-ancestors.js';
import { en, type CoreMessages } from './en.js';
import { es } from './es.js';
import { LAZY_LOCALES } from './lazy-locales.js';
import { loadLocale } from './load-locale.js';
import type { BuiltInWords, ElementMessages, LocaleMessages } from './messages.js';

type Tree = Record<string, unknown>;

export interface Locale {
  /** The BCP 47 tag used for `Intl` formatting. */
  tag: string;
  /** Its language's file is on its way (the words are English until it is there). */
  pending?: boolean;
  /** The direction of the element's own words (its chrome); content keeps the analysis's. */
  dir: 'ltr' | 'rtl';
  messages: CoreMessages;
  /** An element's own words in this language, over its built-in English and Spanish. */
  words<K extends keyof ElementMessages>(key: K, builtIn: BuiltInWords<ElementMessages[K]>): ElementMessages[K];
}

/** Loaded locale files by language: the messages, `null` when the file failed, a promise while loading. */
const files = new Map<string, Tree | null | Promise<void>>();
/** `registerLocale` calls by lower-case tag, in order. */
const registered = new Map<string, Tree[]>();
/** Merged catalogues by `tag|key`; emptied whenever a language arrives. */
const merged = new Map<string, unknown>();
const listeners = new Set<() => void>();

/** Calls `listener` whenever words change (a file loaded, a language registered); returns the unsubscribe. */
export function onLocalesChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function changed(): void {
  merged.clear();
  for (const listener of listeners) listener();
}

/** Plural categories: an object of only these is a count's forms. */
const CATEGORIES = /^(zero|one|two|few|many|other)$/;

/**
 * `over`'s strings laid on `base`, for `base`'s keys only: a wrong type, an empty string or an
 * unknown key is ignored, so a message is never blank. Plural forms (an object of plural
 * categories) are taken whole, their string forms only, when they have `other`.
 */
function layer(base: Tree, over: unknown): Tree {
  if (!over || typeof over !== 'object') return base;
  const out: Tree = { ...base };
  for (const key of Object.keys(base)) {
    const from = base[key];
    const value = (over as Tree)[key];
    if (typeof from === 'string') {
      if (typeof value === 'string' && value) out[key] = value;
    } else if (value && typeof value === 'object') {
      if (Object.keys(from as Tree).every((category) => CATEGORIES.test(category))) {
        const forms = Object.entries(value).filter(([, form]) => typeof form === 'string' && form);
        if (forms.some(([category]) => category === 'other')) out[key] = Object.fromEntries(forms);
      } else out[key] = layer(from as Tree, value);
    }
  }
  return out;
}

/** `pt_BR` (a CMS's POSIX locale) → `pt-BR`; anything `Intl` cannot read → its bare language. */
function canonicalTag(tag: string): string {
  const dashed = tag.trim().replace(/_/g, '-');
  try {
    return Intl.getCanonicalLocales(dashed)[0] ?? 'en';
  } catch {
    return dashed.toLowerCase().split('-')[0] || 'en';
  }
}

/** Languages written right to left when `Intl.Locale` cannot say (no text info in the browser). */
const RTL = /^(ar|arc|ckb|dv|fa|he|iw|ps|sd|syr|ug|ur|yi)(-|$)/i;

/** Right to left for Arabic, Hebrew and any other language `Intl.Locale`'s text info says is. */
export function direction(tag: string): 'ltr' | 'rtl' {
  try {
    const locale = new Intl.Locale(tag) as Intl.Locale & {
      getTextInfo?(): { direction?: string };
      textInfo?: { direction?: string };
    };
    const info = locale.getTextInfo?.() ?? locale.textInfo;
    if (info?.direction) return info.direction as 'ltr' | 'rtl';
  } catch {
    // not a tag Intl reads: the list decides
  }
  return RTL.test(tag) ? 'rtl' : 'ltr';
}

/** Starts loading `lang`'s file, once; elements render again when it is there (or failed). */
function request(lang: string): Promise<void> {
  let entry = files.get(lang);
  if (entry === undefined) {
    files.set(
      lang,
      (entry = loadLocale(lang)
        .then(
          (messages) => void files.set(lang, messages as unknown as Tree),
          (cause: unknown) => {
            files.set(lang, null);
            console.warn(`newsroom-widgets: no "${lang}" messages (${String(cause)}), showing English`);
          },
        )
        .then(changed)),
    );
  }
  return entry instanceof Promise ? entry : Promise.resolve();
}

/** Resolves once `tag`'s language can be shown (its file loaded or failed): for server rendering. */
export const localeReady = (tag: string): Promise<void> => {
  const lang = canonicalTag(tag).toLowerCase().split('-')[0]!;
  return LAZY_LOCALES.includes(lang) ? request(lang) : Promise.resolve();
};

/**
 * Adds a language (`tag`, BCP 47: `sw`, `fa`, `pt-BR`), or changes some words of one: see the
 * README's Language section. Elements on the page render again in the new words. A tag `Intl`
 * cannot read counts as its bare language (`xx_YY!` as `xx`).
 */
export function registerLocale(tag: string, messages: LocaleMessages): void {
  if (!messages || typeof messages !== 'object') throw new TypeError(`registerLocale: messages must be an object`);
  const key = canonicalTag(String(tag)).toLowerCase();
  registered.set(key, [...(registered.get(key) ?? []), messages as Tree]);
  changed();
}

function ancestorLang(element: Element | null): string | undefined {
  for (const node of composedAncestors(element, true)) {
    if (node instanceof Element && node.getAttribute('lang')) return node.getAttribute('lang')!;
  }
  return undefined;
}

/**
 * The language for an element's words and dates: the nearest `lang` from the element up (through
 * shadow roots), else the analysis's, else English. `null` on the server, where elements have no
 * ancestors: the caller passes the element's own `lang` as the fallback.
 */
export function resolveLocale(element: Element | null, analysisLanguage?: string): Locale {
  let tag = canonicalTag(ancestorLang(element) || analysisLanguage || 'en');
  const lower = tag.toLowerCase();
  const lang = lower.split('-')[0]!;
  const lazy = LAZY_LOCALES.includes(lang);
  let file: Tree | null | undefined;
  if (lazy) {
    if (!files.has(lang)) void request(lang);
    const entry = files.get(lang);
    file = entry instanceof Promise ? undefined : entry;
  }
  // Words of its own: built in, loaded, or registered; while its file loads, English.
  const own =
    lang === 'en' ||
    lang === 'es' ||
    !!file ||
    ((!lazy || file === null) && (registered.has(lower) || registered.has(lang)));
  if (!own) tag = 'en';
  /** `key`'s words (the shared ones for ''), merged once per tag until words change. */
  const layers = (key: string, builtIn: { en: unknown; es: unknown }): unknown => {
    if (!own) return builtIn.en;
    const pick = (catalogue: Tree | null | undefined) => (key ? catalogue?.[key] : catalogue);
    let words = merged.get(`${lower}|${key}`);
    if (!words) {
      words = layer(builtIn.en as Tree, lang === 'es' ? builtIn.es : pick(file));
      for (const over of [...(registered.get(lang) ?? []), ...(lang === lower ? [] : (registered.get(lower) ?? []))])
        words = layer(words as Tree, pick(over));
      merged.set(`${lower}|${key}`, words);
    }
    return words;
  };
  return {
    tag,
    pending: lazy && file === undefined,
    dir: direction(tag),
    messages: layers('', { en, es }) as CoreMessages,
    words: (key, builtIn) => layers(key, builtIn) as never,
  };
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

/** `fill('Section {n}', { n: 2 })` → "Section 2": a message's `{name}`s filled in. */
export const fill = (message: string, values: Record<string, string | number>): string =>
  message.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
