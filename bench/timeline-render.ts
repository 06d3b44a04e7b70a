/**
 * `npm run bench:timeline`: the render-speed and memory part of `npm run bench` alone
 * (<nw-timeline> against TimelineJS on the same statements, and <nw-analysis> on the sample),
 * with the same environment variables (RUNS, SIZES); see bench/run.ts. Needs `npm run build`
 * first, as its pages load the script-tag build from dist/.
 */
import { runBench } from './run.js';

runBench(['render']).catch((cause) => {
  console.error(`bench: ${cause instanceof Error ? cause.message : String(cause)}`);
  process.exitCode = 1;
});
