/**
 * Every built-in language, as a reader meets it: each message there and filled in, plural
 * forms from the language's CLDR rules, the language's file loaded only when an element speaks
 * it (and the element loading meanwhile, never showing English first), errors in the reader's
 * language, and `registerLocale` adding a language or changing words on a page already showing
 * them.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { analysisMessages } from '../../components/analysis/analysis.messages.js';
import { sourceListMessages } from '../../components/source-list/source-list.messages.js';
import '../../components/stance-card/stance-card.js';
import '../../components/summary/summary.js';
import '../../components/timeline/timeline.js';
import { timelineCount, timelineMessages } from '../../components/timeline/timeline.messages.js';
import { part, recordEvents, sample, squash, untilState } from '../../../test/browser/helpers.js';
import { en } from './en.js';
import { es } from './es.js';
import { LAZY_LOCALES } from './lazy-locales.js';
import { loadLocale } from './load-locale.js';
import { registerLocale } from './locale.js';
import type { Messages } from './messages.js';

const ALL = ['en', 'es', ...LAZY_LOCALES];
const withElements = (core: typeof en, lang: 'en' | 'es'): Messages => ({
  ...core,
  analysis: analysisMessages[lang],
  sourceList: sourceListMessages[lang],
  timeline: timelineMessages[lang],
});
const ENGLISH = withElements(en, 'en');

async function catalogue(tag: string): Promise<Messages> {
  if (tag === 'en') return ENGLISH;
  if (tag === 'es') return withElements(es, 'es');
  return loadLocale(tag);
}

type Tree = { [key: string]: unknown };
const CATEGORIES = ['zero', 'one', 'two', 'few', 'many', 'other'];
/** Every message of `tree` by its path: `notFound.source` → its text (plural forms as one entry). */
function messages(tree: Tree, path = ''): Map<string, unknown> {
  const found = new Map<string, unknown>();
  for (const [key, value] of Object.entries(tree)) {
    const at = path ? `${path}.${key}` : key;
    if (typeof value === 'object' && value && !Object.keys(value).every((name) => CATEGORIES.includes(name))) {
      for (const [inner, text] of messages(value as Tree, at)) found.set(inner, text);
    } else found.set(at, value);
  }
  return found;
}
const placeholders = (text: string) => [...text.matchAll(/\{\w+\}/g)].map((match) => match[0]).toSorted();

/** Messages a language really writes as English does (not an untranslated leftover). */
const SAME_AS_ENGLISH = new Set([
  'es:positions.neutral',
  'fr:documentRoot',
  'fr:stances',
  'fr:position',
  'fr:sources',
  'fr:source',
  'fr:analysis.stances',
  'fr:timeline.kinds.action',
  'fr:actorKinds.expert',
  'fr:actorKinds.public',
  'pl:actorKinds.media',
  'pl:sourceTypes.news',
  'id:actorKinds.media',
  'de:position',
  'de:positions.neutral',
  // punctuation most languages share
  ...ALL.flatMap((tag) => [`${tag}:colon`, `${tag}:comma`]),
]);

