import { describe, expect, it } from 'vitest';
import { parseAmountList } from './amounts';

describe('a pasted list of amounts', () => {
  it('reads title and 元 per line, from tabs, spaces or commas, and names the lines it cannot read', () => {
    const r = parseAmountList('红色引擎\t5000\n先锋 工程 1,250.50\n\n医者仁心，¥300.05元\n没有金额\n零元 0');
    expect(r.lines).toEqual([
      { name: '红色引擎', amountFen: 500_000 },
      { name: '先锋 工程', amountFen: 125_050 },
      { name: '医者仁心', amountFen: 30_005 },
    ]);
    expect(r.bad).toEqual([5, 6]);
  });
});
