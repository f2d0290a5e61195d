import { describe, expect, it } from 'vitest';
import { BRAND_LIMITS, brandReportSchema, emptyBrandReport, FIVE_HAS, linkProblem, missingFiveHas, savableReport, type BrandReport, type InfluenceEntry } from './report';
import { BRAND_STAGE_LABELS, BRAND_STAGES, canAdvanceStage, stageIndex, type BrandStage } from './stage';
import { BRAND_ACTIONS, BRAND_STATES, canEditReport, isInLibrary, isPublic, nextBrandState, type BrandAction, type BrandState } from './state';

const FULL: BrandReport = {
  name: '红色引擎·智汇先锋',
  logo: { fileId: 'cloud://env/brand/logo.png', explanation: '红色齿轮象征党建引领发展。' },
  connotation: '以党建引领科研创新，把支部建在团队上。',
  approach: '实践—总结—规范—提高—定型—推广，三年形成品牌。',
  stage: 'standardise',
  carriers: [
    { title: '先锋讲堂', description: '每月一次的党员讲堂。', projectId: null, photos: ['cloud://env/p1.jpg'] },
    { title: '科研攻关党员突击队', description: '', projectId: 'p-1', photos: [] },
  ],
  influence: [
    { kind: 'coverage', title: '学习强国报道', date: '2026-10-01', link: 'https://www.xuexi.cn/a.html', imageId: null },
    { kind: 'award', title: '省级优秀党建品牌', date: '', link: '', imageId: 'cloud://env/award.jpg' },
  ],
  problems: '品牌影响力仍需扩大。',
  publicNames: ['品牌负责人 王老师'],
};

const influence = (over: Partial<InfluenceEntry>): InfluenceEntry => ({ ...FULL.influence[0], ...over });

function issues(input: unknown) {
  const r = brandReportSchema.safeParse(input);
  if (r.success) throw new Error('expected the report to be refused');
  return r.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
}

describe('brandReportSchema', () => {
  it('accepts an empty report (drafting)', () => {
    const r = brandReportSchema.safeParse(emptyBrandReport());
    expect(r.success).toBe(true);
    expect(r.data).toEqual(emptyBrandReport());
  });

  it('accepts a full report unchanged', () => {
    const r = brandReportSchema.safeParse(FULL);
    expect(r.success).toBe(true);
    expect(r.data).toEqual(FULL);
  });

  it('refuses a 21-character name with the Chinese message', () => {
    expect(issues({ ...FULL, name: '党'.repeat(21) })).toEqual([{ path: 'name', message: '品牌名称不能超过20个字' }]);
    expect(brandReportSchema.safeParse({ ...FULL, name: '党'.repeat(20) }).success).toBe(true);
  });

  it('refuses a name with a line break inside', () => {
    expect(issues({ ...FULL, name: '红色\n引擎' })).toEqual([{ path: 'name', message: '品牌名称不能换行' }]);
  });

  it('trims the name and strips control characters from it', () => {
    const r = brandReportSchema.parse({ ...FULL, name: '  红色\u0007引擎  ' });
    expect(r.name).toBe('红色引擎');
  });

  it('allows an empty or blank name while drafting (stored trimmed)', () => {
    expect(brandReportSchema.parse({ ...FULL, name: '   ' }).name).toBe('');
  });

  it('refuses a name that is not text', () => {
    expect(issues({ ...FULL, name: 42 })).toEqual([{ path: 'name', message: '品牌名称须为文字' }]);
  });

  it('refuses text over its limit, counting code points', () => {
    expect(brandReportSchema.safeParse({ ...FULL, connotation: '党'.repeat(BRAND_LIMITS.connotation) }).success).toBe(true);
    expect(issues({ ...FULL, connotation: '党'.repeat(BRAND_LIMITS.connotation + 1) })).toEqual([
      { path: 'connotation', message: '品牌内涵不能超过3000字' },
    ]);
    expect(brandReportSchema.safeParse({ ...FULL, connotation: '🚩'.repeat(BRAND_LIMITS.connotation) }).success).toBe(true);
  });

  it('refuses an unknown stage and more than 9 photos on a carrier', () => {
    expect(issues({ ...FULL, stage: 'done' })[0].message).toBe('请选择当前所处阶段');
    const photos = Array.from({ length: 10 }, (_, i) => `cloud://env/f${i}.jpg`);
    expect(issues({ ...FULL, carriers: [{ ...FULL.carriers[0], photos }] })[0].message).toBe('每个活动最多9张照片');
  });

  it('refuses a blank public name', () => {
    expect(issues({ ...FULL, publicNames: ['  '] })[0].message).toBe('公开署名不能为空');
  });

  it('refuses an influence date that is not a calendar date', () => {
    expect(issues({ ...FULL, influence: [influence({ date: '2026-02-30' })] })[0].message).toBe('日期格式应为 YYYY-MM-DD');
    expect(brandReportSchema.safeParse({ ...FULL, influence: [influence({ date: '' })] }).success).toBe(true);
  });

  describe('file ids', () => {
    it.each(['cloud://env-1a2b.7072-env/brand/logo.png', 'local:3f2a9c.jpg'])('accepts %j', (fileId) => {
      expect(brandReportSchema.safeParse({ ...FULL, logo: { fileId, explanation: '' } }).success).toBe(true);
      expect(brandReportSchema.safeParse({ ...FULL, influence: [influence({ imageId: fileId })] }).success).toBe(true);
    });

    it.each(['', 'https://img.example.cn/a.png', 'local:../etc/passwd', 'local:', 'cloud://', 'cloud://a b.png'])('refuses %j', (fileId) => {
      expect(issues({ ...FULL, logo: { fileId, explanation: '' } })).toEqual([{ path: 'logo.fileId', message: '图片标识无效，请重新上传' }]);
      expect(issues({ ...FULL, carriers: [{ ...FULL.carriers[0], photos: [fileId] }] })).toEqual([
        { path: 'carriers.0.photos.0', message: '图片标识无效，请重新上传' },
      ]);
    });
  });

  describe('links', () => {
    it.each(['https://www.xuexi.cn/a.html', 'http://news.szu.edu.cn/x?id=1', 'https://example.cn', ''])('accepts %j', (link) => {
      expect(brandReportSchema.safeParse({ ...FULL, influence: [influence({ link })] }).success).toBe(true);
    });

    it.each(['www.xuexi.cn', 'ftp://files.example.cn/a', 'javascript:alert(1)', 'https://', 'https://a b.cn', ' https://a.cn'])('refuses %j', (link) => {
      expect(issues({ ...FULL, influence: [influence({ link })] })).toEqual([
        { path: 'influence.0.link', message: '链接须以 http:// 或 https:// 开头' },
      ]);
    });

    it('refuses a link over 500 characters', () => {
      const link = `https://a.cn/${'x'.repeat(500)}`;
      expect(issues({ ...FULL, influence: [influence({ link })] }).map((i) => i.message)).toContain('链接过长');
    });
  });
});

