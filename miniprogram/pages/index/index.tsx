import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import type { OutputOf } from '@shared/contracts';
import { PROJECT_STATES, type ProjectState } from '@shared/domain/project/state';
import { hasRole, secretaryCommittees } from '@shared/domain/roles';
import { formatInstant } from '@shared/time/deadline';
import { ApiError, call, errorText } from '../../api/client';
import { Empty, ErrorBox, Loading } from '../../components/Feedback';
import { StateTag } from '../../components/StateTag';
import { Button } from '../../components/ui';
import { useLoad } from '../../hooks/useLoad';
import { useReminderAsk } from '../../hooks/useReminderAsk';
import { platform } from '../../platform';
import './index.css';
import { DeskShell } from '../../components/desk/DeskShell';
import { loadQueue } from '../../api/queue';
import { useDesk } from '../../hooks/useDesk';
import { DeskQueue } from './DeskQueue';
import { BIND_PAGE, MESSAGES_PAGE, TODO_PAGE } from '@shared/domain/pages';

type HomeData = OutputOf<'home.open'>;

/** Everything the first view needs, in one cloud call. */
const loadHome = (): Promise<HomeData> => call('home.open', {});

const isProjectState = (s: string): s is ProjectState => (PROJECT_STATES as readonly string[]).includes(s);
const openProject = (id: string) => Taro.navigateTo({ url: `/packages/project/edit/index?id=${id}` });

