import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';
import type { MyAssignment } from '@shared/contracts/review';
import { scoreOf } from '@shared/domain/project/review';
import { formatInstant } from '@shared/time/deadline';
import { call, errorText } from '../../../api/client';
import { ErrorBox, Loading } from '../../../components/Feedback';
import { ExportButton } from '../../../components/ExportButton';
import { ActionButton } from '../../../components/ActionButton';
import { storedDraft, useScoreDraft } from './useScoreDraft';
import { ApplicationView } from './ApplicationView';
import { ScoreSheet, scoresOf } from './ScoreSheet';
import '../components/review.css';
import { DeskShell } from '../../../components/desk/DeskShell';

const NO_RUBRIC: MyAssignment['rubric'] = [];
const textsOf = (a: MyAssignment) => Object.fromEntries(a.rubric.map((c) => [c.key, a.myReview ? String(a.myReview.scores[c.key] ?? '') : '']));

/** 评分: read the application, score each criterion, see the weighted total, save (again, while the window is open). */
function ScorePage() {
  const projectId = useRouter().params.projectId ?? '';
  const [a, setA] = useState<MyAssignment | null>(null);
  const [texts, setTexts] = useState<Record<string, string>>({});
  const [comment, setComment] = useState('');
  const [loadError, setLoadError] = useState<string | null>(null);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [restored, setRestored] = useState(false);
  const onSaved = useCallback((review: NonNullable<MyAssignment['myReview']>) => setA((x) => (x ? { ...x, myReview: review } : x)), []);
  const autosave = useScoreDraft(projectId, a, a?.rubric ?? NO_RUBRIC, onSaved);
  const restore = autosave.restore;

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
      // What was typed here and not saved yet (back, then return) comes back as it was.
      const kept = found.canScore ? storedDraft(projectId) : null;
      setTexts(kept?.texts ?? textsOf(found));
      setComment(kept?.comment ?? found.myReview?.comment ?? '');
      setRestored(Boolean(kept));
      if (kept) restore(kept);
    } catch (err) {
      setLoadError(errorText(err));
    }
  }, [projectId, restore]);
  useEffect(() => void load(), [load]);

  if (loadError && !a) return <View className="page"><ErrorBox message={loadError} onRetry={load} /></View>;
  if (!a) return <View className="page"><Loading /></View>;

  const result = scoreOf(a.rubric, scoresOf(texts));
  const save = async () => {
    if (!result.ok) {
      setSaveError(result.message);
      return;
    }
    setSaveError(null);
    autosave.change({ texts, comment });
    if (await autosave.saveNow()) await Taro.showToast({ title: '评分已保存', icon: 'success' });
  };
  const edit = (next: { texts: Record<string, string>; comment: string }) => {
    setTexts(next.texts);
    setComment(next.comment);
    setRestored(false);
    autosave.change(next);
  };

  return (
    <View className="page review-score">
      {!a.canScore ? <View className="warn-box score-closed">{a.blockedReason ?? '评分已关闭。'}</View> : null}
      <ApplicationView a={a} />
      <View className="card export-card">
        <ExportButton label="导出申报书（Word）" make={() => call('export.application', { projectId })} />
      </View>
      {restored ? <View className="warn-box score-restored">已恢复您上次在本机填写、尚未保存的评分。</View> : null}
      <ScoreSheet rubric={a.rubric} texts={texts} comment={comment} editable={a.canScore} onScore={(k, t) => edit({ texts: { ...texts, [k]: t }, comment })} onComment={(c) => edit({ texts, comment: c })} />
      {saveError ? <ErrorBox message={saveError} /> : null}
      {autosave.state === 'error' && autosave.message ? <ErrorBox message={autosave.message} /> : null}
      {a.canScore ? (
        <View className="bottom-bar">
          <Text className="status score-save-status">
            {autosave.state === 'idle' || autosave.state === 'saved'
              ? a.myReview
                ? `${autosave.state === 'saved' ? '已自动保存' : '已保存'} ${a.myReview.total} 分 · ${formatInstant(a.myReview.updatedAt)}`
                : '尚未评分'
              : autosave.statusText(a.myReview?.updatedAt ?? null)}
          </Text>
          <ActionButton type="primary" className="score-save" disabled={!result.ok} onTap={save}>
            {a.myReview ? '保存修改' : '提交评分'}
          </ActionButton>
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
