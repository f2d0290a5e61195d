import { Text, View } from '@tarojs/components';
import { call } from '../../../api/client';
import { Empty, ErrorBox, Loading } from '../../../components/Feedback';
import { useLoad } from '../../../hooks/useLoad';
import { DeskShell } from '../../../components/desk/DeskShell';
import { PeopleList } from './PeopleList';
import '../components/admin.css';

/**
 * 人员与角色 (组织部): every bound person, found by name or 工号/学号, filtered by committee, role
 * and profile status; 书记/组织员、评审专家、组织部 roles granted or revoked beside the list.
 */
export default function People() {
  const org = useLoad(() => call('org.tree', {}));
  const reviewers = useLoad(() => call('people.withRole', { role: 'reviewer' }));

  return (
    <DeskShell active="people">
      <View className="page admin-people">
        <View className="muted meta-line">按姓名或工号/学号查找已绑定身份的人员，授予书记/组织员、评审专家或组织部角色；勾选待确认的人员可批量确认身份。</View>
        <PeopleList committees={org.data?.committees ?? []} onRolesChanged={reviewers.reload} />
        <View className="card">
          <View className="card-title">评审专家库</View>
          {reviewers.loading && !reviewers.data ? <Loading /> : null}
          {reviewers.error ? <ErrorBox message={reviewers.error} onRetry={reviewers.reload} /> : null}
          {reviewers.data && reviewers.data.length === 0 ? <Empty>还没有评审专家。在上方查找人员后授予“评审专家”角色。</Empty> : null}
          {(reviewers.data ?? []).map((p) => (
            <View key={p.userId} className="row list-item reviewer-item">
              <Text>{p.name}</Text>
              <Text className="muted">{p.committeeName}</Text>
            </View>
          ))}
        </View>
      </View>
    </DeskShell>
  );
}
