import { charCount } from '../text';

/**
 * The 立项通知 (notice 三(二)2: "在公示后下发立项通知"), an official document of the 党委组织部
 * in the GB/T 9704 layout. Its 发文字号 is the 组织部's own register number, typed in.
 */
export const DOC_NUMBER_MAX = 30;
export const ISSUER_NAME_MAX = 30;
/** Until a batch names its issuing unit. */
export const DEFAULT_ISSUER_NAME = '中共××大学委员会组织部';

/** 发文字号: 机关代字〔年份〕序号号, e.g. 组〔2027〕3号, 深大党组〔2022〕12号. */
export const DOC_NUMBER_RE = /^[\u4e00-\u9fa5A-Za-z]{1,12}〔\d{4}〕\d{1,4}号$/;

export const DOC_NUMBER_HINT = '发文字号格式应如“组〔2027〕3号”：机关代字、六角括号〔〕内的年份、序号和“号”';

export function docNumberProblem(value: string): string | null {
  if (charCount(value) > DOC_NUMBER_MAX) return `发文字号不能超过${DOC_NUMBER_MAX}字`;
  if (!DOC_NUMBER_RE.test(value)) return DOC_NUMBER_HINT;
  return null;
}

const DIGITS = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

function smallNumber(n: number): string {
  if (n < 10) return DIGITS[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : DIGITS[tens]}十${ones === 0 ? '' : DIGITS[ones]}`;
}

/** 成文日期 in Chinese numerals as GB/T 9704 has it: "2027-03-15" → "二〇二七年三月十五日". */
export function chineseNumeralDate(date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new RangeError(`not a calendar date: ${date}`);
  const year = [...m[1]!].map((d) => DIGITS[Number(d)]).join('');
  return `${year}年${smallNumber(Number(m[2]))}月${smallNumber(Number(m[3]))}日`;
}

/** The notice's title: "关于公布2027年度党建精品项目立项名单的通知". */
export function noticeTitle(batchName: string): string {
  return `关于公布${batchName}立项名单的通知`;
}

/** The public 立项 page of a batch (linked from the hosts' 立项 messages and shared to chats). */
export const APPROVAL_PAGE = '/packages/showcase/approval/index';
export const approvalPagePath = (batchId: string) => `${APPROVAL_PAGE}?batchId=${encodeURIComponent(batchId)}`;