describe('missingFiveHas: the 五有 standard', () => {
  it('names every section of an empty report by its label, in order', () => {
    const missing = missingFiveHas(emptyBrandReport());
    expect(missing.map((m) => m.label)).toEqual([
      '有鲜明的品牌名称',
      '有深刻的品牌内涵',
      '有明确的创建思路',
      '有丰富的活动载体',
      '有广泛的社会影响',
    ]);
    expect(missing.map((m) => m.section)).toEqual(Object.keys(FIVE_HAS));
    expect(missing.find((m) => m.section === 'name')?.reason).toBe('请填写品牌名称');
    for (const m of missing) expect(m.reason).not.toBe('');
  });

  it('finds nothing missing in a complete report', () => {
    expect(missingFiveHas(FULL)).toEqual([]);
  });

  it('counts whitespace-only text as missing', () => {
    expect(missingFiveHas({ ...FULL, connotation: '  \n ', approach: '\u3000' }).map((m) => m.section)).toEqual(['connotation', 'approach']);
  });

  it('names a too-long or multi-line name with its reason', () => {
    expect(missingFiveHas({ ...FULL, name: '党'.repeat(21) })).toEqual([{ section: 'name', label: '有鲜明的品牌名称', reason: '品牌名称不能超过20个字' }]);
    expect(missingFiveHas({ ...FULL, name: '红色\n引擎' })[0].reason).toBe('品牌名称不能换行');
  });

  it('needs at least one carrier, each with a title', () => {
    expect(missingFiveHas({ ...FULL, carriers: [] }).map((m) => m.section)).toEqual(['carriers']);
    const untitled = { ...FULL.carriers[0], title: ' ' };
    expect(missingFiveHas({ ...FULL, carriers: [FULL.carriers[0], untitled] }).map((m) => m.section)).toEqual(['carriers']);
  });

  it('needs at least one influence entry, each titled and with a link or an image', () => {
    expect(missingFiveHas({ ...FULL, influence: [] }).map((m) => m.label)).toEqual(['有广泛的社会影响']);
    const bare = influence({ link: '', imageId: null });
    expect(missingFiveHas({ ...FULL, influence: [bare] }).map((m) => m.label)).toEqual(['有广泛的社会影响']);
    expect(missingFiveHas({ ...FULL, influence: [FULL.influence[0], bare] }).map((m) => m.label)).toEqual(['有广泛的社会影响']);
    expect(missingFiveHas({ ...FULL, influence: [influence({ title: '' })] }).map((m) => m.label)).toEqual(['有广泛的社会影响']);
    expect(missingFiveHas({ ...FULL, influence: [influence({ link: 'https://a.cn', imageId: null })] })).toEqual([]);
    expect(missingFiveHas({ ...FULL, influence: [influence({ link: '', imageId: 'cloud://img' })] })).toEqual([]);
  });

  it('does not require the logo, the problems or public names', () => {
    expect(missingFiveHas({ ...FULL, logo: null, problems: '', publicNames: [] })).toEqual([]);
  });
});

