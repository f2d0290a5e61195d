/**
 * Layering, enforced in `npm test` (npm run deps:validate):
 *   miniprogram → shared, cloudfunctions → shared; shared → nothing but pure libraries.
 */
const PLATFORM = '^(node:|fs$|path$|crypto$|os$|child_process$|http$|https$|net$|url$|util$|stream$|zlib$|events$)|(^|/)node_modules/(wx-server-sdk|@tarojs|better-sqlite3|@cloudbase|@nutui|react|react-dom)/';

module.exports = {
  forbidden: [
    {
      name: 'shared-is-pure',
      comment: 'shared/ runs on the phone and the server: no platform, Node built-in or server module.',
      severity: 'error',
      from: { path: '^shared/' },
      to: { path: PLATFORM },
    },
    {
      name: 'shared-imports-only-shared',
      comment: 'shared/ must not reach into the app or the server.',
      severity: 'error',
      from: { path: '^shared/' },
      to: { path: '^(miniprogram|cloudfunctions)/' },
    },
    {
      name: 'shared-allowed-libraries',
      comment: 'shared/ may use only these pure libraries.',
      severity: 'error',
      from: { path: '^shared/' },
      to: { dependencyTypes: ['npm', 'npm-dev', 'npm-optional', 'npm-peer', 'npm-no-pkg', 'npm-unknown'], pathNot: '(^|/)node_modules/(zod|dayjs)/' },
    },
    {
      name: 'app-not-to-server',
      comment: 'The mini-program talks to the server through the api client, never by importing it.',
      severity: 'error',
      from: { path: '^miniprogram/' },
      to: { path: '^cloudfunctions/' },
    },
    {
      name: 'server-not-to-app',
      severity: 'error',
      from: { path: '^cloudfunctions/' },
      to: { path: '^miniprogram/' },
    },
    {
      // The router builds an area's zod schemas on that area's first call (shared/contracts/areas.ts);
      // a value import of a contract module from the server would build them at every cold start.
      name: 'server-loads-contracts-per-call',
      comment: 'Server code takes values from contracts/errors, lists, zod-zh and areas only; schemas and views by type.',
      severity: 'error',
      from: { path: '^(cloudfunctions/|shared/(domain|time)/)' },
      to: { path: '^shared/contracts/', pathNot: '^shared/contracts/(errors|lists|zod-zh|areas)\\.ts$', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'no-node-builtins-in-app',
      severity: 'error',
      from: { path: '^miniprogram/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'no-cycles',
      comment: 'Modules depend one way: a cycle means a shared type belongs a level down.',
      severity: 'error',
      from: { path: '^(shared|cloudfunctions|miniprogram)/' },
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      from: { path: '^(shared|cloudfunctions|miniprogram)/' },
      to: { couldNotResolve: true, pathNot: '\\.css$' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^dist/|\\.test\\.ts$' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.d.ts'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
  },
};
