// Routes the browser tests fetch from (served by web-test-runner itself, same origin):
//   /test-api/analysis.json?id=…   the sample analysis; counts requests per id
//   /test-api/count?id=…           how many times that id was requested (JSON number)
//   /test-api/status/404            any HTTP status with an empty body
//   /test-api/slow?ms=…             the sample after a delay (for abort tests)
//   /test-api/text?body=…           a text/plain body (truncated or HTML "JSON")
//   /test-api/redirect?to=PATH      302 to a same-origin path
//   /test-api/server-address        the address this server answered on (JSON string), so a test
//                                   can reach the same server from another origin
//   /test-api/fault/KIND?id=…&times=N   the first N requests (default 1) for that id go wrong as
//        KIND, later ones get the sample (counted like analysis.json): a fault that clears, so
//        a retry can succeed. KIND is one of FAULTS below.
import { readFileSync } from 'node:fs';

const sample = readFileSync(new URL('../../data/mexico-us-deployment.json', import.meta.url), 'utf8');
const counts = new Map();

/** Half the sample: JSON cut off mid-document. */
const half = sample.slice(0, Math.floor(sample.length / 2));
const loginPage =
  '<!doctype html><html><head><title>Sign in</title></head><body><form><input name="user"></form></body></html>';
const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Writes the response by hand (status line, headers, part of the body), bypassing Koa, for
 * faults a well-formed response cannot show: a body cut off or stalled mid-stream.
 */
function rawResponse(ctx) {
  ctx.respond = false;
  const { res } = ctx;
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(sample) });
  res.write(half);
  return res;
}

/** What each fault kind does to a request while it is still failing. */
const FAULTS = {
  404: (ctx) =>
    void ((ctx.status = 404), (ctx.type = 'text/html'), (ctx.body = '<!doctype html><title>Not found</title>')),
  500: (ctx) => void ((ctx.status = 500), (ctx.body = 'Internal Server Error')),
  /** The sample after ms= (default 2000), past any short fetch timeout. */
  slow: async (ctx) => {
    await delay(Number(ctx.query.ms ?? 2000));
    ctx.type = 'application/json';
    ctx.body = sample;
  },
  /** A complete 200 response whose JSON is cut in half (a partial upload, a CMS field limit). */
  truncated: (ctx) => void ((ctx.type = 'application/json'), (ctx.body = half)),
  /** A 200 web page where JSON was expected (a login wall, a dev server's index page). */
  html: (ctx) => void ((ctx.type = 'text/html'), (ctx.body = loginPage)),
  /** A same-origin redirect to an address that does not exist. */
  'redirect-missing': (ctx) => ctx.redirect('/test-api/status/404'),
  /** The sample without Access-Control-Allow-Origin: unreadable from another origin. */
  cors: (ctx) => void ((ctx.type = 'application/json'), (ctx.body = sample)),
  /** Headers promise the whole sample; half arrives, then the connection drops. */
  cut: (ctx) => {
    const res = rawResponse(ctx);
    setTimeout(() => res.destroy(), 20);
  },
  /** Headers and half the body at once, the rest after ms= (default 2000): a body slower than the timeout. */
  stall: (ctx) => {
    const res = rawResponse(ctx);
    setTimeout(() => res.destroyed || res.end(sample.slice(half.length)), Number(ctx.query.ms ?? 2000));
  },
};

export async function testRoutes(ctx, next) {
  if (!ctx.path.startsWith('/test-api/')) return next();
  const id = ctx.query.id ?? '';
  const route = ctx.path.slice('/test-api/'.length);
  if (route === 'analysis.json' || route === 'slow') {
    counts.set(id, (counts.get(id) ?? 0) + 1);
    if (route === 'slow') await delay(Number(ctx.query.ms ?? 500));
    ctx.type = 'application/json';
    ctx.body = sample;
  } else if (route === 'count') {
    ctx.type = 'application/json';
    ctx.body = String(counts.get(id) ?? 0);
  } else if (route.startsWith('status/')) {
    ctx.status = Number(route.slice('status/'.length));
    ctx.body = '';
  } else if (route === 'text') {
    ctx.type = 'text/plain';
    ctx.body = String(ctx.query.body ?? '');
  } else if (route === 'redirect') {
    // Same-origin paths only: the test server is no open redirect.
    const to = String(ctx.query.to ?? '/');
    ctx.redirect(to.startsWith('/') && !to.startsWith('//') ? to : '/');
  } else if (route === 'server-address') {
    ctx.type = 'application/json';
    ctx.body = JSON.stringify(ctx.req.socket.localAddress);
  } else if (route.startsWith('fault/') && Object.hasOwn(FAULTS, route.slice('fault/'.length))) {
    const count = (counts.get(id) ?? 0) + 1;
    counts.set(id, count);
    if (count <= Number(ctx.query.times ?? 1)) return FAULTS[route.slice('fault/'.length)](ctx);
    // The fault has cleared: the sample, readable from any origin (the CORS case's fix).
    ctx.set('Access-Control-Allow-Origin', '*');
    ctx.type = 'application/json';
    ctx.body = sample;
  } else {
    ctx.status = 404;
  }
}
