/**
 * `newsroom-widgets validate`, run in-process through `main(argv, io)`: what an editor
 * or a CI job sees printed, and the exit code it gets.
 */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { main } from '../../src/cli/main.js';
import { captureIo, INVALID_DIR, MINIMAL, readText, SAMPLE } from './helpers.js';

const STACK_LINE = '    at ';

async function run(...argv: string[]) {
  const capture = captureIo();
  const code = await main(argv, capture.io);
  return { code, ...capture };
}

// Local files: valid, invalid, unreadable.
describe('validate <file>', () => {
  it('exits 0 and prints "<file>: ok" for the sample', async () => {
    const { code, out, err } = await run('validate', SAMPLE);
    assert.equal(code, 0);
    assert.deepEqual(out, [`${SAMPLE}: ok`]);
    assert.deepEqual(err, []);
  });

  it('checks several files in one run, prints each problem as "  path: message", and exits 1', async () => {
    const missingQuestion = join(INVALID_DIR, '01-missing-question.json');
    const danglingActor = join(INVALID_DIR, '14-dangling-stance-actor.json');
    const { code, out, err } = await run('validate', SAMPLE, missingQuestion, MINIMAL, danglingActor);
    assert.equal(code, 1);
    assert.deepEqual(err, []);
    assert.deepEqual(out, [
      `${SAMPLE}: ok`,
      `${missingQuestion}: The analysis has 1 problem. [schema]`,
      '  question: is required',
      `${MINIMAL}: ok`,
      `${danglingActor}: The analysis has 1 problem. [reference]`,
      '  stances[0].actor: actor "example-parliament" is not in the actors list',
    ]);
  });

  it('names the whole document when the problem has no path', async () => {
    const { code, out } = await run('validate', join(INVALID_DIR, '26-null.json'));
    assert.equal(code, 1);
    assert.ok(out.includes('  (document): must be an object, not null'), out.join('\n'));
  });

  it('exits 2 for a missing file with one readable line and no stack trace', async () => {
    const missing = join(INVALID_DIR, 'does-not-exist.json');
    const { code, out, err, all } = await run('validate', missing);
    assert.equal(code, 2);
    assert.deepEqual(out, []);
    assert.equal(err.length, 1);
    assert.match(err[0] ?? '', /no such file/);
    assert.ok(err[0]?.includes(missing), 'the line names the file');
    assert.ok(!all().includes(STACK_LINE), all());
  });

  it('exits 2 for a folder', async () => {
    const { code, err, all } = await run('validate', INVALID_DIR);
    assert.equal(code, 2);
    assert.match(err.join('\n'), /is a folder/);
    assert.ok(!all().includes(STACK_LINE), all());
  });

  it('exits 2 for a file that is not JSON, saying so', async () => {
    const { code, out, err, all } = await run('validate', join(INVALID_DIR, '30-truncated-json.json'));
    assert.equal(code, 2);
    assert.deepEqual(out, []);
    assert.equal(err.length, 1);
    assert.match(err[0] ?? '', /The analysis is not valid JSON/);
    assert.ok(!all().includes(STACK_LINE), all());
  });

  it('keeps checking after an unreadable file, and the unreadable one decides the exit code', async () => {
    const invalid = join(INVALID_DIR, '01-missing-question.json');
    const { code, out, err } = await run('validate', 'nope.json', invalid, SAMPLE);
    assert.equal(code, 2);
    assert.equal(err.length, 1);
    assert.ok(out.includes('  question: is required'), out.join('\n'));
    assert.ok(out.includes(`${SAMPLE}: ok`), out.join('\n'));
  });
});

// Usage mistakes: exit 2 with help, never a crash.
describe('usage', () => {
  it('prints usage and exits 2 with no arguments', async () => {
    const { code, out, err } = await run();
    assert.equal(code, 2);
    assert.deepEqual(out, []);
    assert.match(err.join('\n'), /^usage: newsroom-widgets/m);
  });

  it('prints usage and exits 2 for "validate" with no files', async () => {
    const { code, err } = await run('validate');
    assert.equal(code, 2);
    assert.match(err.join('\n'), /usage: newsroom-widgets validate/);
  });

  it('names an unknown command and exits 2', async () => {
    const { code, err } = await run('frobnicate', SAMPLE);
    assert.equal(code, 2);
    assert.match(err.join('\n'), /unknown command "frobnicate"/);
    assert.match(err.join('\n'), /usage: newsroom-widgets/);
  });

  it('prints help to stdout and exits 0 for --help', async () => {
    const { code, out, err } = await run('--help');
    assert.equal(code, 0);
    assert.deepEqual(err, []);
    assert.match(out.join('\n'), /validate <file-or-url>/);
  });
});

// URLs: a local server plays the newsroom's CMS.
describe('validate <url>', () => {
  let server: Server;
  let base = '';
  const sample = readText(SAMPLE);

  before(async () => {
    server = createServer((request, response) => {
      switch (request.url) {
        case '/analysis.json':
          response.writeHead(200, { 'content-type': 'application/json' }).end(sample);
          break;
        case '/page.html':
          response.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>Not an analysis</title>');
          break;
        default:
          response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  after(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
  });

  it('exits 0 for a URL serving the sample', async () => {
    const url = `${base}/analysis.json`;
    const { code, out, err } = await run('validate', url);
    assert.equal(code, 0, err.join('\n'));
    assert.deepEqual(out, [`${url}: ok`]);
  });

  it('exits 2 with "HTTP 404" for a missing URL', async () => {
    const { code, out, err, all } = await run('validate', `${base}/gone.json`);
    assert.equal(code, 2);
    assert.deepEqual(out, []);
    assert.equal(err.length, 1);
    assert.match(err[0] ?? '', /HTTP 404/);
    assert.ok(!all().includes(STACK_LINE), all());
  });

  it('exits 2 for a URL that serves HTML', async () => {
    const { code, out, err } = await run('validate', `${base}/page.html`);
    assert.equal(code, 2);
    assert.deepEqual(out, []);
    assert.match(err.join('\n'), /not valid JSON/);
  });
});
