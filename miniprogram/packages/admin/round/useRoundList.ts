import type { InputOf } from '@shared/contracts';
import type { RoundRow } from '@shared/contracts/round';
import { call } from '../../../api/client';
import { usePaged, type Paged } from '../../../hooks/usePaged';

/** What the list is asked for, page and batch aside. */
export type RoundQuery = Omit<InputOf<'review.roundList'>, 'batchId' | 'page' | 'pageSize'>;

/** The round's applications as review.roundList pages them; `refreshKey` reloads what is shown (after an action). */
export function useRoundList(batchId: string, mode: 'page' | 'more', pageSize: 20 | 50, refreshKey: unknown): Paged<RoundQuery, RoundRow> {
  return usePaged<RoundQuery, RoundRow>((query, page) => call('review.roundList', { batchId, ...query, page, pageSize }), { sort: 'average' }, mode, [batchId, pageSize, refreshKey], batchId !== '');
}
