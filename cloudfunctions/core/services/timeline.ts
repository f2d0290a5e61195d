import type { TimelineEntry } from '@shared/contracts';
import type { User } from '@shared/domain/person';
import type { StoreOps, StoredDoc } from '../ports/store';
import { getMany } from './read-many';
import type { AuditEntry } from './audit';

const ACTION_LABELS: Record<string, string> = {
  create: '创建',
  submit: '提交',
  withdraw: '撤回',
  accept: '认定入库',
  return: '退回修改',
  promote: '列为推广品牌',
  cultivation: '更新培育计划',
  progress: '记录培育进展',
  event: '记录推广活动',
  recommend: '推荐',
  notRecommend: '不予推荐',
  openReview: '进入立项评审',
  publicize: '列入公示',
  reject: '未予立项',
  approve: '批准立项',
  startCultivation: '开始培育',
  submitMidterm: '提交中期验收材料',
  passMidterm: '中期验收通过',
  failMidterm: '中期验收未通过',
  submitFinal: '提交结项材料',
  conclude: '结项通过',
  failFinal: '结项未通过',
  join: '成员加入团队',
  extend: '延期',
  grantRole: '授予角色',
  guidance: '基层党委培育指导',
  revokeRole: '撤销角色',
  disburse: '拨付经费',
  setMatching: '登记配套经费',
  expense: '记录经费支出',
  expenseOverride: '超额支出（已说明理由）',
  finalDefense: '记录结项答辩',
  update: '修改设置',
  leave: '成员退出团队',
  removeMember: '移除团队成员',
};

/**
 * The audit log of one entity, oldest first, with the actors' names: what people see as history.
 * `known`: people already read in this call (the caller): their names are not read again.
 */
export async function timelineOf(store: StoreOps, entityId: string, known: ReadonlyArray<User & StoredDoc> = []): Promise<TimelineEntry[]> {
  const entries = await store.find<AuditEntry>('audit', {
    where: { entityId },
    orderBy: [
      { field: 'at', direction: 'asc' },
      { field: 'seq', direction: 'asc' },
    ],
    limit: 100,
  });
  // Every actor's name in one read (`_id $in`), not one read per actor.
  const users = new Map(known.map((u) => [u._id, u]));
  for (const [id, u] of await getMany<User & StoredDoc>(store, 'users', entries.map((e) => e.actorId).filter((id) => !users.has(id)))) users.set(id, u);
  return entries.map((e) => timelineLine(e, users.get(e.actorId)));
}

/** One audit line as the timeline shows it, given its actor (missing: a closed account). */
export function timelineLine(e: AuditEntry, actor: Pick<User, 'profile'> | null | undefined): TimelineEntry {
  return {
    at: e.at,
    action: e.action,
    actionLabel: ACTION_LABELS[e.action] ?? e.action,
    actorName: actor?.profile.name ?? '（已注销用户）',
    from: e.from,
    to: e.to,
    reason: e.reason,
  };
}
