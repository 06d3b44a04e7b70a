/**
 * The same statements for both libraries: `generatedAnalysis(n)` from the demo for ours, and
 * the same events in TimelineJS's JSON (`{ events: [{ start_date, text, group }] }`).
 *
 * TimelineJS needs a date on every event, so both get only the dated statements (95% of the
 * generated ones): each library shows exactly the same entries.
 */
import { readFileSync } from 'node:fs';
import type { AnalysisInput } from '../src/schema/analysis.js';
import { generatedAnalysis } from '../demo/generate.js';

export interface SameStatements {
  ours: AnalysisInput;
  timelinejs: { events: TimelineJsEvent[] };
}

interface TimelineJsEvent {
  start_date: { year: string; month?: string; day?: string };
  text: { headline: string; text: string };
  group: string;
}

/** `count` generated statements (before dropping the undated ones) in both formats. */
export function sameStatements(count: number): SameStatements {
  const analysis = generatedAnalysis(count);
  const names = new Map(analysis.actors.map((actor) => [actor.id, actor.name]));
  const dated = analysis.statements.filter((statement) => statement.date);
  const events = dated.map((statement): TimelineJsEvent => {
    const [year, month, day] = statement.date!.split('-') as [string, string?, string?];
    const name = names.get(statement.actor)!;
    return {
      start_date: { year, ...(month ? { month } : {}), ...(day ? { day } : {}) },
      text: { headline: name, text: statement.text },
      group: name,
    };
  });
  return { ours: { ...analysis, statements: dated }, timelinejs: { events } };
}

/** The sample analysis the README and demo show (8 statements, 19 sources, 5 sections). */
export const sampleAnalysis = (): AnalysisInput =>
  JSON.parse(readFileSync('data/mexico-us-deployment.json', 'utf8')) as AnalysisInput;
