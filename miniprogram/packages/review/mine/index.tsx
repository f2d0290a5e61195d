import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { MyAssignment } from '@shared/contracts/review';
import { formatInstant } from '@shared/time/deadline';
import { call } from '../../../api/client';
import { Empty, ErrorBox, Loading } from '../../../components/Feedback';
import { Tag } from '../../../components/ui';
import { useLoad } from '../../../hooks/useLoad';
import { useReminderAsk } from '../../../hooks/useReminderAsk';
import '../components/review.css';
import { DeskShell } from '../../../components/desk/DeskShell';

function Status({ a }: { a: MyAssignment }) {
  if (a.myReview) return <Tag type={a.canScore ? 'success' : 'default'} className="state-tag review-done">已评 {a.myReview.total} 分</Tag>;
  if (a.canScore) return <Tag type="warning" className="state-tag review-todo">待评分</Tag>;
  return <Tag type="default" className="state-tag review-closed">未评分</Tag>;
}

/** 评审专家: the applications assigned to me, those still to score first. */
function MyReviewsPage() {
  const { data, error, loading, reload } = useLoad(() => call('review.myAssignments', {}));
  // Opening an assignment is the reviewer's natural tap to allow task reminders and results.
  const reminders = useReminderAsk();
  if (loading && !data) return <View className="page"><Loading /></View>;
  if (error && !data) return <View className="page"><ErrorBox message={error} onRetry={reload} /></View>;
  if (!data) return null;
  const todo = data.filter((a) => a.canScore && !a.myReview).length;
  return (
    <View className="page review-mine">
      {error ? <ErrorBox message={error} onRetry={reload} /> : null}
      <View className="card">
        <View className="card-title">
          <Text>分配给我的项目</Text>
          <Text className="muted">{todo ? `${todo} 项待评分` : `共 ${data.length} 项`}</Text>
        </View>
        <View className="muted">评审坚持公开、公平、公正。您不会被分配本单位的项目。</View>
        {data.length === 0 ? (
          <Empty>暂时没有分配给您的评审任务。党委组织部分配后会显示在这里。</Empty>
        ) : (
          data.map((a) => (
            <View
              key={a.projectId}
              className="list-item assignment-item"
              data-project-id={a.projectId}
              onClick={() => {
                void reminders.ask();
                void Taro.navigateTo({ url: `/packages/review/score/index?projectId=${a.projectId}` });
              }}
            >
              <View className="row">
                <Text className="list-item-title">{a.title}</Text>
                <Status a={a} />
              </View>
              <View className="muted meta-line">{a.committeeName} · {a.hostName}</View>
              <View className="muted meta-line">{a.batchName}</View>
              <View className="muted meta-line">
                {a.canScore ? a.reviewWindowText : (a.blockedReason ?? '评分已关闭')}
              </View>
              {a.myReview ? <View className="muted">最近保存 {formatInstant(a.myReview.updatedAt)}</View> : null}
            </View>
          ))
        )}
      </View>
    </View>
  );
}

/** At a desk, beside the side navigation; on a phone the page alone. */
export default function MyReviews() {
  return (
    <DeskShell active="review">
      <MyReviewsPage />
    </DeskShell>
  );
}
