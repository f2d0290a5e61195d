import { dateIn, daysLeft } from '../../time/deadline';

/** Calendar days in Beijing time since `since` (an ISO instant): 0 on the same day. */
export function waitedDays(since: string, now: Date): number {
  return Math.max(0, -daysLeft(dateIn(new Date(since)), now));
}

/** "今天提交" / "已等待 3 天": how long work without a deadline has waited. */
export function waitedText(days: number): string {
  return days === 0 ? '今天送达' : `已等待 ${days} 天`;
}
