/**
 * Importing TimelineJS timelines: `fromTimelineJS` / `parseTimelineJS` and the
 * `import-timelinejs` command, on TimelineJS 3 files written for these tests
 * (test/fixtures/timelinejs/). What a newsroom gets: a valid analysis with plain text,
 * honest dates and safe links, or one clear line saying why its file was refused.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { main } from '../../src/cli/main.js';
import { htmlToText } from '../../src/import/html-to-text.js';
import { fromTimelineJS, parseTimelineJS, type TimelineImportResult } from '../../src/import/timelinejs.js';
import { LIMITS, type AnalysisInput } from '../../src/schema/analysis.js';
import { validateAnalysis } from '../../src/schema/validate.js';
import { captureIo, describeIssues, fromRoot, readText } from './helpers.js';

const FIXTURES = fromRoot('test/fixtures/timelinejs');
const fixture = (name: string): string => join(FIXTURES, name);
const RIVERSIDE = fixture('riverside-water.json');
const STACK_LINE = '    at ';

function imported(result: TimelineImportResult): { analysis: AnalysisInput; warnings: string[] } {
  if (!result.ok) assert.fail(`expected the import to succeed, got: ${result.error.message}`);
  return result;
}

function refused(result: TimelineImportResult): string {
  if (result.ok) assert.fail('expected the import to be refused, but it succeeded');
  return result.error.message;
}

function assertValid(analysis: unknown): void {
  const result = validateAnalysis(analysis);
  assert.ok(result.ok, result.ok ? '' : `${result.error.message}\n${describeIssues(result.error.issues ?? [])}`);
}

/** Every string anywhere in a value, for "never contains markup" checks. */
function allStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(allStrings);
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(allStrings);
  return [];
}

/** A one-event timeline, for the rules one event at a time. */
const timeline = (...events: unknown[]) => ({ events });
const event = (fields: Record<string, unknown> = {}) => ({
  start_date: { year: 2024, month: 5, day: 2 },
  text: { headline: 'Budget published', text: '<p>The ministry published the budget.</p>' },
  ...fields,
});

