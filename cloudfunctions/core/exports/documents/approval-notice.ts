import { AlignmentType, BorderStyle, LineRuleType, Paragraph, Tab, TabStopType, TextRun, type FileChild } from 'docx';
import { formatYuan, type Fen } from '@shared/domain/money';
import type { ApprovalNoticeView } from '@shared/contracts/paperwork';
import { blankLine, body, chineseDate, FONT, LINE, officialDocument, pack, SIZE, table, TEXT_WIDTH, textRuns, title, type Cell } from './style';

/** 发文机关标志 red (GB/T 9704: 红色), also the red line under the 发文字号. */
export const NOTICE_RED = 'FF0000';

/** What the 立项通知 says beyond its list: the batch's notice, the grant per project, the 中期 date. */
export interface ApprovalNoticeDocument extends ApprovalNoticeView {
  sourceNotice: string | null;
  grantPerProject: Fen;
  midtermDate: string | null;
}

const MAX_HEADER_PT = 42;

/** The unit's name in red 小标宋, as large as fits one line of the text width (初号 at most). */
function issuerHeader(name: string): Paragraph {
  const chars = Math.max(1, Array.from(name).length);
  const pt = Math.max(22, Math.min(MAX_HEADER_PT, Math.floor(TEXT_WIDTH / 20 / chars)));
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: 0, after: 0, line: Math.round(pt * 20 * 1.2), lineRule: LineRuleType.EXACT },
    children: textRuns(name, { font: FONT.title, size: pt * 2, color: NOTICE_RED }, 60),
  });
}

/** The 发文字号, centred, and under it the red line across the text width. */
function docNumberLine(docNumber: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { line: LINE, lineRule: LineRuleType.EXACT, after: 360 },
    border: { bottom: { style: BorderStyle.SINGLE, size: 18, color: NOTICE_RED, space: 8 } },
    children: textRuns(docNumber, { font: FONT.body, size: SIZE.sanhao }, 60),
  });
}

function plainLine(text: string, options: { align?: 'left' | 'right'; indentRight?: number; font?: typeof FONT.body } = {}): Paragraph {
  return new Paragraph({
    alignment: options.align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
    spacing: { line: LINE, lineRule: LineRuleType.EXACT },
    indent: options.indentRight ? { right: options.indentRight } : undefined,
    children: textRuns(text, { font: options.font ?? FONT.body, size: SIZE.sanhao }),
  });
}

function bodyText(d: ApprovalNoticeDocument): string {
  const n = d.items.length;
  const first = d.items[0]?.title;
  const basis = d.sourceNotice ? `根据《${d.sourceNotice.replace(/^《|》$/g, '')}》要求，` : '';
  const midterm = d.midtermDate ? `${Number(d.midtermDate.slice(5, 7))}月` : '年底';
  return [
    `${basis}经各基层党委（总支）择优推荐，党委组织部组织立项评审并公示，决定对${first ? `“${first}”等` : ''}${n}个项目予以立项，作为${d.batchName}培育项目（名单见附表）。现将有关事项通知如下：`,
    `一、培育经费。每个项目培育经费${formatYuan(d.grantPerProject)}元，共计${formatYuan(d.totalFen)}元，分两次拨付：立项后拨付50%，中期验收通过后拨付其余50%。培育经费应遵守财务相关规定，专款专用。`,
    '二、培育要求。各基层党委（总支）负责所属项目的具体指导，做到“有目标、有计划、有成效”；项目主持人要按照申报书确定的目标和进度推进建设，及时总结经验做法。',
    `三、验收安排。党委组织部将于${midterm}组织中期验收，未通过中期验收的项目予以终止，不再拨付余下经费；培育期满后，通过结项材料审核和答辩汇报等形式开展结项验收。`,
  ].join('\n');
}

export const NOTICE_TABLE_HEADER = ['序号', '项目名称', '主持人', '所属基层党委', '资助金额（元）'] as const;

function projectTable(d: ApprovalNoticeDocument): FileChild[] {
  const header: Cell[] = NOTICE_TABLE_HEADER.map((t) => ({ text: t, strong: true, align: 'center' }));
  const rows: Cell[][] = d.items.map((p) => [
    { text: String(p.order), align: 'center' },
    { text: p.title },
    { text: p.hostName, align: 'center' },
    { text: p.committeeName },
    { text: formatYuan(p.grantFen), align: 'right' },
  ]);
  rows.push([
    { text: '合计', strong: true, align: 'center', span: 4 },
    { text: formatYuan(d.totalFen), strong: true, align: 'right' },
  ]);
  // The amount column holds 999,999,999.99 on one line.
  return [table([0.9, 3.8, 1.3, 2.6, 2.4], [header, ...rows], { headerRows: 1 })];
}

/** 版记: 印发机关 and 印发日期 (Arabic numerals, as GB/T 9704 has them there) between two black lines at the end. */
function imprint(d: ApprovalNoticeDocument): Paragraph {
  const line = { style: BorderStyle.SINGLE, size: 8, color: '000000', space: 4 };
  return new Paragraph({
    spacing: { before: 480, line: LINE, lineRule: LineRuleType.EXACT },
    border: { top: line, bottom: line },
    tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH - 280 }],
    indent: { left: 280 },
    children: [
      ...textRuns(d.issuerName, { font: FONT.body, size: SIZE.sihao }, 60),
      new TextRun({ children: [new Tab()], font: FONT.body, size: SIZE.sihao }),
      ...textRuns(`${chineseDate(d.date)}印发`, { font: FONT.body, size: SIZE.sihao }),
    ],
  });
}

/** The 立项通知 as a .docx: red header, 字号 and red line, title, 主送, body, table, signature, date, 版记. */
export async function buildApprovalNoticeDocx(d: ApprovalNoticeDocument): Promise<Buffer> {
  const nameLen = Array.from(d.issuerName).length;
  const dateLen = Array.from(d.dateText).length;
  // 成文日期右空四字 (a 三号 character is 320 twips); the signature centred over it.
  const CHAR = 320;
  const dateRight = 4 * CHAR;
  const nameRight = Math.max(2 * CHAR, dateRight + Math.round(((dateLen - nameLen) / 2) * CHAR));
  const children: FileChild[] = [
    issuerHeader(d.issuerName),
    blankLine(),
    docNumberLine(d.docNumber),
    title(d.title),
    plainLine('各基层党委（总支）：'),
    ...body(bodyText(d)),
    blankLine(),
    plainLine('附表：立项项目名单', { font: FONT.heading }),
    ...projectTable(d),
    blankLine(),
    blankLine(),
    plainLine(d.issuerName, { align: 'right', indentRight: nameRight }),
    plainLine(d.dateText, { align: 'right', indentRight: dateRight }),
    imprint(d),
  ];
  return pack(officialDocument({ title: d.title, subject: `${d.docNumber} ${d.batchName}` }, children, { oddEven: true }));
}
