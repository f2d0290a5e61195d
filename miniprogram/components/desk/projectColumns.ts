import type { ProjectSummary } from '@shared/contracts';
import { formatYuan } from '@shared/domain/money';
import { PROJECT_STATE_LABELS } from '@shared/domain/project/state';
import { formatInstant } from '@shared/time/deadline';
import type { Column } from './DeskTable';

/** A committee's applications as a desk table shows them (the secretary's inbox, 各党委申报). */
export const PROJECT_COLUMNS: Column<ProjectSummary>[] = [
  { key: 'rank', label: '排序', render: (p) => p.committeeRank ?? '', sort: (p) => p.committeeRank ?? null },
  { key: 'title', label: '项目', render: (p) => p.title || '（未命名）', sort: (p) => p.title },
  { key: 'host', label: '主持人', render: (p) => p.hostName, sort: (p) => p.hostName },
  { key: 'budget', label: '预算（元）', render: (p) => formatYuan(p.budgetTotal), sort: (p) => p.budgetTotal },
  { key: 'state', label: '状态', render: (p) => PROJECT_STATE_LABELS[p.state], sort: (p) => p.state },
  { key: 'batch', label: '批次', render: (p) => p.batchName, sort: (p) => p.batchName },
  { key: 'submitted', label: '提交时间', render: (p) => (p.submittedAt ? formatInstant(p.submittedAt) : '—'), sort: (p) => p.submittedAt ?? null },
];
