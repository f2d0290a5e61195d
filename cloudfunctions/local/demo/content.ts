import type { InputOf } from '@shared/contracts';
import type { ProjectCategory } from '@shared/domain/project/application';

/** What the demo's people write: applications, reports and brand material (all invented). */

export type ApplicationFields = InputOf<'project.saveDraft'>['fields'];

export interface Topic {
  title: string;
  category: ProjectCategory;
  /** The problem the project answers. */
  problem: string;
  /** What it does, in three short steps. */
  steps: [string, string, string];
  /** Its innovation. */
  idea: string;
}

export const TOPICS = {
  engine: { title: '“红色引擎”党建与科研融合工程', category: 'integration', problem: '科研团队党员分散在各课题组，党建与业务“两张皮”', steps: ['支部建在团队上', '党员骨干“双培养”', '党员攻关项目揭榜'], idea: '“支部+课题组”双向嵌入，党员示范岗与科研里程碑同步考核' },
  lighthouse: { title: '“灯塔”研究生党员领航计划', category: 'education', problem: '研究生新党员理论学习碎片化，缺少持续的引领', steps: ['导师党员结对领航', '“每周一讲”理论微课堂', '社会实践调研'], idea: '导师、辅导员、高年级党员“三师”联动' },
  codeForGood: { title: '“党员码农”社区数字服务队', category: 'service', problem: '社区老人面对数字化服务无从下手', steps: ['进社区开设智能手机课堂', '为社区开发小工具', '建立长效结对机制'], idea: '把专业能力变成服务能力，以项目制组织党员志愿服务' },
  craftsman: { title: '“匠心”工程实践育人党建项目', category: 'integration', problem: '工科学生工程伦理与家国情怀教育缺少实践载体', steps: ['大国工匠进课堂', '党员实验室开放日', '企业联合党日'], idea: '将课程思政、实验教学与组织生活融为一体' },
  greenMachine: { title: '“绿色智造”党员先锋岗', category: 'organisation', problem: '实验室安全与节能管理责任不清', steps: ['设立党员先锋岗', '安全隐患随手拍', '节能攻关小组'], idea: '以党员责任区推动实验室治理' },
  healer: { title: '“白衣守护”医学生党员健康服务行动', category: 'service', problem: '周边社区慢性病管理知识普及不足', steps: ['党员义诊进社区', '健康科普短视频', '家庭医生助理结对'], idea: '临床教学与志愿服务结合，学分认定与党员评议挂钩' },
  anatomy: { title: '“大体老师”生命教育党建品牌培育', category: 'culture', problem: '医学生对生命尊重与职业精神的体悟需要仪式与载体', steps: ['“无语良师”缅怀仪式', '遗体捐献者家属座谈', '生命教育展览'], idea: '以仪式教育涵养医者仁心' },
  inkHeritage: { title: '“丹青颂党恩”美育党建项目', category: 'culture', problem: '艺术类党员专业优势未充分转化为宣传力量', steps: ['主题创作工作坊', '校园巡回展览', '进社区美育课堂'], idea: '以作品讲党史，以展览聚人心' },
  theoryClub: { title: '“青年理论宣讲团”建设项目', category: 'theory', problem: '本科生理论学习兴趣不足、表达机会少', steps: ['组建宣讲团', '“微党课”大赛', '宿舍楼栋宣讲'], idea: '朋辈宣讲，学生讲给学生听' },
  aiTutor: { title: '“AI+党建”智慧学习平台试点', category: 'other', problem: '支部学习资料分散，学习情况难以掌握', steps: ['整理学习资源库', '开发学习小程序', '支部试点应用'], idea: '以技术手段提升组织生活质量' },
  rehab: { title: '“康复同行”党员志愿服务项目', category: 'service', problem: '康复期患者回归社区后缺少持续指导', steps: ['党员康复师结对', '康复操进社区', '线上随访'], idea: '医教协同的志愿服务长效机制' },
  robot: { title: '“机器人进课堂”党员科普行动', category: 'education', problem: '中小学生接触前沿科技的机会少', steps: ['党员教师编写科普课程', '机器人进中小学', '暑期科创营'], idea: '专业科普与党员先锋作用结合' },
  studio: { title: '“青春影像”党史微电影创作', category: 'culture', problem: '党史学习教育形式单一', steps: ['剧本征集', '拍摄制作', '展映与研讨'], idea: '以影像叙事讲好校史中的党史故事' },
} satisfies Record<string, Topic>;
export type TopicKey = keyof typeof TOPICS;

/** A complete application on `topic`, with its milestones starting from `start` (a calendar date). */
export function application(topic: Topic, start: string, phone: string): ApplicationFields {
  const month = (n: number) => {
    const [y, m] = start.split('-').map(Number);
    const t = new Date(Date.UTC(y, m - 1 + n, 15));
    return t.toISOString().slice(0, 10);
  };
  return {
    title: topic.title,
    contactPhone: phone,
    category: topic.category,
    background: `${topic.problem}。学院党委多次调研，师生普遍希望以项目化方式破解这一问题。`,
    goals: `一年内形成“${topic.steps.join('、')}”的工作闭环，打造可复制、可推广的工作机制。`,
    measures: topic.steps.map((s, i) => `${'一二三'[i]}、${s}：制定方案，明确责任人和时间表，按月检查推进情况。`).join('\n'),
    innovation: topic.idea,
    milestones: [
      { date: month(2), task: '完成方案制定与团队分工' },
      { date: month(6), task: '完成中期阶段任务，形成阶段成果' },
      { date: month(11), task: '总结提炼，形成工作机制' },
    ],
    brandId: null,
    attachments: [],
    expectedOutcomes: '形成工作机制一套、典型案例两篇、宣传报道三篇以上。',
    budget: [
      { item: '学习资料与宣传品印制', amountFen: 400_000 },
      { item: '实践活动交通与场地', amountFen: 800_000 },
      { item: '专家指导与培训', amountFen: 600_000 },
    ],
  };
}

/** A draft still being written: a title and a little background. */
export function draft(topic: Topic): ApplicationFields {
  return { ...application(topic, '2026-01-01', ''), contactPhone: '', goals: '', measures: '', innovation: '', milestones: [], expectedOutcomes: '', budget: [] };
}

export const MIDTERM = {
  progress: '已按计划完成方案制定、团队组建和两轮集中活动，覆盖师生党员 120 余人次。',
  results: '形成阶段性工作指引一份，相关做法在学院党委会上作交流。',
  spendingNote: '第一笔经费已使用约六成，主要用于资料印制和实践活动交通。',
  changeRequests: '',
};
