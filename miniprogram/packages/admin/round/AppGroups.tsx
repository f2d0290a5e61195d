import { Text, View } from '@tarojs/components';
import type { RoundApplication, RoundStatus } from '@shared/contracts/review';
import { Empty } from '../../../components/Feedback';
import { ApplicationItem } from './ApplicationItem';

interface Props {
  s: RoundStatus;
  selected: string[];
  onToggle: (projectId: string) => void;
  busy: boolean;
  onAssign: (projectId: string, reviewerIds: string[]) => Promise<boolean>;
  assignError: { projectId: string; message: string | null } | null;
}

const noop = async () => false;

function Group({ title, className, apps, children }: { title: string; className: string; apps: RoundApplication[]; children: (a: RoundApplication) => JSX.Element }) {
  if (apps.length === 0) return null;
  return (
    <View className={`card ${className}`}>
      <View className="card-title">
        <Text>{title}</Text>
        <Text className="muted">{apps.length} 项</Text>
      </View>
      {apps.map(children)}
    </View>
  );
}

/** The round's applications by stage: under review (assign, pick for the 公示), waiting, decided. */
export function AppGroups({ s, selected, onToggle, busy, onAssign, assignError }: Props) {
  const of = (...states: RoundApplication['state'][]) => s.applications.filter((a) => states.includes(a.state));
  const suggested = new Set(s.suggestion.selectedIds);
  const tied = new Set(s.suggestion.tiedIds);
  if (s.applications.length === 0) {
    return (
      <View className="card">
        <Empty>本批次还没有基层党委推荐的项目。各基层党委推荐后，项目会出现在这里，届时可开始立项评审。</Empty>
      </View>
    );
  }
  return (
    <>
      <Group title="评审中（按平均分排序）" className="group-under-review" apps={of('under_review')}>
        {(a) => (
          <ApplicationItem
            key={a.projectId}
            app={a}
            reviewers={s.reviewers}
            canAssign={s.can.assign}
            busy={busy}
            onAssign={onAssign}
            error={assignError?.projectId === a.projectId ? assignError.message : null}
            pick={
              s.can.publicize
                ? { selected: selected.includes(a.projectId), suggested: suggested.has(a.projectId), tied: tied.has(a.projectId), onToggle: () => onToggle(a.projectId) }
                : undefined
            }
          />
        )}
      </Group>
      <Group title="已推荐，待开始评审" className="group-recommended" apps={of('recommended')}>
        {(a) => <ApplicationItem key={a.projectId} app={a} reviewers={s.reviewers} canAssign={false} busy={false} onAssign={noop} />}
      </Group>
      <Group title="公示中" className="group-publicity" apps={of('in_publicity')}>
        {(a) => <ApplicationItem key={a.projectId} app={a} reviewers={s.reviewers} canAssign={false} busy={false} onAssign={noop} />}
      </Group>
      <Group title="已立项" className="group-approved" apps={of('approved')}>
        {(a) => <ApplicationItem key={a.projectId} app={a} reviewers={s.reviewers} canAssign={false} busy={false} onAssign={noop} />}
      </Group>
      <Group title="未立项" className="group-rejected" apps={of('rejected')}>
        {(a) => <ApplicationItem key={a.projectId} app={a} reviewers={s.reviewers} canAssign={false} busy={false} onAssign={noop} />}
      </Group>
    </>
  );
}