describe('fromTimelineJS on a realistic timeline', () => {
  const { analysis, warnings } = imported(parseTimelineJS(readText(RIVERSIDE)));

  it('gives a complete analysis that passes validateAnalysis', () => {
    assertValid(analysis);
    assert.equal(analysis.schemaVersion, 1);
    assert.equal(analysis.id, 'how-riversides-water-dispute-unfolded');
    assert.equal(analysis.language, 'en');
    assert.equal(analysis.question, 'How Riverside’s water dispute unfolded');
    assert.equal(
      analysis.summary,
      'From the drought emergency to the court ruling & the capped tariff: a year of decisions, in order.',
    );
    assert.deepEqual(analysis.sections, []);
    assert.deepEqual(analysis.stances, []);
  });

  it('makes one statement per event that has text, in the order of the file', () => {
    assert.deepEqual(
      analysis.statements.map((statement) => statement.id),
      [
        'council-declares-a-drought-emergency',
        'utility-proposes-an-18-tariff-rise-new-meters',
        'residents-group-collects-12-000-signatures',
        'reservoir-falls-below-a-third-of-capacity',
        'the-council-asked-the-utility-to-publish-its-leak-repair',
        'council-votes-on-the-tariff',
        'council-votes-on-the-tariff-2',
        'residents-file-a-challenge',
        'court-upholds-a-capped-tariff',
        'new-tariff-takes-effect-rise-held-10',
      ],
    );
    assert.ok(analysis.statements.every((statement) => statement.kind === 'statement'));
    assert.ok(warnings.includes('events[9]: has neither a headline nor text; skipped'), warnings.join('\n'));
  });

  it('keeps the precision of each date, from numbers or strings, and leaves out a date that does not exist', () => {
    const dates = Object.fromEntries(analysis.statements.map((statement) => [statement.id, statement.date]));
    assert.equal(dates['council-declares-a-drought-emergency'], '2023-06-14', 'numbers');
    assert.equal(dates['utility-proposes-an-18-tariff-rise-new-meters'], '2023-07-03', 'strings "07" and "3"');
    assert.equal(dates['residents-group-collects-12-000-signatures'], '2023-09', 'day ""');
    assert.equal(dates['reservoir-falls-below-a-third-of-capacity'], '2024', 'year only, as a string');
    assert.equal(dates['court-upholds-a-capped-tariff'], '2024-03-12', 'hour and minute dropped');
    assert.ok(
      !('date' in analysis.statements.find((s) => s.id === 'residents-file-a-challenge')!),
      '30 February: no date',
    );
    assert.ok(
      warnings.includes(
        'events[7] ("Residents file a challenge"): 2024-02-30 is not a real calendar date; imported without a date',
      ),
      warnings.join('\n'),
    );
  });

  it('turns groups into actors, and events without one into "Unattributed"', () => {
    assert.deepEqual(analysis.actors, [
      { id: 'city-council', name: 'City council', kind: 'other' },
      { id: 'riverside-water-utility', name: 'Riverside Water Utility', kind: 'other' },
      { id: 'residents-for-fair-water', name: 'Residents for Fair Water', kind: 'other' },
      { id: 'unattributed', name: 'Unattributed', kind: 'other' },
      { id: 'state-water-court', name: 'State water court', kind: 'other' },
    ]);
    const actorOf = Object.fromEntries(analysis.statements.map((statement) => [statement.id, statement.actor]));
    assert.equal(actorOf['council-votes-on-the-tariff-2'], 'city-council');
    assert.equal(actorOf['reservoir-falls-below-a-third-of-capacity'], 'unattributed');
  });

  it('writes HTML as plain text: tags and script content gone, entities decoded', () => {
    for (const text of allStrings(analysis)) {
      for (const markup of [
        '<b',
        '<p',
        '<i',
        '<a ',
        '<br',
        '<script',
        '<style',
        '<div',
        '<li',
        'tracking pixel',
        'color: red',
        '&amp;',
        '&quot;',
        '&#',
        '&nbsp;',
        '&ndash;',
      ]) {
        assert.ok(!text.includes(markup), `${JSON.stringify(text)} contains ${markup}`);
      }
    }
    const texts = analysis.statements.map((statement) => statement.text);
    assert.equal(
      texts[0],
      'Council declares a drought emergency. The council voted 7–2 to declare an emergency. The mayor called it "the only responsible choice". Read the meeting minutes.',
    );
    assert.equal(
      texts[1],
      'Utility proposes an 18% tariff rise & new meters. The Riverside Water Utility said the rise would pay for leak repairs.',
    );
    assert.equal(
      texts[2],
      'Residents’ group collects 12,000 signatures. Organizers called the rise “a tax on the thirsty” — and asked for a public hearing.',
    );
    assert.equal(
      texts[9],
      'New tariff takes effect: rise held < 10%. Bills for April show an average rise of 9.5%.',
      '&lt; stays a character',
    );
  });

  it("writes [1] in an event as (1), so it does not cite the analysis's source 1", () => {
    const court = analysis.statements.find((statement) => statement.id === 'court-upholds-a-capped-tariff')!;
    assert.equal(
      court.text,
      'Court upholds a capped tariff. The court ruled that the rise may go ahead if: it stays below 10%; the utility reports leaks every quarter (1).',
    );
    assert.ok(
      warnings.some((warning) => warning.startsWith('events[8] ("Court upholds a capped tariff"): the text has [1]')),
      warnings.join('\n'),
    );
  });

  it('makes http(s) media sources, one per URL, titled by caption, credit or host, and cites them', () => {
    assert.deepEqual(analysis.sources, [
      {
        id: '1',
        title: 'Council declares drought emergency',
        url: 'https://example.org/news/2023/06/14/drought-emergency',
      },
      { id: '2', title: 'Riverside Water Utility', url: 'https://utility.example.com/press/tariff-2023.pdf' },
      { id: '3', title: 'fairwater.example.net', url: 'https://fairwater.example.net/petition' },
      { id: '4', title: 'Ruling 2024-0312', url: 'https://courts.example.gov/rulings/2024-0312' },
    ]);
    const sourcesOf = Object.fromEntries(analysis.statements.map((statement) => [statement.id, statement.sources]));
    assert.deepEqual(sourcesOf['council-declares-a-drought-emergency'], ['1']);
    assert.deepEqual(sourcesOf['council-votes-on-the-tariff-2'], ['1'], 'the same URL is the same source');
    assert.deepEqual(sourcesOf['reservoir-falls-below-a-third-of-capacity'], [], 'javascript: left out');
  });

  it('leaves out javascript:, data: and relative media, saying which event each came from', () => {
    const media = warnings.filter((warning) => warning.includes('is not an http(s) web address'));
    assert.equal(media.length, 3, media.join('\n'));
    assert.match(
      media[0]!,
      /^events\[3\] \("Reservoir falls below a third of capacity"\): media "javascript:alert\(document\.cookie\)"/,
    );
    assert.match(media[1]!, /^events\[4\]: media "data:text\/html;base64,/);
    assert.match(media[2]!, /^events\[5\] \("Council votes on the tariff"\): media "images\/council-vote\.jpg"/);
    for (const text of allStrings(analysis)) assert.ok(!/^(javascript|data):/i.test(text), text);
  });

  it('says that end dates and eras were left out', () => {
    assert.ok(
      warnings.includes('1 event has an end_date; a statement has one date, so only start dates were imported'),
      warnings.join('\n'),
    );
    assert.ok(warnings.includes('1 era left out: an analysis has no eras'), warnings.join('\n'));
  });

  it('gives every statement, actor and source a unique id', () => {
    for (const list of [analysis.statements, analysis.actors, analysis.sources]) {
      const ids = list.map((item) => item.id);
      assert.equal(new Set(ids).size, ids.length, ids.join(', '));
    }
  });
});

describe('fromTimelineJS rules, one event at a time', () => {
  it('uses defaults when there is no title slide, and creates "Unattributed" only when needed', () => {
    const { analysis, warnings } = imported(fromTimelineJS(timeline(event({ group: 'Finance ministry' }))));
    assertValid(analysis);
    assert.equal(analysis.id, 'imported-timeline');
    assert.equal(analysis.question, 'Timeline');
    assert.equal(analysis.summary, 'Imported from a TimelineJS timeline.');
    assert.deepEqual(analysis.actors, [{ id: 'finance-ministry', name: 'Finance ministry', kind: 'other' }]);
    assert.deepEqual(warnings, []);
  });

  it('takes the id and language from the options, and writes its own texts in Spanish for "es"', () => {
    const { analysis } = imported(fromTimelineJS(timeline(event()), { id: 'presupuesto-2024', language: 'es-MX' }));
    assertValid(analysis);
    assert.equal(analysis.id, 'presupuesto-2024');
    assert.equal(analysis.language, 'es-MX');
    assert.equal(analysis.question, 'Cronología');
    assert.equal(analysis.summary, 'Importado de una cronología de TimelineJS.');
    assert.deepEqual(analysis.actors, [{ id: 'unattributed', name: 'Sin atribuir', kind: 'other' }]);
  });

  it('refuses options the schema would refuse, naming the option', () => {
    assert.match(
      refused(fromTimelineJS(timeline(event()), { id: 'Budget 2024' })),
      /^invalid options: "id" must be a slug/,
    );
    assert.match(
      refused(fromTimelineJS(timeline(event()), { language: 'Spanish!' })),
      /^invalid options: "language" must be a BCP 47 language tag/,
    );
  });

  it('leaves out dates the schema cannot hold, with a warning naming the event', () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ year: 850 }, 'the year 850 cannot be written as a four-digit ISO date'],
      [{ year: -44, month: 3, day: 15 }, 'the year -44 cannot be written as a four-digit ISO date'],
      [{ year: 2024, month: 13 }, '2024-13 is not a real calendar date'],
      [{ year: 2023, month: 2, day: 29 }, '2023-02-29 is not a real calendar date'],
      [{ year: 2024, day: 5 }, 'the start_date has a day (5) but no month'],
    ];
    for (const [startDate, reason] of cases) {
      const { analysis, warnings } = imported(fromTimelineJS(timeline(event({ start_date: startDate }))));
      assertValid(analysis);
      assert.equal(analysis.statements[0]?.date, undefined, JSON.stringify(startDate));
      assert.deepEqual(warnings, [`events[0] ("Budget published"): ${reason}; imported without a date`]);
    }
    const leap = imported(fromTimelineJS(timeline(event({ start_date: { year: 2024, month: 2, day: 29 } }))));
    assert.equal(leap.analysis.statements[0]?.date, '2024-02-29');
  });

  it('joins headline and text with ". " unless the headline already ends a sentence, and uses whichever exists', () => {
    const text = (headline: unknown, body: unknown) =>
      imported(fromTimelineJS(timeline(event({ text: { headline, text: body } })))).analysis.statements[0]?.text;
    assert.equal(text('Budget published', 'It is late.'), 'Budget published. It is late.');
    assert.equal(text('Budget published?', 'It is late.'), 'Budget published? It is late.');
    assert.equal(text('<b>Budget</b> published', ''), 'Budget published');
    assert.equal(text(undefined, '<p>Only text.</p>'), 'Only text.');
    assert.equal(text(2024, null), '2024');
  });

  it('shortens text longer than the schema allows, with a warning, and stays valid', () => {
    const long = `<p>${'word '.repeat(2_000)}</p>`;
    const caption = 'caption '.repeat(100);
    const group = 'group '.repeat(100);
    const { analysis, warnings } = imported(
      fromTimelineJS({
        title: { text: { headline: 'headline '.repeat(50), text: long } },
        events: [event({ text: { text: long }, group, media: { url: 'https://example.org/a', caption } })],
      }),
    );
    assertValid(analysis);
    assert.ok(analysis.question.length <= LIMITS.shortText && analysis.question.endsWith('…'));
    assert.ok(analysis.summary.length <= LIMITS.text);
    assert.ok(analysis.statements[0]!.text.length <= LIMITS.text && analysis.statements[0]!.text.endsWith('word…'));
    assert.ok(analysis.actors[0]!.name.length <= LIMITS.shortText);
    assert.ok(analysis.sources[0]!.title.length <= 500);
    assert.ok(analysis.id.length <= 80);
    assert.ok(
      warnings.includes('events[0]: the text is 9,999 characters, more than the 5,000 allowed; shortened'),
      warnings.join('\n'),
    );
    assert.equal(warnings.filter((warning) => warning.includes('shortened')).length, 5, warnings.join('\n'));
  });

  it('keeps ids unique and within the slug rules, whatever the headlines', () => {
    const { analysis } = imported(
      fromTimelineJS(
        timeline(
          event({ text: { headline: 'Señor Ministro: ¿qué?' }, group: 'Gobierno' }),
          event({ text: { headline: 'señor ministro — QUÉ' }, group: 'gobierno' }),
          event({ text: { headline: '内閣が予算を発表' } }),
          event({ text: { headline: 'x'.repeat(200) } }),
          event({ text: { headline: 'x'.repeat(200) } }),
        ),
      ),
    );
    assertValid(analysis);
    assert.deepEqual(
      analysis.statements.map((statement) => statement.id),
      ['senor-ministro-que', 'senor-ministro-que-2', 'event-3', 'x'.repeat(60), `${'x'.repeat(60)}-2`],
    );
    assert.deepEqual(
      analysis.actors.map((actor) => actor.id),
      ['gobierno', 'gobierno-2', 'unattributed'],
    );
  });
});

