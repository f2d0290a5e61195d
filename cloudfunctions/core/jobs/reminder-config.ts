import { parseReminderConfig, TemplateConfigError, type ReminderConfig } from '@shared/domain/reminders/templates';
import { DEFAULT_OFFSETS, DEFAULT_SEND_HOUR } from '@shared/domain/reminders/plan';

/**
 * The templates as applied for in 公众平台 → 订阅消息. The ids here are placeholders for the local
 * host; a deployment sets REMINDER_CONFIG (JSON of the same shape) in the functions' environment.
 */
export const DEFAULT_REMINDER_CONFIG: ReminderConfig = {
  templates: [
    {
      key: 'deadline',
      id: 'dev-template-deadline',
      title: '截止提醒',
      keywords: [
        { name: 'thing1', label: '事项名称', slot: 'matter' },
        { name: 'time2', label: '截止时间', slot: 'deadline' },
        { name: 'phrase3', label: '当前状态', slot: 'status' },
        { name: 'thing4', label: '温馨提示', slot: 'note' },
      ],
    },
    {
      key: 'task',
      id: 'dev-template-task',
      title: '待办任务提醒',
      keywords: [
        { name: 'thing1', label: '任务名称', slot: 'matter' },
        { name: 'number2', label: '待办数量', slot: 'count' },
        { name: 'time3', label: '截止时间', slot: 'deadline' },
        { name: 'thing4', label: '备注', slot: 'note' },
      ],
    },
    {
      key: 'result',
      id: 'dev-template-result',
      title: '审核结果通知',
      keywords: [
        { name: 'thing1', label: '事项名称', slot: 'matter' },
        { name: 'phrase2', label: '审核结果', slot: 'status' },
        { name: 'thing3', label: '备注', slot: 'note' },
        { name: 'time4', label: '通知时间', slot: 'time' },
      ],
    },
  ],
  duties: {
    submitDraft: 'deadline',
    midtermMaterials: 'deadline',
    finalMaterials: 'deadline',
    decideApplications: 'task',
    scoreReviews: 'task',
    submitBrandReport: 'deadline',
  },
  events: 'result',
  offsets: [...DEFAULT_OFFSETS],
  sendHour: DEFAULT_SEND_HOUR,
};

/** Reads REMINDER_CONFIG once at start-up; a bad one throws TemplateConfigError naming each problem. */
export function loadReminderConfig(env: Record<string, string | undefined> = process.env): ReminderConfig {
  const raw = env.REMINDER_CONFIG;
  if (!raw) return parseReminderConfig(DEFAULT_REMINDER_CONFIG);
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new TemplateConfigError('订阅消息模板配置有误：REMINDER_CONFIG 不是有效的 JSON');
  }
  return parseReminderConfig(json);
}
