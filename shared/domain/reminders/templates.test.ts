import { describe, expect, it } from 'vitest';
import { cutToKeyword, messageLines, parseReminderConfig, renderMessage, TemplateConfigError, type MessageTemplate } from './templates';

const template: MessageTemplate = {
  key: 'deadline',
  id: 'tpl-1',
  title: '截止提醒',
  keywords: [
    { name: 'thing1', label: '事项名称', slot: 'matter' },
    { name: 'time2', label: '截止时间', slot: 'deadline' },
    { name: 'phrase3', label: '当前状态', slot: 'status' },
    { name: 'number4', label: '待办数量', slot: 'count' },
  ],
};

const config = {
  templates: [template],
  duties: { submitDraft: 'deadline', decideApplications: 'deadline', scoreReviews: 'deadline', midtermMaterials: 'deadline', finalMaterials: 'deadline', submitBrandReport: 'deadline' },
  events: 'deadline',
  offsets: [7, 3, 1, 0],
  sendHour: 9,
};

describe('cutToKeyword', () => {
  it('cuts a thing to 20 characters with an ellipsis, counting Chinese characters as one', () => {
    const long = '“红色引擎”党建与科研融合工程暨支部建在团队上示范项目';
    const cut = cutToKeyword('thing', long);
    expect(Array.from(cut)).toHaveLength(20);
    expect(cut.endsWith('…')).toBe(true);
    expect(cutToKeyword('thing', '提交申报')).toBe('提交申报');
  });

  it('keeps at most 5 Chinese characters in a phrase', () => {
    expect(cutToKeyword('phrase', '即将截止 soon!')).toBe('即将截止');
    expect(cutToKeyword('phrase', '今日截止请尽快提交')).toBe('今日截止请');
  });

  it('keeps digits only in a number', () => {
    expect(cutToKeyword('number', '3份')).toBe('3');
  });
});

describe('renderMessage', () => {
  it('builds the data object subscribeMessage.send expects, every value fitting its keyword', () => {
    const data = renderMessage(template, { matter: '提交申报：一个名字很长很长很长很长很长很长的项目', deadline: '2022年6月29日 23:59', status: '即将截止了', count: '2' });
    expect(data).toEqual({
      thing1: { value: '提交申报：一个名字很长很长很长很长很长…' },
      time2: { value: '2022年6月29日 23:59' },
      phrase3: { value: '即将截止了' },
      number4: { value: '2' },
    });
    expect(messageLines(template, data)[1]).toEqual({ label: '截止时间', value: '2022年6月29日 23:59' });
  });
});

describe('parseReminderConfig', () => {
  it('accepts a valid configuration', () => {
    expect(parseReminderConfig(config).templates[0].key).toBe('deadline');
  });

  it('fails with a clear message naming the bad keyword and the missing template', () => {
    const bad = {
      ...config,
      templates: [{ ...template, keywords: [{ name: 'title1', label: '事项', slot: 'matter' }] }],
      duties: { ...config.duties, scoreReviews: 'review' },
    };
    expect(() => parseReminderConfig(bad)).toThrow(TemplateConfigError);
    try {
      parseReminderConfig(bad);
    } catch (err) {
      const message = (err as Error).message;
      expect(message).toContain('订阅消息模板配置有误');
      expect(message).toContain('templates.0.keywords.0.name');
      expect(message).toContain('「review」未配置');
    }
  });

  it('refuses more than 3 templates (WeChat asks for at most 3 at once)', () => {
    const four = { ...config, templates: ['a', 'b', 'c', 'd'].map((key) => ({ ...template, key })) };
    expect(() => parseReminderConfig(four)).toThrow(/最多向用户申请3个模板/);
  });
});
