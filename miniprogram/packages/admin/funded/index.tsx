import { View, Text } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { formatYuan } from '@shared/domain/money';
import { TRANCHE_LABELS } from '@shared/domain/project/funding';
import { call } from '../../../api/client';
import { ExportButton } from '../../../components/ExportButton';
import { Empty, ErrorBox, Loading } from '../../../components/Feedback';
import { StateTag } from '../../../components/StateTag';
import { Button } from '../../../components/ui';
import { useLoad } from '../../../hooks/useLoad';
import { DeskShell } from '../../../components/desk/DeskShell';
import { useDesk } from '../../../hooks/useDesk';
import { useAction } from '../../../hooks/useAction';
import { FundedTable } from './FundedTable';
import '../components/admin.css';

/** The batch's approved projects: what is paid, what is due, where each stands (拨付, 中期, 结项). */
export default function Funded() {
  const batchId = useRouter().params.batchId ?? '';
  const [page, setPage] = useState(0);
  const { data, error, loading, reload } = useLoad(() => call('funding.list', { batchId, page }), [batchId, page]);
  const desk = useDesk();
  const bulk = useAction(reload);
  if (loading && !data) return <View className="page"><Loading /></View>;
  if (error && !data) return <View className="page"><ErrorBox message={error} onRetry={reload} /></View>;
  if (!data) return null;
  const { due, midterm, final, items, total, pageSize } = data;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const go = (n: number) => {
    setPage(n);
    void Taro.pageScrollTo({ scrollTop: 0, duration: 0 }).catch(() => {});
  };
  const onDisburse = async (tranche: 1 | 2, list: Array<{ projectId: string; amountFen: number }>) => {
    const r = await bulk.run(() => call('funding.disburseMany', { tranche, items: list }));
    if (r) reload();
    return r;
  };
  return (
    <DeskShell active="funded">
    <View className="page admin-funded">
      <View className="card">
        <View className="card-title">待办</View>
        <View className="muted">待拨付 {due} 项 · 中期验收待审 {midterm} 项 · 结项验收待审 {final} 项</View>
        <View style={{ marginTop: '12px' }}>
          <ExportButton label="导出经费情况（Excel）" make={() => call('export.funding', { batchId })} />
        </View>
      </View>
      <View className="card">
        <View className="card-title">已立项项目（{total}）</View>
        {desk ? <FundedTable items={items} busy={bulk.busy} error={bulk.error} onDisburse={onDisburse} /> : null}
        {!desk && total === 0 ? <Empty>本批次还没有立项的项目。公示期满后在“评审与立项”中确认立项，项目会出现在这里。</Empty> : null}
        {(desk ? [] : items).map((p) => (
          <View key={p.projectId} className="list-item funded-item" onClick={() => Taro.navigateTo({ url: `/packages/admin/project/index?id=${p.projectId}` })}>
            <View className="row">
              <Text className="list-item-title">{p.title || '（未命名）'}</Text>
              <StateTag state={p.state} />
            </View>
            <View className="muted">
              {p.committeeName} · {p.hostName}
            </View>
            <View className="muted">
              资助 ¥{formatYuan(p.grantFen)} · 已拨 ¥{formatYuan(p.paidFen)} · 已支出 ¥{formatYuan(p.spentFen)}
            </View>
            {p.dueTranche ? <View className="warn-box funded-due">{TRANCHE_LABELS[p.dueTranche === 1 ? 1 : 2]}待拨付</View> : null}
          </View>
        ))}
        {pages > 1 ? (
          <View className="row funded-pager" style={{ marginTop: '16px' }}>
            <Button size="small" disabled={data.page === 0 || loading} onClick={() => go(data.page - 1)}>
              上一页
            </Button>
            <Text className="muted">
              第 {data.page + 1} / {pages} 页
            </Text>
            <Button size="small" disabled={data.page >= pages - 1 || loading} onClick={() => go(data.page + 1)}>
              下一页
            </Button>
          </View>
        ) : null}
      </View>
    </View>
    </DeskShell>
  );
}
