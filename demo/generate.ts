/**
 * Generated analyses for the demo and benchmarks: `count` statements from four actors over
 * three years, with full, month-only, year-only and missing dates. Deterministic (seeded).
 */
import type { AnalysisInput } from '../src/schema/analysis.js';

export function generatedAnalysis(count: number): AnalysisInput {
  let seed = 42;
  const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  const actors = ['government', 'opposition', 'observers', 'press'].map((id, i) => ({
    id,
    name: ['Government', 'Opposition', 'Observers', 'Press'][i]!,
    kind: (['government', 'organization', 'expert', 'media'] as const)[i]!,
  }));
  const pad = (n: number) => String(n).padStart(2, '0');
  const statements = Array.from({ length: count }, (_, i) => {
    const year = 2023 + Math.floor(random() * 3);
    const month = 1 + Math.floor(random() * 12);
    const day = 1 + Math.floor(random() * 28);
    const precision = random();
    const date =
      precision < 0.7
        ? `${year}-${pad(month)}-${pad(day)}`
        : precision < 0.85
          ? `${year}-${pad(month)}`
          : precision < 0.95
            ? `${year}`
            : undefined;
    return {
      id: `statement-${i + 1}`,
      actor: actors[i % actors.length]!.id,
      ...(date ? { date } : {}),
      text: `Generated statement number ${i + 1}, citing its source [${(i % 5) + 1}].`,
      kind: (['statement', 'report', 'policy', 'legal', 'action'] as const)[i % 5],
      sources: [String((i % 5) + 1)],
    };
  });
  return {
    schemaVersion: 1,
    id: `generated-${count}`,
    language: 'en',
    question: `A generated timeline of ${count} statements`,
    summary: 'Generated for the demo and benchmarks.',
    sections: [],
    actors,
    stances: [],
    statements,
    sources: Array.from({ length: 5 }, (_, i) => ({ id: String(i + 1), title: `Generated source ${i + 1}` })),
  };
}
