import { View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { PROJECT_STATE_LABELS, PROJECT_STATES, type ProjectState } from '@shared/domain/project/state';
import { call } from '../../../api/client';
import { ExportButton } from '../../../components/ExportButton';
import { ErrorBox, Loading } from '../../../components/Feedback';
import { useLoad } from '../../../hooks/useLoad';
import { SelectField } from '../components/SelectField';
import { ProgressCard } from './CommitteeLists';
import { ApplicationsList } from './ApplicationsList';
import '../components/admin.css';
import { DeskShell } from '../../../components/desk/DeskShell';

const ALL = 'all';
/** Drafts are private to their teams: the lists offer every other state. */
const LISTED = PROJECT_STATES.filter((s): s is Exclude<ProjectState, 'draft'> => s !== 'draft');
const STATE_OPTIONS = [{ value: ALL, label: '全部状态（不含草稿）' }, ...LISTED.map((s) => ({ value: s, label: PROJECT_STATE_LABELS[s] }))];

async function loadChoices() {
  const [org, batches] = await Promise.all([call('org.tree', {}), call('batch.list', {})]);
  return { committees: org.committees, batches };
}

async function loadProgress(committeeId: string, batchId: string) {
  if (!committeeId || committeeId === ALL || !batchId || batchId === ALL) return { key: `${committeeId}/${batchId}`, progress: null };
  return { key: `${committeeId}/${batchId}`, progress: await call('committee.progress', { committeeId, batchId }) };
}

/** 组织部: the committees' applications (one committee or all, one batch or all) and who has not submitted. */
export default function Committees() {
  const params = useRouter().params;
  const choices = useLoad(loadChoices);
  const [committeeId, setCommitteeId] = useState('');
  const [batchId, setBatchId] = useState(params.batchId ?? '');
  const [exportState, setExportState] = useState(ALL);
  const committee = committeeId || choices.data?.committees[0]?._id || '';
  const firstBatch = choices.data?.batches[0]?._id || '';
  // Every committee in every batch is too wide a list: the whole school is shown one batch at a time.
  const batch = (committee === ALL && batchId === ALL ? firstBatch : batchId) || firstBatch;
  const lists = useLoad(() => loadProgress(committee, batch), [committee, batch]);

  if (choices.loading && !choices.data) return <View className="page"><Loading /></View>;
  if (choices.error && !choices.data) return <View className="page"><ErrorBox message={choices.error} onRetry={choices.reload} /></View>;
  if (!choices.data) return null;
  const { committees, batches } = choices.data;
  const shown = lists.data?.key === `${committee}/${batch}` ? lists.data : null;

  return (
    <DeskShell active="committees">
    <View className="page admin-committees">
      <View className="card">
        <SelectField
          className="pick-committee"
          label="基层党委（总支）"
          options={[...committees.map((c) => ({ value: c._id, label: c.name })), { value: ALL, label: '全部基层党委' }]}
          value={committee}
          onChange={setCommitteeId}
        />
        <SelectField
          className="pick-batch"
          label="批次"
          options={[...batches.map((b) => ({ value: b._id, label: b.name })), ...(committee === ALL ? [] : [{ value: ALL, label: '全部批次' }])]}
          value={batch}
          onChange={setBatchId}
        />
      </View>
      {batch !== ALL ? (
        <View className="card export-card">
          <View className="card-title">导出名单（Excel）</View>
          <SelectField className="pick-export-state" label="申报状态" options={STATE_OPTIONS} value={exportState} onChange={setExportState} />
          <View className="export-list" style={{ display: 'flex', flexDirection: 'column', gap: '12px', marginTop: '12px' }}>
            {committee !== ALL ? (
              <ExportButton
                label="导出本党委申报汇总"
                make={() => call('export.applications', { batchId: batch, committeeId: committee, state: LISTED.find((s) => s === exportState) ?? null })}
              />
            ) : null}
            <ExportButton label="导出全校申报汇总" make={() => call('export.applications', { batchId: batch, committeeId: null, state: LISTED.find((s) => s === exportState) ?? null })} />
            {committee !== ALL ? <ExportButton label="导出推荐名单" make={() => call('export.recommendations', { batchId: batch, committeeId: committee })} /> : null}
          </View>
        </View>
      ) : null}
      {lists.error ? <ErrorBox message={lists.error} onRetry={lists.reload} /> : null}
      {shown?.progress ? <ProgressCard p={shown.progress} /> : null}
      <ApplicationsList
        committeeId={committee === ALL ? '' : committee}
        batchId={batch === ALL ? '' : batch}
        scopeName={committees.find((c) => c._id === committee)?.name ?? ''}
      />
    </View>
    </DeskShell>
  );
}
