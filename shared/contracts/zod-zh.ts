import type { z } from 'zod';
import { stripControlChars } from '../domain/text';

/**
 * Chinese names of fields, so that a validation message names the field a person sees. A path
 * (indices dropped, e.g. `report.carriers.title`) is looked up whole first, then by its last key.
 */
const PATH_LABELS: Record<string, string> = {
  'report.name': '品牌名称',
  'report.logo': '品牌标识',
  'report.logo.explanation': '标识释义',
  'report.connotation': '品牌内涵',
  'report.approach': '创建思路',
  'report.stage': '所处阶段',
  'report.carriers': '活动载体',
  'report.carriers.title': '活动载体名称',
  'report.carriers.description': '活动载体介绍',
  'report.carriers.projectId': '关联项目',
  'report.carriers.photos': '活动照片',
  'report.influence': '社会影响',
  'report.influence.kind': '社会影响类别',
  'report.influence.title': '社会影响条目',
  'report.influence.date': '日期',
  'report.influence.link': '链接',
  'report.influence.imageId': '图片',
  'report.problems': '存在问题与下一步',
  'report.publicNames': '公开署名',
};

const FIELD_LABELS: Record<string, string> = {
  procedure: '接口名称',
  input: '请求内容',
  id: '编号',
  version: '版本号',
  batchId: '批次',
  committeeId: '基层党委',
  branchId: '党支部',
  name: '姓名',
  staffNo: '工号/学号',
  kind: '身份',
  politicalStatus: '政治面貌',
  isPartyWorker: '是否党务工作者',
  fields: '申报书',
  title: '项目名称',
  contactPhone: '联系电话',
  category: '项目类别',
  goals: '建设目标',
  measures: '主要内容与举措',
  expectedOutcomes: '预期成果',
  budget: '经费预算',
  item: '预算科目',
  amountFen: '预算金额',
};

/**
 * Labels of one procedure's own form, looked up before the shared tables: the same key means
 * another field on another form (`amountFen` is a 预算金额 in an application, a 拨付金额 here).
 */
const PROCEDURE_LABELS: Record<string, Record<string, string>> = {
  'batch.create': { name: '批次名称', year: '年度', level: '批次级别', grantPerProject: '资助金额', quota: '立项数量', noticeTitle: '通知标题', paperInstructions: '纸质材料报送说明' },
  'batch.update': { name: '批次名称', year: '年度', grantPerProject: '资助金额', quota: '立项数量', noticeTitle: '通知标题', paperInstructions: '纸质材料报送说明' },
  'branchFeature.save': { name: '支部特色名称', description: '特色简介' },
  'brand.addEvent': { kind: '推广活动类型', place: '地点', report: '活动简报' },
  'guidance.add': { kind: '指导类别', date: '指导日期', text: '指导内容' },
  'influence.share': { kind: '分享方式' },
  'funding.disburse': { amountFen: '拨付金额', note: '备注' },
  'funding.setMatching': { amountFen: '配套经费', note: '说明' },
  'funding.addExpense': { date: '支出日期', item: '支出事项', amountFen: '支出金额', receipts: '票据' },
  'org.saveCommittee': { name: '单位名称', kind: '单位类型', order: '排序' },
  'org.saveBranch': { name: '单位名称', order: '排序' },
  'review.roundList': { page: '页码', pageSize: '每页条数', sort: '排序方式', direction: '排序方向', state: '状态', committeeId: '基层党委', category: '项目类别', progress: '评审进度', staged: '只看拟公示', q: '搜索内容' },
  'review.roundApplication': { projectId: '项目' },
  'committee.applications': { batchId: '批次', committeeId: '基层党委', state: '申报状态', category: '项目类别', q: '搜索内容', sort: '排序方式', direction: '排序方向', page: '页码', pageSize: '每页条数' },
  'people.list': { q: '搜索内容', committeeId: '基层党委', role: '角色', profileStatus: '身份状态', sort: '排序方式', direction: '排序方向', page: '页码', pageSize: '每页条数' },
  'brand.library': { committeeId: '基层党委', year: '年度', stage: '品牌阶段', state: '品牌状态', keyword: '关键词', sort: '排序方式', direction: '排序方向', page: '页码', pageSize: '每页条数' },
  'final.save': { 'outcomes.kind': '成果类别', 'outcomes.title': '成果名称', 'outcomes.description': '成果简介', 'outcomes.link': '成果链接' },
};

