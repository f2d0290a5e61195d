import { pinyin } from 'pinyin-pro';

/**
 * What the server derives from a person's name and 工号/学号 when it writes a profile, so that
 * the store sorts and searches people with its indexes and no work per row at read time.
 * pinyin-pro (its dictionary is large) stays here, on the server: the phone never loads it.
 */
export interface NameKeys {
  /**
   * Sorts as a Chinese reader expects, by plain byte order (SQLite's and CloudBase's own): per
   * character its pinyin, the tone's digit (below every letter, so 李 li3 comes before 梁 liang2)
   * and the character itself (the same reading groups together). Surnames read as surnames:
   * 曾 zeng, 单 shan, 尉迟 yuchi.
   */
  nameSort: string;
  /**
   * Every key a search may start: from each character of the name on, its full pinyin, its
   * initials and its characters (so any contiguous part of the name is the start of one), and
   * the 工号/学号; lower-case, without spaces.
   */
  searchKeys: string[];
}

/** Spaces and the dots of transcribed names (买买提·艾力) are not typed in a search. */
const SEPARATORS = /[\s·・.．]+/g;

/** One character of a name with what pinyin-pro reads for it (in the name, with surname readings). */
interface Reading {
  char: string;
  /** Tone-less pinyin (lower-case); for a character with no pinyin, the character itself lower-cased. */
  letters: string;
  /** '1'–'4', '0' for the neutral tone; '' for a character with no pinyin. */
  tone: string;
}

function readings(name: string): Reading[] {
  const chars = [...name.replace(SEPARATORS, '')];
  if (chars.length === 0) return [];
  const read = pinyin(chars.join(''), { surname: 'head', toneType: 'num', type: 'array', nonZh: 'spaced' });
  // pinyin-pro answers one entry per character here; should it ever not, read each alone.
  const parts = read.length === chars.length ? read : chars.map((c) => pinyin(c, { toneType: 'num' }));
  return chars.map((char, i) => {
    const m = /^([a-zü]+)([0-4])$/.exec(parts[i] ?? '');
    return m && m[1] !== char ? { char, letters: m[1].replace(/ü/g, 'v'), tone: m[2] } : { char, letters: char.toLowerCase(), tone: '' };
  });
}

export function nameKeys(name: string, staffNo: string): NameKeys {
  const read = readings(name.trim());
  const nameSort = read.map((r) => (r.tone ? `${r.letters}${r.tone}${r.char}` : r.letters)).join('');
  const keys = new Set<string>();
  for (let i = 0; i < read.length; i += 1) {
    const rest = read.slice(i);
    keys.add(rest.map((r) => r.letters).join(''));
    keys.add(rest.map((r) => r.letters[0] ?? '').join(''));
    keys.add(rest.map((r) => r.char.toLowerCase()).join(''));
  }
  const number = staffNo.trim().toLowerCase();
  if (number) keys.add(number);
  return { nameSort, searchKeys: [...keys] };
}

/** A search as typed, in the form of the keys: lower-case, no spaces; '' when nothing is left. */
export function searchKey(q: string): string {
  return q.trim().toLowerCase().replace(SEPARATORS, '');
}

/** The store condition "some key starts with the search" (for the declared list field `searchKeys`). */
export function searchKeysStartWith(q: string): { $gte: string; $lt: string } {
  const key = searchKey(q);
  return { $gte: key, $lt: `${key}\uffff` };
}

/** A stored person's keys; derived here for one written before the keys existed and not backfilled yet. */
export function keysOf(user: { profile: { name: string; staffNo: string }; nameSort?: string; searchKeys?: string[] }): NameKeys {
  return user.nameSort !== undefined && user.searchKeys ? { nameSort: user.nameSort, searchKeys: user.searchKeys } : nameKeys(user.profile.name, user.profile.staffNo);
}

/** Compares people held in memory in pinyin order, as the store orders `nameSort` (plain code-unit order). */
export function byNameSort<T>(sortKey: (t: T) => string): (a: T, b: T) => number {
  return (a, b) => {
    const x = sortKey(a);
    const y = sortKey(b);
    return x < y ? -1 : x > y ? 1 : 0;
  };
}
