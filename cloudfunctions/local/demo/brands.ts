import type { BrandReport } from '@shared/domain/brand/report';
import type { LocalFiles } from '../../core/adapters/local/files';
import type { DemoDriver } from './driver';
import { ADMIN, PEOPLE, SECRETARY_CS, SECRETARY_ME } from './people';
import { emblem, scene } from './pictures';

/**
 * 一党委一品牌: three brands promoted (showcase, 品牌展示, 资源库) with their 标识, photos,
 * carriers, influence and events; one accepted; this year's reports submitted and in draft.
 */
interface BrandStory {
  secretary: string;
  committeeId: string;
  name: string;
  explanation: string;
  connotation: string;
  approach: string;
  carriers: Array<{ title: string; description: string }>;
  influence: Array<{ kind: BrandReport['influence'][number]['kind']; title: string; link: string }>;
  publicNames: string[];
}

const STORIES: BrandStory[] = [
  {
    secretary: SECRETARY_CS,
    committeeId: 'c-cs',
    name: '红色引擎·智汇先锋',
    explanation: '红色圆徽象征党的领导，金色五角星象征党员先锋，寓意党建为科研创新提供引擎。',
    connotation: '以党建引领科研创新，把支部建在团队上，让党员成为攻关的先锋。',
    approach: '实践—总结—规范—提高—定型—推广，三年形成“支部+课题组”品牌。',
    carriers: [
      { title: '先锋讲堂', description: '每月一次，由党员教授讲科研报国故事。' },
      { title: '党员攻关岗', description: '在重点科研项目中设立党员攻关岗，亮身份、作表率。' },
    ],
    influence: [
      { kind: 'coverage', title: '学习强国报道学院“支部建在团队上”做法', link: 'https://www.xuexi.cn/' },
      { kind: 'award', title: '获评校级党建工作创新奖', link: 'https://www.szu.edu.cn/' },
    ],
    publicNames: ['计算机与软件学院党委', '先锋讲堂工作室'],
  },
  {
    secretary: SECRETARY_ME,
    committeeId: 'c-me',
    name: '匠心铸魂',
    explanation: '金色横线象征工程的精度，五角星象征初心，寓意以工匠精神铸就育人之魂。',
    connotation: '弘扬工匠精神，把党的教育融入工程实践，培养又红又专的卓越工程师。',
    approach: '以实验室为阵地、以项目为载体，党员带头、师生共建。',
    carriers: [
      { title: '党员实验室开放日', description: '党员教师带领本科生走进重点实验室。' },
      { title: '大国工匠进课堂', description: '邀请劳模工匠与学生面对面。' },
    ],
    influence: [{ kind: 'recognition', title: '入选省级党建工作样板支部培育创建单位', link: 'https://www.szu.edu.cn/' }],
    publicNames: ['机电与控制工程学院党委'],
  },
  {
    secretary: PEOPLE.secMed.openid,
    committeeId: 'c-med',
    name: '白衣守护',
    explanation: '三颗星象征医、教、研，红色圆徽象征守护生命的赤诚。',
    connotation: '践行“敬佑生命、救死扶伤、甘于奉献、大爱无疆”，以党建引领健康服务。',
    approach: '党员义诊、健康科普、家庭医生助理结对，三年覆盖周边十个社区。',
    carriers: [
      { title: '党员义诊进社区', description: '每月第二个周六，党员医生与医学生进社区义诊。' },
      { title: '健康科普短视频', description: '医学生党员原创科普短视频，累计播放十万余次。' },
    ],
    influence: [{ kind: 'coverage', title: '深圳特区报报道医学部党员义诊', link: 'https://www.sznews.com/' }],
    publicNames: ['医学部党委', '白衣守护志愿服务队'],
  },
];

function report(story: BrandStory, year: number, files: LocalFiles, variant: number, projectId: string | null): BrandReport {
  const logo = files.saveImage(emblem(variant)).fileId;
  return {
    name: story.name,
    logo: { fileId: logo, explanation: story.explanation },
    connotation: story.connotation,
    approach: story.approach,
    stage: 'standardise',
    carriers: story.carriers.map((c, i) => ({ ...c, projectId: i === 0 ? projectId : null, photos: [files.saveImage(scene(variant + i)).fileId] })),
    influence: story.influence.map((inf, i) => ({ ...inf, date: `${year}-${String(4 + i * 3).padStart(2, '0')}-18`, imageId: null })),
    problems: '品牌辐射面仍需扩大，下一步将与兄弟学院共建共享。',
    publicNames: story.publicNames,
  };
}