// First: the other tests load every file.
describe('language files load on demand', () => {
  const requested = (tag: string) =>
    performance
      .getEntriesByType('resource')
      .map((entry) => entry.name)
      .filter((name) => new RegExp(`/i18n/locales/${tag}\\.(js|ts)`).test(name));

  it('English and Spanish load no file; Italian loads its own, once, for every element speaking it', async () => {
    const doc = await sample();
    const english = await fixture(html`<nw-summary .analysis=${doc} lang="en"></nw-summary>`);
    const spanish = await fixture(html`<nw-summary .analysis=${doc} lang="es-MX"></nw-summary>`);
    await untilState(english, 'ready');
    await untilState(spanish, 'ready');
    expect(
      performance
        .getEntriesByType('resource')
        .map((entry) => entry.name)
        .filter((name) => name.includes('/i18n/locales/')),
    ).to.be.empty;

    const italian = await fixture(
      html`<div lang="it"><nw-summary .analysis=${doc}></nw-summary><nw-summary .analysis=${doc}></nw-summary></div>`,
    );
    const [one, two] = italian.querySelectorAll('nw-summary');
    await untilState(one!, 'ready');
    await untilState(two!, 'ready');
    expect(requested('it'), requested('it').join(' ')).to.have.length(1);
    expect(requested('de')).to.be.empty;
    expect(squash(part(one!, '[part=key-points] h3').textContent)).to.equal('Punti chiave');
  });

  it('a regional tag uses its language: pt-BR speaks Portuguese, with Brazilian dates; xx-YY speaks English', async () => {
    const doc = await sample();
    const brazil = await fixture(
      html`<nw-stance-card .analysis=${doc} actor="claudia-sheinbaum" lang="pt-BR"></nw-stance-card>`,
    );
    const unknown = await fixture(
      html`<nw-stance-card .analysis=${doc} actor="claudia-sheinbaum" lang="xx-YY"></nw-stance-card>`,
    );
    await untilState(brazil, 'ready');
    await untilState(unknown, 'ready');
    expect(squash(part(brazil, '.confidence-label').textContent)).to.equal('Confiança:');
    expect(squash(part(unknown, '.confidence-label').textContent)).to.equal('Confidence:');
    expect(getComputedStyle(unknown).direction).to.equal('ltr');
  });

  it('while its file loads, an element is loading: one nw-ready, in German, and never an English word first', async () => {
    const doc = await sample();
    const events = recordEvents();
    const holder = document.createElement('div');
    const seen: string[] = [];
    const el = document.createElement('nw-summary') as HTMLElement & {
      analysis: unknown;
      updateComplete: Promise<boolean>;
    };
    el.lang = 'de';
    el.analysis = doc;
    new MutationObserver(() => seen.push(el.getAttribute('state') ?? '')).observe(el, { attributes: true });
    holder.append(el);
    document.body.append(holder);
    await untilState(el, 'ready');
    await el.updateComplete;
    events.stop();
    holder.remove();
    expect(seen[0]).to.equal('loading');
    expect(seen.filter((state) => state === 'ready')).to.have.length(1);
    expect(events.events.map((event) => event.type)).to.deep.equal(['nw-ready']);
    expect(squash(part(el, '[part=key-points] h3').textContent)).to.equal('Das Wichtigste');
  });

  it("fetch errors are said in the reader's language, the editor's details too", async () => {
    const el = await fixture(html`<nw-summary src="/test-api/status/404" lang="fr"></nw-summary>`);
    await untilState(el, 'error');
    expect(squash(part(el, '[part=error] > p').textContent)).to.equal(
      'Cette partie de l’analyse n’a pas pu s’afficher.',
    );
    expect(squash(part(el, '[part=error-details]').textContent))
      .to.include('Échec du chargement de')
      .and.include('HTTP 404');
    expect(squash(part(el, '[part=error] button').textContent)).to.equal('Réessayer');
  });
});

describe('built-in languages', () => {
  for (const tag of ALL) {
    it(`${tag}: every message is there, not blank, with the same {placeholders} as English`, async () => {
      const own = messages((await catalogue(tag)) as unknown as Tree);
      const categories = new Intl.PluralRules(tag).resolvedOptions().pluralCategories;
      for (const [path, english] of messages(ENGLISH as unknown as Tree)) {
        const text = own.get(path);
        if (typeof english === 'string') {
          expect(text, `${tag} ${path}`).to.be.a('string').and.not.match(/^\s*$/);
          expect(placeholders(text as string), `${tag} ${path}`).to.deep.equal(placeholders(english));
          if (tag !== 'en' && !SAME_AS_ENGLISH.has(`${tag}:${path}`))
            expect(text, `${tag} ${path} is still English`).to.not.equal(english);
        } else {
          // A count: a form for every plural category the language has, and only those.
          expect(Object.keys(text as object).toSorted(), `${tag} ${path}`).to.deep.equal([...categories].toSorted());
          for (const form of Object.values(text as object))
            expect(form, `${tag} ${path}`).to.be.a('string').and.not.equal('');
        }
      }
      expect(
        [...own.keys()].filter((path) => !messages(ENGLISH as unknown as Tree).has(path)),
        `${tag}: keys English lacks`,
      ).to.be.empty;
    });
  }
});

