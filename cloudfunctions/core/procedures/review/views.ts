import type { AssignmentView, ReviewView } from '@shared/contracts/review';
import type { User } from '@shared/domain/person';
import type { StoreOps } from '../../ports/store';
import type { Lookup } from '../../services/lookup';
import type { Review, ReviewAssignment } from './docs';

/** Users read by id, once per call. */
export class People {
  private cache = new Map<string, Promise<User | null>>();
  constructor(private readonly store: StoreOps) {}

  seed(users: readonly User[]): this {
    for (const u of users) this.cache.set(u._id, Promise.resolve(u));
    return this;
  }

  get(id: string): Promise<User | null> {
    let hit = this.cache.get(id);
    if (!hit) {
      hit = this.store.get<User>('users', id);
      this.cache.set(id, hit);
    }
    return hit;
  }

  async name(id: string): Promise<string> {
    return (await this.get(id))?.profile.name ?? '（已注销的用户）';
  }
}

export async function committeeNameOf(lookup: Lookup, committeeId: string | null | undefined): Promise<string | null> {
  return committeeId ? lookup.committeeName(committeeId) : null;
}

export function toReviewView(r: Review): ReviewView {
  return { projectId: r.projectId, scores: r.scores, comment: r.comment, total: r.total, version: r.version, createdAt: r.createdAt, updatedAt: r.updatedAt };
}

export async function toAssignmentView(people: People, lookup: Lookup, a: ReviewAssignment, review: Review | undefined): Promise<AssignmentView> {
  const reviewer = await people.get(a.reviewerId);
  return {
    reviewerId: a.reviewerId,
    reviewerName: reviewer?.profile.name ?? '（已注销的用户）',
    reviewerCommitteeName: await committeeNameOf(lookup, reviewer?.profile.committeeId),
    scored: review !== undefined,
    total: review?.total ?? null,
    scores: review?.scores ?? null,
    comment: review?.comment ?? null,
    scoredAt: review?.updatedAt ?? null,
  };
}

/** One collator for every sort: localeCompare with a locale builds a new one per comparison. */
const CHINESE = new Intl.Collator('zh-Hans-CN');

/** Sorts by a string key, the way people on campus read names (Chinese collation). */
export function byText<T>(key: (t: T) => string): (a: T, b: T) => number {
  return (a, b) => CHINESE.compare(key(a), key(b));
}
