import { Input, Text, Textarea, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';
import type { BatchView, OrgTree } from '@shared/contracts';
import type { NextYearView } from '@shared/contracts/paperwork';
import type { CalendarField } from '@shared/domain/batch';
import { formatYuan } from '@shared/domain/money';
import { hasRole, secretaryCommittees } from '@shared/domain/roles';
import { call, errorText } from '../../../api/client';
import { ErrorBox, Loading } from '../../../components/Feedback';
import { Button } from '../../../components/ui';
import { MoneyInput } from '../components/MoneyInput';
import { useAction } from '../../../hooks/useAction';
import { confirm } from '../../../components/confirm';
import { CalendarCard } from './CalendarCard';
import { ExtensionsCard } from './ExtensionsCard';
import { LevelField } from './LevelField';
import { dateProblems, emptyForm, fieldsOf, formOf, type BatchForm } from './form';
import '../components/admin.css';
import { DeskShell } from '../../../components/desk/DeskShell';

interface Loaded {
  committees: OrgTree['committees'];
  canSchool: boolean;
  batch: (BatchView & { version: number }) | null;
  /** Next year's batch from an earlier one: every field shown here before it opens. */
  from: NextYearView | null;
}

async function loadPage(id: string, fromId: string): Promise<Loaded> {
  const [me, org] = await Promise.all([call('session.me', {}), call('org.tree', {})]);
  const admin = hasRole(me.roles, 'admin');
  const own = secretaryCommittees(me.roles);
  const committees = admin ? org.committees : org.committees.filter((c) => own.includes(c._id));
  const batch = id ? await call('batch.get', { id }) : null;
  const from = !id && fromId ? await call('batch.nextYear', { fromId }) : null;
  return { committees, canSchool: admin, batch, from };
}

function leave() {
  if (Taro.getCurrentPages().length > 1) void Taro.navigateBack();
  else void Taro.redirectTo({ url: '/packages/admin/batches/index' });
}

/** 新建批次 / 批次设置: name, calendar, money and quota; dates move later only through 延期. */
function BatchPagePage() {
  const params = useRouter().params;
  const id = params.id ?? '';
  const fromId = params.from ?? '';
  const [page, setPage] = useState<Loaded | null>(null);
  const [form, setForm] = useState<BatchForm | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [problems, setProblems] = useState<string[]>([]);

  const load = useCallback(async () => {
    setLoadError(null);
    try {
      const next = await loadPage(id, fromId);
      setPage(next);
      const year = new Date().getFullYear();
      const start = next.batch ?? next.from;
      setForm(start ? formOf(start) : emptyForm(year, next.canSchool ? 'school' : 'committee', next.canSchool ? '' : (next.committees[0]?._id ?? '')));
    } catch (err) {
      setLoadError(errorText(err));
    }
  }, [id, fromId]);
  useEffect(() => void load(), [load]);

  const save = useAction(load);
  const extend = useAction(load);

  if (loadError && !form) return <View className="page"><ErrorBox message={loadError} onRetry={load} /></View>;
  if (!page || !form) return <View className="page"><Loading /></View>;
  if (!page.canSchool && page.committees.length === 0) {
    return <View className="page"><ErrorBox message="批次由党委组织部或基层党委书记、组织员设置。如需开设批次，请联系党委组织部。" /></View>;
  }

  const editing = page.batch;
  const set = (patch: Partial<BatchForm>) => setForm({ ...form, ...patch });
  const setDate = (field: CalendarField, date: string) => setForm({ ...form, calendar: { ...form.calendar, [field]: date } });

  const submit = async () => {
    const checked = fieldsOf(form);
    setProblems(checked.problems);
    if (!checked.fields) return;
    const fields = checked.fields;
    if (form.level === 'committee' && !form.committeeId) {
      setProblems(['请选择自行组织批次的基层党委']);
      return;
    }
    const done = await save.run(async () => {
      if (editing) return call('batch.update', { id: editing._id, version: editing.version, ...fields });
      return call('batch.create', { ...fields, level: form.level, ...(form.level === 'committee' ? { committeeId: form.committeeId } : {}), ...(page.from ? { fromId: page.from.fromId } : {}) });
    });
    if (done) {
      await Taro.showToast({ title: editing ? '已保存' : '批次已创建', icon: 'success' });
      leave();
    }
  };

  const onExtend = async (field: CalendarField, date: string, reason: string): Promise<boolean> => {
    if (!editing) return false;
    const ok = await confirm('确认延期', `将该日期延至 ${date}？延期会记录在案，相关人员会收到通知。`);
    if (!ok) return false;
    const fresh = await extend.run(async () => {
      await call('batch.extendDeadline', { id: editing._id, version: editing.version, field, date, reason });
      return call('batch.get', { id: editing._id });
    });
    if (!fresh) return false;
    // Keep what is being typed elsewhere on the form; take the new date and version.
    setPage({ ...page, batch: fresh });
    setForm({ ...form, calendar: { ...form.calendar, [field]: fresh.calendar[field] ?? date } });
    await Taro.showToast({ title: '已延期', icon: 'success' });
    return true;
  };

  return (
    <View className="page admin-batch">
      {page.from ? (
        <View className="card next-year-card">
          <View className="card-title">复制自「{page.from.fromName}」</View>
          <View className="muted meta-line">已带入名称、层级、评审细则、立项数量、资助经费、纸质材料报送说明和发文机关，日程顺延一年。请逐项核对后再创建；上一批次的申报、评审、公示和经费不会带入。</View>
          <View className="muted meta-line next-year-rubric">评审细则：{page.from.rubric.map((c) => `${c.label}（${c.weight}%，满分${c.max}）`).join('；')}</View>
        </View>
      ) : null}
      <View className="card">
        <View className="card-title">{editing ? '批次设置' : page.from ? '下一年度批次（预览）' : '新建批次'}</View>
        <View className="field">
          <View className="field-label">批次名称<Text className="required">*</Text></View>
          <Input className="input field-name" value={form.name} maxlength={40} placeholder="如：第三批校级党建精品项目（2026）" onInput={(e) => set({ name: e.detail.value })} />
        </View>
        <View className="field">
          <View className="field-label">年度<Text className="required">*</Text></View>
          <Input className="input field-year" type="number" value={form.year} maxlength={4} onInput={(e) => set({ year: e.detail.value })} />
        </View>
        <LevelField
          level={form.level}
          committeeId={form.committeeId}
          committees={page.committees}
          canSchool={page.canSchool}
          fixed={editing !== null}
          onChange={(level, committeeId) => set({ level, committeeId })}
        />
      </View>

      <CalendarCard
        calendar={form.calendar}
        saved={editing ? editing.calendar : null}
        problems={dateProblems(form)}
        onChange={setDate}
        onExtend={onExtend}
        extending={extend.busy}
      />
      {extend.error ? <ErrorBox message={extend.error} /> : null}
      {editing ? <ExtensionsCard batchId={editing._id} deadline={editing.calendar.submissionDeadline} committees={editing.level === 'committee' ? page.committees.filter((c) => c._id === editing.committeeId) : page.committees} canFindPeople={page.canSchool} /> : null}

      <View className="card">
        <View className="card-title">经费与名额</View>
        <View className="field">
          <View className="field-label">每个项目资助经费<Text className="required">*</Text></View>
          <MoneyInput className="field-grant" fen={form.grantFen} onChange={(grantFen) => set({ grantFen })} placeholder="如 20000" />
          {form.grantFen !== null ? (
            <View className="field-hint">立项拨付 50%（¥{formatYuan(Math.floor(form.grantFen / 2))}），中期验收通过后拨付其余（¥{formatYuan(form.grantFen - Math.floor(form.grantFen / 2))}）</View>
          ) : null}
        </View>
        <View className="field">
          <View className="field-label">立项数量上限<Text className="required">*</Text></View>
          <Input className="input field-quota" type="number" value={form.quota} maxlength={4} placeholder="如 20" onInput={(e) => set({ quota: e.detail.value })} />
          <View className="field-hint">优中选优、宁缺毋滥：最终立项可少于此数。</View>
        </View>
      </View>

      <View className="card">
        <View className="card-title">通知与纸质材料</View>
        <View className="field">
          <View className="field-label">通知标题</View>
          <Textarea className="textarea field-notice" style={{ minHeight: '120px' }} value={form.noticeTitle} maxlength={200} autoHeight placeholder="如：关于开展第三批党建精品项目建设工作的通知" onInput={(e) => set({ noticeTitle: e.detail.value })} />
        </View>
        <View className="field">
          <View className="field-label">纸质材料报送说明</View>
          <Textarea className="textarea field-paper" value={form.paperInstructions} maxlength={500} autoHeight placeholder="如：纸质版材料报送汇元楼511室，电子版材料发送至 zzbdj@szu.edu.cn" onInput={(e) => set({ paperInstructions: e.detail.value })} />
        </View>
        <View className="field">
          <View className="field-label">发文机关（立项通知的红头）</View>
          <Input className="input field-issuer" value={form.issuerName} maxlength={30} placeholder="如：中共××大学委员会组织部" onInput={(e) => set({ issuerName: e.detail.value })} />
        </View>
      </View>

      {problems.length ? (
        <View className="error-box form-problems" role="alert">
          <View>请先修改以下内容：</View>
          {problems.map((p) => <View key={p}>· {p}</View>)}
        </View>
      ) : null}
      {save.error ? <ErrorBox message={save.error} /> : null}

      <View className="bottom-bar">
        <Text className="status">{editing ? '修改后点“保存”；推迟日期请用“延期”' : '创建后可随时修改'}</Text>
        <Button type="primary" className="batch-save" loading={save.busy} disabled={save.busy} onClick={() => void submit()}>
          {editing ? '保存' : page.from ? '确认并创建下一年度批次' : '创建批次'}
        </Button>
      </View>
    </View>
  );
}

/** At a desk, beside the side navigation; on a phone the page alone. */
export default function BatchPage() {
  return (
    <DeskShell active="batches">
      <BatchPagePage />
    </DeskShell>
  );
}
