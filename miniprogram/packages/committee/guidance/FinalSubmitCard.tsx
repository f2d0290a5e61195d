import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { formatInstant } from '@shared/time/deadline';
import { call } from '../../../api/client';
import { ErrorBox } from '../../../components/Feedback';
import { finalProblems, finalProblemsText, finalReady } from '@shared/domain/project/final';
import { ActionButton, type Ask } from '../../../components/ActionButton';
import { useLoad } from '../../../hooks/useLoad';
import { useAction } from '../../../hooks/useAction';

const SUBMIT_ASK: Ask = { title: '提交结项材料', content: '提交后主持人不能再修改结项材料，项目进入结项验收（材料审核和答辩汇报）。确定提交吗？', confirmText: '提交' };

const open = (page: string, id: string) => void Taro.navigateTo({ url: `/packages/project/${page}/index?id=${encodeURIComponent(id)}` });

/** 中期 and 结项 as the committee sees them; 提交结项材料 once the host has prepared them (三(二)4). */
export function FinalSubmitCard({ projectId, onSubmitted }: { projectId: string; onSubmitted: () => void }) {
  const reports = useLoad(() => call('project.reports', { projectId }), [projectId]);
  const action = useAction(reports.reload);
  const r = reports.data;
  if (!r) return reports.error ? <View className="card"><ErrorBox message={reports.error} onRetry={reports.reload} /></View> : null;
  const f = r.final;
  const ready = finalReady(f);

  const submit = async () => {
    const next = await action.run(() => call('final.submit', { projectId, version: r.projectVersion }));
    if (next) {
      reports.reload();
      onSubmitted();
      await Taro.showToast({ title: '已提交结项材料', icon: 'success' });
    }
  };

  return (
    <View className="card acceptance-card">
      <View className="card-title">中期与结项</View>
      <View className="list-item">
        <View className="row">
          <Text>中期验收</Text>
          <Text className="muted midterm-status">{r.midterm ? (r.midterm.decision ? (r.midterm.decision.pass ? '已通过' : '未通过') : '待验收') : '未提交'}</Text>
        </View>
        {r.midterm ? <View className="link-text" onClick={() => open('midterm', projectId)}>查看中期材料 ›</View> : null}
      </View>
      <View className="list-item">
        <View className="row">
          <Text>结项材料</Text>
          <Text className="muted final-status">
            {f?.submittedAt ? `已提交 ${formatInstant(f.submittedAt)}` : f && ready ? `主持人已准备好（${f.outcomes.length} 项成果）` : f ? `主持人准备中（${f.outcomes.length} 项成果）` : r.midtermPassed ? '主持人尚未准备' : '中期验收通过后准备'}
          </Text>
        </View>
        {f ? <View className="link-text" onClick={() => open('final', projectId)}>查看结项材料 ›</View> : null}
      </View>
      {r.can.submitFinal ? (
        <>
          {!ready ? <View className="warn-box final-not-ready" style={{ marginTop: '12px' }}>主持人尚未准备好结项材料：{finalProblemsText(finalProblems(f))}。请提醒主持人完成后再提交。</View> : null}
          {action.error ? <ErrorBox message={action.error} /> : null}
          <ActionButton type="primary" block className="final-submit" disabled={!ready} ask={SUBMIT_ASK} onTap={submit}>
            提交结项材料
          </ActionButton>
        </>
      ) : null}
    </View>
  );
}
