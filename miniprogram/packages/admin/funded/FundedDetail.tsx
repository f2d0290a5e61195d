import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { FundedProject } from '@shared/contracts/funding';
import type { Fen } from '@shared/domain/money';
import type { Tranche } from '@shared/domain/project/funding';
import { call } from '../../../api/client';
import { ErrorBox, Loading } from '../../../components/Feedback';
import { StateTag } from '../../../components/StateTag';
import { Button } from '../../../components/ui';
import { useAction } from '../../../hooks/useAction';
import { useLoad } from '../../../hooks/useLoad';
import { FinalCard } from '../project/FinalCard';
import { FundingCard } from '../project/FundingCard';
import { MidtermCard } from '../project/MidtermCard';

interface Props {
  p: FundedProject;
  /** After an action here: the list's figures (paid, due, state) change too. */
  onChanged: () => void;
}

const load = async (projectId: string) => {
  const [funding, reports] = await Promise.all([call('funding.status', { projectId }), call('project.reports', { projectId })]);
  return { funding, reports };
};

/**
 * One funded project beside the desk's list: its tranches and expenses, the 中期 and 结项 as they
 * stand, and what the 组织部 can do here (登记拨付, the decisions), as on the project's own page.
 */
export function FundedDetail({ p, onChanged }: Props) {
  const id = p.projectId;
  const { data, error, loading, reload } = useLoad(() => load(id), [id]);
  const fundAct = useAction(reload);
  const midAct = useAction(reload);
  const finAct = useAction(reload);
  const act = async (runner: typeof fundAct, what: string, fn: () => Promise<unknown>): Promise<boolean> => {
    const done = await runner.run(fn);
    if (done === null) return false;
    reload();
    onChanged();
    await Taro.showToast({ title: what, icon: 'success' });
    return true;
  };
  const head = (
    <View className="card funded-detail-head">
      <View className="row">
        <Text className="list-item-title">{p.title || '（未命名）'}</Text>
        <StateTag state={p.state} />
      </View>
      <View className="muted">{p.committeeName} · 主持人 {p.hostName}</View>
      <View className="actions">
        <Button size="small" type="primary" className="funded-open" onClick={() => void Taro.navigateTo({ url: `/packages/admin/project/index?id=${id}` })}>
          打开项目 ›
        </Button>
      </View>
    </View>
  );
  if (!data) {
    return (
      <View className="funded-detail">
        {head}
        {loading ? <Loading /> : error ? <ErrorBox message={error} onRetry={reload} /> : null}
      </View>
    );
  }
  const { funding, reports } = data;
  const version = reports.projectVersion;
  const disburse = async (tranche: Tranche, amountFen: Fen, note: string) => {
    await act(fundAct, '已登记拨付', () => call('funding.disburse', { projectId: id, tranche, amountFen, note }));
  };
  const decideMidterm = async (pass: boolean, comment: string) => {
    await act(midAct, pass ? '中期验收通过' : '项目已终止', () => call('midterm.decide', { projectId: id, version, pass, comment }));
  };
  const recordDefense = (date: string, panel: string[], result: string) => act(finAct, '已记录答辩', () => call('final.recordDefense', { projectId: id, date, panel, result }));
  const decideFinal = async (pass: boolean, comment: string) => {
    await act(finAct, pass ? '已结项' : '已记录结论', () => call('final.decide', { projectId: id, version, pass, comment }));
  };
  return (
    <View className="funded-detail" data-project-id={id}>
      {head}
      {error ? <ErrorBox message={error} onRetry={reload} /> : null}
      <FundingCard f={funding} busy={fundAct.busy} error={fundAct.error} onDisburse={disburse} />
      <MidtermCard r={reports} busy={midAct.busy} error={midAct.error} onDecide={decideMidterm} />
      <FinalCard r={reports} busy={finAct.busy} error={finAct.error} onDefense={recordDefense} onDecide={decideFinal} />
    </View>
  );
}
