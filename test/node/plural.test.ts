/**
 * Counts with their nouns (src/internal/i18n/plural.ts): the form from the language's CLDR
 * plural rules, the number written the language's way; and the messages that use it.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { timelineCount, timelineMessages } from '../../src/components/timeline/timeline.messages.js';
import { plural } from '../../src/internal/i18n/plural.js';

const STATEMENTS = { one: '# statement', other: '# statements' };
const DECLARACIONES = { one: '# declaración', other: '# declaraciones' };

describe('plural(tag, count, forms)', () => {
  it('English: one for 1, other for 0 and 2', () => {
    assert.equal(plural('en', 1, STATEMENTS), '1 statement');
    assert.equal(plural('en', 2, STATEMENTS), '2 statements');
    assert.equal(plural('en', 0, STATEMENTS), '0 statements');
  });

  it('Spanish: one for 1, other for 0 and 2', () => {
    assert.equal(plural('es', 1, DECLARACIONES), '1 declaración');
    assert.equal(plural('es', 0, DECLARACIONES), '0 declaraciones');
    assert.equal(plural('es', 2, DECLARACIONES), '2 declaraciones');
  });

  it("writes the number the language's way", () => {
    assert.equal(plural('en', 12_345, STATEMENTS), '12,345 statements');
    assert.equal(plural('es', 12_345, DECLARACIONES), '12.345 declaraciones');
    assert.equal(plural('es-MX', 12_345, DECLARACIONES), '12,345 declaraciones');
  });

  it('takes every CLDR category a language has (Arabic: zero, one, two, few, many, other)', () => {
    const forms = { zero: 'zero #', one: 'one #', two: 'two #', few: 'few #', many: 'many #', other: 'other #' };
    assert.deepEqual(
      [0, 1, 2, 3, 11, 100].map((count) => plural('ar', count, forms)),
      ['zero 0', 'one 1', 'two 2', 'few 3', 'many 11', 'other 100'],
    );
  });

  it('falls back to other for a category the forms leave out', () => {
    assert.equal(plural('ar', 2, { one: '# x', other: '# things' }), '2 things');
    assert.equal(plural('ja', 1, { other: '#件' }), '1件');
  });
});

describe("<nw-timeline>'s count", () => {
  it('agrees with the total, in English and Spanish', () => {
    assert.equal(timelineCount(timelineMessages.en, 1, 1, 'en'), '1 statement');
    assert.equal(timelineCount(timelineMessages.en, 2, 2, 'en'), '2 statements');
    assert.equal(timelineCount(timelineMessages.en, 1, 3, 'en'), '1 of 3 statements');
    assert.equal(timelineCount(timelineMessages.en, 0, 1, 'en'), '0 of 1 statement');
    assert.equal(timelineCount(timelineMessages.es, 1, 1, 'es'), '1 declaración');
    assert.equal(timelineCount(timelineMessages.es, 0, 0, 'es'), '0 declaraciones');
    assert.equal(timelineCount(timelineMessages.es, 1, 8, 'es'), '1 de 8 declaraciones');
  });

  it("writes both numbers the element's locale's way", () => {
    assert.equal(timelineCount(timelineMessages.en, 1_500, 12_000, 'en'), '1,500 of 12,000 statements');
    assert.equal(timelineCount(timelineMessages.es, 15_000, 20_000, 'es'), '15.000 de 20.000 declaraciones');
    assert.equal(timelineCount(timelineMessages.es, 15_000, 20_000, 'es-MX'), '15,000 de 20,000 declaraciones');
  });
});
