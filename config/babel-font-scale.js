// Wraps the default export of every page (miniprogram/**/index.tsx beside an index.config.ts) in
// withFontScale, so each page's text follows the person's font size (适老化) without a line in
// each page. `export default function Page() {}` becomes `function Page() {}` and
// `export default withFontScale(Page)`.
const { existsSync } = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', 'miniprogram');
const WRAPPER = path.join(ROOT, 'components', 'font-scale', 'withFontScale');

function isPage(filename) {
  if (!filename || !filename.startsWith(ROOT + path.sep) || path.basename(filename) !== 'index.tsx') return false;
  return existsSync(path.join(path.dirname(filename), 'index.config.ts'));
}

module.exports = function fontScalePages({ types: t }) {
  return {
    name: 'font-scale-pages',
    visitor: {
      ExportDefaultDeclaration(p, state) {
        if (state.fontScaleWrapped || !isPage(state.filename)) return;
        state.fontScaleWrapped = true;
        const decl = p.node.declaration;
        const program = p.parentPath;
        const wrap = program.scope.generateUidIdentifier('withFontScale');
        program.unshiftContainer('body', t.importDeclaration([t.importSpecifier(wrap, t.identifier('withFontScale'))], t.stringLiteral(WRAPPER)));
        if (t.isFunctionDeclaration(decl) || t.isClassDeclaration(decl)) {
          const id = decl.id ?? p.scope.generateUidIdentifier('Page');
          decl.id = id;
          p.replaceWithMultiple([decl, t.exportDefaultDeclaration(t.callExpression(wrap, [id]))]);
        } else {
          p.replaceWith(t.exportDefaultDeclaration(t.callExpression(wrap, [decl])));
        }
        p.skip();
      },
    },
  };
};
