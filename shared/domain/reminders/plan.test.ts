import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Duty } from './duty';
import { DEFAULT_OFFSETS, planReminders } from './plan';

const original = process.env.TZ;
beforeAll(() => {
  process.env.TZ = 'UTC';
});
afterAll(() => {
  process.env.TZ = original;
});

const DEADLINE = '2022-06-29';
const duty = (personId: string, deadline = DEADLINE): Duty => ({ personId, kind: 'submitDraft', deadline, count: 1, title: '提交申报', detail: '', link: '/x' });
const options = { offsets: DEFAULT_OFFSETS, sendHour: 9 };
/** 09:00 Beijing = 01:00 UTC. */
const beijing = (date: string, hour: number) => new Date(`${date}T${String(hour).padStart(2, '0')}:00:00+08:00`);

describe('planReminders (process in UTC, deadline 2022-06-29 Beijing time)', () => {
  it.each([
    ['2022-06-22', 7],
    ['2022-06-26', 3],
    ['2022-06-28', 1],
    ['2022-06-29', 0],
  ])('on %s at 09:00 Beijing the host is due at offset %i', (date, offset) => {
    const due = planReminders(beijing(date, 9), [duty('u1')], options);
    expect(due).toEqual([expect.objectContaining({ key: `u1:submitDraft:${DEADLINE}:${offset}`, personId: 'u1', offset, deadline: DEADLINE })]);
  });

  it('sends nothing on the other days', () => {
    for (const date of ['2022-06-21', '2022-06-23', '2022-06-25', '2022-06-27', '2022-06-30']) {
      expect(planReminders(beijing(date, 10), [duty('u1')], options)).toEqual([]);
    }
  });

  it('waits for 09:00 Beijing time, even though it is already the day in Beijing and not yet in UTC', () => {
    // 2022-06-28 23:30 UTC is 2022-06-29 07:30 in Beijing: the day, but before 09:00.
    expect(planReminders(new Date('2022-06-28T23:30:00Z'), [duty('u1')], options)).toEqual([]);
    // 01:00 UTC is 09:00 Beijing.
    expect(planReminders(new Date('2022-06-29T01:00:00Z'), [duty('u1')], options)).toHaveLength(1);
    // Late in the Beijing day (23:59) is still the day.
    expect(planReminders(new Date('2022-06-29T15:59:00Z'), [duty('u1')], options)[0]?.offset).toBe(0);
  });

  it('reminds only people with an open duty: who already submitted has none, and is not planned', () => {
    const due = planReminders(beijing('2022-06-26', 9), [duty('u1'), duty('u3')], options);
    expect(due.map((d) => d.personId)).toEqual(['u1', 'u3']);
  });

  it('merges duties of one person, deadline and kind into one reminder', () => {
    const due = planReminders(beijing('2022-06-26', 9), [duty('u1'), duty('u1')], options);
    expect(due).toHaveLength(1);
    expect(due[0].count).toBe(2);
  });

  it('takes the offsets from configuration', () => {
    expect(planReminders(beijing('2022-06-15', 9), [duty('u1')], { offsets: [14], sendHour: 9 })[0]?.offset).toBe(14);
    expect(planReminders(beijing('2022-06-22', 9), [duty('u1')], { offsets: [14], sendHour: 9 })).toEqual([]);
  });
});