/** Last year's brands, from the report to promotion and events; this year's reports begun. */
export async function seedBrands(d: DemoDriver, files: LocalFiles, linkable: Record<string, string | null>): Promise<void> {
  const year = d.year() - 1;
  for (const [i, story] of STORIES.entries()) {
    d.day(-330 + i);
    let b = await d.as(story.secretary, 'brand.create', { year });
    b = await d.as(story.secretary, 'brand.save', { id: b._id, version: b.version, report: report(story, year, files, i, linkable[story.committeeId] ?? null) });
    b = await d.as(story.secretary, 'brand.submit', { id: b._id, version: b.version });
    d.day(-320 + i);
    b = await d.as(ADMIN, 'brand.review', { id: b._id, version: b.version, decision: 'accept', comment: '内涵清晰，载体扎实，予以认定。' });
    d.day(-300 + i);
    b = await d.as(story.secretary, 'brand.setCultivation', { id: b._id, version: b.version, plan: '按“六步法”推进：季度有主题，半年有总结，年底有成效。', leader: '党委书记', cadre: '组织员' });
    d.day(-200 + i);
    await d.as(story.secretary, 'brand.addProgress', { brandId: b._id, date: d.date(-200 + i), text: `${story.carriers[0].title}开展第三期，师生党员参与踊跃。`, photos: [files.saveImage(scene(i + 1)).fileId], stage: 'improve' });
    d.day(-150 + i);
    b = await d.as(ADMIN, 'brand.get', { id: b._id });
    b = await d.as(ADMIN, 'brand.promote', { id: b._id, version: b.version });
    d.day(-140 + i);
    await d.as(ADMIN, 'brand.addEvent', { brandId: b._id, kind: 'symposium', date: d.date(-140 + i), place: '汇元楼报告厅', report: `「${story.name}」品牌创建经验交流会，各基层党委书记参加。` });
    d.day(-60 + i);
    await d.as(ADMIN, 'brand.addEvent', { brandId: b._id, kind: 'feature', date: d.date(-60 + i), place: '学校官网、公众号', report: `专题宣传「${story.name}」的做法与成效。` });
  }
  // 艺术学部: accepted into the 资源库, not (yet) promoted.
  d.day(-310);
  const art = await d.as(PEOPLE.secArt.openid, 'brand.create', { year });
  const artReport: BrandReport = {
    name: '丹青颂党恩',
    logo: { fileId: files.saveImage(emblem(3)).fileId, explanation: '以画笔为笔、以丹青为墨，歌颂党的光辉历程。' },
    connotation: '以美育人、以文化人，用艺术作品讲述党的故事。',
    approach: '主题创作、巡回展览、美育进社区。',
    stage: 'practice',
    carriers: [{ title: '主题创作工作坊', description: '师生党员共同创作主题美术作品。', projectId: null, photos: [files.saveImage(scene(2)).fileId] }],
    influence: [{ kind: 'award', title: '主题作品入选省级美术作品展', date: `${year}-05-20`, link: 'https://www.szu.edu.cn/', imageId: null }],
    problems: '作品的社会传播渠道有待拓展。',
    publicNames: ['艺术学部党委'],
  };
  let a = await d.as(PEOPLE.secArt.openid, 'brand.save', { id: art._id, version: art.version, report: artReport });
  a = await d.as(PEOPLE.secArt.openid, 'brand.submit', { id: a._id, version: a.version });
  d.day(-305);
  await d.as(ADMIN, 'brand.review', { id: a._id, version: a.version, decision: 'accept', comment: '' });

  // This year: 计算机学院 has submitted its report (the 组织部 has it to 认定); 机电 has a draft.
  const now = d.year(0);
  d.day(-6);
  let cs = await d.as(SECRETARY_CS, 'brand.create', { year: now });
  cs = await d.as(SECRETARY_CS, 'brand.save', { id: cs._id, version: cs.version, report: { ...report(STORIES[0], now, files, 0, linkable['c-cs'] ?? null), stage: 'improve' } });
  d.day(-2);
  await d.as(SECRETARY_CS, 'brand.submit', { id: cs._id, version: cs.version });
  d.day(-4);
  const me = await d.as(SECRETARY_ME, 'brand.create', { year: now });
  await d.as(SECRETARY_ME, 'brand.save', { id: me._id, version: me.version, report: { ...report(STORIES[1], now, files, 1, null), carriers: [], influence: [], problems: '' } });
}