describe('fromTimelineJS refuses what is not a TimelineJS file, clearly', () => {
  const cases: [string, RegExp][] = [
    ['empty.json', /^not a TimelineJS file: it is empty$/],
    ['not-json.json', /^not valid JSON: /],
    ['top-level-list.json', /^not a TimelineJS file: expected an object with an "events" list, not a list$/],
    ['no-events.json', /^not a TimelineJS file: "events" is missing: a TimelineJS file has an "events" list$/],
    ['events-not-a-list.json', /^not a TimelineJS file: "events" must be a list, not an object$/],
    ['events-empty.json', /^not a TimelineJS file: "events" is empty: there is nothing to import$/],
    [
      'event-without-start-date.json',
      /^not a TimelineJS file: "events\[1\]\.start_date" is missing: every TimelineJS event needs a start_date/,
    ],
    [
      'year-not-a-number.json',
      /^not a TimelineJS file: "events\[0\]\.start_date\.year" must be a whole number, not "twenty twenty-four"$/,
    ],
    [
      'timelinejs2.json',
      /^not a TimelineJS file: "timeline" is the older TimelineJS 2 format; only TimelineJS 3 files/,
    ],
  ];
  for (const [name, message] of cases) {
    it(`${name}: ${message.source.replace(/\\/g, '').slice(1, 70)}`, () => {
      assert.match(refused(parseTimelineJS(readText(fixture(name)))), message);
    });
  }

  it('lists every problem with its path, and says how many more there are', () => {
    const result = parseTimelineJS(readText(fixture('wrong-field-types.json')));
    assert.equal(
      refused(result),
      'not a TimelineJS file: "events[0].text.headline" must be text, not a list; "events[0].start_date.month" must be a whole number, not "May"; ' +
        '"events[1].start_date" must be an object like {"year": 2024, "month": 3}, not "2024-05-02"; and 1 more problem',
    );
    assert.ok(!result.ok);
    assert.deepEqual(result.error.issues?.at(-1), {
      path: 'events[1].media',
      message: 'must be an object, not "https://example.org/budget"',
    });
  });

  it('never throws, whatever it is given', () => {
    const hostile = new Proxy(
      {},
      {
        get: () => {
          throw new Error('no reading this');
        },
      },
    );
    const inputs: unknown[] = [
      undefined,
      null,
      42,
      'events',
      [],
      { events: null },
      { events: [null] },
      { events: [[]] },
      { events: [{ start_date: null }] },
      { events: [event({ media: { url: 42 } })] },
      { events: [event({ group: { name: 'x' } })] },
      { title: 'x', events: [event()] },
      hostile,
    ];
    for (const [i, input] of inputs.entries()) {
      let result: TimelineImportResult | undefined;
      assert.doesNotThrow(() => (result = fromTimelineJS(input)), `input ${i}`);
      assert.equal(result?.ok, false, `input ${i}`);
      if (result && !result.ok) assert.ok(result.error.message.length > 0);
    }
  });
});

