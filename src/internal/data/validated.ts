/**
 * Validated documents, shared: one validation per object, per `<script>` text and per URL
 * however many elements show it (a page with ten widgets fed by one pasted document
 * validates it once).
 *
 * A valid result is also remembered under the analysis it produced, so an element handed
 * that analysis (`<nw-analysis>` feeding its composed elements, a page passing on an
 * `nw-ready` detail) gets the same result back instead of validating the document again.
 */
import { parseAnalysis, validateAnalysis, type ValidationResult } from '../../schema/validate.js';

/**
 * `<!--{…}-->`, as our snippets write it so that a CMS stripping the script leaves only a
 * comment: everything from the first `<!--` to the last `-->` is the JSON (a second comment
 * after it is a json error), and JSON error positions count from inside the comment.
 */
const COMMENTED = /^\s*<!--([^]*)-->\s*$/;

/** A data script's JSON text, with or without the guarding comment. */
const dataScriptJson = (text: string): string => COMMENTED.exec(text)?.[1] ?? text;

const byObject = new WeakMap<object, ValidationResult>();
const byScript = new WeakMap<Element, { text: string; result: ValidationResult }>();

function remember(result: ValidationResult): ValidationResult {
  if (result.ok) byObject.set(result.analysis, result);
  return result;
}

/**
 * What an object becomes when something writes it as an attribute: a framework that sets
 * `analysis` before the element is defined (Vue's plain `:analysis`), or a template that
 * interpolates it. The data is gone; only the way to fix it can be said.
 */
const STRINGIFIED_OBJECT = /^\s*\[object \w*\]\s*$/;

const STRINGIFIED_MESSAGE =
  'analysis is the text "[object Object]": an object was set as an attribute. Set the analysis property instead (Vue: :analysis.prop, Angular: [analysis]).';

/** The `analysis` property (or attribute): an object (validated once per identity) or JSON text. */
export function validateValue(value: unknown): ValidationResult {
  if (typeof value === 'string') {
    if (STRINGIFIED_OBJECT.test(value)) return { ok: false, error: { code: 'json', message: STRINGIFIED_MESSAGE } };
    return remember(parseAnalysis(value));
  }
  if (typeof value !== 'object' || value === null) return validateAnalysis(value);
  let result = byObject.get(value);
  if (!result) {
    result = remember(validateAnalysis(value));
    byObject.set(value, result);
  }
  return result;
}

/** A `<script type="application/json">`: validated again only when its text changes. */
export function validateScript(script: Element): ValidationResult {
  const text = script.textContent ?? '';
  const cached = byScript.get(script);
  if (cached && cached.text === text) return cached.result;
  const result = remember(parseAnalysis(dataScriptJson(text)));
  byScript.set(script, { text, result });
  return result;
}