/**
 * Text of the caller's own making (an unknown key, a record key in a path) as a message may
 * show it: without control characters or lone surrogates, and cut to `max` characters, so that
 * a refusal never echoes a megabyte or raw control bytes back.
 */
export function shownText(text: string, max = 20): string {
  const chars = Array.from(stripControlChars(text));
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : chars.join('');
}

/** The label a person sees for `path`, on the form of `procedure` when given. */
export function fieldLabel(path: readonly PropertyKey[], procedure?: string): string {
  const whole = path.filter((p): p is string => typeof p === 'string').join('.');
  const own = procedure && Object.prototype.hasOwnProperty.call(PROCEDURE_LABELS, procedure) ? PROCEDURE_LABELS[procedure] : null;
  if (own && Object.prototype.hasOwnProperty.call(own, whole)) return own[whole];
  if (PATH_LABELS[whole]) return PATH_LABELS[whole];
  const named = [...path].reverse().find((p): p is string => typeof p === 'string' && p in FIELD_LABELS);
  if (named) return FIELD_LABELS[named];
  return path.length ? path.map((p) => shownText(String(p))).join('.') : '请求内容';
}

/** Default Chinese text for issues whose schema gave no message of its own, on `procedure`'s form. */
export function zhErrorMapFor(procedure?: string): z.core.$ZodErrorMap {
  return (issue) => defaultMessage(issue, fieldLabel(issue.path ?? [], procedure));
}

export const zhErrorMap: z.core.$ZodErrorMap = zhErrorMapFor();

function defaultMessage(issue: Parameters<z.core.$ZodErrorMap>[0], label: string): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? `缺少「${label}」` : `「${label}」的类型不正确`;
    case 'too_big':
      return `「${label}」超出允许的范围`;
    case 'too_small':
      return `「${label}」过短或过小`;
    case 'invalid_value':
    case 'invalid_union':
      return `「${label}」的取值无效`;
    case 'unrecognized_keys': {
      const shown = issue.keys.slice(0, 3).map((k) => shownText(k) || '（空白字段名）');
      return `包含无法识别的字段：${shown.join('、')}${issue.keys.length > 3 ? `等${issue.keys.length}个` : ''}`;
    }
    case 'invalid_format':
      return `「${label}」的格式不正确`;
    default:
      return `「${label}」填写有误`;
  }
};

export interface ValidationFailure {
  message: string;
  issues: Array<{ path: string; field: string; message: string }>;
}

/**
 * Many problems as one message that names every one of them, each once, in the form's order:
 * «请填写姓名；工号/学号须为4至20位字母或数字». Never «另有1处问题» without saying which.
 */
export function everyProblem(messages: readonly string[]): string {
  const seen = new Set<string>();
  // A message may quote what was typed (a date out of order): never its control characters.
  const kept = messages.map((m) => stripControlChars(m)).filter((m) => m !== '' && !seen.has(m) && (seen.add(m), true));
  // A form has a few dozen fields at most; past that (a crafted request), a message stays readable:
  // it names the first problems and counts the rest, each of which is in the issues list.
  let text = '';
  for (let i = 0; i < kept.length; i++) {
    const next = text ? `${text}；${kept[i]}` : kept[i];
    if (next.length > MESSAGE_LIMIT && text) return `${text}；另有 ${kept.length - i} 处问题（见各项标注）`;
    text = next;
  }
  return text;
}

/** The longest validation message that names problem after problem (characters). */
const MESSAGE_LIMIT = 160;

/** Turns a zod error into one message naming every bad field, plus every issue for the UI. */
export function describeValidation(error: z.ZodError, procedure?: string): ValidationFailure {
  const issues = error.issues.map((i) => ({
    path: i.path.map((p) => shownText(String(p), 64)).join('.'),
    field: fieldLabel(i.path, procedure),
    // Schema messages name their field themselves ("品牌名称不能超过20个字"); the defaults in
    // zhErrorMap name it from the path. Either way the message stands alone.
    message: i.message,
  }));
  return { message: everyProblem(issues.map((i) => i.message)) || '填写的内容有误', issues };
}