describe('counts through Intl.PluralRules, for 0, 1, 2, 5 and 21', () => {
  const EXPECTED: Record<string, string[]> = {
    en: ['0 statements', '1 statement', '2 statements', '5 statements', '21 statements'],
    es: ['0 declaraciones', '1 declaración', '2 declaraciones', '5 declaraciones', '21 declaraciones'],
    pt: ['0 declaração', '1 declaração', '2 declarações', '5 declarações', '21 declarações'],
    fr: ['0 déclaration', '1 déclaration', '2 déclarations', '5 déclarations', '21 déclarations'],
    de: ['0 Äußerungen', '1 Äußerung', '2 Äußerungen', '5 Äußerungen', '21 Äußerungen'],
    it: ['0 dichiarazioni', '1 dichiarazione', '2 dichiarazioni', '5 dichiarazioni', '21 dichiarazioni'],
    pl: ['0 wypowiedzi', '1 wypowiedź', '2 wypowiedzi', '5 wypowiedzi', '21 wypowiedzi'],
    tr: ['0 açıklama', '1 açıklama', '2 açıklama', '5 açıklama', '21 açıklama'],
    uk: ['0 заяв', '1 заява', '2 заяви', '5 заяв', '21 заява'],
    ar: ['لا تصريحات', 'تصريح واحد', 'تصريحان', '5 تصريحات', '21 تصريحًا'],
    he: ['0 הצהרות', 'הצהרה אחת', 'שתי הצהרות', '5 הצהרות', '21 הצהרות'],
    hi: ['0 बयान', '1 बयान', '2 बयान', '5 बयान', '21 बयान'],
    id: ['0 pernyataan', '1 pernyataan', '2 pernyataan', '5 pernyataan', '21 pernyataan'],
  };
  for (const tag of ALL) {
    it(`${tag}: ${EXPECTED[tag]!.join(', ')}`, async () => {
      const { timeline } = await catalogue(tag);
      expect([0, 1, 2, 5, 21].map((count) => timelineCount(timeline, count, count, tag))).to.deep.equal(EXPECTED[tag]);
    });
  }

  it('Polish few and many, Ukrainian one for 21: 22 wypowiedzi, 25 wypowiedzi; 21 заява, 22 заяви, 25 заяв', async () => {
    const pl = (await catalogue('pl')).timeline;
    const uk = (await catalogue('uk')).timeline;
    expect(new Intl.PluralRules('pl').select(22)).to.equal('few');
    expect(new Intl.PluralRules('pl').select(25)).to.equal('many');
    expect([22, 25].map((n) => timelineCount(pl, n, n, 'pl'))).to.deep.equal(['22 wypowiedzi', '25 wypowiedzi']);
    expect([21, 22, 25].map((n) => timelineCount(uk, n, n, 'uk'))).to.deep.equal(['21 заява', '22 заяви', '25 заяв']);
  });

  it('the timeline says it in the reader\'s language and digits: "8 تصريحات" in ar, "٨ تصريحات" in ar-EG', async () => {
    const doc = await sample();
    const count = async (lang: string) => {
      const el = await fixture(html`<nw-timeline .analysis=${doc} lang=${lang}></nw-timeline>`);
      await untilState(el, 'ready');
      return squash(part(el, '.count').textContent);
    };
    expect(await count('ar')).to.equal('8 تصريحات');
    expect(await count('ar-EG')).to.equal('٨ تصريحات');
    expect(await count('pl')).to.equal('8 wypowiedzi');
  });
});

describe('registerLocale', () => {
  it('adds a language: its words, English where it has none (never blank)', async () => {
    registerLocale('sw', { keyPoints: 'Mambo muhimu', unknowns: '', positions: { supports: 'Inaunga mkono' } });
    const el = await fixture(html`<nw-summary .analysis=${await sample()} lang="sw"></nw-summary>`);
    await untilState(el, 'ready');
    expect(squash(part(el, '[part=key-points] h3').textContent)).to.equal('Mambo muhimu');
    expect(squash(part(el, '[part=unknowns] h3').textContent)).to.equal(en.unknowns);
  });

  it('changes some words of a built-in language, and elements already on the page say them', async () => {
    const doc = await sample();
    const el = await fixture(
      html`<nw-stance-card .analysis=${doc} actor="claudia-sheinbaum" lang="en-GB"></nw-stance-card>`,
    );
    await untilState(el, 'ready');
    const label = () => squash(part(el, '.source-line-label').textContent);
    expect(label()).to.equal('Sources:');
    const events = recordEvents(el);
    registerLocale('en-GB', { sources: 'References' });
    await waitUntil(() => label() === 'References:', 'the element kept its old words');
    events.stop();
    expect(squash(part(el, '.confidence-label').textContent)).to.equal('Confidence:'); // the rest stays
    expect(events.events, 'new words are no new outcome').to.be.empty;
  });

  it('over a language loaded on demand: the house word wins, the file gives the rest', async () => {
    registerLocale('pt', { sources: 'Referências' });
    const el = await fixture(
      html`<nw-stance-card .analysis=${await sample()} actor="claudia-sheinbaum" lang="pt-PT"></nw-stance-card>`,
    );
    await untilState(el, 'ready');
    expect(squash(part(el, '.source-line-label').textContent)).to.equal('Referências:');
    expect(squash(part(el, '.confidence-label').textContent)).to.equal('Confiança:');
  });

  it('a registered right-to-left language lays out right to left', async () => {
    registerLocale('fa', { keyPoints: 'نکات کلیدی' });
    const el = await fixture(html`<nw-summary .analysis=${await sample()} lang="fa"></nw-summary>`);
    await untilState(el, 'ready');
    expect(el.getAttribute('dir')).to.equal('rtl');
    expect(getComputedStyle(part(el, '[part=key-points] h3')).direction).to.equal('rtl');
  });

  it('refuses messages that are not an object, with a clear error', () => {
    expect(() => registerLocale('sw', null as never)).to.throw(TypeError, 'registerLocale');
  });
});
