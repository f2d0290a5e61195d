import { AlignmentType, LineRuleType, Paragraph, type FileChild } from 'docx';
import { pictureInfo, pictureParagraph } from './picture';
import {
  blankLine,
  body,
  chineseDate,
  clean,
  FONT,
  heading1,
  heading2,
  labelled,
  numeral,
  officialDocument,
  pack,
  signLine,
  SIZE,
  subtitle,
  table,
  textRuns,
  title,
  type Cell,
} from './style';

/** A picture of the report: its bytes when they could be loaded, and what to call it otherwise. */
export interface ReportPicture {
  label: string;
  bytes: Uint8Array | null;
}

/** Everything the brand report (附件1, "五有") shows, as plain data. */
export interface BrandReportDocument {
  committeeName: string;
  year: number;
  stateLabel: string;
  name: string;
  logo: { picture: ReportPicture; explanation: string } | null;
  connotation: string;
  approach: string;
  /** 实践—总结—规范—提高—定型—推广 and where the brand stands on it. */
  stages: string[];
  stageIndex: number;
  carriers: { title: string; description: string; projectTitle: string | null; photos: ReportPicture[] }[];
  influence: { kind: string; title: string; date: string; link: string; picture: ReportPicture | null }[];
  problems: string;
  cultivation: { plan: string; leader: string; cadre: string } | null;
  publicNames: string[];
  /** YYYY-MM-DD of submission, or null to leave the date to be written by hand. */
  filledDate: string | null;
}

export interface BrandReportResult {
  bytes: Buffer;
  sections: number;
  /** Pictures embedded in the file and those only named because they could not be used. */
  embedded: number;
  missing: string[];
}

const PHOTO_BOX = { width: 480, height: 320 };
const LOGO_BOX = { width: 150, height: 150 };

function caption(text: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { after: 120, line: 400, lineRule: LineRuleType.AT_LEAST },
    children: textRuns(text, { font: FONT.kai, size: SIZE.xiaosi }, 300),
  });
}

/** Renders pictures, counting what went in and naming what could not. */
class Pictures {
  embedded = 0;
  missing: string[] = [];

  render(p: ReportPicture, box: { width: number; height: number }, withCaption = true): Paragraph[] {
    const info = p.bytes ? pictureInfo(p.bytes) : null;
    if (!p.bytes || !info) {
      const why = p.bytes ? '格式无法嵌入 Word，请另附' : '未能读取，请另附';
      this.missing.push(p.label);
      return [caption(`〔图片：${p.label}（${why}）〕`)];
    }
    this.embedded += 1;
    return [pictureParagraph(p.bytes, info, box, p.label), ...(withCaption ? [caption(p.label)] : [])];
  }
}

const or = (text: string, empty = '（未填写）') => (clean(text, 2_000).trim() === '' ? empty : text);

function nameSection(d: BrandReportDocument, pics: Pictures): FileChild[] {
  const out: FileChild[] = [labelled('品牌名称', or(d.name, '（未命名）'))];
  if (d.logo) {
    out.push(labelled('品牌标识', ''), ...pics.render(d.logo.picture, LOGO_BOX, false), labelled('标识释义', or(d.logo.explanation)));
  } else {
    out.push(labelled('品牌标识', '（未上传）'));
  }
  return out;
}

function approachSection(d: BrandReportDocument): FileChild[] {
  const path = d.stages.map((s, i) => (i === d.stageIndex ? `【${s}】` : s)).join('—');
  return [labelled('当前所处阶段', `${d.stages[d.stageIndex] ?? ''}（${path}）`), ...body(d.approach)];
}

function carriersSection(d: BrandReportDocument, pics: Pictures): FileChild[] {
  if (d.carriers.length === 0) return body('', '（未填写活动载体）');
  return d.carriers.flatMap((c, i) => [
    heading2(`（${numeral(i)}）${or(c.title, '（未命名的活动）')}`),
    ...body(c.description),
    ...(c.projectTitle ? [labelled('关联党建精品项目', c.projectTitle)] : []),
    ...c.photos.flatMap((p) => pics.render(p, PHOTO_BOX)),
  ]);
}

function influenceSection(d: BrandReportDocument, pics: Pictures): FileChild[] {
  if (d.influence.length === 0) return body('', '（未填写社会影响）');
  const header: Cell[] = ['序号', '类别', '内容', '日期', '链接'].map((t) => ({ text: t, strong: true, align: 'center' }));
  const rows: Cell[][] = d.influence.map((e, i) => [
    { text: String(i + 1), align: 'center' },
    { text: e.kind, align: 'center' },
    { text: or(e.title) },
    { text: e.date || '—', align: 'center' },
    { text: e.link || (e.picture ? '见附图' : '—') },
  ]);
  const out: FileChild[] = [table([0.8, 1.5, 3.4, 1.7, 2.6], [header, ...rows], { headerRows: 1 })];
  d.influence.forEach((e) => {
    if (e.picture) out.push(...pics.render(e.picture, PHOTO_BOX));
  });
  return out;
}

function cultivationSection(c: NonNullable<BrandReportDocument['cultivation']>): FileChild[] {
  return [labelled('领导联系', or(c.leader)), labelled('干部包抓', or(c.cadre)), heading2('培育计划'), ...body(c.plan)];
}

/** The brand report as a .docx: the five "有" in the notice's order, then problems, cultivation and signature. */
export async function buildBrandReportDocx(d: BrandReportDocument): Promise<BrandReportResult> {
  const pics = new Pictures();
  const sections: [string, () => FileChild[]][] = [
    ['有鲜明的品牌名称', () => nameSection(d, pics)],
    ['有深刻的品牌内涵', () => body(d.connotation)],
    ['有明确的创建思路', () => approachSection(d)],
    ['有丰富的活动载体', () => carriersSection(d, pics)],
    ['有广泛的社会影响', () => influenceSection(d, pics)],
    ['存在问题与下一步打算', () => body(d.problems)],
  ];
  if (d.cultivation) {
    const c = d.cultivation;
    sections.push(['品牌培育', () => cultivationSection(c)]);
  }
  const children: FileChild[] = [
    title('基层党委（总支）党建品牌创建工作情况报告'),
    subtitle(`${d.committeeName}　${d.year}年度`),
    blankLine(),
  ];
  sections.forEach(([name, make], i) => children.push(heading1(`${numeral(i)}、${name}`), ...make()));
  if (d.publicNames.length > 0) children.push(blankLine(), labelled('品牌负责人', d.publicNames.join('、')));
  children.push(
    blankLine(),
    signLine(`${d.committeeName}（盖章）`, { keepNext: true }),
    signLine('书记（签字）：              ', { keepNext: true }),
    signLine(chineseDate(d.filledDate)),
  );
  if (pics.missing.length > 0) {
    children.push(heading1('附：未能嵌入的图片'), ...pics.missing.flatMap((m, i) => body(`${i + 1}. ${m}`)));
  }
  const bytes = await pack(officialDocument({ title: `党建品牌创建工作情况报告-${d.name || d.committeeName}`, subject: `${d.committeeName}${d.year}年度` }, children));
  return { bytes, sections: sections.length, embedded: pics.embedded, missing: pics.missing };
}
