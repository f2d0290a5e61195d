import { describe, expect, it } from 'vitest';
import { contracts, type ProcedureName } from './index';
import { AREA_OF, contractOf, isProcedureName } from './areas';

describe('contract areas (what the router loads per call)', () => {
  const names = Object.keys(contracts) as ProcedureName[];

  it('lists every procedure once, and only procedures', () => {
    expect(Object.keys(AREA_OF).sort()).toEqual([...names].sort());
  });

  it('answers each procedure with the very contract the phone is typed from', async () => {
    for (const name of names) expect(await contractOf(name), name).toBe(contracts[name]);
  });

  it('knows a procedure name from anything else', () => {
    expect(isProcedureName('project.submit')).toBe(true);
    for (const other of ['', 'project', 'project.nope', '__proto__', 'constructor', 'toString', 'hasOwnProperty']) expect(isProcedureName(other), other).toBe(false);
  });
});
