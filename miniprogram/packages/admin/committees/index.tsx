import { View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { PROJECT_STATE_LABELS, PROJECT_STATES, type ProjectState } from '@shared/domain/project/state';
import { call } from '../../../api/client';
import { ExportButton } from '../../../components/ExportButton';
import { ErrorBox, Loading } from '../../../components/Feedback';
import { useLoad } from '../../../hooks/useLoad';
import { SelectField } from '../components/SelectField';
import { ApplicationsCard, ProgressCard } from './CommitteeLists';
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

async function loadCommittee(committeeId: string, batchId: string) {
  const key = `${committeeId}/${batchId}`;
  if (!committeeId) return null;
  const batch = batchId === ALL ? '' : batchId;
  const [inbox, progress] = await Promise.all([
    call('committee.inbox', { committeeId, view: 'all', ...(batch ? { batchId: batch } : {}) }),
    batch ? call('committee.progress', { committeeId, batchId: batch }) : Promise.resolve(null),
  ]);
  return { key, inbox, progress };
}

/** 组织部: one 基层党委 at a time — its applications in a batch and who has not submitted. */
export default function Committees() {
  const params = useRouter().params;
  const choices = useLoad(loadChoices);
  const [committeeId, setCommitteeId] = useState('');
  const [batchId, setBatchId] = useState(params.batchId ?? '');
  const [exportState, setExportState] = useState(ALL);
  const committee = committeeId || choices.data?.committees[0]?._id || '';
  const batch = batchId || choices.data?.batches[0]?._id || '';
  const lists = useLoad(() => loadCommittee(committee, batch), [committee, batch]);

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
          options={committees.map((c) => ({ value: c._id, label: c.name }))}
          value={committee}
          onChange={setCommitteeId}
        />
        <SelectField
          className="pick-batch"
          label="批次"
          options={[...batches.map((b) => ({ value: b._id, label: b.name })), { value: ALL, label: '全部批次' }]}
          value={batch}
          onChange={setBatchId}
        />
      </View>
      {batch !== ALL ? (
        <View className="card export-card">
          <View className="card-title">导出名单（Excel）</View>
          <SelectField className="pick-export-state" label="申报状态" options={STATE_OPTIONS} value={exportState} onChange={setExportState} />
          <View className="export-list" style={{ display: 'flex', flexDirection: 'column', gap: '12px', marginTop: '12px' }}>
            <ExportButton
              label="导出本党委申报汇总"
              make={() => call('export.applications', { batchId: batch, committeeId: committee, state: LISTED.find((s) => s === exportState) ?? null })}
            />
            <ExportButton label="导出全校申报汇总" make={() => call('export.applications', { batchId: batch, committeeId: null, state: LISTED.find((s) => s === exportState) ?? null })} />
            <ExportButton label="导出推荐名单" make={() => call('export.recommendations', { batchId: batch, committeeId: committee })} />
          </View>
        </View>
      ) : null}
      {lists.error ? <ErrorBox message={lists.error} onRetry={lists.reload} /> : null}
      {/* A reload of the same choice keeps the lists on screen; another committee's lists wait for their own. */}
      {shown || lists.error ? null : <Loading />}
      {shown?.progress ? <ProgressCard p={shown.progress} /> : null}
      {shown ? <ApplicationsCard inbox={shown.inbox} /> : null}
    </View>
    </DeskShell>
  );
}
