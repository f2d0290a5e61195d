import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dateIn, daysLeft, deadlineEnd, formatDeadline, isBeforeDeadline, isCalendarDate } from './deadline';

// The rule must not depend on the zone of the machine it runs on: run it in several.
const ZONES = ['UTC', 'America/Los_Angeles', 'Asia/Shanghai', 'Pacific/Kiritimati'];
const original = process.env.TZ;

describe.each(ZONES)('deadline rule with the server in %s', (zone) => {
  beforeAll(() => {
    process.env.TZ = zone;
  });
  afterAll(() => {
    process.env.TZ = original;
  });

  it('runs in the intended zone', () => {
    const offset = new Date('2022-06-29T00:00:00Z').getTimezoneOffset();
    if (zone === 'UTC') expect(offset).toBe(0);
    if (zone === 'Asia/Shanghai') expect(offset).toBe(-480);
  });

  it('holds the 2022-06-29 deadline until 23:59:59 Beijing time', () => {
    expect(isBeforeDeadline('2022-06-29', new Date('2022-06-29T15:59:59.000Z'))).toBe(true); // 23:59:59 +08
    expect(isBeforeDeadline('2022-06-29', new Date('2022-06-29T15:59:59.999Z'))).toBe(true);
  });

  it('refuses from 00:00:00 Beijing time the next day', () => {
    expect(isBeforeDeadline('2022-06-29', new Date('2022-06-29T16:00:00.000Z'))).toBe(false); // 00:00:00 +08 on the 30th
  });

  it('is open early on the deadline day in Beijing even when it is still the 28th in UTC', () => {
    expect(isBeforeDeadline('2022-06-29', new Date('2022-06-28T16:00:00.000Z'))).toBe(true); // 00:00 on the 29th +08
  });

  it('ends at 15:59:59.999 UTC', () => {
    expect(deadlineEnd('2022-06-29').toISOString()).toBe('2022-06-29T15:59:59.999Z');
  });

  it('names the deadline in Beijing time', () => {
    expect(formatDeadline('2022-06-29')).toBe('2022年6月29日 23:59（北京时间）');
  });

  it('reads the calendar date in Beijing', () => {
    expect(dateIn(new Date('2022-06-29T16:30:00Z'))).toBe('2022-06-30');
    expect(dateIn(new Date('2022-06-29T15:30:00Z'))).toBe('2022-06-29');
  });

  it('counts days left in Beijing calendar days', () => {
    expect(daysLeft('2022-06-29', new Date('2022-06-29T15:59:59Z'))).toBe(0);
    expect(daysLeft('2022-06-29', new Date('2022-06-22T01:00:00Z'))).toBe(7);
    expect(daysLeft('2022-06-29', new Date('2022-06-29T16:00:00Z'))).toBe(-1);
  });
});

describe('calendar dates', () => {
  it('accepts real dates only', () => {
    expect(isCalendarDate('2022-06-29')).toBe(true);
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2023-02-29')).toBe(false);
    expect(isCalendarDate('2022-6-29')).toBe(false);
    expect(isCalendarDate('2022-06-29T00:00')).toBe(false);
  });

  it('refuses to compute a deadline from a non-date', () => {
    expect(() => deadlineEnd('tomorrow')).toThrow(RangeError);
  });
});
