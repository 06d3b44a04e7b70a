/**
 * The timeline's layout as pure functions: the shown statements' order, groups and
 * positions, when a layout is reused, lanes per actor, period ids. No element involved;
 * timeline.test.ts checks what readers see of the same rules.
 */
import { expect } from '@open-wc/testing';
import { lanes, statementIndex, timelineLayout } from './timeline-layout.js';
import { periodId } from './timeline-order.js';
import { groupByPeriod, orderStatements } from './timeline-order.js';
import { MAX_LANES } from './timeline.styles.js';
import type { Analysis } from '../../schema/analysis.js';
import { sample } from '../../../test/browser/helpers.js';

const speaking = (doc: Analysis) => doc.actors.filter((actor) => doc.statements.some((s) => s.actor === actor.id));

describe('timeline layout', () => {
  it('timelineLayout: the shown actors’ statements, ordered and grouped, with each one’s position', async () => {
    const doc = await sample();
    const [a, b] = speaking(doc);
    const shown = new Set([a!.id, b!.id]);
    const visible = doc.statements.filter((s) => shown.has(s.actor));
    expect(visible.length).to.be.within(1, doc.statements.length - 1);
    for (const order of ['asc', 'desc'] as const) {
      const layout = timelineLayout(doc, shown, order);
      const ordered = orderStatements(visible, order);
      expect(layout.total).to.equal(visible.length);
      expect(layout.groups).to.deep.equal(groupByPeriod(ordered));
      expect([...layout.position]).to.deep.equal(ordered.map((entry, i) => [entry.statement.id, i]));
    }
  });

  it('timelineLayout gives the previous layout back while the analysis, order and actors are the same', async () => {
    const doc = await sample();
    const all = new Set(doc.actors.map((actor) => actor.id));
    const layout = timelineLayout(doc, all, 'asc');
    expect(timelineLayout(doc, new Set(all), 'asc', layout), 'same actors, new set').to.equal(layout);
    expect(timelineLayout(doc, all, 'desc', layout)).not.to.equal(layout);
    expect(timelineLayout(doc, new Set([doc.actors[0]!.id]), 'asc', layout)).not.to.equal(layout);
    expect(timelineLayout(structuredClone(doc), all, 'asc', layout), 'same id, another object').not.to.equal(layout);
  });

  it('lanes: one per shown actor in document order for 2 to MAX_LANES actors, else none', async () => {
    const doc = await sample();
    const actors = speaking(doc);
    expect(actors.length).to.be.within(2, MAX_LANES);
    const all = lanes(actors, new Set(actors.map((actor) => actor.id)));
    expect(all.count).to.equal(actors.length);
    expect(all.actors).to.deep.equal(actors);
    expect([...all.laneOf]).to.deep.equal(actors.map((actor, i) => [actor.id, i + 1]));

    const [first, , third] = actors;
    const two = lanes(actors, new Set([third!.id, first!.id]));
    expect([...two.laneOf], 'document order, not the set’s').to.deep.equal([
      [first!.id, 1],
      [third!.id, 2],
    ]);

    const one = lanes(actors, new Set([first!.id]));
    expect([one.count, [...one.laneOf]]).to.deep.equal([0, [[first!.id, 0]]]);
    const many = Array.from({ length: MAX_LANES + 1 }, (_, i) => ({ ...actors[0]!, id: `actor-${i}` }));
    const tooMany = lanes(many, new Set(many.map((actor) => actor.id)));
    expect(tooMany.count).to.equal(0);
    expect(new Set(tooMany.laneOf.values())).to.deep.equal(new Set([0]));
  });

  it('statementIndex: who made each statement and who speaks, computed once per analysis', async () => {
    const doc = await sample();
    const index = statementIndex(doc);
    expect(statementIndex(doc)).to.equal(index);
    for (const statement of doc.statements) expect(index.actorOf.get(statement.id)).to.equal(statement.actor);
    expect([...index.speaking].sort()).to.deep.equal(
      speaking(doc)
        .map((actor) => actor.id)
        .sort(),
    );
  });

  it('periodId: one id per period', () => {
    const ids = [{ year: 2025 }, { year: 2025, month: 4 }, { year: 2024, month: 12 }, { undated: true as const }].map(
      periodId,
    );
    expect(ids).to.deep.equal(['2025-0', '2025-4', '2024-12', 'undated']);
  });
});