describe('htmlToText', () => {
  const cases: [string, string][] = [
    ['<p>One</p><p>Two</p>', 'One Two'],
    ['line<br>break<br/>again', 'line break again'],
    ['<b>bold</b>er <i>and</i> <a href="https://example.org/?a=1&amp;b=2">linked</a>', 'bolder and linked'],
    ['<script>alert("x")</script>kept<style>p { color: red }</style>', 'kept'],
    ['<SCRIPT type="text/javascript">x()</SCRIPT >kept', 'kept'],
    ['before<script>never closed', 'before'],
    ['<a title="1 > 0">quoted ></a>', 'quoted >'],
    ['&amp; &lt; &gt; &quot; &apos; &rsquo;&lsquo;&rdquo;&ldquo; &ndash;&mdash;&hellip;', '& < > " \' ’‘”“ –—…'],
    ['&#8217; &#x2014; &#146; &#0;', '’ — ’ \ufffd'],
    ['&eacute;t&eacute; &iquest;qu&eacute;? &ntilde;', 'été ¿qué? ñ'],
    ['&lt;b&gt;shown, not parsed&lt;/b&gt;', '<b>shown, not parsed</b>'],
    ['3 < 5, AT&T, &unknown;', '3 < 5, AT&T, &unknown;'],
    ['  a&nbsp;&nbsp;b \n\t c  ', 'a b c'],
    ['<!-- note -->shown<!doctype html>', 'shown'],
    ['<ul><li>one</li><li>two</li></ul>', 'one two'],
  ];
  for (const [html, text] of cases) {
    it(`${JSON.stringify(html)} → ${JSON.stringify(text)}`, () => assert.equal(htmlToText(html), text));
  }
});

