// Routes the browser tests fetch from (served by web-test-runner itself, same origin):
//   /test-api/analysis.json?id=…   the sample analysis; counts requests per id
//   /test-api/count?id=…           how many times that id was requested (JSON number)
//   /test-api/status/404            any HTTP status with an empty body
//   /test-api/slow?ms=…             the sample after a delay (for abort tests)
//   /test-api/text?body=…           a text/plain body (truncated or HTML "JSON")
import { readFileSync } from 'node:fs';

const sample = readFileSync(new URL('../../data/mexico-us-deployment.json', import.meta.url), 'utf8');
const counts = new Map();

export async function testRoutes(ctx, next) {
  if (!ctx.path.startsWith('/test-api/')) return next();
  const id = ctx.query.id ?? '';
  const route = ctx.path.slice('/test-api/'.length);
  if (route === 'analysis.json' || route === 'slow') {
    counts.set(id, (counts.get(id) ?? 0) + 1);
    if (route === 'slow') await new Promise((resolve) => setTimeout(resolve, Number(ctx.query.ms ?? 500)));
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
  } else {
    ctx.status = 404;
  }
}
