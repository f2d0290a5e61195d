/**
 * Wall-clock time of an instant in a named time zone, through the runtime's Intl (as dayjs's
 * timezone plugin did, without its 11 KB in the weapp main package). One formatter per zone.
 */
export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const FORMATTERS = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = FORMATTERS.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    FORMATTERS.set(zone, f);
  }
  return f;
}

/** The date and time an instant shows on a clock in `zone`. */
export function wallTime(at: Date, zone: string): WallTime {
  const parts: Record<string, number> = {};
  for (const p of formatter(zone).formatToParts(at)) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  // Some engines print midnight as 24 even with h23.
  return { year: parts.year, month: parts.month, day: parts.day, hour: parts.hour % 24, minute: parts.minute, second: parts.second };
}

/** How far `zone`'s clocks are ahead of UTC at `at`, in ms (whole seconds). */
function offsetMs(at: Date, zone: string): number {
  const w = wallTime(at, zone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - (at.getTime() - at.getUTCMilliseconds());
}

/** The instant a clock in `zone` shows the given wall time (ms since the epoch, the wall time read as if UTC). */
export function instantOfWall(wallAsUtcMs: number, zone: string): Date {
  // Two passes settle the offset, also across a change of offset in the zone.
  let t = wallAsUtcMs - offsetMs(new Date(wallAsUtcMs), zone);
  t = wallAsUtcMs - offsetMs(new Date(t), zone);
  return new Date(t);
}
