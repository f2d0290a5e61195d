import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeStripedPng } from '../../../../test/support/png';
import { buildBrandReportDocx, type BrandReportDocument } from './brand-report';
import { openDocx } from './read-docx';
import { PAGE } from './style';

const dir = mkdtempSync(path.join(tmpdir(), 'brand-docx-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const png = (name: string, w: number, h: number) => readFileSync(writeStripedPng(path.join(dir, name), w, h));
const WEBP = Buffer.concat([Buffer.from('RIFF'), Buffer.from([0x1a, 0, 0, 0]), Buffer.from('WEBPVP8 '), Buffer.alloc(14)]);

const STAGES = ['实践', '总结', '规范', '提高', '定型', '推广'];

function sample(): BrandReportDocument {
  return {
    committeeName: '计算机与软件学院党委',
    year: 2026,
    stateLabel: '已报送组织部',
    name: '红色引擎·智汇先锋',
    logo: { picture: { label: '品牌标识', bytes: png('logo.png', 400, 200) }, explanation: '红色齿轮象征党建引领发展。' },
    connotation: '以党建引领科研创新。\n把支部建在团队上。',
    approach: '坚持以点带面。',
    stages: STAGES,
    stageIndex: 1,
    carriers: [
      {
        title: '先锋讲堂',
        description: '每月一次的党员讲堂。',
        projectTitle: '“红色引擎”党建与科研融合工程',
        photos: [
          { label: '活动载体1「先锋讲堂」照片1', bytes: png('p1.png', 1600, 1200) },
          { label: '活动载体1「先锋讲堂」照片2', bytes: WEBP },
          { label: '活动载体1「先锋讲堂」照片3', bytes: null },
        ],
      },
      { title: '', description: '', projectTitle: null, photos: [] },
    ],
    influence: [
      { kind: '媒体报道', title: '学习强国报道', date: '2026-10-01', link: 'https://www.xuexi.cn/a.html', picture: null },
      { kind: '荣誉奖项', title: '校级先进党组织', date: '', link: '', picture: { label: '社会影响2「校级先进党组织」附图', bytes: png('award.png', 300, 900) } },
    ],
    problems: '品牌影响力仍需扩大。',
    cultivation: { plan: '每季度一次现场观摩。', leader: '王建国', cadre: '张晓明' },
    publicNames: ['品牌工作室', '王建国'],
    filledDate: '2026-12-01',
  };
}

describe('the brand report .docx', () => {
  it('follows the 五有 with the stage path, carriers, influence table, cultivation and signature', async () => {
    const r = await buildBrandReportDocx(sample());
    expect(r.sections).toBe(7);
    const doc = await openDocx(r.bytes);
    expect(doc.paragraphs[0]).toBe('基层党委（总支）党建品牌创建工作情况报告');
    expect(doc.paragraphs).toContain('计算机与软件学院党委　2026年度');
    expect(doc.paragraphs.filter((p) => /^[一二三四五六七八]、/.test(p))).toEqual([
      '一、有鲜明的品牌名称',
      '二、有深刻的品牌内涵',
      '三、有明确的创建思路',
      '四、有丰富的活动载体',
      '五、有广泛的社会影响',
      '六、存在问题与下一步打算',
      '七、品牌培育',
    ]);
    expect(doc.paragraphs).toContain('当前所处阶段：总结（实践—【总结】—规范—提高—定型—推广）');
    expect(doc.paragraphs).toContain('以党建引领科研创新。');
    expect(doc.paragraphs).toContain('把支部建在团队上。');
    expect(doc.paragraphs).toContain('（一）先锋讲堂');
    expect(doc.paragraphs).toContain('（二）（未命名的活动）');
    expect(doc.paragraphs).toContain('关联党建精品项目：“红色引擎”党建与科研融合工程');
    expect(doc.tables[0]).toEqual([
      ['序号', '类别', '内容', '日期', '链接'],
      ['1', '媒体报道', '学习强国报道', '2026-10-01', 'https://www.xuexi.cn/a.html'],
      ['2', '荣誉奖项', '校级先进党组织', '—', '见附图'],
    ]);
    expect(doc.paragraphs).toContain('领导联系：王建国');
    expect(doc.paragraphs).toContain('干部包抓：张晓明');
    expect(doc.paragraphs).toContain('每季度一次现场观摩。');
    expect(doc.paragraphs).toContain('品牌负责人：品牌工作室、王建国');
    expect(doc.paragraphs).toContain('计算机与软件学院党委（盖章）');
    expect(doc.paragraphs).toContain('2026年12月1日');
  });

  it('embeds PNG pictures scaled into the page and names the WebP and the unreadable one', async () => {
    const r = await buildBrandReportDocx(sample());
    expect(r.embedded).toBe(3);
    expect(r.missing).toEqual(['活动载体1「先锋讲堂」照片2', '活动载体1「先锋讲堂」照片3']);
    const doc = await openDocx(r.bytes);
    const media = doc.names.filter((n) => n.startsWith('word/media/'));
    expect(media).toHaveLength(3);
    expect(media.every((n) => n.endsWith('.png'))).toBe(true);
    const types = await doc.part('[Content_Types].xml');
    expect(types).toMatch(/Extension="png"/);
    const rels = await doc.part('word/_rels/document.xml.rels');
    for (const m of media) expect(rels).toContain(m.replace('word/', ''));
    // Sizes in EMU (9525 per pixel at 96 dpi): logo 150×75, photo 427×320, award 107×320 — all inside the text width.
    const extents = [...doc.xml.matchAll(/<wp:extent cx="(\d+)" cy="(\d+)"\/>/g)].map((m) => [Number(m[1]) / 9525, Number(m[2]) / 9525]);
    expect(extents).toEqual([
      [150, 75],
      [427, 320],
      [107, 320],
    ]);
    const textWidthPx = ((PAGE.width - PAGE.margin.left - PAGE.margin.right) / 1440) * 96;
    for (const [w] of extents) expect(w).toBeLessThanOrEqual(textWidthPx);
    expect(doc.paragraphs).toContain('〔图片：活动载体1「先锋讲堂」照片2（格式无法嵌入 Word，请另附）〕');
    expect(doc.paragraphs).toContain('〔图片：活动载体1「先锋讲堂」照片3（未能读取，请另附）〕');
    expect(doc.paragraphs).toContain('附：未能嵌入的图片');
    // A picture's paragraph is not on the fixed body line, which would clip it to one line's height.
    const picParagraph = /<w:p>(?:(?!<\/w:p>)[\s\S])*?<pic:pic[\s\S]*?<\/w:p>/.exec(doc.xml)![0];
    expect(picParagraph).toContain('w:lineRule="auto"');
  });

  it('says what is missing in an empty report and leaves the date to be written', async () => {
    const r = await buildBrandReportDocx({ ...sample(), name: '', logo: null, connotation: '', carriers: [], influence: [], cultivation: null, publicNames: [], filledDate: null });
    expect(r.sections).toBe(6);
    expect(r.embedded).toBe(0);
    const doc = await openDocx(r.bytes);
    expect(doc.paragraphs).toContain('品牌名称：（未命名）');
    expect(doc.paragraphs).toContain('品牌标识：（未上传）');
    expect(doc.paragraphs).toContain('（未填写活动载体）');
    expect(doc.paragraphs).toContain('（未填写社会影响）');
    expect(doc.paragraphs).toContain('      年    月    日');
    expect(doc.names.some((n) => n.startsWith('word/media/'))).toBe(false);
    expect(doc.paragraphs).not.toContain('附：未能嵌入的图片');
  });

  it('uses the official page and fonts', async () => {
    const doc = await openDocx((await buildBrandReportDocx(sample())).bytes);
    expect(doc.xml).toContain(`<w:pgSz w:w="${PAGE.width}" w:h="${PAGE.height}"`);
    expect(doc.xml).toContain('w:eastAsia="方正小标宋简体"');
    expect(doc.xml).toContain('w:eastAsia="楷体_GB2312"');
    expect(doc.xml).toContain('w:eastAsia="黑体"');
    const footer = await doc.part(doc.names.find((n) => /^word\/footer\d+\.xml$/.test(n))!);
    expect(footer).toContain('PAGE');
  });
});