async function run(...argv: string[]) {
  const capture = captureIo();
  const code = await main(argv, capture.io);
  return { code, ...capture };
}

describe('import-timelinejs <file>', () => {
  let dir = '';
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'nw-import-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('prints the analysis as JSON, warnings on stderr, and exits 0', async () => {
    const { code, out, err } = await run('import-timelinejs', RIVERSIDE);
    assert.equal(code, 0, err.join('\n'));
    assert.equal(out.length, 1);
    const analysis = JSON.parse(out[0]!);
    assertValid(analysis);
    assert.equal(analysis.statements.length, 10);
    assert.ok(out[0]!.startsWith('{\n  "schemaVersion": 1,'), 'indented by 2 spaces');
    assert.equal(err.length, 8);
    assert.ok(
      err.every((line) => line.startsWith('warning: ')),
      err.join('\n'),
    );
  });

  it('writes --out, and the written file passes `validate`', async () => {
    const out = join(dir, 'riverside.json');
    const written = await run('import-timelinejs', RIVERSIDE, '--out', out);
    assert.equal(written.code, 0, written.err.join('\n'));
    assert.deepEqual(written.out, [`${RIVERSIDE}: imported 10 statements, 5 actors, 4 sources into ${out}`]);
    assertValid(JSON.parse(readFileSync(out, 'utf8')));

    const validated = await run('validate', out);
    assert.equal(validated.code, 0, validated.out.join('\n'));
    assert.deepEqual(validated.out, [`${out}: ok`]);
  });

  it('round trip: what it prints, saved as a file, passes `validate`', async () => {
    const file = join(dir, 'printed.json');
    const { out } = await run('import-timelinejs', RIVERSIDE, '--lang', 'es');
    writeFileSync(file, out[0]!);
    const validated = await run('validate', file);
    assert.equal(validated.code, 0, validated.out.join('\n'));
  });

  it('takes --id and --lang (also as --id=slug)', async () => {
    const { code, out } = await run('import-timelinejs', '--id=riverside-water', RIVERSIDE, '--lang', 'es');
    assert.equal(code, 0);
    const analysis = JSON.parse(out[0]!);
    assert.equal(analysis.id, 'riverside-water');
    assert.equal(analysis.language, 'es');
    assert.equal(analysis.actors.find((actor: { id: string }) => actor.id === 'unattributed').name, 'Sin atribuir');
  });

  it('exits 2 with one line for an --id that is not a slug, before reading the file', async () => {
    const { code, out, err } = await run('import-timelinejs', 'missing.json', '--id', 'Riverside Water');
    assert.equal(code, 2);
    assert.deepEqual(out, []);
    assert.equal(err.length, 1);
    assert.match(err[0]!, /^--id must be a slug: lowercase letters, digits and single hyphens/);
  });

  for (const [name, problem] of [
    ['events-not-a-list.json', 'not a TimelineJS file: "events" must be a list, not an object'],
    ['event-without-start-date.json', 'not a TimelineJS file: "events[1].start_date" is missing'],
    ['year-not-a-number.json', '"events[0].start_date.year" must be a whole number'],
    ['no-events.json', '"events" is missing'],
    ['not-json.json', 'not valid JSON'],
    ['empty.json', 'not a TimelineJS file: it is empty'],
  ] as const) {
    it(`exits 2 with one line naming the file and the problem: ${name}`, async () => {
      const { code, out, err, all } = await run('import-timelinejs', fixture(name));
      assert.equal(code, 2);
      assert.deepEqual(out, []);
      assert.equal(err.length, 1, err.join('\n'));
      assert.ok(err[0]!.startsWith(`${fixture(name)}: `), err[0]);
      assert.ok(err[0]!.includes(problem), err[0]);
      assert.ok(!all().includes(STACK_LINE), all());
    });
  }

  it('exits 2 for a missing file, like validate', async () => {
    const missing = fixture('does-not-exist.json');
    const { code, out, err } = await run('import-timelinejs', missing);
    assert.equal(code, 2);
    assert.deepEqual(out, []);
    assert.deepEqual(err, [`${missing}: cannot read ${missing}: no such file`]);
  });

  it('exits 2 when --out cannot be written', async () => {
    const out = join(dir, 'no-such-folder', 'x.json');
    const { code, err } = await run('import-timelinejs', RIVERSIDE, '--out', out);
    assert.equal(code, 2);
    assert.equal(err.at(-1), `cannot write ${out}: no such folder`);
  });

  it('exits 2 with usage for no file, two files, an unknown option or a missing value', async () => {
    for (const [args, reason] of [
      [[], 'give the TimelineJS file or URL to import'],
      [[RIVERSIDE, RIVERSIDE], 'give one file or URL to import, not 2'],
      [[RIVERSIDE, '--format', 'x'], 'unknown option "--format"'],
      [[RIVERSIDE, '--out'], '--out needs a value'],
    ] as const) {
      const { code, out, err } = await run('import-timelinejs', ...args);
      assert.equal(code, 2, args.join(' '));
      assert.deepEqual(out, []);
      assert.deepEqual(err, [
        `${reason}\nusage: newsroom-widgets import-timelinejs <file-or-url> [--id slug] [--lang tag] [--out file]`,
      ]);
    }
  });

  it('is listed in the help, and has its own', async () => {
    assert.match((await run('--help')).out.join('\n'), /import-timelinejs <file-or-url>/);
    const own = await run('import-timelinejs', '--help');
    assert.equal(own.code, 0);
    assert.match(own.out.join('\n'), /--lang tag/);
  });
});

describe('import-timelinejs <url>', () => {
  let server: Server;
  let base = '';
  before(async () => {
    const body = readText(RIVERSIDE);
    server = createServer((request, response) => {
      if (request.url === '/timeline.json') response.writeHead(200, { 'content-type': 'application/json' }).end(body);
      else response.writeHead(404).end('not found');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
  });

  it('imports a timeline served over HTTP', async () => {
    const { code, out } = await run('import-timelinejs', `${base}/timeline.json`);
    assert.equal(code, 0);
    assertValid(JSON.parse(out[0]!));
  });

  it('exits 2 with "HTTP 404" for a missing URL', async () => {
    const { code, err } = await run('import-timelinejs', `${base}/gone.json`);
    assert.equal(code, 2);
    assert.deepEqual(err, [`${base}/gone.json: cannot fetch ${base}/gone.json: HTTP 404`]);
  });
});
