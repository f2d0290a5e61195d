import type { ExportedFile } from '@shared/contracts/common';
import type { ParsedInputOf } from '@shared/contracts';
import type { Brand } from '@shared/domain/brand/brand';
import { INFLUENCE_KIND_LABELS } from '@shared/domain/brand/report';
import { BRAND_STAGE_LABELS } from '@shared/domain/brand/stage';
import { BRAND_STATE_LABELS, isInLibrary } from '@shared/domain/brand/state';
import { canActForCommittee, hasRole } from '@shared/domain/roles';
import type { Context } from '../../context';
import { XlsxBook } from '../../exports/sheets/book';
import type { ColumnSpec } from '../../exports/sheets/columns';
import { forEachInOrder, forEachPage, type Keyed } from '../../exports/sheets/scan';
import type { Where } from '../../ports/store';
import { allCommittees, committeeName, committeeOrder, exportedAt, saveBook } from './common';

const COLUMNS: ColumnSpec[] = [
  { header: '序号', width: 6, kind: 'int' },
  { header: '品牌名称', width: 22, wrap: true },
  { header: '所属党委/总支', width: 22 },
  { header: '年度', width: 7, kind: 'int' },
  { header: '所处阶段', width: 9 },
  { header: '状态', width: 14 },
  { header: '品牌内涵', width: 44, wrap: true },
  { header: '创建思路', width: 44, wrap: true },
  { header: '活动载体', width: 32, wrap: true },
  { header: '社会影响', width: 32, wrap: true },
  { header: '联系领导', width: 10 },
  { header: '包抓干部', width: 10 },
  { header: '认定时间（北京时间）', width: 18, kind: 'instant' },
];

type Key = [year: number, order: number, committeeId: string];

/**
 * 党建品牌资源库 as brand.library shows it: the 组织部 every brand; a committee the brands in the
 * 资源库 (accepted, promoted) and its own in any state. Newest year first, then by committee.
 */
export async function exportBrands(ctx: Context, input: ParsedInputOf<'export.brands'>): Promise<ExportedFile> {
  const roles = ctx.user?.roles ?? [];
  const admin = hasRole(roles, 'admin');
  const visible = (b: Brand) => admin || isInLibrary(b.state) || canActForCommittee(roles, b.committeeId);
  const committees = await allCommittees(ctx);
  const where: Where = {};
  if (input.year) where.year = input.year;
  if (input.stage) where['report.stage'] = input.stage;
  if (input.state) where.state = input.state;

  // Brands are few (one per committee and year), but still read a page at a time.
  const keys: Keyed<Key>[] = [];
  await forEachPage<Brand>(ctx.store, 'brands', where, (page) => {
    for (const b of page) if (visible(b)) keys.push({ id: b._id, key: [b.year, committeeOrder(committees, b.committeeId), b.committeeId] });
  });
  keys.sort((a, b) => b.key[0] - a.key[0] || a.key[1] - b.key[1] || a.key[2].localeCompare(b.key[2]) || a.id.localeCompare(b.id));

  const filters = [
    input.year ? `${input.year} 年度` : '',
    input.stage ? `阶段：${BRAND_STAGE_LABELS[input.stage]}` : '',
    input.state ? `状态：${BRAND_STATE_LABELS[input.state]}` : '',
  ].filter(Boolean);
  const scope = admin ? '全部党建品牌' : '资源库收录的品牌及本党委的品牌';
  const book = new XlsxBook({ title: '党建品牌资源库', now: ctx.now });
  const sheet = book.sheet({
    name: '党建品牌资源库',
    title: '党建品牌资源库',
    subtitle: `范围：${scope}${filters.length ? `（${filters.join('，')}）` : ''} · 共 ${keys.length} 个 · ${exportedAt(ctx)}`,
    columns: COLUMNS,
  });
  await forEachInOrder<Brand, Key>(ctx.store, 'brands', where, keys, (page) => {
    for (const { doc: b } of page) {
      if (!visible(b)) continue;
      const r = b.report;
      sheet.add([
        sheet.rows + 1,
        r.name || '（尚未命名）',
        committeeName(committees, b.committeeId),
        b.year,
        BRAND_STAGE_LABELS[r.stage],
        BRAND_STATE_LABELS[b.state],
        r.connotation,
        r.approach,
        r.carriers.map((c, i) => `${i + 1}. ${c.title}`).join('\n'),
        r.influence.map((x, i) => `${i + 1}. 【${INFLUENCE_KIND_LABELS[x.kind]}】${x.title}${x.date ? `（${x.date}）` : ''}`).join('\n'),
        b.cultivation?.leader ?? '',
        b.cultivation?.cadre ?? '',
        b.acceptedAt,
      ]);
    }
  });
  if (sheet.rows === 0) sheet.note('暂无数据：没有符合条件的党建品牌。');
  const suffix = [input.year ? `${input.year}年度` : '', input.stage ? BRAND_STAGE_LABELS[input.stage] : '', input.state ? BRAND_STATE_LABELS[input.state] : ''].filter(Boolean).join('·');
  return saveBook(ctx, book, `党建品牌资源库${suffix ? `（${suffix}）` : ''}`, sheet.rows);
}