describe('stages: 实践—总结—规范—提高—定型—推广', () => {
  it('are six, in order, with their labels', () => {
    expect(BRAND_STAGES.map((s) => BRAND_STAGE_LABELS[s]).join('—')).toBe('实践—总结—规范—提高—定型—推广');
    BRAND_STAGES.forEach((s, i) => expect(stageIndex(s)).toBe(i));
  });

  it('move forward or stay, never back', () => {
    for (const from of BRAND_STAGES) {
      for (const to of BRAND_STAGES) {
        expect(canAdvanceStage(from, to), `${from} → ${to}`).toBe(BRAND_STAGES.indexOf(to) >= BRAND_STAGES.indexOf(from));
      }
    }
    expect(canAdvanceStage('practice', 'promote')).toBe(true); // skipping ahead is allowed
    expect(canAdvanceStage('improve', 'improve')).toBe(true);
    expect(canAdvanceStage('promote', 'practice')).toBe(false);
    expect(canAdvanceStage('summary', 'practice')).toBe(false);
  });

  it('every stage is reachable from the first and none goes back to it', () => {
    const from: BrandStage = 'practice';
    expect(BRAND_STAGES.every((to) => canAdvanceStage(from, to))).toBe(true);
    expect(BRAND_STAGES.filter((s) => s !== 'practice').some((s) => canAdvanceStage(s, 'practice'))).toBe(false);
  });
});

describe('brand workflow: draft → submitted → returned ⇄ submitted | accepted → promoted', () => {
  const EXPECTED: Record<BrandState, Partial<Record<BrandAction, BrandState>>> = {
    draft: { submit: 'submitted' },
    submitted: { accept: 'accepted', return: 'returned' },
    returned: { submit: 'submitted' },
    accepted: { promote: 'promoted', return: 'returned' },
    promoted: {},
  };

  const cases = BRAND_STATES.flatMap((from) => BRAND_ACTIONS.map((action) => [from, action, EXPECTED[from][action] ?? null] as const));

  it('covers every state and action', () => {
    expect(cases).toHaveLength(BRAND_STATES.length * BRAND_ACTIONS.length);
    expect(cases.filter(([, , to]) => to !== null)).toHaveLength(6);
  });

  it.each(cases)('%s + %s → %s', (from, action, to) => {
    expect(nextBrandState(from, action)).toBe(to);
  });

  it('lets the committee edit its report only while draft or returned', () => {
    expect(BRAND_STATES.filter(canEditReport)).toEqual(['draft', 'returned']);
  });

  it('puts accepted and promoted brands in the 资源库, and only promoted ones in public', () => {
    expect(BRAND_STATES.filter(isInLibrary)).toEqual(['accepted', 'promoted']);
    expect(BRAND_STATES.filter(isPublic)).toEqual(['promoted']);
  });
});

describe('a bad link does not stop the report from saving', () => {
  const entry = (link: string): InfluenceEntry => ({ kind: 'coverage', title: '报道', date: '', link, imageId: null });
  it('saves the rest, the bad link keeping its last saved value, and names it in the 五有 list', () => {
    const saved: BrandReport = { ...emptyBrandReport(), influence: [entry('https://example.org/1')] };
    const typed: BrandReport = { ...saved, connotation: '新内涵', influence: [entry('www.example.org/2'), entry('example.org')] };
    const sent = savableReport(typed, saved);
    expect(sent.connotation).toBe('新内涵');
    expect(sent.influence.map((i) => i.link)).toEqual(['https://example.org/1', '']);
    expect(brandReportSchema.safeParse(sent).success).toBe(true);
    expect(linkProblem('www.example.org/2')).toBe('链接须以 http:// 或 https:// 开头');
    expect(missingFiveHas(typed).find((m) => m.section === 'influence')?.reason).toBe('2条社会影响的链接须以 http:// 或 https:// 开头');
    expect(savableReport(saved, saved)).toBe(saved);
  });
});
