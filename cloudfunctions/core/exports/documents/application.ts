import type { FileChild } from 'docx';
import { formatYuan, sumFen, type Fen } from '@shared/domain/money';
import {
  blankLine,
  body,
  chineseDate,
  clean,
  heading1,
  numeral,
  officialDocument,
  opinionBox,
  pack,
  signLine,
  subtitle,
  table,
  title,
  type Cell,
} from './style';

/** Everything the 申报书 (附件2) shows, as plain data: the handler gathers it, tests make it up. */
export interface ApplicationDocument {
  batchName: string;
  title: string;
  committeeName: string;
  hostName: string;
  hostPoliticalStatus: string;
  contactPhone: string;
  category: string;
  /** YYYY-MM-DD: when it was submitted, or the day of the export for a draft. */
  filledDate: string | null;
  /** The project's state as people read it ("草稿", "已推荐"). */
  stateLabel: string;
  team: { name: string; unit: string; politicalStatus: string; role: string }[];
  background: string;
  goals: string;
  measures: string;
  innovation: string;
  expectedOutcomes: string;
  milestones: { date: string; task: string }[];
  budget: { item: string; amountFen: Fen }[];
  brandName: string | null;
  attachments: string[];
  /** The committee's 推荐意见 and rank once it recommended the project; null leaves the box blank. */
  recommendation: { opinion: string; rank: number | null } | null;
}

export const APPLICATION_SECTIONS = [
  '项目基本情况',
  '项目团队',
  '实施背景与拟解决的问题',
  '建设目标',
  '建设思路与主要举措',
  '创新点',
  '进度安排',
  '预期成果',
  '经费预算',
  '支撑材料',
  '基层党委（总支）意见',
  '党委组织部意见',
] as const;

const or = (text: string, empty = '（未填写）') => (clean(text, 2_000).trim() === '' ? empty : text);

function coverBlock(d: ApplicationDocument): FileChild[] {
  const rows: [string, string][] = [
    ['项目名称', or(d.title, '（未命名）')],
    ['申报单位', d.committeeName],
    ['项目负责人', d.hostName],
    ['联系电话', or(d.contactPhone)],
    ['填报日期', chineseDate(d.filledDate)],
  ];
  return [
    blankLine(),
    blankLine(),
    subtitle(d.batchName),
    title('党建精品项目申报书'),
    blankLine(),
    blankLine(),
    table(
      [3, 7],
      rows.map(([k, v]) => [
        { text: k, strong: true, align: 'center' },
        { text: v, align: 'left' },
      ]),
    ),
    blankLine(),
  ];
}

function basicInfo(d: ApplicationDocument): FileChild[] {
  const total = sumFen(d.budget.map((l) => l.amountFen));
  const rows: Cell[][] = [
    [{ text: '项目名称', strong: true, align: 'center' }, { text: or(d.title, '（未命名）'), span: 3 }],
    [
      { text: '项目类别', strong: true, align: 'center' },
      { text: or(d.category, '（未选择）') },
      { text: '建设周期', strong: true, align: 'center' },
      { text: '一年' },
    ],
    [{ text: '申报单位', strong: true, align: 'center' }, { text: d.committeeName, span: 3 }],
    [
      { text: '项目负责人', strong: true, align: 'center' },
      { text: d.hostName },
      { text: '政治面貌', strong: true, align: 'center' },
      { text: d.hostPoliticalStatus },
    ],
    [
      { text: '联系电话', strong: true, align: 'center' },
      { text: or(d.contactPhone) },
      { text: '申报经费（元）', strong: true, align: 'center' },
      { text: formatYuan(total) },
    ],
    [{ text: '所属党建品牌', strong: true, align: 'center' }, { text: d.brandName ?? '（未关联）', span: 3 }],
    [{ text: '当前状态', strong: true, align: 'center' }, { text: d.stateLabel, span: 3 }],
  ];
  return [table([2.4, 2.6, 2.4, 2.6], rows)];
}

