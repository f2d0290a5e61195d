import { View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import type { Fen } from '@shared/domain/money';
import type { Tranche } from '@shared/domain/project/funding';
import { isFunded } from '@shared/domain/project/state';
import { call } from '../../../api/client';
import { ErrorBox, Loading } from '../../../components/Feedback';
import { ExportButton } from '../../../components/ExportButton';
import { Button } from '../../../components/ui';
import { useLoad } from '../../../hooks/useLoad';
import { Timeline } from '../../project/edit/Timeline';
import { useAction } from '../../../hooks/useAction';
import { FinalCard } from './FinalCard';
import { FundingCard } from './FundingCard';
import { GuidanceCard } from './GuidanceCard';
import { MidtermCard } from './MidtermCard';
import { SummaryCard } from './SummaryCard';
import { ObjectionPanel } from './ObjectionPanel';
import { useDesk } from '../../../hooks/useDesk';
import '../components/admin.css';
import { DeskShell } from '../../../components/desk/DeskShell';

async function loadProject(id: string) {
  const [project, funding, reports, guidance] = await Promise.all([
    call('project.get', { id }),
    call('funding.status', { projectId: id }),
    call('project.reports', { projectId: id }),
    call('guidance.list', { projectId: id }),
  ]);
  // 公示异议 on this project, read beside its application (异议处理).
  const objections = await call('review.objections', { batchId: project.batchId, projectId: id });
  return { project, funding, reports, guidance, objections };
}

/** 组织部's view of one project: the application, 拨付, 中期验收, 结项验收, the guidance and every step so far. */
function AdminProjectPage() {
  const id = useRouter().params.id ?? '';
  const { data, error, loading, reload } = useLoad(() => loadProject(id), [id]);
  const fundAct = useAction(reload);
  const midAct = useAction(reload);
  const finAct = useAction(reload);
  const desk = useDesk();

  if (!id) return <View className="page"><ErrorBox message="没有指定项目。请从批次或基层党委的申报列表进入。" /></View>;
  if (loading && !data) return <View className="page"><Loading /></View>;
  if (error && !data) return <View className="page"><ErrorBox message={error} onRetry={reload} /></View>;
  if (!data) return null;
  const { project, funding, reports, guidance, objections } = data;
  // From 立项 on, the project has money, a 中期 and a 结项 to run.
  const funded = isFunded(project.state);

  const act = async (runner: typeof fundAct, what: string, fn: () => Promise<unknown>): Promise<boolean> => {
    const done = await runner.run(fn);
    if (done === null) return false;
    reload();
    await Taro.showToast({ title: what, icon: 'success' });
    return true;
  };
  const version = reports.projectVersion;
  const disburse = async (tranche: Tranche, amountFen: Fen, note: string) => {
    await act(fundAct, '已登记拨付', () => call('funding.disburse', { projectId: id, tranche, amountFen, note }));
  };
  const decideMidterm = async (pass: boolean, comment: string) => {
    await act(midAct, pass ? '中期验收通过' : '项目已终止', () => call('midterm.decide', { projectId: id, version, pass, comment }));
  };
  const recordDefense = (date: string, panel: string[], result: string) =>
    act(finAct, '已记录答辩', () => call('final.recordDefense', { projectId: id, date, panel, result }));
  const decideFinal = async (pass: boolean, comment: string) => {
    await act(finAct, pass ? '已结项' : '已记录结论', () => call('final.decide', { projectId: id, version, pass, comment }));
  };

  const panel = objections.length ? <ObjectionPanel items={objections} onFound={reload} /> : null;
  const page = (
    <View className="page admin-project">
      {error ? <ErrorBox message={error} onRetry={reload} /> : null}
      <SummaryCard p={project} />
      {desk ? null : panel}
      <View className="card export-card">
        <ExportButton label="导出申报书（Word）" make={() => call('export.application', { projectId: project._id })} />
      </View>
      {funded ? (
        <>
          <FundingCard f={funding} busy={fundAct.busy} error={fundAct.error} onDisburse={disburse} />
          <MidtermCard r={reports} busy={midAct.busy} error={midAct.error} onDecide={decideMidterm} />
          <FinalCard r={reports} busy={finAct.busy} error={finAct.error} onDefense={recordDefense} onDecide={decideFinal} />
          <GuidanceCard g={guidance} />
        </>
      ) : (
        <View className="warn-box not-funded">
          <View>项目尚未立项。立项评审、公示和立项在“评审与立项”中办理；立项后可在本页登记拨付、中期验收和结项验收。</View>
          <View style={{ marginTop: '12px' }}>
            <Button size="small" className="open-round" onClick={() => Taro.navigateTo({ url: `/packages/admin/round/index?batchId=${project.batchId}` })}>
              去评审与立项
            </Button>
          </View>
        </View>
      )}
      <View className="card">
        <View className="card-title">办理进度</View>
        <Timeline entries={project.timeline} />
      </View>
    </View>
  );
  // At a desk the objection sits beside the application.
  if (!desk || !panel) return page;
  return (
    <View className="desk-split objection-split">
      <View className="desk-list">{page}</View>
      <View className="desk-detail">{panel}</View>
    </View>
  );
}

/** At a desk, beside the side navigation; on a phone the page alone. */
export default function AdminProject() {
  return (
    <DeskShell active="committees">
      <AdminProjectPage />
    </DeskShell>
  );
}
