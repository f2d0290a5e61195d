// A full-length 申报书 (about 10 000 characters) as the export and packet benches store it.
export const long = (n, s) => s.repeat(Math.ceil(n / s.length)).slice(0, n);

export function applicationFields({ title, milestones, budgetExtraFen, attachments }) {
  return {
    title,
    contactPhone: '13800138000',
    category: 'integration',
    background: long(2000, '科研团队党员分散，党建与业务“两张皮”。'),
    goals: long(1500, '推动党建与科研深度融合。'),
    measures: long(4000, '一、组织共建；二、骨干双培；三、项目攻关。'),
    innovation: long(1500, '“支部+课题组”双向嵌入。'),
    milestones,
    expectedOutcomes: long(1500, '形成可复制的工作机制。'),
    budget: [{ item: '资料印制费', amountFen: 120_050 + budgetExtraFen }, { item: '交通费', amountFen: 300_000 }],
    brandId: null,
    attachments,
  };
}
