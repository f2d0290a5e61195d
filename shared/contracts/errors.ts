/**
 * Error codes travel from the cloud function to the phone as strings: an `instanceof`
 * does not survive the hop, a code does. The UI maps each code to Chinese text.
 */
export const ERROR_CODES = [
  'VALIDATION',
  'NOT_FOUND',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'CONFLICT',
  'DEADLINE_PASSED',
  'INVALID_TRANSITION',
  'INCOMPLETE',
  'ALREADY_EXISTS',
  'RATE_LIMITED',
  'CONTENT_RISKY',
  'TOO_EARLY',
  'EXCEEDS_PAID',
  'NOT_ENOUGH_REVIEWERS',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** Default Chinese text for each code; a handler may give a more precise message. */
export const ERROR_MESSAGES: Record<ErrorCode, string> = {
  VALIDATION: '填写的内容有误，请检查后重试',
  NOT_FOUND: '要找的内容不存在或已被删除，请返回列表刷新',
  UNAUTHENTICATED: '请先完善个人信息（绑定身份）后再操作',
  FORBIDDEN: '您没有权限进行此操作，如有疑问请联系所在基层党委',
  CONFLICT: '内容已在其他设备上被修改，请刷新后再编辑',
  DEADLINE_PASSED: '已超过截止时间，无法提交',
  INVALID_TRANSITION: '当前状态下不能进行此操作，请刷新查看最新状态',
  INCOMPLETE: '还有必填内容未完成，请补充后再提交',
  ALREADY_EXISTS: '记录已存在，请勿重复创建',
  RATE_LIMITED: '操作过于频繁，请稍后再试',
  CONTENT_RISKY: '内容未通过内容安全检测，请修改后再发布',
  TOO_EARLY: '还没到可以进行此操作的时间，请按批次日程办理',
  EXCEEDS_PAID: '支出超过了已拨付的经费（专款专用），如确需超支请由组织部登记说明',
  NOT_ENOUGH_REVIEWERS: '符合回避要求的评审专家不足，请增加评审专家或减少每份申报的评审人数',
  INTERNAL: '系统繁忙，请稍后重试；如持续出现请联系组织部',
};

export interface ErrorBody {
  code: ErrorCode;
  message: string;
  details?: Record<string, unknown>;
}

export type CallResult<T> = { ok: true; data: T } | { ok: false; error: ErrorBody };

/** A domain or handler failure with a stable code; thrown inside the server, serialised at the edge. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details?: Record<string, unknown>;
  constructor(code: ErrorCode, message?: string, details?: Record<string, unknown>) {
    super(message ?? ERROR_MESSAGES[code]);
    this.code = code;
    this.details = details;
  }
  toBody(): ErrorBody {
    return this.details
      ? { code: this.code, message: this.message, details: this.details }
      : { code: this.code, message: this.message };
  }
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}
