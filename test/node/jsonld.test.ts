// The analysis as schema.org JSON-LD: every type and property must exist in the schema.org
// vocabulary (schema-dts 2.1.0's typings), checked twice: by the compiler (`npm run
// typecheck` fails on a misspelt or invented property) and at run time against the names
// parsed out of schema-dts's schema.d.ts. And the <script> it goes in cannot be broken out of.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, it } from 'node:test';
import type { AnalysisNewsArticle, Thing, WithContext } from 'schema-dts';
import { analysisJsonLd, buildAnalysisJsonLd, jsonLdScript } from '../../src/jsonld/analysis-jsonld.js';
import * as entry from '../../src/index.js';
import { validateAnalysis, type Analysis } from '../../src/schema/index.js';
import { minimalDoc, readText, SAMPLE } from './helpers.js';

function valid(input: unknown): Analysis {
  const result = validateAnalysis(input);
  if (!result.ok) assert.fail(`fixture is invalid: ${result.error.message}`);
  return result.analysis;
}

const sample = valid(JSON.parse(readText(SAMPLE)));

// ---- compile time -------------------------------------------------------------------

/** The schema.org node type named `T` ("Person", "Claim", …). */
type NodeOf<T extends string> = Extract<Exclude<Thing, string>, { '@type': T }>;
/**
 * `O` with every property schema.org does not define for its `@type` turned into `never`,
 * recursively, so assigning an output with an invented property fails to compile.
 * Objects without `@type` (id references) may only hold `@id`.
 */
type Vocabulary<O> = O extends readonly (infer E)[]
  ? readonly Vocabulary<E>[]
  : O extends { '@type': infer T extends string }
    ? [NodeOf<T>] extends [never]
      ? never // not a schema.org type
      : { [K in keyof O]: K extends keyof NodeOf<T> | '@context' ? Vocabulary<O[K]> : never }
    : O extends object
      ? { [K in keyof O]: K extends '@id' ? O[K] : never }
      : O;

type Output = ReturnType<typeof buildAnalysisJsonLd>;
// Both lines are checked by `npm run typecheck`: the first that every property exists on its
// type, the second that every value has a type schema.org allows there.
const vocabularyChecked = buildAnalysisJsonLd(sample, { url: 'https://example.org/a' }) satisfies Vocabulary<Output>;
const schemaChecked = buildAnalysisJsonLd(sample) satisfies WithContext<AnalysisNewsArticle>;

// ---- run time: the vocabulary, parsed from schema-dts --------------------------------

const require = createRequire(import.meta.url);
const schemaDts = readFileSync(require.resolve('schema-dts').replace(/schema\.js$/, 'schema.d.ts'), 'utf8');

interface Vocab {
  types: Map<string, Set<string>>;
  properties: Set<string>;
}

