import { describe, expect, it } from 'vitest';
import { APPLICATION_SECTIONS, buildApplicationDocx, type ApplicationDocument } from './application';
import { openDocx, xmlProblem } from './read-docx';
import { PAGE } from './style';

const SAMPLE: ApplicationDocument = {
  batchName: '第三批校级党建精品项目（2026）',
  title: '“红色引擎”党建与科研融合工程',
  committeeName: '计算机与软件学院党委',
  hostName: '张晓明',
  hostPoliticalStatus: '中共正式党员',
  contactPhone: '13800138000',
  category: '党建与业务融合',
  filledDate: '2026-11-27',
  stateLabel: '已推荐',
  team: [
    { name: '张晓明', unit: '计算机与软件学院党委', politicalStatus: '中共正式党员', role: '项目主持人' },
    { name: '李思雨', unit: '计算机与软件学院党委', politicalStatus: '中共预备党员', role: '项目成员（学生）' },
  ],
  background: '科研团队党员分散，党建与业务“两张皮”。',
  goals: '以支部建在团队上为抓手，推动党建与科研深度融合。',
  measures: '一、组织共建；\n二、骨干双培；\n三、项目攻关。',
  innovation: '“支部+课题组”双向嵌入。',
  expectedOutcomes: '形成可复制的工作机制一套，宣传报道三篇。',
  milestones: [
    { date: '2027-03-01', task: '完成组织共建方案' },
    { date: '2027-09-30', task: '形成阶段成果' },
  ],
  budget: [
    { item: '学习资料印制费', amountFen: 120_050 },
    { item: '实践活动交通费', amountFen: 300_000 },
  ],
  brandName: '“三融三促”铸魂工程',
  attachments: ['工作方案.pdf', '往年活动照片.jpg'],
  recommendation: { opinion: '经党委会研究，同意推荐。', rank: 1 },
};

