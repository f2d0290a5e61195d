import { z } from 'zod';
import { DUTY_KINDS, type DutyKind } from './duty';

/**
 * Subscription-message templates as configuration. WeChat rejects a send (47003) when a keyword's
 * value does not fit its type, so the types and limits live here and text is cut to fit before
 * sending, never after a refusal.
 */
export const KEYWORD_TYPES = ['thing', 'time', 'phrase', 'number', 'date', 'character_string'] as const;
export type KeywordType = (typeof KEYWORD_TYPES)[number];

/** Longest value WeChat accepts per type (characters as people count them). */
export const KEYWORD_LIMITS: Record<KeywordType, number> = {
  thing: 20,
  time: 20,
  phrase: 5,
  number: 32,
  date: 20,
  character_string: 32,
};

/** What a message can say; each template maps the slots it shows to its keywords. */
export const MESSAGE_SLOTS = ['matter', 'deadline', 'note', 'status', 'count', 'time'] as const;
export type MessageSlot = (typeof MESSAGE_SLOTS)[number];

const KEYWORD_NAME = /^(thing|time|phrase|number|date|character_string)(\d{1,2})$/;

export const keywordSchema = z
  .object({
    /** The template's keyword as WeChat names it: type + index, e.g. "thing1". */
    name: z.string().regex(KEYWORD_NAME, '关键词名称应为类型加序号，如 thing1、time2'),
    /** How WeChat labels the line (e.g. 事项名称), shown in the dev inbox. */
    label: z.string().min(1, '关键词须有显示名称').max(20),
    slot: z.enum(MESSAGE_SLOTS, { error: `关键词的内容须为 ${MESSAGE_SLOTS.join('/')} 之一` }),
  })
  .strict();

export const templateSchema = z
  .object({
    key: z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,31}$/, '模板代码须以字母开头，只含字母、数字或下划线'),
    /** The template id from 公众平台 → 订阅消息. */
    id: z.string().min(1, '模板 ID 不能为空'),
    title: z.string().min(1, '模板标题不能为空').max(20),
    keywords: z
      .array(keywordSchema)
      .min(1, '模板至少有一个关键词')
      .max(5, '模板最多5个关键词')
      .refine((ks) => new Set(ks.map((k) => k.name)).size === ks.length, '关键词名称重复'),
  })
  .strict();
export type MessageTemplate = z.infer<typeof templateSchema>;

export const reminderConfigSchema = z
  .object({
    templates: z
      .array(templateSchema)
      .min(1, '至少配置一个订阅消息模板')
      .max(3, '一次最多向用户申请3个模板')
      .refine((ts) => new Set(ts.map((t) => t.key)).size === ts.length, '模板代码重复'),
    /** Which template carries each duty's reminder. */
    duties: z.record(z.enum(DUTY_KINDS), z.string()),
    /** Which template carries the messages of events (results and progress, e.g. 审核结果通知). */
    events: z.string({ error: '须指定事件消息（审核结果、进度）所用的模板' }),
    /** Days before the deadline a reminder goes out (0 = on the day). */
    offsets: z.array(z.number().int().min(0).max(60)).min(1, '至少配置一个提醒时点').max(10),
    /** Hour of the day in Beijing time from which reminders of the day go out. */
    sendHour: z.number().int().min(0).max(23),
  })
  .strict()
  .superRefine((c, ctx) => {
    const keys = new Set(c.templates.map((t) => t.key));
    for (const duty of DUTY_KINDS) {
      const key = c.duties[duty];
      if (!key) ctx.addIssue({ code: 'custom', message: `事项「${duty}」未指定模板`, path: ['duties', duty] });
      else if (!keys.has(key)) ctx.addIssue({ code: 'custom', message: `事项「${duty}」的模板「${key}」未配置`, path: ['duties', duty] });
    }
    if (!keys.has(c.events)) ctx.addIssue({ code: 'custom', message: `事件消息的模板「${c.events}」未配置`, path: ['events'] });
  });
export type ReminderConfig = z.infer<typeof reminderConfigSchema>;

export class TemplateConfigError extends Error {
  readonly code = 'TEMPLATE_CONFIG';
  constructor(message: string) {
    super(message);
    this.name = 'TemplateConfigError';
  }
}

/** Parses the configuration, failing with every problem named (and where) so start-up stops clearly. */
export function parseReminderConfig(raw: unknown): ReminderConfig {
  const r = reminderConfigSchema.safeParse(raw);
  if (r.success) return r.data;
  const lines = r.error.issues.map((i) => `${i.path.join('.') || '(根)'}: ${i.message}`);
  throw new TemplateConfigError(`订阅消息模板配置有误：\n${lines.join('\n')}`);
}

export function keywordType(name: string): KeywordType {
  const m = KEYWORD_NAME.exec(name);
  if (!m) throw new RangeError(`not a keyword name: ${name}`);
  return m[1] as KeywordType;
}

function cutChars(text: string, max: number, ellipsis: boolean): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  return ellipsis ? `${chars.slice(0, max - 1).join('')}…` : chars.slice(0, max).join('');
}

/** Makes `text` acceptable for a keyword of `type`: trimmed, filtered and cut to its limit. */
export function cutToKeyword(type: KeywordType, text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const max = KEYWORD_LIMITS[type];
  switch (type) {
    case 'thing':
      return cutChars(flat, max, true) || '—';
    case 'phrase': {
      // Chinese characters only, at most 5 (e.g. 待提交, 即将截止).
      const han = Array.from(flat).filter((c) => /\p{Script=Han}/u.test(c)).join('');
      return cutChars(han, max, false) || '提醒';
    }
    case 'number': {
      const n = flat.replace(/[^\d.]/g, '');
      return cutChars(n, max, false) || '0';
    }
    case 'character_string':
      return cutChars(flat.replace(/[^\x21-\x7E]/g, ''), max, false) || '-';
    case 'time':
    case 'date':
      // Dates and times are formatted by the caller ("2022年6月29日 23:59"); only the length is guarded.
      return cutChars(flat, max, false);
  }
}

export type MessageData = Record<string, { value: string }>;

/** The `data` object subscribeMessage.send expects: `{ thing1: { value }, time2: { value } }`. */
export function renderMessage(template: MessageTemplate, values: Partial<Record<MessageSlot, string>>): MessageData {
  const data: MessageData = {};
  for (const k of template.keywords) data[k.name] = { value: cutToKeyword(keywordType(k.name), values[k.slot] ?? '') };
  return data;
}

/** The lines as WeChat shows them under the title: label and value. */
export function messageLines(template: MessageTemplate, data: MessageData): Array<{ label: string; value: string }> {
  return template.keywords.map((k) => ({ label: k.label, value: data[k.name]?.value ?? '' }));
}

export function templateFor(config: ReminderConfig, duty: DutyKind): MessageTemplate {
  const key = config.duties[duty];
  const t = config.templates.find((x) => x.key === key);
  if (!t) throw new TemplateConfigError(`事项「${duty}」的模板「${key}」未配置`);
  return t;
}

/** The template of event messages (results and progress). */
export function eventTemplate(config: ReminderConfig): MessageTemplate {
  const t = config.templates.find((x) => x.key === config.events);
  if (!t) throw new TemplateConfigError(`事件消息的模板「${config.events}」未配置`);
  return t;
}