/** Every type schema-dts defines, with the properties it has (its own and inherited). */
function parseVocabulary(source: string): Vocab {
  const bases = new Map<string, { parents: string[]; own: string[] }>();
  const leaves = new Map<string, string[]>();
  const properties = new Set<string>();
  // `interface FooBase extends BarBase, BazBase {` … `}` at the start of a line.
  for (const match of source.matchAll(/^(?:export )?interface (\w+) extends ([^{]+)\{\n([\s\S]*?)^\}/gm)) {
    const [, name, extendsList, body] = match as unknown as [string, string, string, string];
    const parents = extendsList
      .split(',')
      .map((part) => part.trim())
      .filter((part) => /^\w+$/.test(part));
    const own = Array.from(body.matchAll(/^ {4}"([^"]+)"\??:/gm), (m) => m[1]!).filter((key) => key !== '@type');
    own.forEach((key) => properties.add(key));
    const type = /^ {4}"@type": "(\w+)";/m.exec(body)?.[1];
    if (type) leaves.set(type, parents);
    else bases.set(name, { parents, own });
  }
  // Roles and other generic leaves: `export type FooLeaf<…> = Omit<FooBase, …> & { "@type": "Foo"; }`.
  for (const match of source.matchAll(/^export type \w+Leaf<[^>]*> = Omit<(\w+), \w+> & \{\n {4}"@type": "(\w+)";/gm)) {
    leaves.set(match[2]!, [match[1]!]);
  }
  const collect = (base: string, into: Set<string>) => {
    const found = bases.get(base);
    if (!found) return;
    found.own.forEach((key) => into.add(key));
    found.parents.forEach((parent) => collect(parent, into));
  };
  const types = new Map<string, Set<string>>();
  for (const [type, parents] of leaves) {
    const keys = new Set<string>(['@id']); // ThingBase extends Partial<IdReference>
    parents.forEach((parent) => collect(parent, keys));
    types.set(type, keys);
  }
  return { types, properties };
}

const vocab = parseVocabulary(schemaDts);

/** Every place in the output that is not schema.org: "path: problem". */
function offVocabulary(value: unknown, path = '$'): string[] {
  if (Array.isArray(value)) return value.flatMap((item, index) => offVocabulary(item, `${path}[${index}]`));
  if (typeof value !== 'object' || value === null) return [];
  const node = value as Record<string, unknown>;
  const problems: string[] = [];
  const type = node['@type'];
  let allowed: Set<string>;
  if (type === undefined) {
    allowed = new Set(['@id']);
  } else if (typeof type !== 'string' || !vocab.types.has(type)) {
    return [`${path}: @type ${JSON.stringify(type)} is not a schema.org type`];
  } else {
    allowed = vocab.types.get(type)!;
  }
  for (const [key, child] of Object.entries(node)) {
    if (key === '@type' || (key === '@context' && path === '$')) continue;
    if (!allowed.has(key)) problems.push(`${path}.${key}: not a property of ${String(type ?? 'an id reference')}`);
    problems.push(...offVocabulary(child, `${path}.${key}`));
  }
  return problems;
}

/** Every `@type` used anywhere in the output. */
function typesIn(value: unknown): Set<string> {
  const out = new Set<string>();
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (typeof v === 'object' && v !== null) {
      const type = (v as Record<string, unknown>)['@type'];
      if (typeof type === 'string') out.add(type);
      Object.values(v).forEach(walk);
    }
  };
  walk(value);
  return out;
}

describe('analysisJsonLd', () => {
  it('the vocabulary parser finds schema.org (sanity check of the test itself)', () => {
    assert.ok(vocab.types.size > 800, `only ${vocab.types.size} types parsed`);
    assert.ok(vocab.types.get('AnalysisNewsArticle')?.has('headline'));
    assert.ok(vocab.types.get('AnalysisNewsArticle')?.has('name'), 'inherited from Thing');
    assert.ok(vocab.types.get('Claim')?.has('appearance'));
    assert.ok(!vocab.types.get('Person')?.has('headline'));
    assert.deepEqual(offVocabulary({ '@type': 'Person', headline: 'x' }), ['$.headline: not a property of Person']);
    assert.deepEqual(offVocabulary({ '@type': 'Claimz' }), ['$: @type "Claimz" is not a schema.org type']);
  });

  it('the compile-time checks ran on the same data', () => {
    assert.equal(vocabularyChecked['@type'], 'AnalysisNewsArticle');
    assert.equal(schemaChecked['@context'], 'https://schema.org');
  });

  for (const [name, options] of [
    ['without a url', {}],
    ['with a url', { url: 'https://news.example/analysis/mexico#top' }],
  ] as const) {
    it(`uses only schema.org types and properties (${name})`, () => {
      const doc = analysisJsonLd(sample, options);
      assert.deepEqual(offVocabulary(doc), []);
      assert.deepEqual(
        [...typesIn(doc)].sort(),
        [
          'AnalysisNewsArticle',
          'Claim',
          'Country',
          'CreativeWork',
          'GovernmentOrganization',
          'NewsArticle',
          'Organization',
          'Person',
          'Quotation',
        ].sort(),
      );
    });
  }

  it('describes the sample: headline, summary without markers, language, publisher', () => {
    const doc = analysisJsonLd(sample);
    assert.equal(doc['@context'], 'https://schema.org');
    assert.equal(doc['@type'], 'AnalysisNewsArticle');
    assert.equal(doc.headline, sample.question);
    assert.equal(doc.inLanguage, 'en');
    assert.equal(doc.identifier, 'mexico-us-deployment');
    assert.match(String(doc.abstract), /^Mexico’s government has publicly/);
    assert.doesNotMatch(String(doc.abstract), /\[\d+\]/);
    assert.match(String(doc.abstract), /legally contested\.$/);
    assert.equal(doc.description, doc.abstract);
    assert.match(String(doc.articleBody), /^What the reporting actually claims/);
    assert.deepEqual(doc.publisher, { '@type': 'Organization', name: 'Factually' });
  });

  it('gives each statement as a Claim by its actor, dated, first seen in its sources', () => {
    const doc = analysisJsonLd(sample, { url: 'https://news.example/a' }) as any;
    assert.equal(doc['@id'], 'https://news.example/a');
    assert.equal(doc.mentions.length, sample.statements.length);
    const claim = doc.mentions.find(
      (c: any) => c['@id'] === 'https://news.example/a#statement-sheinbaum-sovereignty-reform-initiative',
    );
    assert.ok(claim);
    assert.equal(claim['@type'], 'Claim');
    assert.equal(claim.datePublished, '2025-02-20');
    assert.deepEqual(claim.author, { '@id': 'https://news.example/a#actor-claudia-sheinbaum' });
    assert.deepEqual(claim.appearance, [
      { '@id': 'https://news.example/a#source-14' },
      { '@id': 'https://news.example/a#source-15' },
    ]);
    assert.equal(claim.hasPart['@type'], 'Quotation');
    assert.equal(claim.hasPart.creator.name, 'Claudia Sheinbaum');
    // A partial date stays as precise as written.
    assert.equal(
      doc.mentions.find((c: any) => c['@id'].endsWith('#statement-us-designates-cartels-terrorist-organizations'))
        .datePublished,
      '2025-02',
    );
    // Every author and appearance points at a node the document defines.
    const ids = new Set([...doc.about, ...doc.citation].map((node: any) => node['@id']));
    for (const c of doc.mentions) {
      assert.ok(ids.has(c.author['@id']), c.author['@id']);
      for (const a of c.appearance ?? []) assert.ok(ids.has(a['@id']), a['@id']);
    }
  });

  it('types actors by kind and sources by type', () => {
    const doc = analysisJsonLd(sample) as any;
    const actor = (id: string) => doc.about.find((a: any) => a['@id'] === `#actor-${id}`);
    assert.deepEqual(actor('claudia-sheinbaum'), {
      '@type': 'Person',
      '@id': '#actor-claudia-sheinbaum',
      name: 'Claudia Sheinbaum',
      description: 'President of Mexico',
      nationality: { '@type': 'Country', name: 'Mexico' },
    });
    assert.equal(actor('mexico-government')['@type'], 'GovernmentOrganization');
    assert.deepEqual(actor('mexico-government').location, { '@type': 'Country', name: 'Mexico' });
    const source = doc.citation.find((s: any) => s['@id'] === '#source-1');
    assert.equal(source['@type'], 'NewsArticle');
    assert.deepEqual(source.publisher, { '@type': 'Organization', name: 'NBC News' });
    assert.equal(source.position, '1');
  });

  it('handles a minimal document (no actors, statements or sources)', () => {
    const doc = analysisJsonLd(valid(minimalDoc()));
    assert.deepEqual(offVocabulary(doc), []);
    assert.equal(doc['@type'], 'AnalysisNewsArticle');
  });
});

describe('jsonLdScript', () => {
  const hostile = (): Analysis => {
    const doc = JSON.parse(readText(SAMPLE));
    doc.question = '</script><script>alert(1)</script> & <!-- more';
    doc.summary = 'Line\u2028separator and paragraph\u2029separator, </SCRIPT > too.';
    doc.statements[0].text = '<img src=x onerror=alert(1)>';
    return valid(doc);
  };

  it('is exported from the package entry', () => {
    assert.equal(entry.jsonLdScript, jsonLdScript);
    assert.equal(entry.analysisJsonLd, analysisJsonLd);
  });

  it('wraps the JSON in one ld+json script', () => {
    const html = jsonLdScript(sample);
    assert.match(html, /^<script type="application\/ld\+json">\{.*\}<\/script>$/s);
  });

  it('cannot be closed or broken out of by the text it holds', () => {
    const html = jsonLdScript(hostile());
    const inner = html.slice('<script type="application/ld+json">'.length, -'</script>'.length);
    for (const unsafe of ['<', '>', '&', '\u2028', '\u2029'])
      assert.ok(!inner.includes(unsafe), `contains ${JSON.stringify(unsafe)}`);
    assert.equal(html.match(/<\/script/gi)?.length, 1);
    assert.match(inner, /\\u003c\/script\\u003e\\u003cscript\\u003ealert\(1\)/);
    assert.match(inner, /\\u2028/);
  });

  it('parses back to exactly the same data', () => {
    const analysis = hostile();
    const html = jsonLdScript(analysis, { url: 'https://news.example/a?x=1&y=2' });
    const inner = html.slice('<script type="application/ld+json">'.length, -'</script>'.length);
    assert.deepEqual(JSON.parse(inner), analysisJsonLd(analysis, { url: 'https://news.example/a?x=1&y=2' }));
    assert.equal(JSON.parse(inner).headline, '</script><script>alert(1)</script> & <!-- more');
  });
});
