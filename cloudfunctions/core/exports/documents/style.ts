import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type FileChild,
  type IBorderOptions,
  type IRunOptions,
} from 'docx';
import { officialSpans } from '@shared/domain/typography';
import { officeText } from '../text';

/**
 * The look of an official paper (GB/T 9704, 党政机关公文格式) that the units' staff expect when
 * they print, sign and seal: A4, 37/35/28/26 mm margins, 方正小标宋 title, 仿宋 body at 三号 on a
 * fixed 29 pt line, 黑体/楷体 headings, "— 1 —" page numbers. Sizes are in half-points and
 * lengths in twips (1/20 pt), as WordprocessingML has them.
 */
const mm = (v: number) => Math.round((v / 25.4) * 1440);

export const PAGE = {
  width: 11906,
  height: 16838,
  margin: { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26), header: mm(15), footer: mm(25) },
} as const;
/** The width text and tables may take (156 mm). */
export const TEXT_WIDTH = PAGE.width - PAGE.margin.left - PAGE.margin.right;

export const SIZE = { erhao: 44, sanhao: 32, sihao: 28, xiaosi: 24 } as const;

/**
 * Each font names the East Asian face Word and WPS should use (`w:eastAsia`), with a face every
 * Chinese Windows has for the Latin/ASCII slots: where 仿宋_GB2312 is missing, digits and Latin
 * text still come out in 仿宋 and the hint keeps punctuation with the East Asian face.
 */
const font = (eastAsia: string, fallback: string) => ({ eastAsia, ascii: fallback, hAnsi: fallback, cs: fallback, hint: 'eastAsia' });
export const FONT = {
  title: font('方正小标宋简体', '华文中宋'),
  body: font('仿宋_GB2312', '仿宋'),
  heading: font('黑体', '黑体'),
  kai: font('楷体_GB2312', '楷体'),
  song: font('宋体', '宋体'),
} as const;

/** The fixed line of the body text (29 pt: 22 lines on the page). */
export const LINE = 580;
const TABLE_LINE = 400;
/** Two characters of 三号 text. */
const INDENT = 640;

/** Text that can go into the XML: control characters dropped, long text cut. */
export function clean(value: unknown, max = 20_000): string {
  return officeText(value, { max });
}

/** Latin for the line breaker: a number stays whole on its line (see unbreakableSpans). */
const WHOLE_LANGUAGE = { value: 'en-US', eastAsia: 'en-US' } as const;

/**
 * The runs of one paragraph's text, after the typography of official writing: nested quotes as
 * ‘’, and each number with its unit in a run of its own that no line break splits. Every text of
 * every document goes through here.
 */
export function textRuns(text: string, options: Omit<IRunOptions, 'text' | 'children'> = {}, max = 2_000): TextRun[] {
  return officialSpans(clean(text, max)).map((span) => new TextRun({ text: span.text, ...options, ...(span.whole ? { language: WHOLE_LANGUAGE } : {}) }));
}

const run = (text: string, options: Omit<IRunOptions, 'text' | 'children'> = {}) => textRuns(text, options);

export function title(text: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: 0, after: 240, line: 720, lineRule: LineRuleType.EXACT },
    children: run(text, { font: FONT.title, size: SIZE.erhao }),
  });
}

/** A centred line under the title (batch, unit, year) in 楷体. */
export function subtitle(text: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { line: LINE, lineRule: LineRuleType.EXACT },
    children: run(text, { font: FONT.kai, size: SIZE.sanhao }),
  });
}

/** 一、… in 黑体 三号. */
export function heading1(text: string, options: { newPage?: boolean } = {}): Paragraph {
  return new Paragraph({
    keepNext: true,
    pageBreakBefore: options.newPage === true,
    spacing: { before: 160, line: LINE, lineRule: LineRuleType.EXACT },
    indent: { firstLine: INDENT },
    children: run(text, { font: FONT.heading, size: SIZE.sanhao }),
  });
}

/** （一）… in 楷体 三号. */
export function heading2(text: string): Paragraph {
  return new Paragraph({
    keepNext: true,
    spacing: { line: LINE, lineRule: LineRuleType.EXACT },
    indent: { firstLine: INDENT },
    children: run(text, { font: FONT.kai, size: SIZE.sanhao }),
  });
}

/** Body paragraphs, one per line of the text, first line indented two characters; a note when empty. */
export function body(text: string, empty = '（未填写）'): Paragraph[] {
  const lines = clean(text)
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
  if (lines.length === 0) lines.push(empty);
  return lines.map(
    (line) =>
      new Paragraph({
        alignment: AlignmentType.JUSTIFIED,
        spacing: { line: LINE, lineRule: LineRuleType.EXACT },
        indent: { firstLine: INDENT },
        children: textRuns(line, { font: FONT.body, size: SIZE.sanhao }, 20_000),
      }),
  );
}

/** A 仿宋 line without indent ("标签：内容"), e.g. a field of the report. */
export function labelled(label: string, value: string): Paragraph {
  return new Paragraph({
    spacing: { line: LINE, lineRule: LineRuleType.EXACT },
    indent: { firstLine: INDENT },
    children: [...run(`${label}：`, { font: FONT.heading, size: SIZE.sanhao }), ...textRuns(value, { font: FONT.body, size: SIZE.sanhao }, 5_000)],
  });
}

/** A right-aligned line for signatures and dates; `keepNext` holds a signature block on one page. */
export function signLine(text: string, options: { keepNext?: boolean } = {}): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.RIGHT,
    keepNext: options.keepNext === true,
    spacing: { line: LINE, lineRule: LineRuleType.EXACT },
    indent: { right: INDENT / 2 },
    children: run(text, { font: FONT.body, size: SIZE.sanhao }),
  });
}

