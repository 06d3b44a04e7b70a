/**
 * An article's own text, written like the seed, as a draft analysis: the question, the
 * executive summary, numbered section headings (`1. Title`) with their paragraphs, and `[n]`
 * markers. Lines above the question (a donation appeal, a site's name) are page furniture and
 * dropped. Text is kept exactly as written; nothing is guessed: actors, stances and statements
 * stay empty, and every cited label becomes a source row with its title left for the editor.
 */
import { citedIds } from '../schema/citations.js';
import { LIMITS, type Analysis } from '../schema/analysis.js';

/** A draft: shaped like an analysis, but its sources have no titles yet. */
export type ArticleDraft = Omit<Analysis, 'sources'> & { sources: { id: string; title?: string }[] };

export type ArticleResult = { ok: true; draft: ArticleDraft; dropped: string[] } | { ok: false; message: string };

const SUMMARY_HEADINGS = /^(executive summary|summary|resumen ejecutivo|resumen)$/i;
const NUMBERED = /^(\d{1,3})[.)]\s+(\S.*)$/;

/** A slug of the first words of `text`: `What the reporting actually claims` → `what-the-reporting-actually-claims`. */
export function slugOf(text: string, words = 6): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’']/g, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .slice(0, words)
    .join('-');
  return slug.slice(0, LIMITS.slug).replace(/-+$/, '') || 'section';
}

export function parseArticle(text: string, language = 'en'): ArticleResult {
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((line) => ({ line, blank: line.trim() === '' }));
  const summaryAt = lines.findIndex(({ line }) => SUMMARY_HEADINGS.test(line.trim()));
  if (summaryAt < 0) return { ok: false, message: 'has no "Executive Summary" heading under its question' };
  let questionAt = summaryAt - 1;
  while (questionAt >= 0 && lines[questionAt]!.blank) questionAt--;
  if (questionAt < 0) return { ok: false, message: 'has no question above its "Executive Summary" heading' };
  const question = lines[questionAt]!.line;

  const summary: string[] = [];
  const sections: Analysis['sections'] = [];
  const used = new Set<string>();
  for (const { line, blank } of lines.slice(summaryAt + 1)) {
    if (blank) continue;
    const heading = NUMBERED.exec(line);
    if (heading && Number(heading[1]) === sections.length + 1) {
      let id = slugOf(heading[2]!);
      for (let n = 2; used.has(id); n++) id = `${slugOf(heading[2]!)}-${n}`;
      used.add(id);
      sections.push({ id, title: heading[2]!, paragraphs: [] });
    } else if (sections.length === 0) summary.push(line);
    else sections.at(-1)!.paragraphs.push(line);
  }
  if (summary.length === 0) return { ok: false, message: 'has nothing under its "Executive Summary" heading' };

  const allText = [question, ...summary, ...sections.flatMap((section) => [section.title, ...section.paragraphs])];
  const labels = [...new Set(allText.flatMap((part) => citedIds(part)))].sort((a, b) => Number(a) - Number(b));
  return {
    ok: true,
    dropped: lines
      .slice(0, questionAt)
      .filter(({ blank }) => !blank)
      .map(({ line }) => line),
    draft: {
      schemaVersion: 1,
      id: slugOf(question, 8),
      language,
      question,
      summary: summary.join('\n\n'),
      sections,
      actors: [],
      stances: [],
      statements: [],
      sources: labels.map((id) => ({ id })),
    },
  };
}
