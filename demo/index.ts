import { parseAnalysis } from '../src/schema/index.js';

const status = document.querySelector('#status')!;
const view = document.querySelector('#document')!;
const text = await (await fetch('/mexico-us-deployment.json')).text();
const result = parseAnalysis(text);
status.textContent = result.ok
  ? `Valid: ${result.analysis.question}`
  : `${result.error.message} ${result.error.issues?.map((i) => `${i.path}: ${i.message}`).join('; ') ?? ''}`;
view.textContent = JSON.stringify(JSON.parse(text), null, 2);
