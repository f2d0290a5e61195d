import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { OutputOf } from '@shared/contracts';
import { formatYuan } from '@shared/domain/money';
import { PROJECT_STATE_LABELS, PROJECT_STATES } from '@shared/domain/project/state';
import { formatInstant } from '@shared/time/deadline';
import { Empty } from '../../../components/Feedback';
import { StateTag } from '../../../components/StateTag';
import { DeskTable } from '../../../components/desk/DeskTable';
import { PROJECT_COLUMNS } from '../../../components/desk/projectColumns';
import { useDesk } from '../../../hooks/useDesk';

type Inbox = OutputOf<'committee.inbox'>;
type Progress = OutputOf<'committee.progress'>;

/** Counts by state and who has not submitted yet (names only: drafts stay the host's). */
export function ProgressCard({ p }: { p: Progress }) {
  const counted = PROJECT_STATES.filter((s) => (p.counts[s] ?? 0) > 0);
  return (
    <View className="card committee-progress">
      <View className="card-title">{p.batchName}</View>
      <View className="muted meta-line">申报截止 {p.deadlineText}</View>
      {counted.length === 0 ? (
        <Empty>该基层党委在本批次还没有人创建申报书。</Empty>
      ) : (
        <View className="count-chips">
          {counted.map((s) => (
            <Text key={s} className={`count-chip count-${s}`}>{PROJECT_STATE_LABELS[s]} {p.counts[s]}</Text>
          ))}
        </View>
      )}
      {p.notSubmitted.length ? (
        <>
          <View className="section-label">尚未提交（{p.notSubmitted.length}）</View>
          {p.notSubmitted.map((n, i) => (
            <View key={`${n.hostName}-${i}`} className="kv not-submitted">
              <Text className="k">{n.hostName}</Text>
              <Text className="v muted">{n.state === 'returned' ? '退回修改中' : '草稿'} · {formatInstant(n.updatedAt)}</Text>
            </View>
          ))}
        </>
      ) : null}
    </View>
  );
}

/** Every application the committee has handled (drafts excepted), newest first; tap to run it. */
export function ApplicationsCard({ inbox }: { inbox: Inbox }) {
  const desk = useDesk();
  const open = (id: string) => Taro.navigateTo({ url: `/packages/admin/project/index?id=${id}` });
  const empty = `${inbox.committeeName}暂无已提交的申报。主持人提交申报书后会显示在这里。`;
  return (
    <View className="card committee-applications">
      <View className="card-title">
        <Text>申报项目</Text>
        <Text className="muted">{inbox.items.length} 项</Text>
      </View>
      {desk ? (
        <DeskTable label="申报项目" className="committee-table" rows={inbox.items} rowKey={(p) => p._id} columns={PROJECT_COLUMNS} search={(p) => `${p.title} ${p.hostName}`} onOpen={(p) => void open(p._id)} empty={empty} />
      ) : inbox.items.length === 0 ? (
        <Empty>{empty}</Empty>
      ) : (
        inbox.items.map((p) => (
          <View key={p._id} className="list-item application-item" data-project-id={p._id} onClick={() => void open(p._id)}>
            <View className="row">
              <Text className="list-item-title">{p.title || '（未命名）'}</Text>
              <StateTag state={p.state} />
            </View>
            <View className="muted">
              主持人 {p.hostName} · 预算 ¥{formatYuan(p.budgetTotal)}
              {p.committeeRank ? ` · 推荐第 ${p.committeeRank} 位` : ''}
            </View>
            <View className="muted">{p.batchName} · 更新于 {formatInstant(p.updatedAt)}</View>
          </View>
        ))
      )}
    </View>
  );
}
