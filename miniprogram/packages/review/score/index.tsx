import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';
import type { MyAssignment } from '@shared/contracts/review';
import { scoreOf } from '@shared/domain/project/review';
import { formatInstant } from '@shared/time/deadline';
import { ApiError, call, errorText } from '../../../api/client';
import { ErrorBox, Loading } from '../../../components/Feedback';
import { ExportButton } from '../../../components/ExportButton';
import { Button } from '../../../components/ui';
import { ApplicationView } from './ApplicationView';
import { ScoreSheet, scoresOf } from './ScoreSheet';
import '../components/review.css';
import { DeskShell } from '../../../components/desk/DeskShell';

const textsOf = (a: MyAssignment) => Object.fromEntries(a.rubric.map((c) => [c.key, a.myReview ? String(a.myReview.scores[c.key] ?? '') : '']));

/** 评分: read the application, score each criterion, see the weighted total, save (again, while the window is open). */
function ScorePage() {
  const projectId = useRouter().params.projectId ?? '';
  const [a, setA] = useState<MyAssignment | null>(null);
  const [texts, setTexts] = useState<Record<string, string>>({});
  const [comment, setComment] = useState('');
  const [loadError, setLoadError] = useState<string | null>(null);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    setLoadError(null);
    try {
      const mine = await call('review.myAssignments', {});
      const found = mine.find((x) => x.projectId === projectId);
      if (!found) {
        setLoadError('这个项目没有分配给您评审，或分配已被取消。请返回“我的评审任务”查看。');
        return;
      }
      setA(found);
      setTexts(textsOf(found));
      setComment(found.myReview?.comment ?? '');
    } catch (err) {
      setLoadError(errorText(err));
    }
  }, [projectId]);
  useEffect(() => void load(), [load]);

  if (loadError && !a) return <View className="page"><ErrorBox message={loadError} onRetry={load} /></View>;
  if (!a) return <View className="page"><Loading /></View>;

  const result = scoreOf(a.rubric, scoresOf(texts));
  const save = async () => {
    if (!result.ok) {
      setSaveError(result.message);
      return;
    }
    setBusy(true);
    setSaveError(null);
    try {
      const review = await call('review.score', { projectId, scores: scoresOf(texts), comment: comment.trim(), ...(a.myReview ? { version: a.myReview.version } : {}) });
      setA({ ...a, myReview: review });
      await Taro.showToast({ title: '评分已保存', icon: 'success' });
    } catch (err) {
      setSaveError(errorText(err));
      if (err instanceof ApiError && err.code === 'CONFLICT') {
        setSaveError(`${err.message}（已为您加载最新的评分，请核对后再保存）`);
        await load();
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="page review-score">
      {!a.canScore ? <View className="warn-box score-closed">{a.blockedReason ?? '评分已关闭。'}</View> : null}
      <ApplicationView a={a} />
      <View className="card export-card">
        <ExportButton label="导出申报书（Word）" make={() => call('export.application', { projectId })} />
      </View>
      <ScoreSheet rubric={a.rubric} texts={texts} comment={comment} editable={a.canScore} onScore={(k, t) => setTexts({ ...texts, [k]: t })} onComment={setComment} />
      {saveError ? <ErrorBox message={saveError} /> : null}
      {a.canScore ? (
        <View className="bottom-bar">
          <Text className="status">
            {a.myReview ? `已保存 ${a.myReview.total} 分 · ${formatInstant(a.myReview.updatedAt)}` : '尚未保存'}
          </Text>
          <Button type="primary" className="score-save" loading={busy} disabled={busy || !result.ok} onClick={() => void save()}>
            {a.myReview ? '保存修改' : '提交评分'}
          </Button>
        </View>
      ) : null}
    </View>
  );
}

/** At a desk, beside the side navigation; on a phone the page alone. */
export default function Score() {
  return (
    <DeskShell active="review">
      <ScorePage />
    </DeskShell>
  );
}
