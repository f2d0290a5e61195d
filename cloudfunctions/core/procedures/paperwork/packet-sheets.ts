import { XlsxBook } from '../../exports/sheets/book';
import type { ColumnSpec } from '../../exports/sheets/columns';
import { RECOMMENDATION_COLUMNS } from '../sheets/recommendations';

/** One recommended application as the packet's lists show it. */
export interface PacketApplication {
  rank: number | null;
  title: string;
  hostName: string;
  branchName: string;
  contactPhone: string;
  category: string;
  budgetFen: number;
  teamSize: number;
  opinion: string;
  state: string;
  attachments: { name: string; size: number; path: string | null; problem: string | null }[];
}

/** As the 推荐名单, for one committee: without 序号 and the committee's name. */
const SUMMARY: ColumnSpec[] = RECOMMENDATION_COLUMNS.filter((c) => c.header !== '序号' && c.header !== '所属党委/总支');

/** 推荐汇总表: the committee's recommendations in its rank order. */
export function summaryBook(committeeName: string, batchName: string, apps: readonly PacketApplication[], now: Date): Promise<Buffer> {
  const book = new XlsxBook({ title: `${batchName}推荐汇总表`, now });
  const sheet = book.sheet({ name: '推荐汇总表', title: `${batchName}推荐汇总表`, subtitle: `推荐单位：${committeeName} · 共 ${apps.length} 项，按推荐排序`, columns: SUMMARY });
  for (const a of apps) sheet.add([a.rank, a.title, a.hostName, a.branchName, a.contactPhone, a.category, a.budgetFen, a.teamSize, a.opinion, a.state]);
  if (apps.length === 0) sheet.note('暂无数据：本单位在该批次还没有推荐的项目。');
  return book.finish();
}

const MATERIALS: ColumnSpec[] = [
  { header: '推荐排序', width: 10, kind: 'int' },
  { header: '项目名称', width: 30, wrap: true },
  { header: '序号', width: 6, kind: 'int' },
  { header: '支撑材料', width: 36, wrap: true },
  { header: '大小（KB）', width: 12, kind: 'int' },
  { header: '材料包中的位置', width: 44, wrap: true },
];

/** 支撑材料清单: every application's 支撑材料, where each lies in the packet, or why it is not there. */
export function materialsBook(committeeName: string, batchName: string, apps: readonly PacketApplication[], now: Date): Promise<Buffer> {
  const book = new XlsxBook({ title: `${batchName}支撑材料清单`, now });
  const count = apps.reduce((n, a) => n + a.attachments.length, 0);
  const sheet = book.sheet({ name: '支撑材料清单', title: `${batchName}支撑材料清单`, subtitle: `推荐单位：${committeeName} · ${apps.length} 个项目，共 ${count} 件`, columns: MATERIALS });
  for (const a of apps) {
    if (a.attachments.length === 0) sheet.add([a.rank, a.title, null, '（无支撑材料）', null, '']);
    a.attachments.forEach((f, i) => sheet.add([a.rank, a.title, i + 1, f.name, Math.max(1, Math.round(f.size / 1024)), f.path ?? `未收入：${f.problem ?? '未能读取'}`]));
  }
  if (apps.length === 0) sheet.note('暂无数据：本单位在该批次还没有推荐的项目。');
  return book.finish();
}
