// Each store round trip of one call, in order, with its time: `node --import tsx scripts/bench/trace-trips.mjs home.open [todo.mine …]`
// (labels as in scripts/bench/cases.ts; call TRACE_CALL (0) of each, on the bench's seeded university;
// `home.open@sec-1` calls the case as another openid).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openSqliteStore } from '../../cloudfunctions/core/adapters/sqlite/store.ts';
import { createApp } from '../../cloudfunctions/core/app.ts';
import { NO_FILES } from '../../cloudfunctions/core/ports/files.ts';
import { caseLabel, procedureCases } from './cases.ts';
import { NOW, seedUniversity } from './seed-university.mjs';

const OPS = ['get', 'insert', 'update', 'remove', 'find', 'count', 'aggregate'];
const dir = mkdtempSync(path.join(tmpdir(), 'trace-trips-'));
const raw = openSqliteStore(path.join(dir, 'university.sqlite'));
const cases = procedureCases(await seedUniversity(raw));
const log = [];
const show = (op, args) => {
  const [collection, x, y] = args;
  if (op === 'get' || op === 'remove') return `${collection} ${x}`;
  if (op === 'insert') return `${collection} ${x._id}`;
  if (op === 'update') return `${collection} ${x} {${Object.keys(args[3]).join(',')}}`;
  if (op === 'find') return `${collection} ${JSON.stringify(x?.where ?? {})}${x?.limit ? ` limit ${x.limit}` : ''}${x?.skip ? ` skip ${x.skip}` : ''}`;
  return `${collection} ${JSON.stringify(x ?? {})}${y ? '' : ''}`;
};
// Each line ends with the trip's own time on SQLite here (the calls of one wave overlap).
const wrap = (ops, inTx) => Object.fromEntries(OPS.map((op) => [op, (...args) => {
  const line = `${inTx ? '  tx ' : ''}${op} ${show(op, args)}`;
  const n = log.push(line) - 1;
  const t0 = performance.now();
  return Promise.resolve(ops[op](...args)).finally(() => { log[n] = `${line}  (${(performance.now() - t0).toFixed(1)} ms)`; });
}]));
const store = { ...wrap(raw, false), transaction: (fn) => { log.push('transaction'); return raw.transaction((tx) => fn(wrap(tx, true))); }, close: () => raw.close() };
let ids = 0;
const router = createApp({ store, clock: () => NOW, newId: () => `trace${++ids}`, files: NO_FILES, logger: { error: (m, e) => console.error(m, e) } });
for (const arg of process.argv.slice(2)) {
  const [label, as] = arg.split('@');
  const c = cases.find((k) => caseLabel(k) === label);
  if (!c) { console.log(`no case ${label}`); continue; }
  const i = Number(process.env.TRACE_CALL ?? 0);
  const [caseOpenid, input] = c.call(i);
  const openid = as ?? caseOpenid;
  log.length = 0;
  const r = await router.call(openid ? { openid } : null, { procedure: c.name, input, requestId: `trace-${label.replace(/[^A-Za-z0-9.-]/g, "")}-${i}` });
  console.log(`\n${arg} (call ${i}): ${r.ok ? 'ok' : `${r.error.code} ${r.error.message}`}, ${log.length} round trips`);
  log.forEach((l, n) => console.log(`${String(n + 1).padStart(3)} ${l}`));
}
await raw.close();
rmSync(dir, { recursive: true, force: true });