describe('the 申报书 .docx', () => {
  it('holds the title block, every section, the team, milestones, budget in yuan and the opinion boxes', async () => {
    const doc = await openDocx(await buildApplicationDocx(SAMPLE));
    expect(doc.paragraphs).toContain('党建精品项目申报书');
    expect(doc.paragraphs).toContain('第三批校级党建精品项目（2026）');
    const cover = doc.tables[0]!;
    expect(cover).toEqual([
      ['项目名称', SAMPLE.title],
      ['申报单位', '计算机与软件学院党委'],
      ['项目负责人', '张晓明'],
      ['联系电话', '13800138000'],
      ['填报日期', '2026年11月27日'],
    ]);
    APPLICATION_SECTIONS.forEach((name) => expect(doc.paragraphs.some((p) => p.endsWith(`、${name}`))).toBe(true));
    expect(doc.paragraphs).toContain('一、项目基本情况');
    expect(doc.paragraphs).toContain('十二、党委组织部意见');

    const basic = doc.tables[1]!;
    expect(basic).toContainEqual(['项目负责人', '张晓明', '政治面貌', '中共正式党员']);
    expect(basic).toContainEqual(['联系电话', '13800138000', '申报经费（元）', '4,200.50']);
    expect(basic).toContainEqual(['所属党建品牌', '“三融三促”铸魂工程']);

    const team = doc.tables[2]!;
    expect(team[0]).toEqual(['序号', '姓名', '单位', '政治面貌', '分工/角色']);
    expect(team.slice(1)).toEqual([
      ['1', '张晓明', '计算机与软件学院党委', '中共正式党员', '项目主持人'],
      ['2', '李思雨', '计算机与软件学院党委', '中共预备党员', '项目成员（学生）'],
    ]);

    for (const text of [SAMPLE.background, SAMPLE.goals, SAMPLE.innovation, SAMPLE.expectedOutcomes, '一、组织共建；', '三、项目攻关。']) {
      expect(doc.paragraphs).toContain(text);
    }
    const milestones = doc.tables[3]!;
    expect(milestones.slice(1)).toEqual([
      ['1', '2027-03-01', '完成组织共建方案'],
      ['2', '2027-09-30', '形成阶段成果'],
    ]);
    const budget = doc.tables[4]!;
    expect(budget.slice(1)).toEqual([
      ['1', '学习资料印制费', '1,200.50'],
      ['2', '实践活动交通费', '3,000.00'],
      ['合计', '4,200.50'],
    ]);
    expect(doc.paragraphs).toContain('1. 工作方案.pdf');
    expect(doc.paragraphs).toContain('2. 往年活动照片.jpg');

    const [committeeBox, orgBox] = doc.tables.slice(5);
    expect(committeeBox![0]![0]).toBe('基层党委（总支）意见');
    expect(committeeBox![0]![1]).toContain('推荐意见：经党委会研究，同意推荐。');
    expect(committeeBox![0]![1]).toContain('推荐排序：第 1 位');
    expect(committeeBox![0]![1]).toContain('书记（签字）');
    expect(committeeBox![0]![1]).toContain('（盖章）');
    expect(committeeBox![0]![1]).toContain('年      月      日');
    expect(orgBox![0]).toEqual(['党委组织部意见', expect.stringContaining('负责人（签字）')]);
    expect(orgBox![0]![1]).not.toContain('推荐意见');
  });

  it('leaves the committee box blank to fill by hand until the project is recommended', async () => {
    const doc = await openDocx(await buildApplicationDocx({ ...SAMPLE, recommendation: null, stateLabel: '草稿', filledDate: null }));
    const box = doc.tables.find((t) => t[0]![0] === '基层党委（总支）意见')!;
    expect(box[0]![1]).not.toContain('推荐意见');
    expect(box[0]![1]).toContain('书记（签字）');
    // Two lines of label, five blank lines to write the opinion on, three to sign, seal and date.
    const boxXml = [...doc.xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => m[0]).find((x) => x.includes('（总支）'))!;
    expect(boxXml.match(/<w:p[ >]/g)!.length).toBe(10);
    expect(doc.tables[0]).toContainEqual(['填报日期', '      年    月    日']);
  });

  it('is an A4 page with the official margins, fonts and a "— 1 —" page number', async () => {
    const doc = await openDocx(await buildApplicationDocx(SAMPLE));
    expect(doc.xml).toMatch(new RegExp(`<w:pgSz w:w="${PAGE.width}" w:h="${PAGE.height}"`));
    expect(PAGE).toMatchObject({ width: 11906, height: 16838 });
    const margin = /<w:pgMar ([^>]*)\/>/.exec(doc.xml)![1]!;
    const twips = (k: string) => Number(new RegExp(`w:${k}="(\\d+)"`).exec(margin)![1]);
    const mm = (t: number) => (t / 1440) * 25.4;
    expect(mm(twips('top'))).toBeCloseTo(37, 0);
    expect(mm(twips('bottom'))).toBeCloseTo(35, 0);
    expect(mm(twips('left'))).toBeCloseTo(28, 0);
    expect(mm(twips('right'))).toBeCloseTo(26, 0);

    // Title: 方正小标宋简体 二号; body 仿宋_GB2312 三号 on a fixed line; headings 黑体.
    const titleRun = /<w:r>(?:(?!<\/w:r>)[\s\S])*?<w:t[^>]*>党建精品项目申报书<\/w:t><\/w:r>/.exec(doc.xml)![0];
    expect(titleRun).toContain('w:eastAsia="方正小标宋简体"');
    expect(titleRun).toMatch(/w:ascii="华文中宋"/);
    expect(titleRun).toContain('<w:sz w:val="44"/>');
    const bodyRun = new RegExp(`<w:r>(?:(?!</w:r>)[\\s\\S])*?<w:t[^>]*>${SAMPLE.goals}</w:t></w:r>`).exec(doc.xml)![0];
    expect(bodyRun).toContain('w:eastAsia="仿宋_GB2312"');
    expect(bodyRun).toContain('w:ascii="仿宋"');
    expect(bodyRun).toContain('<w:sz w:val="32"/>');
    const headingRun = /<w:r>(?:(?!<\/w:r>)[\s\S])*?<w:t[^>]*>一、项目基本情况<\/w:t><\/w:r>/.exec(doc.xml)![0];
    expect(headingRun).toContain('w:eastAsia="黑体"');
    expect(doc.xml).toMatch(/<w:spacing [^>]*w:line="580" w:lineRule="exact"/);
    const styles = await doc.part('word/styles.xml');
    expect(styles).toContain('w:eastAsia="仿宋_GB2312"');
    expect(styles).toContain('w:eastAsia="zh-CN"');

    const footerName = doc.names.find((n) => /^word\/footer\d+\.xml$/.test(n))!;
    const footer = await doc.part(footerName);
    expect(footer).toContain('<w:instrText xml:space="preserve">PAGE</w:instrText>');
    expect(footer).toMatch(/— <\/w:t>[\s\S]*PAGE[\s\S]*> —<\/w:t>/);
    expect(footer).toContain('w:eastAsia="宋体"');
    expect(footer).toContain('<w:sz w:val="28"/>');
  });

  it('keeps tables inside the text width with a fixed layout', async () => {
    const doc = await openDocx(await buildApplicationDocx(SAMPLE));
    const grids = [...doc.xml.matchAll(/<w:tblGrid>([\s\S]*?)<\/w:tblGrid>/g)].map((g) => [...g[1]!.matchAll(/w:w="(\d+)"/g)].reduce((a, m) => a + Number(m[1]), 0));
    expect(grids.length).toBe(doc.tables.length);
    for (const w of grids) expect(w).toBeLessThanOrEqual(PAGE.width - PAGE.margin.left - PAGE.margin.right);
    expect(doc.xml.match(/<w:tblLayout w:type="fixed"\/>/g)!.length).toBe(doc.tables.length);
  });

  it('still makes a valid file from hostile text: control characters, a 10 000-character section, markup', async () => {
    const nasty = 'A\u0000B\u0001C\u0008D\u000BE\u001FF\u007FG\uFFFEH\uD800I<w:p>&amp;]]>"\'';
    const doc = await openDocx(
      await buildApplicationDocx({
        ...SAMPLE,
        title: nasty,
        measures: '举'.repeat(10_000),
        background: `${nasty}\r\n第二段\r第三段`,
        team: [{ name: nasty, unit: nasty, politicalStatus: '其他', role: nasty }],
        milestones: [{ date: '', task: nasty }],
        budget: [{ item: nasty, amountFen: 0 }],
        attachments: [nasty],
        brandName: nasty,
        recommendation: { opinion: nasty, rank: null },
      }),
    );
    const clean = 'ABCDEFGHI<w:p>&amp;]]>"\'';
    expect(doc.tables[0]![0]).toEqual(['项目名称', clean]);
    expect(doc.paragraphs).toContain(clean);
    expect(doc.paragraphs).toContain('第二段');
    expect(doc.paragraphs).toContain('第三段');
    expect(doc.paragraphs).toContain('举'.repeat(10_000));
    expect(doc.tables[3]![1]).toEqual(['1', '（未定）', clean]);
    expect(doc.text).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
  });

  it('says what is missing in an empty draft instead of leaving holes', async () => {
    const doc = await openDocx(
      await buildApplicationDocx({ ...SAMPLE, title: '', contactPhone: '', category: '', background: '', goals: '', measures: '', innovation: '', expectedOutcomes: '', milestones: [], budget: [], attachments: [], brandName: null, recommendation: null }),
    );
    expect(doc.tables[0]![0]).toEqual(['项目名称', '（未命名）']);
    for (const heading of ['三、实施背景与拟解决的问题', '四、建设目标', '五、建设思路与主要举措', '六、创新点', '八、预期成果']) {
      expect(doc.paragraphs[doc.paragraphs.indexOf(heading) + 1]).toBe('（未填写）');
    }
    expect(doc.paragraphs).toContain('（未填写进度安排）');
    expect(doc.paragraphs).toContain('（未填写经费预算）');
    expect(doc.tables[1]).toContainEqual(['联系电话', '（未填写）', '申报经费（元）', '0.00']);
  });
});

describe('the XML check used on the files', () => {
  it('finds what would make Word refuse a part', () => {
    expect(xmlProblem('<?xml version="1.0"?><a b="1"><c/>x &amp; y</a>')).toBeNull();
    expect(xmlProblem('<a>\u0001</a>')).toMatch(/not allowed/);
    expect(xmlProblem('<a><b></a></b>')).toMatch(/does not match/);
    expect(xmlProblem('<a>&nbsp;</a>')).toMatch(/bad character data/);
    expect(xmlProblem('<a b=1></a>')).toMatch(/bad attribute/);
    expect(xmlProblem('<a b="<"></a>')).toMatch(/bad attribute/);
    expect(xmlProblem('<a></a><b/>')).toMatch(/2 root/);
    expect(xmlProblem('<a>')).toMatch(/unclosed/);
    expect(xmlProblem('<a>\uD800</a>')).toMatch(/not allowed/);
  });
});
