import { AlignmentType, LineRuleType, Paragraph, type FileChild } from 'docx';
import { blankLine, body, chineseDate, FONT, LINE, officialDocument, pack, signLine, SIZE, table, textRuns, title, type Cell } from './style';

/** The 报送函 a committee sends with its paper packet to the 党委组织部: what is enclosed. */
export interface CoverLetterDocument {
  committeeName: string;
  batchName: string;
  noticeTitle: string | null;
  paperInstructions: string | null;
  /** In rank order. */
  /** `attachments` enclosed, `separate` to be handed in separately (beyond the packet's size or unreadable). */
  applications: { rank: number | null; title: string; hostName: string; attachments: number; separate: number }[];
  brandReport: string | null;
  /** Files named but not enclosed because they could not be read, each "what（why）". */
  leftOut: string[];
  /** How many 支撑材料 were beyond what the packet may hold (listed in the 支撑材料清单). */
  overCapacity: { count: number; limitMB: number } | null;
  /** YYYY-MM-DD of the day it was made. */
  date: string;
}

const line = (text: string, options: { font?: typeof FONT.body; indent?: boolean } = {}) =>
  new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    spacing: { line: LINE, lineRule: LineRuleType.EXACT },
    indent: options.indent === false ? undefined : { firstLine: 640 },
    children: textRuns(text, { font: options.font ?? FONT.body, size: SIZE.sanhao }),
  });

export function coverLetterTitle(d: Pick<CoverLetterDocument, 'batchName'>): string {
  return `关于报送${d.batchName}申报材料的函`;
}

/** The enclosures in the order they lie in the packet. */
export function enclosures(d: CoverLetterDocument): string[] {
  const n = d.applications.length;
  return [
    `${d.batchName}推荐汇总表（按推荐排序）1份`,
    `党建精品项目申报书${n}份（按推荐排序）`,
    ...(d.brandReport ? [`${d.brandReport}1份`] : []),
    `支撑材料清单1份，支撑材料${d.applications.reduce((a, b) => a + b.attachments, 0)}件`,
  ];
}

export async function buildCoverLetterDocx(d: CoverLetterDocument): Promise<Buffer> {
  const basis = d.noticeTitle ? `根据《${d.noticeTitle.replace(/^《|》$/g, '')}》要求，` : '';
  const n = d.applications.length;
  const header: Cell[] = ['推荐排序', '项目名称', '主持人', '支撑材料（随包）'].map((t) => ({ text: t, strong: true, align: 'center' }));
  const rows: Cell[][] = d.applications.map((a) => [
    { text: a.rank === null ? '—' : String(a.rank), align: 'center' },
    { text: a.title },
    { text: a.hostName, align: 'center' },
    { text: a.separate ? `${a.attachments}件（另行报送${a.separate}件）` : `${a.attachments}件`, align: 'center' },
  ]);
  const children: FileChild[] = [
    title(coverLetterTitle(d)),
    line('党委组织部：', { indent: false }),
    ...body(
      n > 0
        ? `${basis}${d.committeeName}对本单位申报的党建精品项目组织研究讨论，经过充分酝酿，择优推荐以下${n}个项目申报${d.batchName}。现将纸质材料报送如下，请审核。`
        : `${basis}${d.committeeName}本批次暂无推荐的党建精品项目。`,
    ),
    ...(n > 0 ? [table([1.3, 4.9, 1.5, 2.3], [header, ...rows], { headerRows: 1 })] : []),
    line('附件：', { font: FONT.heading, indent: false }),
    ...enclosures(d).map((e, i) => line(`${i + 1}. ${e}`)),
    ...(d.overCapacity
      ? [line(`支撑材料超出材料包容量（${d.overCapacity.limitMB} MB）的${d.overCapacity.count}件未收入本材料包，已在《支撑材料清单》中注明“未收入”，请另行报送。`)]
      : []),
    ...(d.leftOut.length > 0
      ? [line('以下材料未能读取，未收入本材料包，请另行报送：', { font: FONT.heading }), ...d.leftOut.map((e, i) => line(`（${i + 1}）${e}`))]
      : []),
    ...(d.paperInstructions ? [line(`报送要求：${d.paperInstructions}`)] : []),
    blankLine(),
    signLine(`${d.committeeName}（盖章）`, { keepNext: true }),
    signLine(chineseDate(d.date)),
  ];
  return pack(officialDocument({ title: coverLetterTitle(d), subject: d.committeeName }, children));
}
