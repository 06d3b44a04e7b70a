/**
 * schema.org JSON-LD for an analysis, for search engines and fact-check aggregators:
 * the analysis as an `AnalysisNewsArticle`, its sources as `citation`s, its actors as what
 * it is `about`, and each statement as a `Claim` by its actor, first seen in its sources.
 *
 * Plain data out (no schema.org typings in the public types); the vocabulary is checked by
 * the tests against `schema-dts`, at compile time and at run time.
 */
import type { Actor, Analysis, Source, Statement } from '../schema/analysis.js';
import { isHttpUrl } from '../schema/urls.js';
import { withoutCitations } from '../schema/citations.js';
import { scriptSafeJson } from '../internal/markup.js';

export interface AnalysisJsonLdOptions {
  /**
   * The absolute URL of the page that shows the analysis. It becomes the article's `@id`,
   * `url` and `mainEntityOfPage`, and the base of the ids of its parts (`#actor-…`).
   * Without it, ids are fragments (`#actor-…`), relative to the page the JSON-LD is on.
   * Anything but an absolute http(s) address (or '', meaning none) is a TypeError.
   */
  url?: string;
}

// Citation markers ("[3]") mean nothing without the rendered source list: the sources
// are given as `citation` instead, so text in the JSON-LD reads as plain prose.
const plain = (text: string): string =>
  withoutCitations(text)
    .replace(/[ \t]+([.,;:!?])/g, '$1')
    .trim();

const ORGANIZATION_TYPE = {
  government: 'GovernmentOrganization',
  media: 'NewsMediaOrganization',
  organization: 'Organization',
  public: 'Organization',
  other: 'Organization',
} as const;

const SOURCE_TYPE = {
  news: 'NewsArticle',
  academic: 'ScholarlyArticle',
  legal: 'CreativeWork',
  government: 'CreativeWork',
  analysis: 'CreativeWork',
  other: 'CreativeWork',
} as const;

/** `url` + `#fragment`, dropping any fragment the page URL already had. */
function idMaker(url: string | undefined): (fragment: string) => string {
  const base = url ? url.replace(/#.*$/, '') : '';
  return (fragment) => `${base}#${fragment}`;
}

function actorNode(actor: Actor, id: (fragment: string) => string) {
  const common = {
    '@id': id(`actor-${actor.id}`),
    name: actor.name,
    ...(actor.description ? { description: actor.description } : {}),
  };
  const country = actor.country ? { '@type': 'Country' as const, name: actor.country } : undefined;
  if (actor.kind === 'official' || actor.kind === 'expert') {
    return { '@type': 'Person' as const, ...common, ...(country ? { nationality: country } : {}) };
  }
  return { '@type': ORGANIZATION_TYPE[actor.kind], ...common, ...(country ? { location: country } : {}) };
}

function sourceNode(source: Source, id: (fragment: string) => string) {
  return {
    '@type': SOURCE_TYPE[source.type ?? 'other'],
    '@id': id(`source-${source.id}`),
    name: source.title,
    // The label readers see in the text, "[3]".
    position: source.id,
    ...(source.url ? { url: source.url } : {}),
    ...(source.publisher ? { publisher: { '@type': 'Organization' as const, name: source.publisher } } : {}),
    ...(source.date ? { datePublished: source.date } : {}),
  };
}

function claimNode(statement: Statement, id: (fragment: string) => string) {
  const quote = statement.quote;
  return {
    '@type': 'Claim' as const,
    '@id': id(`statement-${statement.id}`),
    text: plain(statement.text),
    author: { '@id': id(`actor-${statement.actor}`) },
    // Partial dates ("2025", "2025-04") are ISO 8601 dates of reduced precision.
    ...(statement.date ? { datePublished: statement.date } : {}),
    ...(statement.sources.length > 0
      ? { appearance: statement.sources.map((source) => ({ '@id': id(`source-${source}`) })) }
      : {}),
    ...(quote
      ? {
          hasPart: {
            '@type': 'Quotation' as const,
            text: quote.text,
            ...(quote.speaker ? { creator: { '@type': 'Person' as const, name: quote.speaker } } : {}),
            ...(quote.date ? { datePublished: quote.date } : {}),
          },
        }
      : {}),
  };
}

/**
 * The typed form of {@link analysisJsonLd}: the same object, with its exact shape, so the
 * tests can check every property against the schema.org vocabulary at compile time.
 * @internal
 */
export function buildAnalysisJsonLd(analysis: Analysis, options: AnalysisJsonLdOptions = {}) {
  // The page's URL becomes the article's `url` and the base of every `@id`, which search
  // engines and fact-check tools show as links: a `javascript:` one there would be ours.
  if (options.url && !isHttpUrl(options.url)) {
    // '' means no url, as it always did
    throw new TypeError(`url must be the page's absolute http(s) address, not ${JSON.stringify(options.url)}`);
  }
  const id = idMaker(options.url);
  const summary = plain(analysis.summary);
  const body = analysis.sections
    .map((section) => [section.title, ...section.paragraphs.map(plain)].join('\n\n'))
    .join('\n\n');
  const actorIds = new Set(analysis.actors.map((actor) => actor.id));
  return {
    '@context': 'https://schema.org' as const,
    '@type': 'AnalysisNewsArticle' as const,
    ...(options.url ? { '@id': options.url, url: options.url, mainEntityOfPage: options.url } : {}),
    identifier: analysis.id,
    headline: analysis.question,
    name: analysis.question,
    abstract: summary,
    description: summary,
    inLanguage: analysis.language,
    ...(body ? { articleBody: body } : {}),
    ...(analysis.publisher
      ? {
          publisher: {
            '@type': 'Organization' as const,
            name: analysis.publisher.name,
            ...(analysis.publisher.url ? { url: analysis.publisher.url } : {}),
          },
        }
      : {}),
    ...(analysis.published ? { datePublished: analysis.published } : {}),
    ...(analysis.updated ? { dateModified: analysis.updated } : {}),
    ...(analysis.actors.length > 0 ? { about: analysis.actors.map((actor) => actorNode(actor, id)) } : {}),
    ...(analysis.statements.length > 0
      ? {
          // Statements by an actor the document does not list (an invalid document) are left out.
          mentions: analysis.statements
            .filter((statement) => actorIds.has(statement.actor))
            .map((statement) => claimNode(statement, id)),
        }
      : {}),
    ...(analysis.sources.length > 0 ? { citation: analysis.sources.map((source) => sourceNode(source, id)) } : {}),
  };
}

/**
 * The analysis as schema.org JSON-LD: an `AnalysisNewsArticle` (headline = the question,
 * abstract = the summary) citing its sources, about its actors, mentioning each statement
 * as a `Claim` by its actor with its date. Give `url` (the page's address) for absolute ids.
 */
export function analysisJsonLd(analysis: Analysis, options: AnalysisJsonLdOptions = {}): Record<string, unknown> {
  return buildAnalysisJsonLd(analysis, options);
}

/** `<script type="application/ld+json">…</script>` for the analysis, safe to paste into any page's HTML. */
export function jsonLdScript(analysis: Analysis, options: AnalysisJsonLdOptions = {}): string {
  return `<script type="application/ld+json">${scriptSafeJson(analysisJsonLd(analysis, options))}</script>`;
}
