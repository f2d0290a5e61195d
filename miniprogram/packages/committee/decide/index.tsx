import { View, Text } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import type { ProjectView } from '@shared/contracts';
import { call } from '../../../api/client';
import { ErrorBox, Loading } from '../../../components/Feedback';
import { ExportButton } from '../../../components/ExportButton';
import { Button } from '../../../components/ui';
import { useLoad } from '../../../hooks/useLoad';
import { ApplicationView } from '../components/ApplicationView';
import { DecisionForm } from './DecisionForm';
import '../../project/components/project.css';
import { DeskShell } from '../../../components/desk/DeskShell';

async function load(id: string) {
  const project = await call('project.get', { id });
  const recommended = project.state === 'submitted' ? await call('committee.inbox', { view: 'recommended', batchId: project.batchId, committeeId: project.committeeId }) : null;
  const takenRanks = (recommended?.items ?? []).map((p) => p.committeeRank).filter((n): n is number => typeof n === 'number');
  return { project, takenRanks };
}

/** A submitted application, read-only, with the committee's decision form; afterwards the decision. */
function DecidePage() {
  const id = useRouter().params.id ?? '';
  const loaded = useLoad(() => load(id), [id]);
  const [project, setProject] = useState<ProjectView | null>(null);
  useEffect(() => setProject(loaded.data?.project ?? null), [loaded.data]);

  if (loaded.error && !project) return <View className="page"><ErrorBox message={loaded.error} onRetry={loaded.reload} /></View>;
  if (!project || !loaded.data) return <View className="page"><Loading /></View>;
  const p = project;
  return (
    <View className="page committee-decide">
      <ApplicationView project={p} />
      <View className="card export-card">
        <View className="muted">纸质版：导出后打印，在“基层党委（总支）意见”栏签字盖章</View>
        <ExportButton label="导出申报书（Word）" make={() => call('export.application', { projectId: p._id })} />
      </View>
      {p.state === 'submitted' ? (
        <DecisionForm project={p} takenRanks={loaded.data.takenRanks} onDecided={setProject} onConflict={loaded.reload} />
      ) : (
        <View className="card decided-card">
          <View className="card-title">基层党委意见</View>
          {p.state === 'returned' ? <View className="readonly-text decided-return">已退回修改：{p.returnComment ?? ''}</View> : null}
          {p.committeeOpinion ? <View className="readonly-text decided-opinion">{p.committeeOpinion}</View> : null}
          {p.committeeRank ? <View className="muted decided-rank">推荐排序：第 {p.committeeRank} 位</View> : null}
          {!p.committeeOpinion && p.state !== 'returned' ? <View className="muted">本申报当前不需要基层党委处理。</View> : null}
          <View className="inline-actions">
            <Button className="back-to-inbox" onClick={() => void Taro.navigateBack().catch(() => Taro.redirectTo({ url: '/packages/committee/inbox/index' }))}>
              返回列表
            </Button>
          </View>
        </View>
      )}
      <View className="muted" style={{ textAlign: 'center', padding: '16px' }}>
        <Text className="link-text" onClick={() => void Taro.navigateTo({ url: `/packages/project/edit/index?id=${encodeURIComponent(p._id)}` })}>查看办理记录 ›</Text>
      </View>
    </View>
  );
}

/** At a desk, beside the side navigation; on a phone the page alone. */
export default function Decide() {
  return (
    <DeskShell active="inbox">
      <DecidePage />
    </DeskShell>
  );
}
