// babel-preset-taro: https://docs.taro.zone/docs/next/babel-config
const { existsSync } = require('node:fs');
const path = require('node:path');

// Targets: none here. config/index.ts sets BROWSERSLIST (WeChat's compat data for the base library in
// project.config.json; the H5 browsers for h5), which preset-env reads through babel-preset-taro.

/**
 * Every call of the global BigInt behind a feature test: `typeof BigInt === 'function' ? BigInt(…) : …`.
 * JavaScriptCore before iOS 14 (the base library's iOS 13 target) has no BigInt, and zod 4 builds its
 * int64 bounds with it while its module loads, so on those iPhones every page that validates a form
 * failed with a ReferenceError. At load the fallback is undefined (those bounds serve bigint schemas
 * only, which such an engine cannot have); inside a function it throws, as the call did before.
 * Kept in this file: the bench builds an empty Taro app with this file and config/index.ts alone.
 */
function guardBigInt({ types: t }) {
  const guarded = new WeakSet();
  const call = (path) => {
    const { node } = path;
    if (guarded.has(node) || !t.isIdentifier(node.callee, { name: 'BigInt' }) || path.scope.hasBinding('BigInt', { noGlobals: true })) return;
    guarded.add(node);
    const test = t.binaryExpression('===', t.unaryExpression('typeof', t.identifier('BigInt')), t.stringLiteral('function'));
    const fail = t.callExpression(
      t.arrowFunctionExpression([], t.blockStatement([t.throwStatement(t.newExpression(t.identifier('TypeError'), [t.stringLiteral('BigInt is not supported by this JavaScript engine')]))])),
      [],
    );
    path.replaceWith(t.conditionalExpression(test, node, path.getFunctionParent() ? fail : t.identifier('undefined')));
  };
  return { name: 'guard-bigint', visitor: { CallExpression: call } };
}

// Every page follows the person's font size (适老化); absent in the empty Taro app the bench builds.
const fontScalePages = path.join(__dirname, 'config', 'babel-font-scale.js');

module.exports = {
  presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5' }]],
  plugins: [guardBigInt, ...(existsSync(fontScalePages) ? [fontScalePages] : [])],
};
