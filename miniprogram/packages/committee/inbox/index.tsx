import { Picker, View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { call } from '../../../api/client';
import { ExportButton } from '../../../components/ExportButton';
import { PacketButton } from '../../../components/PacketButton';
import { Empty, ErrorBox } from '../../../components/Feedback';
import { useLoad } from '../../../hooks/useLoad';
import { DeskShell } from '../../../components/desk/DeskShell';
import { InboxList } from './InboxList';
import '../../project/components/project.css';

/** The secretary's lists (InboxList), the committee's exports and packet, and the way to 申报进度. */
export default function CommitteeInbox() {
  const batches = useLoad(() => call('batch.list', {}));
  const [exportBatch, setExportBatch] = useState('');
  const batchList = batches.data ?? [];
  const chosen = batchList.find((b) => b._id === exportBatch) ?? batchList[0];
  return (
    <DeskShell active="inbox">
    <View className="page committee-inbox">
      <InboxList />
      <View className="card export-card">
        <View className="card-title">导出本党委名单（Excel）</View>
        {batches.error ? <ErrorBox message={batches.error} onRetry={batches.reload} /> : null}
        {batches.data && batchList.length === 0 ? <Empty>还没有批次。党委组织部开设批次后，可在这里导出本党委的申报汇总和推荐名单。</Empty> : null}
        {chosen ? (
          <View className="export-list" style={{ display: 'flex', flexDirection: 'column', gap: '12px' }}>
            <Picker mode="selector" range={batchList.map((b) => b.name)} value={Math.max(0, batchList.indexOf(chosen))} onChange={(e) => setExportBatch(batchList[Number(e.detail.value)]?._id ?? '')}>
              <View className="muted export-batch">批次：{chosen.name} ▾</View>
            </Picker>
            <ExportButton label="导出本党委申报汇总" make={() => call('export.applications', { batchId: chosen._id })} />
            <ExportButton label="导出推荐名单" make={() => call('export.recommendations', { batchId: chosen._id })} />
            <View className="muted packet-hint">纸质材料包：报送函、推荐汇总表、按推荐排序的申报书、党建品牌报告和支撑材料，打印盖章后报送党委组织部。</View>
            <PacketButton batchId={chosen._id} label="下载纸质材料包（.zip）" />
          </View>
        ) : null}
      </View>
      <View className="card entry-progress" onClick={() => void Taro.navigateTo({ url: '/packages/committee/progress/index' })}>
        <View className="card-title">
          <Text>申报进度</Text>
          <Text className="muted">查看 ›</Text>
        </View>
        <View className="muted">各状态的数量，以及谁还没有提交申报书。</View>
      </View>
    </View>
    </DeskShell>
  );
}
