import { View, Text, Textarea } from '@tarojs/components';
import Taro, { useDidHide, useRouter, useUnload } from '@tarojs/taro';
import { useCallback, useState } from 'react';
import { FUNDING_LIMITS, OUTCOME_KIND_LABELS, type ReportsView } from '@shared/contracts/funding';
import { charCount } from '@shared/domain/text';
import { formatInstant } from '@shared/time/deadline';
import { call } from '../../../api/client';
import { ErrorBox, Loading } from '../../../components/Feedback';
import { Button, Tag } from '../../../components/ui';
import { useLoad } from '../../../hooks/useLoad';
import { platform } from '../../../platform';
import { FileList } from '../components/FileList';
import { OutcomeEditor, outcomeFiles } from './OutcomeEditor';
import { finalIsEmpty, finalProblems, finalProblemsText, finalReady } from '@shared/domain/project/final';
import { FieldNote, FieldSummary } from '../../../components/FieldNote';
import { useFieldCheck } from '../../../hooks/useFieldCheck';
import { useFinalSave, type FinalDraft, type FinalSaveState } from './useFinalSave';
import '../components/project.css';
import { PrivacyPopup } from '../../../components/PrivacyPopup';
import { DeskShell } from '../../../components/desk/DeskShell';

const SAVE_TEXT: Record<FinalSaveState, string> = {
  idle: '修改会自动保存',
  dirty: '有未保存的修改…',
  saving: '正在保存…',
  saved: '已保存',
  error: '保存失败',
  conflict: '已在其他设备修改',
};

/** 结项: the host prepares summary and outcomes; the committee submits them; the 组织部 holds the 答辩 and decides. */
function Final() {
  const id = useRouter().params.id ?? '';
  const loaded = useLoad(() => call('project.reports', { projectId: id }), [id]);
  if (loaded.error && !loaded.data) return <View className="page"><ErrorBox message={loaded.error} onRetry={loaded.reload} /></View>;
  if (!loaded.data) return <View className="page"><Loading /></View>;
  return <FinalPage initial={loaded.data} onReload={() => void Taro.redirectTo({ url: `/packages/project/final/index?id=${encodeURIComponent(id)}` })} />;
}

