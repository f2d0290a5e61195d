/**
 * Every collection and the fields it may be queried or ordered by. Adapters build indexes
 * from this list, and refuse queries on undeclared fields so that no query runs unindexed.
 */
export const COLLECTIONS = {
  /**
   * 人员与角色 sorts and searches thirty thousand people in the store: by the pinyin order of the
   * name (`nameSort`) and by the keys a search may start (`searchKeys`: pinyin, initials, characters
   * and the 工号/学号), both derived on the server when a profile is written (services/name-keys.ts).
   */
  users: ['openid', 'profile.committeeId', 'profile.staffNo', 'profile.name', 'createdAt', 'profileStatus', 'nameSort', 'searchKeys'],
  committees: ['order'],
  branches: ['committeeId', 'name'],
  batches: ['year', 'level', 'calendar.submissionDeadline'],
  /**
   * The title, host, rank and category too: the desk lists group by them (aggregate) to sort and search a whole round in one read;
   * the grant, the midterm's outcome and the money's running totals for 培育与验收 (what is due follows from them) and the dashboards.
   */
  projects: ['batchId', 'committeeId', 'hostId', 'state', 'updatedAt', 'submittedAt', 'fields.title', 'fields.category', 'hostName', 'committeeRank', 'grantFen', 'midtermPassed', 'paidFen', 'tranchesPaid', 'spentFen'],
  /** One document per (batch, host): its `_id` makes "one host, one project per batch" race-free. */
  hostSlots: [],
  audit: ['entityId', 'at', 'actorId', 'seq'],
  /** The name and search text too: the 资源库 groups by them (aggregate) to sort and search every brand in one read. */
  brands: ['committeeId', 'year', 'state', 'report.stage', 'updatedAt', 'report.name', 'searchText'],
  /** One document per (committee, year): "一党委一品牌" enforced by its `_id`. */
  brandSlots: [],
  brandProgress: ['brandId', 'date'],
  brandEvents: ['brandId', 'date'],
  branchFeatures: ['committeeId', 'year', 'branchId'],
  /** Notices to a committee's secretaries, each written out by the timed job as one message per secretary (jobs/fan-out.ts). */
  groupNotices: [],
  /**
   * Messages: one per (event or reminder, recipient), `_id` = key. The in-app 消息 list reads them
   * by recipient; the one sender (jobs/deliver.ts) reads them by status; a release by releaseId.
   */
  outbox: ['recipientId', 'box', 'read', 'status', 'nextAttemptAt', 'releaseId', 'createdAt'],
  /** Releases of a round's staged results (公示, 立项), `_id` = batch:stage; the timed job finishes 'releasing' ones. */
  releases: ['state'],
  /** The committee and whether scored too: the dashboards count a batch's reviews per committee (aggregate) in one read. */
  reviewAssignments: ['batchId', 'projectId', 'reviewerId', 'committeeId', 'scored'],
  /** `total` is summed per application (the round's averages, in one aggregate). */
  reviews: ['batchId', 'projectId', 'reviewerId', 'total'],
  objections: ['batchId', 'projectId', 'createdAt'],
  /** The ledger, read per project; 培育与验收 and the dashboards sum the totals each project carries (Project.paidFen, spentFen). */
  disbursements: ['projectId', 'batchId'],
  expenses: ['projectId', 'batchId', 'date'],
  guidance: ['projectId', 'date'],
  /** Read by `_id` (project:kind) only. */
  projectReports: [],
  /** Read by token (`_id`) only. */
  invitations: [],
  teamMembers: ['projectId', 'userId'],
  /** One document per (batch, committee, rank): a rank holds one recommendation. */
  rankSlots: [],
  /** Who holds a role (admin, secretary, reviewer), one document per user and role. */
  roleIndex: ['role', 'committeeId', 'userId'],
  /** Content checks of pictures that may become public; `_id` is the file id. */
  mediaChecks: ['traceId', 'status'],
  /** Results of calls by request id, so a retried call does not act twice. */
  requests: ['at'],
  /** One-time subscription grants, one document per (user, template). */
  subscriptions: ['userId'],
  /** What the local notifier "sent", shown at GET /dev/inbox as WeChat would show it. */
  devInbox: ['at', 'toUserId'],
  /** 个别延期 of one host or one committee in a batch. */
  extensions: ['batchId', 'targetId'],
  /** The issued 立项通知 of a batch, `_id` = the batch id: what the document and its public page show. */
  approvalNotices: [],
  /** How far a 纸质材料包 build has got, `_id` = user:job, for the phone to show while it waits. */
  packetJobs: ['updatedAt'],
  /** Files the server made for a person to download (exports), kept a day and then removed by the timed job. */
  exportFiles: ['createdAt'],
  /** Per-caller rate limits that hold across instances (services/store-limits.ts); `_id` = kind:hash of the caller. */
  rateBuckets: ['at'],
  /** PC sign-in tickets (扫码登录), `_id` = the code's scene; the poll secret only as a hash. */
  pcLoginTickets: ['expiresAt'],
  /** Signed-in PCs; the session token only as a hash. */
  pcSessions: ['tokenHash', 'userId', 'createdAt'],
  /** The 公示 list staged for release, one per batch (`_id` = batch id). */
  publicityStaging: [],
  /** Going live: `first-admin` (its fixed `_id` makes the first claim race-free) and `code` (the 初始化码's hash). */
  setup: [],
  /** Pre-registered people (人员名册), `_id` = r_<工号/学号>. */
  roster: ['committeeId'],
  /** Org and roster imports: previewed (staged), applying, applied, rolled back. */
  imports: ['status', 'createdAt'],
  /** An import's writes, a hundred per document, applied in order; read by `_id` (`<importId>:<seq>`) only. */
  importChunks: [],
  /** Views and shares held by one function instance, folded into influenceDays and removed by the timed job. */
  influenceBuffer: ['createdAt'],
  /** A public page's figures per day (`_id` = kind:id:day): the 90-day series, the 品牌墙's year (summed per target), days still holding visitor hashes. */
  influenceDays: ['target', 'kind', 'day', 'year', 'views', 'open'],
  /** A public page's all-time figures (`_id` = kind:id) and the last fold (`_id` = fold): read by `_id` only. */
  influenceTotals: [],
  /** One per like (`_id` = keyed hash of page and liker); counted per page and year for the 品牌墙. */
  influenceLikes: ['target', 'year'],
  /** The day's visitor salt (`_id` = day:<day>), dropped the day after. */
  influenceSalts: ['day'],
  /** The likes' lasting key. */
  influenceKeys: [],
  /** Fixture for the store contract suite. */
  contract_items: ['group', 'rank', 'tag', 'nested.key', 'score', 'flag', 'labels'],
} as const satisfies Record<string, readonly string[]>;

export type CollectionName = keyof typeof COLLECTIONS;

/**
 * Declared fields that hold a list of scalars. A condition on one matches a document when ONE
 * element meets all of it (MongoDB's $elemMatch), and each element is indexed; such a field is
 * not for ordering or grouping.
 */
export const LIST_FIELDS: Partial<Record<CollectionName, readonly string[]>> = {
  users: ['searchKeys'],
  contract_items: ['labels'],
};

export function isListField(collection: string, field: string): boolean {
  return (LIST_FIELDS as Record<string, readonly string[] | undefined>)[collection]?.includes(field) ?? false;
}

export function indexedFields(collection: string): readonly string[] | undefined {
  return (COLLECTIONS as Record<string, readonly string[]>)[collection];
}