export function blankLine(): Paragraph {
  return new Paragraph({ spacing: { line: LINE, lineRule: LineRuleType.EXACT }, children: [] });
}

const BORDER: IBorderOptions = { style: BorderStyle.SINGLE, size: 6, color: '000000' };
const BORDERS = { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER, insideHorizontal: BORDER, insideVertical: BORDER };

export type Align = 'left' | 'center' | 'right';
const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;

/** Paragraphs of a table cell in 仿宋 小四 (a label in 黑体 when `strong`). */
export function cellParagraphs(text: string, options: { align?: Align; strong?: boolean; size?: number } = {}): Paragraph[] {
  const lines = clean(text, 10_000).split('\n');
  return lines.map(
    (line) =>
      new Paragraph({
        alignment: ALIGN[options.align ?? 'left'],
        spacing: { line: TABLE_LINE, lineRule: LineRuleType.AT_LEAST },
        children: textRuns(line, { font: options.strong ? FONT.heading : FONT.body, size: options.size ?? SIZE.xiaosi }, 10_000),
      }),
  );
}

export interface Cell {
  text?: string;
  /** Used instead of `text` for a cell with its own paragraphs (an opinion box). */
  children?: Paragraph[];
  align?: Align;
  strong?: boolean;
  span?: number;
}

function tableCell(cell: Cell, width: number): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    columnSpan: cell.span && cell.span > 1 ? cell.span : undefined,
    verticalAlign: VerticalAlignTable.CENTER,
    margins: { top: 60, bottom: 60, left: 100, right: 100 },
    children: cell.children ?? cellParagraphs(cell.text ?? '', cell),
  });
}

/**
 * A bordered table across the text width with a fixed grid (`widths` are parts of the width), so
 * a long word cannot push it off the page. Header rows repeat on every page.
 */
export function table(widths: readonly number[], rows: readonly (readonly Cell[])[], options: { headerRows?: number } = {}): Table {
  const total = widths.reduce((a, b) => a + b, 0);
  const twips = widths.map((w) => Math.floor((w / total) * TEXT_WIDTH));
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: twips,
    layout: TableLayoutType.FIXED,
    borders: BORDERS,
    rows: rows.map((cells, r) => {
      let col = 0;
      return new TableRow({
        tableHeader: r < (options.headerRows ?? 0),
        // Word and WPS still split a row taller than a page.
        cantSplit: true,
        children: cells.map((cell) => {
          const span = cell.span ?? 1;
          const width = twips.slice(col, col + span).reduce((a, b) => a + b, 0);
          col += span;
          return tableCell(cell, width);
        }),
      });
    }),
  });
}

/**
 * An opinion box to sign and seal: the opinion (or blank lines to write it by hand), then the
 * signature, seal and date lines, indented to leave room to write after each label.
 */
export function opinionBox(label: string, opinion: readonly string[] | null, signer: string): Table {
  const written = opinion ? opinion.flatMap((l) => cellParagraphs(l, { size: SIZE.sihao })) : [];
  const blank = Array.from({ length: opinion ? 1 : 5 }, () => cellParagraphs('')[0]!);
  const sign = [`${signer}（签字）：`, '（盖章）', '年      月      日'].map(
    (t, i) =>
      new Paragraph({
        indent: { left: i === 0 ? 2800 : 4200 },
        spacing: { before: i === 0 ? 120 : 0, line: TABLE_LINE + 80, lineRule: LineRuleType.AT_LEAST },
        children: textRuns(t, { font: FONT.body, size: SIZE.sihao }),
      }),
  );
  return table([2.6, 7.4], [[{ text: label, strong: true, align: 'center' }, { children: [...written, ...blank, ...sign] }]]);
}

function pageNumberFooter(align: Align = 'center'): Footer {
  const size = SIZE.sihao;
  return new Footer({
    children: [
      new Paragraph({
        alignment: ALIGN[align],
        // GB/T 9704: 单页码右空一字，双页码左空一字.
        indent: align === 'right' ? { right: 280 } : align === 'left' ? { left: 280 } : undefined,
        children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: FONT.song, size })],
      }),
    ],
  });
}

/**
 * An A4 document with the margins, default fonts and page-number footer above. `oddEven`: page
 * numbers as an issued 公文 has them, odd pages on the right and even pages on the left.
 */
export function officialDocument(meta: { title: string; subject: string }, children: FileChild[], options: { oddEven?: boolean } = {}): Document {
  const footers = options.oddEven ? { default: pageNumberFooter('right'), even: pageNumberFooter('left') } : { default: pageNumberFooter() };
  return new Document({
    evenAndOddHeaderAndFooters: options.oddEven === true,
    title: clean(meta.title, 200),
    subject: clean(meta.subject, 200),
    creator: '党建品牌与精品项目',
    styles: {
      default: {
        document: {
          run: { font: FONT.body, size: SIZE.sanhao, language: { value: 'zh-CN', eastAsia: 'zh-CN' } },
          paragraph: { spacing: { line: LINE, lineRule: LineRuleType.EXACT } },
        },
      },
    },
    sections: [
      {
        properties: { page: { size: { width: PAGE.width, height: PAGE.height }, margin: PAGE.margin } },
        footers,
        children,
      },
    ],
  });
}

export function pack(doc: Document): Promise<Buffer> {
  return Packer.toBuffer(doc);
}

/** "2026年11月27日" from "2026-11-27"; blanks to fill in by hand when there is no date. */
export function chineseDate(date: string | null): string {
  const m = date ? /^(\d{4})-(\d{2})-(\d{2})/.exec(date) : null;
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : '      年    月    日';
}

export const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'] as const;
export const numeral = (i: number) => NUMERALS[i] ?? String(i + 1);
