/**
 * A count with its noun, in any language: the form comes from the language's CLDR plural
 * rules (`Intl.PluralRules`), the number is written its way (`toLocaleString` is
 * `Intl.NumberFormat`). English and Spanish use `one` and `other`; Arabic uses all six
 * categories, Japanese only `other`; a message lists the forms its language has.
 *
 * No Node or DOM APIs: the elements, the validator and the command line all use it.
 */

/** A phrase per plural category, `#` where the number goes; `other` is always required. */
export type PluralForms = { readonly [category in Intl.LDMLPluralRule]?: string } & { readonly other: string };

const RULES = new Map<string, Intl.PluralRules>();

/**
 * `plural('es', 1, { one: '# declaración', other: '# declaraciones' })` → "1 declaración".
 * A category the forms leave out falls back to `other`. The rules are kept per tag: the
 * validator writes a count per problem, the importer one per shortened field.
 */
export function plural(tag: string, count: number, forms: PluralForms): string {
  let rules = RULES.get(tag);
  if (!rules) RULES.set(tag, (rules = new Intl.PluralRules(tag)));
  return (forms[rules.select(count)] ?? forms.other).replace('#', count.toLocaleString(tag));
}

/** "1 character", "2,001 characters": the validator's and the importer's lengths. */
export const CHARACTERS: PluralForms = { one: '# character', other: '# characters' };
