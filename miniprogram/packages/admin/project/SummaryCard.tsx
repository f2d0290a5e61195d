import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { ProjectView } from '@shared/contracts';
import { formatYuan } from '@shared/domain/money';
import { budgetTotal, PROJECT_CATEGORY_LABELS } from '@shared/domain/project/application';
import { formatInstant } from '@shared/time/deadline';
import { StateTag } from '../../../components/StateTag';
import { Button } from '../../../components/ui';

const excerpt = (s: string, n = 120) => (s.length > n ? `${s.slice(0, n)}…` : s);

/** Who, what and where the project stands, with the committee's 推荐意见; the full 申报书 one tap away. */
export function SummaryCard({ p }: { p: ProjectView }) {
  const f = p.fields;
  return (
    <View className="card project-summary">
      <View className="row">
        <Text className="list-item-title project-title">{f.title || '（未命名）'}</Text>
        <StateTag state={p.state} />
      </View>
      <View className="muted meta-line">{p.batchName}</View>
      <View className="kv"><Text className="k">基层党委</Text><Text className="v">{p.committeeName}</Text></View>
      <View className="kv"><Text className="k">项目主持人</Text><Text className="v">{p.hostName}{f.contactPhone ? ` · ${f.contactPhone}` : ''}</Text></View>
      <View className="kv"><Text className="k">项目类别</Text><Text className="v">{f.category ? PROJECT_CATEGORY_LABELS[f.category] : '未填写'}</Text></View>
      <View className="kv"><Text className="k">经费预算</Text><Text className="v">¥{formatYuan(budgetTotal(f.budget))}</Text></View>
      {p.submittedAt ? <View className="kv"><Text className="k">提交时间</Text><Text className="v">{formatInstant(p.submittedAt)}</Text></View> : null}
      {f.goals ? (
        <>
          <View className="section-label">建设目标</View>
          <View className="excerpt">{excerpt(f.goals)}</View>
        </>
      ) : null}
      {p.committeeOpinion ? (
        <>
          <View className="section-label">基层党委推荐意见{p.committeeRank ? `（推荐排序第 ${p.committeeRank} 位）` : ''}</View>
          <View className="excerpt committee-opinion">{p.committeeOpinion}</View>
        </>
      ) : null}
      <View className="actions">
        <Button size="small" className="open-application" onClick={() => Taro.navigateTo({ url: `/packages/project/edit/index?id=${p._id}` })}>
          查看申报书全文
        </Button>
      </View>
    </View>
  );
}
