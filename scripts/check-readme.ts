/**
 * The README's element reference is written for people; custom-elements.json is generated
 * from the JSDoc on each class. This keeps them in step: every element, attribute, event,
 * part and CSS property in the manifest must be named in the README. Run after the build.
 */
import { readFileSync } from 'node:fs';

interface Named {
  name: string;
}
interface Declaration {
  tagName?: string;
  attributes?: Named[];
  events?: Named[];
  cssParts?: Named[];
  cssProperties?: Named[];
}

const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8')) as {
  modules: { declarations?: Declaration[] }[];
};
const readme = readFileSync('README.md', 'utf8');
const missing: string[] = [];

for (const element of manifest.modules.flatMap((module) => module.declarations ?? [])) {
  if (!element.tagName) continue;
  const tag = element.tagName;
  if (!readme.includes(`<${tag}`)) missing.push(`<${tag}>`);
  const check = (kind: string, items: Named[] | undefined, written: (name: string) => string[]) => {
    for (const { name } of items ?? []) {
      // The analyzer also lists dispatches of our typed event classes, without a name.
      if (!name) continue;
      if (!written(name).some((form) => readme.includes(form))) missing.push(`${tag}: ${kind} ${name}`);
    }
  };
  check('attribute', element.attributes, (name) => [`${name}=`, `\`${name}\``]);
  check('event', element.events, (name) => [`\`${name}\``]);
  check('part', element.cssParts, (name) => [`\`${name}\``]);
  check('CSS property', element.cssProperties, (name) => [`\`${name}\``]);
}

if (missing.length > 0) {
  console.error(
    `README.md does not document ${missing.length} thing(s) custom-elements.json lists:\n  ${[...new Set(missing)].join('\n  ')}`,
  );
  process.exitCode = 1;
} else {
  console.log('README.md documents every element, attribute, event, part and CSS property in custom-elements.json.');
}
