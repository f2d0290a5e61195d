import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { ProjectState } from '@shared/domain/project/state';
import { secretaryCommittees } from '@shared/domain/roles';
import { call } from '../../../api/client';
import { Button } from '../../../components/ui';
import { useLoad } from '../../../hooks/useLoad';

/** From 立项 on, the project has money, a 中期 and a 结项 to follow. */
const FUNDED: readonly ProjectState[] = ['approved', 'cultivating', 'midterm_review', 'final_review', 'terminated', 'concluded', 'failed'];

const go = (url: string) => void Taro.navigateTo({ url });

/**
 * 经费 / 中期验收 / 结项验收 for a project after 立项, as the rules allow: shown to the host,
 * the committee and the 组织部 (team members do not see the money).
 */
export function StageActions({ projectId, state }: { projectId: string; state: ProjectState }) {
  const funded = FUNDED.includes(state);
  const loaded = useLoad(async () => {
    if (!funded) return null;
    const [reports, me] = await Promise.all([call('project.reports', { projectId }), call('session.me', {})]);
    return { reports, secretary: secretaryCommittees(me.roles).includes(reports.committeeId) };
  }, [projectId, funded]);
  if (!funded || !loaded.data) return null;
  const r = loaded.data.reports;
  const q = `?id=${encodeURIComponent(projectId)}`;
  const midtermLabel = r.can.submitMidterm ? (r.midterm ? '修改中期验收材料' : '提交中期验收材料') : r.midterm ? '查看中期验收' : null;
  const finalLabel = r.can.saveFinal ? (r.final ? '继续准备结项材料' : '准备结项材料') : r.final ? '查看结项验收' : null;
  const hint =
    state === 'approved'
      ? '项目已立项，党委组织部拨付第一笔经费后进入培育阶段。'
      : state === 'cultivating' && !r.midtermPassed
        ? '培育期间请按计划推进并记录经费支出；年底参加中期验收。'
        : state === 'cultivating'
          ? '已通过中期验收。建设期满后准备结项材料，由基层党委提交。'
          : state === 'midterm_review'
            ? '中期验收材料已提交，等待党委组织部验收。'
            : state === 'final_review'
              ? '结项材料已由基层党委提交，等待答辩与验收结论。'
              : '项目已结束，账目与材料可供查阅。';
  return (
    <View className="card stage-actions">
      <View className="card-title">
        <Text>项目培育</Text>
      </View>
      <View className="muted meta-line stage-hint">{hint}</View>
      <View className="inline-actions">
        <Button type="primary" className="open-funding" onClick={() => go(`/packages/project/funding/index${q}`)}>
          经费
        </Button>
        {midtermLabel ? (
          <Button className="open-midterm" onClick={() => go(`/packages/project/midterm/index${q}`)}>
            {midtermLabel}
          </Button>
        ) : null}
        {finalLabel ? (
          <Button className="open-final" onClick={() => go(`/packages/project/final/index${q}`)}>
            {finalLabel}
          </Button>
        ) : null}
        {loaded.data.secretary && state !== 'approved' ? (
          <Button className="open-guidance" onClick={() => go(`/packages/committee/guidance/index${q}`)}>
            培育指导
          </Button>
        ) : null}
      </View>
    </View>
  );
}