function FinalPage({ initial, onReload }: { initial: ReportsView; onReload: () => void }) {
  const [r, setR] = useState(initial);
  const [draft, setDraft] = useState<FinalDraft>({ summary: initial.final?.summary ?? '', outcomes: initial.final?.outcomes ?? [] });
  const [uploaded, setUploaded] = useState<Record<string, string>>({});
  const onSaved = useCallback((next: ReportsView) => setR(next), []);
  const save = useFinalSave(initial.projectId, initial.final?.version ?? null, onSaved);
  const f = r.final;
  const urls = { ...r.fileUrls, ...uploaded };
  useDidHide(() => void save.saveNow());
  useUnload(() => void save.saveNow());

  const update = (next: FinalDraft) => {
    setDraft(next);
    // An outcome without a name is kept on screen and saved once it has one.
    save.change({ summary: next.summary, outcomes: next.outcomes.filter((o) => o.title.trim() !== '') });
  };
  // One rule for "ready" (shared/domain/project/final): what is on screen, marked at the field after 保存.
  const check = useFieldCheck(finalProblems(draft), 'final-');
  const [note, setNote] = useState<string | null>(null);
  const saveClick = async () => {
    setNote(null);
    if (finalIsEmpty(draft)) {
      setNote('还没有填写任何内容：请先填写结项总结或登记成果，再点保存。');
      return;
    }
    const complete = check.check();
    await save.saveNow();
    if (complete && save.version.current !== null) await Taro.showToast({ title: '已保存', icon: 'success' });
  };

  return (
    <View className="page final">
      {/* WeChat asks for privacy consent before the photo and file pickers open. */}
      <PrivacyPopup />
      <View className="card">
        <View className="row">
          <Text className="list-item-title">{r.title || '（未命名项目）'}</Text>
          <Tag type="primary" className="state-tag">{r.stateLabel}</Tag>
        </View>
        <View className="muted meta-line">建设期满后，项目主持人准备结项材料，由基层党委（总支）提交；党委组织部通过材料审核和答辩汇报开展验收。</View>
        <View className="muted final-status">
          {f?.submittedAt
            ? `基层党委已于 ${formatInstant(f.submittedAt)} 提交（${f.submitterName ?? ''}）`
            : f && finalReady(f)
              ? `材料已准备好（第 ${f.version} 版，保存于 ${formatInstant(f.savedAt)}，${f.outcomes.length} 项成果），待基层党委提交`
              : f
                ? `材料尚未准备好（已保存 ${f.outcomes.length} 项成果）：${finalProblemsText(finalProblems(f))}`
                : r.can.saveFinal
                  ? '尚未准备结项材料'
                  : r.midtermPassed
                    ? '主持人尚未准备结项材料'
                    : '通过中期验收后才能准备结项材料'}
        </View>
      </View>

      {f?.warnings.map((w) => <View key={w} className="warn-box final-warning">{w}</View>)}

      {r.can.saveFinal ? (
        <>
          {save.state === 'conflict' ? (
            <View className="warn-box final-conflict">
              结项材料已在其他设备上修改并保存，为避免覆盖已停止保存。
              <View className="inline-actions"><Button size="small" type="primary" onClick={onReload}>加载最新内容</Button></View>
            </View>
          ) : null}
          {save.state === 'error' && save.message ? <ErrorBox message={save.message} /> : null}
          <FieldSummary check={check} />
          {note ? <View className="warn-box final-note" role="alert">{note}</View> : null}
          <View className={`card final-summary${check.mark('summary')}`} id="final-summary">
            <View className="card-title"><Text>结项总结<Text className="required-mark">*</Text></Text></View>
            <FieldNote check={check} field="summary" />
            <Textarea className="textarea final-summary-input" value={draft.summary} maxlength={FUNDING_LIMITS.summary} autoHeight placeholder="建设目标完成情况、主要做法、取得的成效与经验、存在的不足" onInput={(e) => update({ ...draft, summary: e.detail.value })} />
            <View className="field-hint counter">{charCount(draft.summary)}/{FUNDING_LIMITS.summary}</View>
          </View>
          <View className={`card final-outcomes${check.mark('outcomes')}`} id="final-outcomes">
            <View className="card-title"><Text>建设成果</Text><Text className="muted">{draft.outcomes.length} 项</Text></View>
            <FieldNote check={check} field="outcomes" />
            <OutcomeEditor check={check} outcomes={draft.outcomes} urls={urls} onChange={(outcomes) => update({ ...draft, outcomes })} onUploaded={(u) => setUploaded((x) => ({ ...x, ...u }))} />
          </View>
          <View className="bottom-bar">
            <Text className="status final-save-status">{SAVE_TEXT[save.state]}{f ? ` · 第 ${f.version} 版` : ''}</Text>
            <Button type="primary" className="final-save" loading={save.state === 'saving'} disabled={save.state === 'saving' || save.state === 'conflict'} onClick={() => void saveClick()}>
              保存
            </Button>
          </View>
        </>
      ) : f ? (
        <View className="card final-readonly">
          <View className="card-title">结项总结</View>
          <View className="readonly-text final-summary-text">{f.summary || '未填写'}</View>
          <View className="section-label">建设成果（{f.outcomes.length} 项）</View>
          {f.outcomes.map((o, i) => (
            <View key={i} className="list-item final-outcome">
              <View className="row">
                <Text className="list-item-title">{o.title}</Text>
                <Text className="chip selected">{OUTCOME_KIND_LABELS[o.kind]}</Text>
              </View>
              {o.description ? <View className="readonly-text">{o.description}</View> : null}
              {o.link ? <View className="link-text" onClick={() => void platform.openLink(o.link ?? '')}>{o.link}</View> : null}
              {(o.fileIds ?? []).length ? <FileList files={outcomeFiles(o)} urls={urls} /> : null}
            </View>
          ))}
        </View>
      ) : (
        <View className="card"><View className="empty">还没有结项材料。</View></View>
      )}

      {f?.defense ? (
        <View className="card final-defense">
          <View className="card-title">答辩汇报</View>
          <View className="muted meta-line">{f.defense.date} · 评审组：{f.defense.panel.join('、')}</View>
          <View className="readonly-text">{f.defense.result}</View>
        </View>
      ) : null}
      {f?.decision ? (
        <View className={`decision-box final-decision ${f.decision.pass ? 'pass' : 'fail'}`}>
          <Text style={{ fontWeight: 600 }}>{f.decision.pass ? '结项验收通过' : '结项验收未通过'}</Text>
          <Text className="muted">（{f.decision.deciderName}，{formatInstant(f.decision.at)}）</Text>
          {f.decision.comment ? <View className="readonly-text">{f.decision.comment}</View> : null}
        </View>
      ) : null}
    </View>
  );
}

/** At a desk the page keeps the side navigation (a phone shows the page alone). */
export default function FinalWithDesk() {
  return (
    <DeskShell active="home">
      <Final />
    </DeskShell>
  );
}
