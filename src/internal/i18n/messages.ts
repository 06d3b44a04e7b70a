/**
 * The whole catalogue a language gives: the shared words (en.ts) and each element's own, under
 * its name. Types only: the words themselves ship with the elements that print them.
 */
import type { analysisMessages } from '../../components/analysis/analysis.messages.js';
import type { sourceListMessages } from '../../components/source-list/source-list.messages.js';
import type { timelineMessages } from '../../components/timeline/timeline.messages.js';
import type { CoreMessages } from './en.js';

/** Each element's own words, by the key they have in a catalogue. */
export interface ElementMessages {
  analysis: (typeof analysisMessages)['en'];
  sourceList: (typeof sourceListMessages)['en'];
  timeline: (typeof timelineMessages)['en'];
}

/** Every message of a language: what a built-in locale file holds. */
export type Messages = CoreMessages & ElementMessages;

type DeepPartial<T> = { [K in keyof T]?: T[K] extends string ? string : DeepPartial<T[K]> };

/**
 * What `registerLocale` takes: any of the messages, nested as in `Messages`. A key left out
 * (or given as an empty string) falls back to the base language, then to English.
 */
export type LocaleMessages = DeepPartial<Messages>;

/** An element's own words, built in for English and Spanish. */
export type BuiltInWords<T> = { en: T; es: T };
