import { describe, expect, it } from 'vitest';
import { contracts } from '@shared/contracts';
import { ADMIN, createHarness } from '../../../test/support/harness';

interface Issue {
  path: string;
  field: string;
  message: string;
}

/** The top-level keys of a procedure's input object (through a refine's pipe). */
function keysOf(schema: unknown): string[] {
  const s = schema as { shape?: Record<string, unknown>; _zod?: { def?: { in?: { shape?: Record<string, unknown> } } } };
  return Object.keys(s.shape ?? s._zod?.def?.in?.shape ?? {});
}

describe('a refusal names the field of the form the person filled in', () => {
  it('a 拨付 amount refused is the 拨付金额, not the application\'s 预算金额', async () => {
    const h = await createHarness();
    const r = await h.raw(ADMIN, 'funding.disburse', { projectId: 'p1', tranche: 1, amountFen: 0, note: '' });
    expect(r.ok).toBe(false);
    const issues = (r.ok ? [] : r.error.details?.issues) as Issue[];
    expect(issues).toEqual([{ path: 'amountFen', field: '拨付金额', message: '拨付金额须大于 0' }]);
  });

  it('no procedure borrows another form\'s label for a field its own message names otherwise', async () => {
    const h = await createHarness();
    const borrowed: string[] = [];
    for (const [procedure, contract] of Object.entries(contracts)) {
      for (const key of keysOf(contract.input)) {
        for (const bad of [null, -1, 1.5, 'x'.repeat(5000), [null]]) {
          const r = await h.raw(ADMIN, procedure, { [key]: bad });
          if (r.ok) continue;
          for (const i of (r.error.details?.issues ?? []) as Issue[]) {
            const last = i.path.split('.').filter((p) => !/^\d+$/.test(p)).pop();
            // A field with no label of its own (an id) is fine; a label must be the one the message names.
            if (i.field === i.path || i.field === last || i.message.startsWith('编号')) continue;
            if (!i.message.includes(i.field) && !i.message.includes(i.field.replace(/^是否/, ''))) borrowed.push(`${procedure} ${i.path}: 「${i.field}」 but “${i.message}”`);
          }
        }
      }
    }
    expect([...new Set(borrowed)]).toEqual([]);
  });
});
