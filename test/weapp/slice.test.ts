// The slice in the weapp build, by taps: a member creates, fills and submits a 申报书 on the
// phone; their committee's secretary finds it and recommends it.
import type { Project } from '@shared/domain/project/project';
import { describe, expect, it } from 'vitest';
import { HOST, SECRETARY_CS } from '../support/harness';
import { useWeapp } from './support/session';

const w = useWeapp();

const TITLE = '“红色引擎”党建与科研融合工程';
const SECTIONS = {
  'field-background': '科研团队党员分散，党建与业务“两张皮”。',
  'field-goals': '以支部建在团队上为抓手，推动党建与科研深度融合。',
  'field-measures': '一、组织共建；二、骨干双培；三、项目攻关。',
  'field-innovation': '“支部+课题组”双向嵌入。',
  'field-expectedOutcomes': '形成工作案例 1 篇，制度文件 2 项。',
};

describe('申报书 in the weapp build', () => {
  let projectId = '';

  it('a member creates, fills and submits it by taps', async () => {
    w.rt.as(HOST);
    await w.me.open('/pages/index/index');
    await w.me.tap('新建申报书');
    expect(w.me.page().route).toBe('packages/project/edit/index');
    projectId = w.me.page().options.id;
    expect(projectId).toMatch(/\S/);
    expect(w.rt.stack().map((p) => p.route)).toEqual(['pages/index/index', 'packages/project/edit/index']);
    await w.me.waitFor('基本信息');

    await w.me.type('field-title', TITLE);
    await w.me.type('field-contactPhone', '13800138000');
    await w.me.tap({ cls: 'category-integration' });
    expect(w.me.find({ cls: 'category-integration' }).node.cl).toContain('selected');
    for (const [field, text] of Object.entries(SECTIONS)) await w.me.type(field, text);
    await w.me.tap('＋ 添加进度安排');
    await w.me.pick('milestone-date-input', '2027-03-01');
    expect(w.me.text()).toContain('2027-03-01');
    await w.me.type('milestone-task-input', '完成组织共建方案');
    await w.me.tap('＋ 添加预算科目');
    await w.me.type('budget-item', '资料印制费');
    await w.me.type('budget-amount', '1200.50');
    expect(w.me.text()).toContain('¥1,200.50');
    await w.me.waitFor(/已自动保存 \d{2}:\d{2}/, 10_000);

    await w.me.tap('提交基层党委');
    await w.me.waitFor('已提交，等待基层党委审核');
    expect(w.rt.state.toasts).toContain('已提交基层党委');
    expect(w.rt.errors).toEqual([]);
    const stored = await w.cloud.store.get<Project>('projects', projectId);
    expect(stored?.state).toBe('submitted');
    expect(stored?.fields.title).toBe(TITLE);
  });

  it('the secretary finds it in the inbox and recommends it', async () => {
    w.rt.as(SECRETARY_CS);
    await w.me.open('/pages/index/index');
    await w.me.tap('待处理申报');
    expect(w.me.page().route).toBe('packages/committee/inbox/index');
    await w.me.waitFor(TITLE);
    await w.me.tap(TITLE);
    expect(w.me.page().route).toBe('packages/committee/decide/index');
    await w.me.waitFor('基层党委意见');
    await w.me.tap(/^推荐$/);
    await w.me.type('decision-comment', '经党委会研究，同意推荐。');
    await w.me.type('decision-rank', '1');
    await w.me.tap({ cls: 'decision-submit' });
    expect(w.rt.state.modals.at(-1)?.title).toBe('推荐');
    await w.me.waitFor('推荐排序：第 1 位');
    expect(w.rt.state.toasts).toContain('已推荐');
    expect(w.rt.errors).toEqual([]);
    const stored = await w.cloud.store.get<Project>('projects', projectId);
    expect(stored?.state).toBe('recommended');

    // 返回列表 goes back to the inbox (navigateBack), which loads again on show: nothing waits
    // any more, and the 申报书 is under 已推荐.
    await w.me.tap('返回列表');
    expect(w.rt.stack().map((p) => p.route)).toEqual(['pages/index/index', 'packages/committee/inbox/index']);
    await w.me.waitFor('暂时没有待处理的申报');
    await w.me.tap('已推荐');
    await w.me.waitFor(TITLE);
    expect(w.rt.log.filter((c) => c.api === 'navigateBack' && c.duringTap)).toHaveLength(1);
  });
});
