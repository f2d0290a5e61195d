import type { CallResult, InputOf, OutputOf, ProcedureName } from '@shared/contracts';
import { openSqliteStore } from '../../cloudfunctions/core/adapters/sqlite/store';
import { createApp } from '../../cloudfunctions/core/app';
import type { Store } from '../../cloudfunctions/core/ports/store';
import { exportExtension, type FileStore } from '../../cloudfunctions/core/ports/files';
import type { Logger, Router } from '../../cloudfunctions/core/router/router';
import { seedIfEmpty } from '../../cloudfunctions/local/seed';

/** A server on a real in-memory SQLite store with the demo seed and a clock the test moves. */
export interface Harness {
  store: Store;
  router: Router;
  now: { value: Date };
  /** Files the server exported, kept in memory so a test can open them back. */
  files: MemoryFiles;
  /** Calls as the WeChat identity `openid` and returns the raw envelope. */
  raw(openid: string | null, procedure: string, input: unknown): Promise<CallResult<unknown>>;
  /** Calls and returns data, failing the test with the error when the call fails. */
  ok<P extends ProcedureName>(openid: string, procedure: P, input: InputOf<P>): Promise<OutputOf<P>>;
  /** Calls expecting a failure and returns its error. */
  err<P extends ProcedureName>(openid: string, procedure: P, input: unknown): Promise<{ code: string; message: string; details?: Record<string, unknown> }>;
  /** Calls with the given request id (a retry of the same action sends the same id). */
  call(openid: string | null, procedure: string, input: unknown, requestId?: string): Promise<CallResult<unknown>>;
}

export async function createHarness(start = new Date('2026-11-27T02:00:00Z'), options: { logger?: Logger; /** What the router sees instead of the store (e.g. a store that fails on purpose). */ wrapStore?: (store: Store) => Store; /** false: an empty database, as a new cloud environment. */ seed?: boolean } = {}): Promise<Harness> {
  const store = openSqliteStore(':memory:');
  const now = { value: start };
  if (options.seed !== false) await seedIfEmpty(store, start);
  let n = 0;
  const files = memoryFiles();
  const router = createApp({ store: options.wrapStore ? options.wrapStore(store) : store, clock: () => now.value, newId: () => `id${++n}`, files, logger: options.logger ?? { error: () => {} } });
  const raw = (openid: string | null, procedure: string, input: unknown) =>
    router.call(openid ? { openid } : null, { procedure, input, requestId: `r${++n}` });
  return {
    store,
    router,
    now,
    files,
    raw,
    call: (openid, procedure, input, requestId) => router.call(openid ? { openid } : null, { procedure, input, requestId }),
    async ok(openid, procedure, input) {
      const r = await raw(openid, procedure, input);
      if (!r.ok) throw new Error(`${procedure} failed: ${r.error.code} ${r.error.message}`);
      return r.data as never;
    },
    async err(openid, procedure, input) {
      const r = await raw(openid, procedure, input);
      if (r.ok) throw new Error(`${procedure} unexpectedly succeeded`);
      return r.error;
    },
  };
}

export interface MemoryFiles extends FileStore {
  /** The bytes of an exported file by its id or its address (throws when unknown). */
  bytes(idOrUrl: string): Buffer;
  upload(bytes: Uint8Array): string;
}

/** A file store in memory: exports are kept by id (`mem:N`) and address (`/files/N`). */
export function memoryFiles(): MemoryFiles {
  const kept = new Map<string, Buffer>();
  let n = 0;
  return {
    async urls(ids) {
      return new Map(ids.filter((id) => kept.has(id)).map((id) => [id, `/files/${id.slice(4)}`]));
    },
    async saveExport(bytes, fileName) {
      if (!exportExtension(fileName)) throw new Error(`not an export name: ${fileName}`);
      const id = `mem:${++n}`;
      kept.set(id, Buffer.from(bytes));
      return { fileId: id, url: `/files/${n}?name=${encodeURIComponent(fileName)}`, fileName, size: bytes.length };
    },
    async read(fileId) {
      return kept.get(fileId) ?? null;
    },
    async remove(fileIds) {
      for (const id of fileIds) kept.delete(id);
    },
    /** Keeps bytes as if a person uploaded them (an import sheet); answers the file id. */
    upload(bytes: Uint8Array) {
      const id = `local:upload${++n}.xlsx`;
      kept.set(id, Buffer.from(bytes));
      return id;
    },
    bytes(idOrUrl) {
      const m = /^\/files\/(\d+)/.exec(idOrUrl);
      const b = kept.get(m ? `mem:${m[1]}` : idOrUrl);
      if (!b) throw new Error(`no exported file ${idOrUrl}`);
      return b;
    },
  };
}

export const OPEN_BATCH = 'batch-2026-open';
export const CLOSED_BATCH = 'batch-2022-2';
export const HOST = 'dev-member-1';
export const MEMBER2 = 'dev-member-2';
export const SECRETARY_CS = 'dev-secretary-cs';
export const SECRETARY_ME = 'dev-secretary-me';
export const ADMIN = 'dev-admin';
export const NEWCOMER = 'dev-newcomer';

export const COMPLETE_FIELDS = {
  title: '“红色引擎”党建与科研融合工程',
  contactPhone: '13800138000',
  category: 'integration' as const,
  background: '科研团队党员分散，党建与业务“两张皮”。',
  goals: '以支部建在团队上为抓手，推动党建与科研深度融合。',
  measures: '一、组织共建；二、骨干双培；三、项目攻关。',
  innovation: '“支部+课题组”双向嵌入。',
  milestones: [
    { date: '2027-03-01', task: '完成组织共建方案' },
    { date: '2027-09-30', task: '形成阶段成果' },
  ],
  brandId: null,
  attachments: [],
  expectedOutcomes: '形成可复制的工作机制一套，宣传报道三篇。',
  budget: [
    { item: '学习资料印制费', amountFen: 120_050 },
    { item: '实践活动交通费', amountFen: 300_000 },
  ],
};
