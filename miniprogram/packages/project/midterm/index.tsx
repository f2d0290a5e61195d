import { View, Text, Textarea } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { FUNDING_LIMITS, type ReportsView } from '@shared/contracts/funding';
import { formatYuan } from '@shared/domain/money';
import { charCount } from '@shared/domain/text';
import { formatInstant } from '@shared/time/deadline';
import { call } from '../../../api/client';
import { ErrorBox, Loading } from '../../../components/Feedback';
import { Button, Tag } from '../../../components/ui';
import { useLoad } from '../../../hooks/useLoad';
import { useAction } from '../../../hooks/useAction';
import '../components/project.css';
import { DeskShell } from '../../../components/desk/DeskShell';

type Key = 'progress' | 'results' | 'spendingNote' | 'changeRequests';
type Draft = Record<Key, string>;
const FIELDS: Array<{ key: Key; label: string; hint: string; max: number; required: boolean }> = [
  { key: 'progress', label: '建设进展', hint: '对照申报书的进度安排，写明已完成的工作。', max: FUNDING_LIMITS.midtermText, required: true },
  { key: 'results', label: '阶段成效', hint: '取得的阶段性成果、示范带动作用、师生反响等。', max: FUNDING_LIMITS.midtermText, required: true },
  { key: 'spendingNote', label: '经费使用情况', hint: '第一笔经费的使用情况，是否专款专用。', max: FUNDING_LIMITS.midtermShort, required: true },
  { key: 'changeRequests', label: '调整事项（可选）', hint: '如需调整建设内容、进度或预算，请说明理由。', max: FUNDING_LIMITS.midtermShort, required: false },
];
const EMPTY: Draft = { progress: '', results: '', spendingNote: '', changeRequests: '' };
const draftKey = (id: string) => `midterm-draft:${id}`;

/** 中期验收 materials: filed once by the host, then read-only with the 组织部's decision. */
function Midterm() {
  const id = useRouter().params.id ?? '';
  const loaded = useLoad(() => call('project.reports', { projectId: id }), [id]);
  const [reports, setReports] = useState<ReportsView | null>(null);
  const [draft, setDraft] = useState<Draft>(() => ({ ...EMPTY, ...(Taro.getStorageSync<Partial<Draft>>(draftKey(id)) || {}) }));
  const action = useAction(loaded.reload);
  useEffect(() => setReports(loaded.data), [loaded.data]);

  if (loaded.error && !reports) return <View className="page"><ErrorBox message={loaded.error} onRetry={loaded.reload} /></View>;
  if (!reports) return <View className="page"><Loading /></View>;
  const r = reports;
  const m = r.midterm;

  const set = (key: Key, value: string) => {
    const next = { ...draft, [key]: value };
    setDraft(next);
    Taro.setStorageSync(draftKey(id), next);
  };
  const submit = async () => {
    const missing = FIELDS.filter((f) => f.required && !draft[f.key].trim()).map((f) => f.label);
    if (missing.length) return action.setError(`请填写：${missing.join('、')}`);
    const ok = await Taro.showModal({ title: '提交中期验收材料', content: '提交后不能再修改，项目进入中期验收，由党委组织部作出结论。确定提交吗？', confirmText: '提交' });
    if (!ok.confirm) return;
    const next = await action.run(() => call('midterm.submit', { projectId: id, version: r.projectVersion, ...draft }));
    if (next) {
      setReports(next);
      Taro.removeStorageSync(draftKey(id));
      await Taro.showToast({ title: '已提交中期材料', icon: 'success' });
    }
  };

  return (
    <View className="page midterm">
      <View className="card">
        <View className="row">
          <Text className="list-item-title">{r.title || '（未命名项目）'}</Text>
          <Tag type="primary" className="state-tag">{r.stateLabel}</Tag>
        </View>
        <View className="muted meta-line">党委组织部于年底组织中期验收；未通过的项目将予以终止，不再拨付余下经费。</View>
      </View>

      {m ? (
        <View className="card midterm-report">
          <View className="card-title">中期验收材料</View>
          <View className="muted meta-line">{m.submitterName} 提交于 {formatInstant(m.submittedAt)}；提交时经费到位 ¥{formatYuan(m.receivedFen)}，已支出 ¥{formatYuan(m.spentFen)}</View>
          {FIELDS.map((f) => (
            <View key={f.key} className="field">
              <View className="field-label">{f.label}</View>
              <View className={`readonly-text midterm-${f.key}`}>{m[f.key] || '无'}</View>
            </View>
          ))}
          {m.decision ? (
            <View className={`decision-box midterm-decision ${m.decision.pass ? 'pass' : 'fail'}`}>
              <View>
                <Text style={{ fontWeight: 600 }}>{m.decision.pass ? '中期验收通过' : '中期验收未通过，项目终止'}</Text>
                <Text className="muted">（{m.decision.deciderName}，{formatInstant(m.decision.at)}）</Text>
              </View>
              {m.decision.comment ? <View className="readonly-text">{m.decision.comment}</View> : null}
              {m.decision.pass ? <View className="muted">第二笔经费将由党委组织部拨付。</View> : null}
            </View>
          ) : (
            <View className="warn-box midterm-waiting" style={{ marginTop: '16px', marginBottom: 0 }}>已提交，等待党委组织部验收。</View>
          )}
        </View>
      ) : null}

      {!m && !r.can.submitMidterm ? (
        <View className="card midterm-none">
          <View className="muted">{r.midtermPassed ? '项目已通过中期验收。' : '尚未提交中期验收材料。中期验收材料由项目主持人在培育期间提交。'}</View>
        </View>
      ) : null}

      {r.can.submitMidterm && !m ? (
        <View className="card midterm-form">
          <View className="card-title">填写中期验收材料</View>
          <View className="field-hint meta-line">填写内容会暂存在本机，提交前可随时回来继续。</View>
          {FIELDS.map((f) => (
            <View key={f.key} className="field">
              <View className="field-label">
                {f.label}
                {f.required ? <Text className="required">*</Text> : null}
              </View>
              <Textarea className={`textarea midterm-input-${f.key}`} value={draft[f.key]} maxlength={f.max} autoHeight placeholder={f.hint} onInput={(e) => set(f.key, e.detail.value)} />
              <View className="field-hint counter">{charCount(draft[f.key])}/{f.max}</View>
            </View>
          ))}
          {action.error ? <ErrorBox message={action.error} /> : null}
          <Button type="primary" block className="midterm-submit" loading={action.busy} disabled={action.busy} onClick={() => void submit()}>
            提交中期验收材料
          </Button>
        </View>
      ) : null}
    </View>
  );
}

/** At a desk the page keeps the side navigation (a phone shows the page alone). */
export default function MidtermPage() {
  return (
    <DeskShell active="home">
      <Midterm />
    </DeskShell>
  );
}
