import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dateIn, daysLeft, deadlineEnd, formatDeadline, formatInstant, hourIn, isBeforeDeadline, isCalendarDate } from './deadline';

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

describe('zones other than Beijing (the rule takes the zone as a parameter)', () => {
  it('ends a deadline at 23:59:59.999 local time on both sides of a daylight-saving change', () => {
    expect(deadlineEnd('2022-03-12', 'America/Los_Angeles').toISOString()).toBe('2022-03-13T07:59:59.999Z'); // PST
    expect(deadlineEnd('2022-03-13', 'America/Los_Angeles').toISOString()).toBe('2022-03-14T06:59:59.999Z'); // PDT
    expect(deadlineEnd('2022-06-29', 'UTC').toISOString()).toBe('2022-06-29T23:59:59.999Z');
  });

  it('counts calendar days across a daylight-saving change', () => {
    expect(daysLeft('2022-03-14', new Date('2022-03-12T20:00:00Z'), 'America/Los_Angeles')).toBe(2);
  });

  it('reads midnight as 00:00 and the hour on the zone\'s clock', () => {
    expect(formatInstant(new Date('2022-06-29T16:00:00Z'))).toBe('2022年6月30日 00:00');
    expect(formatInstant('2026-11-27T07:23:00Z')).toBe('2026年11月27日 15:23');
    expect(hourIn(new Date('2022-06-29T16:00:00Z'))).toBe(0);
    expect(hourIn(new Date('2022-06-29T15:59:59Z'))).toBe(23);
    expect(hourIn(new Date('2022-06-29T15:59:59Z'), 'UTC')).toBe(15);
  });
});
