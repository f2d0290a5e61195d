import { describe, expect, it } from 'vitest';
import { nameKeys, searchKey } from './name-keys';

const byNameSort = (names: string[]) =>
  [...names].sort((a, b) => {
    const x = nameKeys(a, '').nameSort;
    const y = nameKeys(b, '').nameSort;
    return x < y ? -1 : x > y ? 1 : 0;
  });

/** Does some key start with what was typed (what the store's range on searchKeys asks)? */
const finds = (name: string, staffNo: string, q: string) => nameKeys(name, staffNo).searchKeys.some((k) => k.startsWith(searchKey(q)));

describe('pinyin order of names', () => {
  it('sorts the seed people as a Chinese reader expects, not by character code', () => {
    expect(byNameSort(['刘芳', '张晓明', '李思雨', '王建国', '赵明', '陈立华'])).toEqual(['陈立华', '李思雨', '刘芳', '王建国', '张晓明', '赵明']);
  });

  it('agrees with Intl.Collator("zh-CN") where no surname is read differently', () => {
    const names = ['刘芳', '张晓明', '李思雨', '王建国', '赵明', '陈立华', '安琪', '欧阳修', '李立', '黎明', '吕布', '卢俊义', '梁山伯', '李白', '林黛玉', '马超', '孙权', '周瑜'];
    expect(byNameSort(names)).toEqual([...names].sort(new Intl.Collator('zh-CN').compare));
  });

  it('reads polyphonic surnames as surnames (the collator files 曾 under ceng and 单 under dan)', () => {
    expect(byNameSort(['曾国藩', '陈立华', '邓超', '单雄信', '赵明', '沙僧'])).toEqual(['陈立华', '邓超', '沙僧', '单雄信', '曾国藩', '赵明']);
    expect(nameKeys('曾国藩', '').nameSort.startsWith('zeng')).toBe(true);
    expect(nameKeys('单雄信', '').nameSort.startsWith('shan')).toBe(true);
  });

  it('puts a syllable before a longer one it starts (李 li before 梁 liang) and a name before its longer forms', () => {
    expect(byNameSort(['梁山', '李思雨', '李'])).toEqual(['李', '李思雨', '梁山']);
  });
});

describe('search keys', () => {
  it.each(['wjg', 'WJG', 'wangjianguo', 'wang jian guo', 'Wang Jianguo', 'jianguo', '建国', '王建', '建', '国', 'jg', 'T2019', 't2019001'])('finds 王建国 (T2019001) with %s', (q) => {
    expect(finds('王建国', 'T2019001', q)).toBe(true);
  });

  it.each(['wjh', 'zhang', '建华', '2019', 'angjian'])('does not find 王建国 with %s', (q) => {
    expect(finds('王建国', 'T2019001', q)).toBe(false);
  });

  it('finds a polyphonic surname by its surname reading, and 吕 as lv', () => {
    expect(finds('曾国藩', '1', 'zengguofan')).toBe(true);
    expect(finds('单雄信', '1', 'sxx')).toBe(true);
    expect(finds('吕布', '1', 'lvbu')).toBe(true);
  });

  it('leaves out the dot of a transcribed name', () => {
    expect(finds('买买提·艾力', '1', '买买提艾力')).toBe(true);
    expect(finds('买买提·艾力', '1', 'aili')).toBe(true);
  });

  it('holds each key once', () => {
    const { searchKeys } = nameKeys('王王', 'x1');
    expect(new Set(searchKeys).size).toBe(searchKeys.length);
  });
});
