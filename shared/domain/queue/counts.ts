import { QUEUE_KIND_INFO, QUEUE_KIND_ORDER, type QueueKind, type QueuePlace } from './kinds';

/** What every count of the queue reads from an item: its kind and how many things it stands for. */
export interface Counted {
  kind: QueueKind;
  count: number;
}

/**
 * The one figure the home card, the tab badge, the desk's 我的待办 and the list's heading show:
 * how many things wait, over every item.
 */
export function queueTotal(items: readonly Counted[]): number {
  return items.reduce((n, i) => n + i.count, 0);
}

/** The figures beside the desk's side navigation: each place's share of the total. */
export function placeCounts(items: readonly Counted[]): Partial<Record<Exclude<QueuePlace, null>, number>> {
  const out: Partial<Record<Exclude<QueuePlace, null>, number>> = {};
  for (const i of items) {
    const place = QUEUE_KIND_INFO[i.kind].place;
    if (place) out[place] = (out[place] ?? 0) + i.count;
  }
  return out;
}

/** The desk home: the items by kind (the role acted in first), each group with its total. */
export function groupByKind<T extends Counted>(items: readonly T[]): Array<{ kind: QueueKind; label: string; count: number; items: T[] }> {
  return QUEUE_KIND_ORDER.map((kind) => {
    const mine = items.filter((i) => i.kind === kind);
    return { kind, label: QUEUE_KIND_INFO[kind].label, count: queueTotal(mine), items: mine };
  }).filter((g) => g.items.length > 0);
}
