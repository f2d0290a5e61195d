import { View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import type { ReviewerView, RoundApplication } from '@shared/contracts/review';
import { call, errorText } from '../../../api/client';
import { ErrorBox, Loading } from '../../../components/Feedback';
import { ApplicationItem } from './ApplicationItem';

interface Props {
  batchId: string;
  projectId: string;
  reviewers: ReviewerView[];
  /** Reloads the detail (after an action on the page). */
  refreshKey: unknown;
  canAssign: boolean;
  busy: boolean;
  onAssign: (projectId: string, reviewerIds: string[]) => Promise<boolean>;
  assignError?: string | null;
  /** The 公示 pick for this application, when the page offers one. */
  pick?: (app: RoundApplication) => { selected: boolean; suggested: boolean; tied: boolean; onToggle: () => void } | undefined;
}

/** One application of the round in full (review.roundApplication): the committee's opinion, each reviewer's score, the actions. */
export function RoundDetail({ batchId, projectId, reviewers, refreshKey, canAssign, busy, onAssign, assignError, pick }: Props) {
  const [app, setApp] = useState<RoundApplication | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [again, setAgain] = useState(0);
  useEffect(() => {
    let live = true;
    setError(null);
    call('review.roundApplication', { batchId, projectId })
      .then((a) => live && setApp(a))
      .catch((err: unknown) => live && setError(errorText(err)));
    return () => {
      live = false;
    };
  }, [batchId, projectId, refreshKey, again]);

  if (error) return <ErrorBox message={error} onRetry={() => setAgain((n) => n + 1)} />;
  if (!app || app.projectId !== projectId) return <Loading />;
  return (
    <View className="round-detail">
      <ApplicationItem
        app={app}
        reviewers={reviewers}
        canAssign={canAssign && app.state === 'under_review'}
        busy={busy}
        onAssign={onAssign}
        error={assignError}
        pick={app.state === 'under_review' ? pick?.(app) : undefined}
      />
    </View>
  );
}