export default function Home() {
  const { data, error, loading, reload } = useLoad(loadHome);
  const [creating, setCreating] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const reminders = useReminderAsk();
  // The queue once the first view says the person is bound: the card, the badge (set by loadQueue)
  // and the desk's queue show its one answer.
  const bound = data?.me.bound === true;
  const queue = useLoad(() => (bound ? loadQueue() : Promise.resolve(null)), [bound]);
  const desk = useDesk();
  // The greeting drawn before the app ran (H5: config/early-home.js) gives way to the page.
  const settled = data ? 'data' : error ? 'error' : null;
  useEffect(() => {
    if (settled) platform.dropPrerendered();
  }, [settled]);
  const unread = data?.unread ?? null;
  useEffect(() => {
    if (unread !== null) platform.setMessageBadge(unread);
  }, [unread]);

  const create = async (batchId: string) => {
    // From the tap itself (WeChat's rule): a draft is the moment to ask for deadline reminders.
    void reminders.ask();
    setCreating(batchId);
    setActionError(null);
    try {
      const project = await call('project.create', { batchId });
      await openProject(project._id);
    } catch (err) {
      const existing = err instanceof ApiError ? err.details?.projectId : undefined;
      if (typeof existing === 'string') await openProject(existing);
      else setActionError(errorText(err));
    } finally {
      setCreating(null);
    }
  };

  if (loading && !data) return <View className="page"><Loading /></View>;
  if (error && !data) return <View className="page"><ErrorBox message={error} onRetry={reload} /></View>;
  if (!data) return null;
  const { me, batches, mine, joined } = data;

  if (!me.bound) {
    return (
      <View className="page">
        <View className="card welcome">
          <View className="card-title">欢迎使用党建品牌与精品项目</View>
          <View className="muted">首次使用请先绑定身份（姓名、工号/学号、所在基层党委和党支部、政治面貌），之后即可申报党建精品项目。</View>
          <View style={{ marginTop: '16px' }}>
            <Button type="primary" block onClick={() => Taro.navigateTo({ url: BIND_PAGE })}>
              绑定身份
            </Button>
          </View>
        </View>
        {data.setupNeeded ? (
          <View className="card entry-setup" onClick={() => Taro.navigateTo({ url: '/packages/admin/setup/index' })}>
            <View className="card-title">系统初始化</View>
            <View className="muted">新部署的系统还没有党委组织部管理员。环境管理员用初始化码在这里成为第一位管理员。</View>
          </View>
        ) : null}
      </View>
    );
  }

  const openBatches = batches.filter((b) => b.open);
  const projectIn = (batchId: string) => mine.find((p) => p.batchId === batchId);
  const isSecretary = secretaryCommittees(me.roles).length > 0;
  const isAdmin = hasRole(me.roles, 'admin');
  const entry = (className: string, title: string, hint: string, url: string) => (
    <View className={`card ${className}`} onClick={() => Taro.navigateTo({ url })}>
      <View className="card-title">
        <Text>{title}</Text>
        <Text className="muted">进入 ›</Text>
      </View>
      <View className="muted">{hint}</View>
    </View>
  );

  const confirmed = me.profileStatus === 'confirmed';
  return (
    <DeskShell active="home">
    <View className="page home">
      <View className="greeting">
        <Text className="greeting-name">{me.profile?.name}，您好</Text>
        <Text className="muted greeting-role">{me.greeting}</Text>
      </View>
      {desk && queue.data ? <DeskQueue queue={queue.data} /> : null}
      {actionError ? <ErrorBox message={actionError} /> : null}
      {me.profileStatus === 'pending' ? (
        <View className="warn-box home-pending">身份待所在基层党委确认：确认前可以浏览批次和通知，暂不能申报或加入团队。如较急，请联系本党委书记或组织员。</View>
      ) : null}
      {me.profileStatus === 'rejected' ? (
        <View className="warn-box home-rejected" onClick={() => Taro.navigateTo({ url: BIND_PAGE })}>
          所在基层党委退回了您的身份信息{me.rejectReason ? `：${me.rejectReason}` : ''}。点此修改后重新提交 ›
        </View>
      ) : null}

      {data.unread !== null ? (
        <View className="card entry-messages" onClick={() => Taro.navigateTo({ url: MESSAGES_PAGE })}>
          <View className="card-title">
            <Text>消息</Text>
            <Text className={data.unread > 0 ? 'todo-count todo-count-open messages-count' : 'muted messages-count'}>{data.unread > 0 ? `${data.unread} 条未读 ›` : '暂无未读 ›'}</Text>
          </View>
          <View className="muted">申报审核、立项结果、经费拨付、评审任务等与您有关的通知。</View>
        </View>
      ) : null}

      {queue.data && !desk ? (
        <View className="card entry-todo" onClick={() => Taro.navigateTo({ url: TODO_PAGE })}>
          <View className="card-title">
            <Text>我的待办</Text>
            <Text className={queue.data.count > 0 ? 'todo-count todo-count-open' : 'muted todo-count'}>{queue.data.count > 0 ? `${queue.data.count} 项 ›` : '暂无 ›'}</Text>
          </View>
          <View className="muted">{queue.data.items.length > 0 ? queue.data.items.slice(0, 2).map((i) => i.title).join('；') : '等您处理的申报、审核、认定、拨付、验收和身份确认。'}</View>
        </View>
      ) : null}

      {isSecretary ? (
        <View className="card" onClick={() => Taro.navigateTo({ url: '/packages/committee/inbox/index' })}>
          <View className="card-title">
            <Text>待处理申报</Text>
            <Text className="muted">查看 ›</Text>
          </View>
          <View className="muted">本基层党委收到的精品项目申报，审阅后推荐或退回。</View>
        </View>
      ) : null}
      {isSecretary ? entry('entry-committee-progress', '申报进度', '本批次各状态的数量，以及谁还没有提交申报书。', '/packages/committee/progress/index') : null}
      {isSecretary ? entry('entry-committee-members', '人员身份确认', '新绑定到本党委的人员，确认身份后才能申报、加入团队。', '/packages/committee/members/index') : null}
      {isSecretary || isAdmin ? entry('entry-nudge', '催办', '提醒还有草稿未提交、申报未审核、评分未完成或品牌报告未报送的人员，每人每天一次。', '/packages/committee/nudge/index') : null}
      {isSecretary ? entry('entry-committee-dashboard', '本党委看板', '本党委的申报、推荐、评审、经费和品牌进展一览。', '/packages/committee/dashboard/index') : null}

      {isAdmin ? (
        <View className="card entry-admin">
          <View className="card-title">组织部工作台</View>
          <View className="muted">开设批次与日程，组织立项评审、公示和立项，登记拨付，办理中期和结项验收。</View>
          <View style={{ marginTop: '16px', display: 'flex', flexWrap: 'wrap', gap: '16px' }}>
            <Button size="small" type="primary" className="entry-admin-batches" onClick={() => Taro.navigateTo({ url: '/packages/admin/batches/index' })}>
              批次与评审
            </Button>
            <Button size="small" className="entry-admin-committees" onClick={() => Taro.navigateTo({ url: '/packages/admin/committees/index' })}>
              各党委申报
            </Button>
            <Button size="small" className="entry-admin-people" onClick={() => Taro.navigateTo({ url: '/packages/admin/people/index' })}>
              人员与角色
            </Button>
            <Button size="small" className="entry-admin-org" onClick={() => Taro.navigateTo({ url: '/packages/admin/org/index' })}>
              组织机构与名册
            </Button>
            <Button size="small" className="entry-admin-dashboard" onClick={() => Taro.navigateTo({ url: '/packages/admin/dashboard/index' })}>
              数据看板
            </Button>
          </View>
        </View>
      ) : null}
      {hasRole(me.roles, 'reviewer') ? entry('entry-review', '我的评审任务', '为分配给您的立项申报逐项打分并填写评审意见。', '/packages/review/mine/index') : null}
      {isSecretary ? entry('entry-my-brand', '我的党建品牌', '一党委一品牌：撰写本年度品牌创建工作情况报告，报送组织部，记录培育进展。', '/packages/brand/mine/index') : null}
      {isSecretary || isAdmin ? entry('entry-brand-library', '党建品牌资源库', isAdmin ? '认定各基层党委报送的品牌，培育与推广入库品牌。' : '浏览全校已认定的党建品牌。', '/packages/brand/library/index') : null}

      <View className="card batches">
        <View className="card-title">正在申报的批次</View>
        {openBatches.length === 0 ? (
          <Empty>当前没有开放申报的批次。新批次发布后会显示在这里。</Empty>
        ) : (
          openBatches.map((b) => {
            const mineHere = projectIn(b._id);
            return (
              <View key={b._id} className="list-item batch-item">
                <View className="list-item-title">{b.name}</View>
                <View className="muted">
                  截止 {b.deadlineText} · {b.daysLeft === 0 ? '今天截止' : `还剩 ${b.daysLeft} 天`}
                </View>
                <View style={{ marginTop: '12px' }}>
                  {mineHere ? (
                    <Button size="small" onClick={() => openProject(mineHere._id)}>
                      查看我的申报书
                    </Button>
                  ) : !confirmed ? (
                    // Offered only what may be done while pending: the banner above says why.
                    <Text className="muted create-after-confirmation">身份确认后可新建申报书</Text>
                  ) : (
                    <Button size="small" type="primary" loading={creating === b._id} disabled={creating !== null} onClick={() => create(b._id)}>
                      新建申报书
                    </Button>
                  )}
                </View>
              </View>
            );
          })
        )}
      </View>

      <View className="card my-projects">
        <View className="card-title">我的项目</View>
        {mine.length === 0 ? (
          <Empty>{confirmed ? '您还没有申报项目。在上方选择一个开放的批次，点击“新建申报书”开始填写，内容会自动保存。' : '您还没有申报项目。所在基层党委确认身份后，即可在上方的批次中新建申报书。'}</Empty>
        ) : (
          mine.map((p) => (
            <View key={p._id} className="list-item project-item" onClick={() => openProject(p._id)}>
              <View className="row">
                <Text className="list-item-title">{p.title || '（未命名的申报书）'}</Text>
                <StateTag state={p.state} />
              </View>
              <View className="muted">
                {p.batchName} · 更新于 {formatInstant(p.updatedAt)}
              </View>
            </View>
          ))
        )}
      </View>

      <View className="card joined-projects">
        <View className="card-title">我参与的项目</View>
        {joined.length === 0 ? (
          <Empty>您还没有参与其他人主持的项目。收到项目主持人的邀请并确认加入后，项目会显示在这里。</Empty>
        ) : (
          joined.map((p) => (
            <View key={p._id} className="list-item joined-item" onClick={() => openProject(p._id)}>
              <View className="row">
                <Text className="list-item-title">{p.title}</Text>
                {isProjectState(p.state) ? <StateTag state={p.state} /> : null}
              </View>
              <View className="muted">主持人 {p.hostName} · {p.batchName}</View>
            </View>
          ))
        )}
      </View>

      {entry('entry-showcase', '品牌展示', '看看全校推广的基层党建品牌。', '/packages/showcase/list/index')}
    </View>
    </DeskShell>
  );
}
