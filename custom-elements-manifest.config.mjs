// `npm run manifest`: custom-elements.json from the JSDoc on each element class.
import { posix } from 'node:path';

/**
 * Our elements register through `defineElement('nw-x', NwX)` (a guarded define), which the
 * analyzer does not know; this plugin reads those calls as `customElements.define` would be.
 */
function defineElementPlugin() {
  const definitions = []; // { tag, className }
  return {
    name: 'newsroom-widgets-define-element',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isCallExpression(node) || node.expression.getText() !== 'defineElement') return;
      const [tag, element] = node.arguments;
      if (!tag || !element || !ts.isStringLiteral(tag)) return;
      const className = element.getText();
      const importPath = node
        .getSourceFile()
        .statements.filter(ts.isImportDeclaration)
        .find((statement) => statement.importClause?.namedBindings?.elements?.some((e) => e.name.text === className))
        ?.moduleSpecifier.text;
      definitions.push({ tag: tag.text, className });
      moduleDoc.exports = [
        ...(moduleDoc.exports ?? []),
        {
          kind: 'custom-element-definition',
          name: tag.text,
          declaration: {
            name: className,
            module: importPath
              ? posix.join(posix.dirname(moduleDoc.path), importPath).replace(/\.js$/, '.ts')
              : moduleDoc.path,
          },
        },
      ];
    },
    packageLinkPhase({ customElementsManifest }) {
      // define.ts itself calls customElements.define(tag, element): not a real definition.
      for (const mod of customElementsManifest.modules) {
        mod.exports = mod.exports?.filter((e) => e.kind !== 'custom-element-definition' || e.name.startsWith('nw-'));
      }
      for (const { tag, className } of definitions) {
        for (const mod of customElementsManifest.modules) {
          for (const declaration of mod.declarations ?? []) {
            if (declaration.kind === 'class' && declaration.name === className) {
              declaration.tagName = tag;
              declaration.customElement = true;
            }
          }
        }
      }
    },
  };
}

/**
 * Modules in path order. The analyzer lists them in the order the file system returns the glob,
 * which differs between machines, so the packed manifest (and the tarball) differed between a
 * clone and a checkout of the same commit.
 */
function sortedModulesPlugin() {
  return {
    name: 'newsroom-widgets-sorted-modules',
    packageLinkPhase({ customElementsManifest }) {
      customElementsManifest.modules.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    },
  };
}

export default {
  globs: ['src/**/*.ts'],
  // Only modules that may hold elements: not the CLI, the Node-only render, or the iframe page's glue.
  exclude: ['src/**/*.test.ts', 'src/cli/**', 'src/render/**', 'src/embed/**', 'src/wordpress/**', 'dist/**'],
  outdir: '.',
  litelement: true,
  plugins: [defineElementPlugin(), sortedModulesPlugin()],
};
