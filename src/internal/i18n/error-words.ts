/**
 * Errors said in the reader's language. An error is made once (a fetch's result is shared by
 * every element showing that URL, whatever each one speaks), so it keeps its message in English,
 * for `nw-error` and logs, and remembers here which message it is and with which values: each
 * element's error box says it in its own language when it renders.
 */
import type { AnalysisError, ErrorCode } from '../../schema/validate.js';
import { en, type CoreMessages } from './en.js';
import { fill } from './locale.js';

type Values = Record<string, string | number>;
const said = new WeakMap<AnalysisError, [(t: CoreMessages) => string, Values]>();

/** An error whose message is `pick(messages)` with `values` filled in. */
export function wordedError(code: ErrorCode, pick: (t: CoreMessages) => string, values: Values): AnalysisError {
  const error = { code, message: fill(pick(en), values) };
  said.set(error, [pick, values]);
  return error;
}

/** `error`'s message in the language of `t`. */
export function errorMessage(error: AnalysisError, t: CoreMessages): string {
  const words = said.get(error);
  return words ? fill(words[0](t), words[1]) : error.message;
}
