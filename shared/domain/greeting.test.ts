import { describe, expect, it } from 'vitest';
import { actingAs, greetingLine } from './greeting';

const names: Record<string, string> = { 'c-cs': '计算机与软件学院党委', 'c-med': '医学部党委' };
const name = (id: string) => names[id] ?? null;

describe('the greeting', () => {
  it('names the role acted in first and the own committee second', () => {
    const liu = actingAs([{ role: 'member' }, { role: 'admin' }, { role: 'reviewer' }], name);
    expect(liu).toBe('党委组织部');
    expect(greetingLine(liu, '医学部党委')).toBe('党委组织部 · 医学部党委');
    const wang = actingAs([{ role: 'member' }, { role: 'secretary', committeeId: 'c-cs' }], name);
    expect(wang).toBe('计算机与软件学院党委书记/组织员');
    expect(greetingLine(wang, '计算机与软件学院党委')).toBe('计算机与软件学院党委书记/组织员');
    expect(greetingLine(actingAs([{ role: 'reviewer' }], name), '艺术学部党委')).toBe('评审专家 · 艺术学部党委');
    expect(greetingLine(actingAs([{ role: 'member' }], name), '艺术学部党委')).toBe('艺术学部党委');
  });
});
