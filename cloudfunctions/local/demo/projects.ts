import { splitTranches } from '@shared/domain/money';
import { dateIn } from '@shared/time/deadline';
import type { LocalFiles } from '../../core/adapters/local/files';
import { application, draft, MIDTERM, TOPICS, type TopicKey } from './content';
import type { DemoDriver } from './driver';
import { scene } from './pictures';
import { ADMIN, uid } from './people';

/** Steps of the flagship-project lifecycle, each one procedure call as the person who takes it. */
export class Projects {
  constructor(
    private readonly d: DemoDriver,
    private readonly files: LocalFiles,
  ) {}

  /** The project's current version, read as `who` (a draft is its host's until submitted). */
  async version(id: string, who = ADMIN): Promise<number> {
    return (await this.d.as(who, 'project.get', { id })).version;
  }

  /** Creates and saves a complete application; submits it unless `submit` is false. */
  async apply(host: string, batchId: string, topic: TopicKey, submit = true): Promise<string> {
    const p = await this.d.as(host, 'project.create', { batchId });
    const saved = await this.d.as(host, 'project.saveDraft', { id: p._id, version: p.version, fields: application(TOPICS[topic], this.d.date(0).slice(0, 8) + '01', '13800138000') });
    if (submit) await this.d.as(host, 'project.submit', { id: p._id, version: saved.version });
    return p._id;
  }

  async draft(host: string, batchId: string, topic: TopicKey): Promise<string> {
    const p = await this.d.as(host, 'project.create', { batchId });
    await this.d.as(host, 'project.saveDraft', { id: p._id, version: p.version, fields: draft(TOPICS[topic]) });
    return p._id;
  }

  async decide(secretary: string, id: string, decision: 'recommend' | 'return' | 'notRecommend', comment: string, rank?: number): Promise<void> {
    await this.d.as(secretary, 'committee.decide', { id, version: await this.version(id), decision, comment, ...(rank ? { rank } : {}) });
  }

  /** The 组织部 opens the round and gives each application the reviewers named. */
  async openReview(batchId: string, reviewStart: string, reviewEnd: string, reviewers: Record<string, string[]>): Promise<void> {
    await this.d.as(ADMIN, 'review.open', { batchId, reviewStart, reviewEnd });
    for (const [projectId, openids] of Object.entries(reviewers)) {
      await this.d.as(ADMIN, 'review.assign', { batchId, projectId, reviewerIds: openids.map(uid) });
    }
  }

  async score(reviewer: string, projectId: string, base: number): Promise<void> {
    const s = (n: number) => Math.min(10, Math.max(5, base + n));
    await this.d.as(reviewer, 'review.score', {
      projectId,
      scores: { fit: s(0), innovation: s(1), practice: s(0), effect: s(-1), support: s(0) },
      comment: base >= 8 ? '选题紧扣品牌创建，举措具体，建议立项。' : '思路可行，建议进一步明确阶段目标。',
    });
  }

  async tranche(projectId: string, grant: number, tranche: 1 | 2): Promise<void> {
    await this.d.as(ADMIN, 'funding.disburse', { projectId, tranche, amountFen: splitTranches(grant)[tranche - 1], note: tranche === 1 ? '财务凭证 记-0315' : '财务凭证 记-0917' });
  }

  async expense(host: string, projectId: string, item: string, amountFen: number, variant: number): Promise<void> {
    const date = dateIn(this.d.clock());
    const receipt = this.files.saveImage(scene(variant, 320, 200)).fileId;
    await this.d.as(host, 'funding.addExpense', { projectId, date, item, amountFen, receipts: [receipt] });
  }

  async guidance(secretary: string, projectId: string, kind: 'target' | 'visit' | 'note', text: string): Promise<void> {
    const date = dateIn(this.d.clock());
    await this.d.as(secretary, 'guidance.add', { projectId, date, kind, text });
  }

  async midterm(host: string, projectId: string): Promise<void> {
    await this.d.as(host, 'midterm.submit', { projectId, version: await this.version(projectId), ...MIDTERM });
  }

  async midtermDecision(projectId: string, pass: boolean, comment: string): Promise<void> {
    await this.d.as(ADMIN, 'midterm.decide', { projectId, version: await this.version(projectId), pass, comment });
  }

  /** The host prepares the 结项 materials, the committee submits them, the 答辩, the decision. */
  async conclude(host: string, secretary: string, projectId: string, defenceDate: string): Promise<void> {
    const prepared = dateIn(this.d.clock());
    await this.d.as(host, 'final.save', {
      projectId,
      reportVersion: null,
      summary: '项目按计划完成全部建设任务，形成的工作机制已在学院推广。',
      outcomes: [
        { kind: 'system', title: '支部建在团队上工作指引', description: '学院党委印发执行。' },
        { kind: 'publicity', title: '校报专题报道', description: '宣传项目做法与成效。' },
      ],
    });
    await this.d.as(secretary, 'final.submit', { projectId, version: await this.version(projectId) });
    if (defenceDate < prepared) throw new Error('the 答辩 follows the materials');
    this.d.on(defenceDate, 16);
    await this.d.as(ADMIN, 'final.recordDefense', { projectId, date: defenceDate, panel: ['李教授', '陈书记', '王处长'], result: '汇报清晰，成果扎实，一致同意结项。' });
    await this.d.as(ADMIN, 'final.decide', { projectId, version: await this.version(projectId), pass: true, comment: '结项验收通过，评为优秀。' });
  }
}

