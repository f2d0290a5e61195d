import { describe, expect, it } from 'vitest';
import { bindProblems, profileInput } from './profile';
import { describeValidation } from './zod-zh';

const EMPTY = { name: '', staffNo: '', kind: null, committeeId: null, branchId: null, politicalStatus: null, isPartyWorker: null };

describe('every bind error names every problem', () => {
  it('names the empty 姓名 and 工号 with the choices not made', () => {
    expect(bindProblems(EMPTY)).toBe('请填写姓名；请填写工号/学号；请选择身份（教职工/学生）；请选择所在基层党委（总支）；请选择所在党支部；请选择政治面貌；请选择是否为党务工作者');
  });
  it('names each field that is wrong, not «另有1处问题»', () => {
    const message = bindProblems({ ...EMPTY, name: '王', staffNo: '12', kind: 'teacher', committeeId: 'c', branchId: 'b', politicalStatus: 'full_member', isPartyWorker: false });
    expect(message).toBe('姓名须为2至20个字；工号/学号须为4至20位字母或数字');
    const r = profileInput.safeParse({ name: '王', staffNo: '12', kind: 'teacher', committeeId: 'c-cs', branchId: 'b-1', politicalStatus: 'full_member', isPartyWorker: false });
    expect(r.success).toBe(false);
    if (!r.success) expect(describeValidation(r.error, 'profile.bind').message).toBe('姓名须为2至20个字；工号/学号须为4至20位字母或数字');
  });
  it('has nothing to say about a complete form', () => {
    expect(bindProblems({ name: '王小明', staffNo: 'S2026001', kind: 'student', committeeId: 'c', branchId: 'b', politicalStatus: 'member', isPartyWorker: false })).toBeNull();
  });
});
