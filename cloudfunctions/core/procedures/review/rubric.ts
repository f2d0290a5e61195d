import { AppError } from '@shared/contracts/errors';
import type { OutputOf, ParsedInputOf } from '@shared/contracts';
import { validateRubric, type Rubric } from '@shared/domain/project/review';
import type { Context } from '../../context';
import { loadBatch, patchBatch } from './batch';
import { inTransaction } from './release';

const describe = (rubric: Rubric) => rubric.map((c) => `${c.label}(${c.weight}%/${c.max}分)`).join('；');

/** 公开: the rubric is published with the batch and fixed once the first score is in. */
export async function setRubric(ctx: Context, input: ParsedInputOf<'review.setRubric'>): Promise<OutputOf<'review.setRubric'>> {
  const rubric: Rubric = input.rubric.map((c) => ({ key: c.key, label: c.label.trim(), weight: c.weight, max: c.max }));
  const valid = validateRubric(rubric);
  if (!valid.ok) throw new AppError('VALIDATION', valid.message);
  return inTransaction(ctx, async (tx) => {
    const batch = await loadBatch(tx, input.batchId);
    if ((await tx.count('reviews', { batchId: batch._id })) > 0) {
      throw new AppError('INVALID_TRANSITION', '已有评审专家提交评分，评分细则不能再修改；如确需调整，请联系系统管理员');
    }
    await patchBatch(ctx, tx, batch, { rubric }, { action: 'setRubric', from: batch.rubric ? describe(batch.rubric) : null, to: describe(rubric) });
    return { rubric: [...rubric] };
  });
}