function teamTable(d: ApplicationDocument): FileChild[] {
  const header: Cell[] = ['序号', '姓名', '单位', '政治面貌', '分工/角色'].map((t) => ({ text: t, strong: true, align: 'center' }));
  const rows: Cell[][] = d.team.map((m, i) => [
    { text: String(i + 1), align: 'center' },
    { text: m.name, align: 'center' },
    { text: m.unit },
    { text: m.politicalStatus, align: 'center' },
    { text: m.role, align: 'center' },
  ]);
  return [table([0.8, 1.5, 3.2, 1.9, 2.6], [header, ...rows], { headerRows: 1 })];
}

function milestonesTable(d: ApplicationDocument): FileChild[] {
  if (d.milestones.length === 0) return body('', '（未填写进度安排）');
  const header: Cell[] = ['序号', '时间', '工作任务'].map((t) => ({ text: t, strong: true, align: 'center' }));
  const rows: Cell[][] = d.milestones.map((m, i) => [
    { text: String(i + 1), align: 'center' },
    { text: m.date === '' ? '（未定）' : m.date, align: 'center' },
    { text: or(m.task) },
  ]);
  return [table([0.9, 2.1, 7], [header, ...rows], { headerRows: 1 })];
}

function budgetTable(d: ApplicationDocument): FileChild[] {
  if (d.budget.length === 0) return body('', '（未填写经费预算）');
  const header: Cell[] = ['序号', '预算科目', '金额（元）'].map((t) => ({ text: t, strong: true, align: 'center' }));
  const rows: Cell[][] = d.budget.map((l, i) => [
    { text: String(i + 1), align: 'center' },
    { text: or(l.item) },
    { text: formatYuan(l.amountFen), align: 'right' },
  ]);
  const total = sumFen(d.budget.map((l) => l.amountFen));
  rows.push([
    { text: '合计', strong: true, align: 'center', span: 2 },
    { text: formatYuan(total), strong: true, align: 'right' },
  ]);
  return [table([0.9, 6.1, 3], [header, ...rows], { headerRows: 1 })];
}

function attachmentsList(d: ApplicationDocument): FileChild[] {
  if (d.attachments.length === 0) return body('', '（无）');
  return d.attachments.flatMap((name, i) => body(`${i + 1}. ${name}`));
}

function committeeOpinion(d: ApplicationDocument): FileChild[] {
  const r = d.recommendation;
  const lines = r ? [`推荐意见：${r.opinion.trim() === '' ? '同意推荐。' : r.opinion}`, ...(r.rank !== null ? [`推荐排序：第 ${r.rank} 位`] : [])] : null;
  return [opinionBox('基层党委（总支）\n意见', lines, '书记')];
}

const SECTION_BODY: Record<(typeof APPLICATION_SECTIONS)[number], (d: ApplicationDocument) => FileChild[]> = {
  项目基本情况: basicInfo,
  项目团队: teamTable,
  实施背景与拟解决的问题: (d) => body(d.background),
  建设目标: (d) => body(d.goals),
  建设思路与主要举措: (d) => body(d.measures),
  创新点: (d) => body(d.innovation),
  进度安排: milestonesTable,
  预期成果: (d) => body(d.expectedOutcomes),
  经费预算: budgetTable,
  支撑材料: (d) => [...attachmentsList(d), blankLine(), signLine('项目负责人（签字）：              ', { keepNext: true }), signLine(chineseDate(null))],
  '基层党委（总支）意见': committeeOpinion,
  党委组织部意见: () => [opinionBox('党委组织部\n意见', null, '负责人')],
};

/** The 申报书 as a .docx: cover, the sections of 附件2 in order, the two opinion boxes. */
export async function buildApplicationDocx(d: ApplicationDocument): Promise<Buffer> {
  const children: FileChild[] = [...coverBlock(d)];
  APPLICATION_SECTIONS.forEach((name, i) => {
    children.push(heading1(`${numeral(i)}、${name}`, { newPage: i === 0 }), ...SECTION_BODY[name](d));
  });
  return pack(officialDocument({ title: `党建精品项目申报书-${d.title || '未命名'}`, subject: d.batchName }, children));
}
