import { describe, expect, it } from 'vitest';
import { groupByKind, placeCounts, queueTotal } from './counts';

const items = [
  { kind: 'scoreReviews' as const, count: 2 },
  { kind: 'payFirstTranche' as const, count: 1 },
  { kind: 'acceptMidterm' as const, count: 3 },
  { kind: 'submitDraft' as const, count: 1 },
  { kind: 'payFirstTranche' as const, count: 4 },
];

describe('the queue counts', () => {
  it('one total over every item, and each place of the side navigation its share', () => {
    expect(queueTotal(items)).toBe(11);
    expect(placeCounts(items)).toEqual({ review: 2, funded: 8 });
    expect(queueTotal([])).toBe(0);
  });

  it('groups by kind, the 组织部 first, each with its total', () => {
    expect(groupByKind(items).map((g) => [g.kind, g.count, g.items.length])).toEqual([
      ['payFirstTranche', 5, 2],
      ['acceptMidterm', 3, 1],
      ['scoreReviews', 2, 1],
      ['submitDraft', 1, 1],
    ]);
  });
});
