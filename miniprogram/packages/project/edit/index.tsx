import { View, Input, Textarea, Text } from '@tarojs/components';
import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';
import type { ProjectView } from '@shared/contracts';
import { mergeSubmitted } from '@shared/contracts/project-merge';
import { LIMITS, missingForSubmission, PROJECT_CATEGORIES, PROJECT_CATEGORY_LABELS, type ApplicationFields } from '@shared/domain/project/application';
import { phoneProblem } from '@shared/domain/phone';
import { formatInstant } from '@shared/time/deadline';
import { ApiError, call, errorText } from '../../../api/client';
import { ErrorBox, Loading } from '../../../components/Feedback';
import { ExportButton } from '../../../components/ExportButton';
import { StateTag } from '../../../components/StateTag';
import { Button } from '../../../components/ui';
import { ActionButton, type Ask } from '../../../components/ActionButton';
import { FieldNote, FieldSummary } from '../../../components/FieldNote';
import { TextCounter } from '../../../components/TextCounter';
import { useFieldCheck } from '../../../hooks/useFieldCheck';
import { AttachmentsSection } from './AttachmentsSection';
import { BudgetEditor } from './BudgetEditor';
import { MilestoneEditor } from './MilestoneEditor';
import { StageActions } from './StageActions';
import { TeamSection, type Invitation } from './TeamSection';
import { saveStatusText } from '../../../hooks/useVersionedAutosave';
import { SECTIONS_AFTER, SECTIONS_BEFORE, stateText, type TextField } from './texts';
import { Timeline } from './Timeline';
import { useAutosave } from './useAutosave';
import { useReminderAsk } from '../../../hooks/useReminderAsk';
import { useDesk } from '../../../hooks/useDesk';
import { DeskShell } from '../../../components/desk/DeskShell';
import { platform } from '../../../platform';
import { Outline } from './Outline';
import '../components/project.css';
import './index.css';
import { PrivacyPopup } from '../../../components/PrivacyPopup';

const NOTHING_MISSING: never[] = [];
const WITHDRAW_ASK: Ask = { title: '撤回申报', content: '撤回后申报书回到草稿，基层党委将收到撤回通知；修改后需重新提交。确定撤回吗？', confirmText: '撤回' };

export default function EditProject() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const [project, setProject] = useState<ProjectView | null>(null);
  const [fields, setFields] = useState<ApplicationFields | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const onSaved = useCallback((p: ProjectView) => setProject(p), []);
  const autosave = useAutosave(project, onSaved);
  const [uploaded, setUploaded] = useState<Record<string, string>>({});
  const [invitation, setInvitation] = useState<Invitation | null>(null);
  const [phoneLeft, setPhoneLeft] = useState(false);
  const reminders = useReminderAsk();
  const desk = useDesk();
  // Validation at the field: after a failed submit every field still missing is marked, live.
  const fieldCheck = useFieldCheck(fields ? missingForSubmission(fields) : NOTHING_MISSING, 'sec-');
  useShareAppMessage(() => (invitation ? { title: invitation.title, path: invitation.path } : { title: '党建精品项目', path: '/pages/index/index' }));

  const load = useCallback(async () => {
    setLoadError(null);
    try {
      const p = await call('project.get', { id });
      setProject(p);
      setFields(p.fields);
    } catch (err) {
      setLoadError(errorText(err));
    }
  }, [id]);

  useEffect(() => {
    void load();
  }, [load]);

  // At a desk, Ctrl+S saves at once (autosave still runs on its own).
  const saveNow = autosave.saveNow;
  useEffect(() => platform.watchSaveKey(() => void saveNow().catch(() => undefined)), [saveNow]);

  if (loadError && !project) return <DeskShell active="home"><View className="page"><ErrorBox message={loadError} onRetry={load} /></View></DeskShell>;
  if (!project || !fields) return <DeskShell active="home"><View className="page"><Loading /></View></DeskShell>;

  const editable = project.canEdit && autosave.state !== 'conflict';
  const update = (patch: Partial<ApplicationFields>) => {
    const next = { ...fields, ...patch };
    setFields(next);
    autosave.change(next);
  };

  const act = async (action: 'submit' | 'withdraw') => {
    setActionError(null);
    if (action === 'submit') {
      if (!fieldCheck.check()) return;
      // From the tap itself (WeChat's rule): reminders of the next deadlines (中期、结项) for this host.
      void reminders.ask();
    }
    try {
      await autosave.saveNow();
      const input = { id, version: autosave.version.current };
      if (action === 'submit') {
        // The answer carries what the submit changed, merged into the page as it now stands.
        const answer = await call('project.submit', input);
        setProject((p) => (p && p._id === answer._id ? mergeSubmitted(p, answer) : p));
      } else {
        const next = await call('project.withdraw', input);
        setProject(next);
        setFields(next.fields);
      }
      await Taro.showToast({ title: action === 'submit' ? '已提交基层党委' : '已撤回为草稿', icon: 'success' });
    } catch (err) {
      setActionError(errorText(err));
      if (err instanceof ApiError && err.code === 'CONFLICT') await load();
    }
  };

  const textBlock = (key: TextField, label: string, hint: string) => {
    const max = LIMITS[key];
    return (
      <View className={`field${fieldCheck.mark(key)}`} key={key} id={`sec-${key}`}>
        <View className="field-label">{label}<Text className="required">*</Text></View>
        <FieldNote check={fieldCheck} field={key} />
        {editable ? (
          <>
            <Textarea
              className={`textarea field-${key}`}
              value={fields[key]}
              // No cut: a paste stays whole, and the counter says what is over.
              maxlength={-1}
              autoHeight
              placeholder={hint}
              onInput={(e) => update({ [key]: e.detail.value } as Partial<ApplicationFields>)}
            />
            <TextCounter text={fields[key]} max={max} />
          </>
        ) : (
          <View className="readonly-text">{fields[key] || '未填写'}</View>
        )}
      </View>
    );
  };

  const saveLine = project.canEdit ? saveStatusText(autosave.state, autosave.savedAt, autosave.retrying) : stateText(project.state);
  const form = (
    <View className="page project-edit">
      {/* WeChat asks for privacy consent before the photo and file pickers open. */}
      <PrivacyPopup />
      <View className="card">
        <View className="row">
          <Text className="muted">{project.batchName}</Text>
          <StateTag state={project.state} />
        </View>
        <View className="muted meta-line">申报截止：{project.deadlineText}</View>
        <View className="muted meta-line">所在基层党委：{project.committeeName} · 主持人：{project.hostName}</View>
        {project.submittedAt ? <View className="muted meta-line">提交时间：{formatInstant(project.submittedAt)}</View> : null}
        {/* 撤回 lives up here, never where 提交 was: a second tap on 提交 cannot land on it, and it asks first. */}
        {project.canWithdraw ? (
          <View className="row withdraw-row">
            <Text className="muted">基层党委处理前可撤回修改</Text>
            <ActionButton className="withdraw-button" size="small" ask={WITHDRAW_ASK} onTap={() => act('withdraw')}>
              撤回为草稿
            </ActionButton>
          </View>
        ) : null}
        <ExportButton
          label="导出申报书（Word）"
          make={async () => {
            // What was typed a moment ago goes into the paper copy too.
            await autosave.saveNow();
            return call('export.application', { projectId: id });
          }}
        />
      </View>

      {project.state === 'returned' && project.returnComment ? (
        <View className="warn-box return-box">基层党委退回修改：{project.returnComment}</View>
      ) : null}
      {project.extensionNote ? <View className="warn-box extension-note">{project.extensionNote}</View> : null}
      <FieldSummary check={fieldCheck} />
      {project.warnings.map((w) => (
        <View key={w} className="warn-box">{w}</View>
      ))}
      {autosave.state === 'conflict' ? (
        <View className="warn-box conflict-box">
          <View>这份申报书已在其他设备上修改并保存。为避免覆盖，本页已停止自动保存。</View>
          <View style={{ marginTop: '12px' }}>
            <Button size="small" type="primary" onClick={() => Taro.redirectTo({ url: `/packages/project/edit/index?id=${id}` })}>
              重新加载最新内容
            </Button>
          </View>
        </View>
      ) : null}
      {autosave.state === 'error' && autosave.message ? <ErrorBox message={autosave.message} /> : null}

      <View className="card" id="sec-basic">
        <View className="card-title">基本信息</View>
        <View className={`field${fieldCheck.mark('title')}`} id="sec-title">
          <View className="field-label">项目名称<Text className="required">*</Text></View>
          <FieldNote check={fieldCheck} field="title" />
          {editable ? (
            <>
              <Input className="input field-title" value={fields.title} maxlength={-1} placeholder={`简明扼要，${LIMITS.title}字以内`} onInput={(e) => update({ title: e.detail.value.replace(/[\r\n]/g, '') })} />
              <TextCounter text={fields.title} max={LIMITS.title} />
            </>
          ) : (
            <View className="readonly-text">{fields.title || '未填写'}</View>
          )}
        </View>
        <View className={`field${fieldCheck.mark('contactPhone')}`} id="sec-contactPhone">
          <View className="field-label">联系电话<Text className="required">*</Text></View>
          <FieldNote check={fieldCheck} field="contactPhone" />
          {editable ? (
            <>
              {/* Text, not a number pad: 0755-86930000 keeps its hyphen. */}
              <Input className="input field-contactPhone" value={fields.contactPhone} maxlength={-1} placeholder="手机号，或座机如 0755-86930000" onInput={(e) => update({ contactPhone: e.detail.value })} onBlur={() => setPhoneLeft(true)} />
              {phoneLeft && !fieldCheck.reasons('contactPhone').length && phoneProblem(fields.contactPhone) ? <View className="field-error phone-problem" role="alert">{phoneProblem(fields.contactPhone)}</View> : null}
              <TextCounter text={fields.contactPhone} max={LIMITS.contactPhone} />
            </>
          ) : (
            <View className="readonly-text">{fields.contactPhone || '未填写'}</View>
          )}
        </View>
        {project.brandOptions.length > 0 ? (
          <View className="field">
            <View className="field-label">所支撑的党建品牌</View>
            <View className="chips">
              {project.brandOptions.map((b) => (
                <Text
                  key={b._id}
                  className={`chip brand-option${fields.brandId === b._id ? ' selected' : ''}${editable ? '' : ' disabled'}`}
                  onClick={() => editable && update({ brandId: fields.brandId === b._id ? null : b._id })}
                >
                  {b.name}（{b.year}）
                </Text>
              ))}
            </View>
          </View>
        ) : null}
        <View className={`field${fieldCheck.mark('category')}`} id="sec-category">
          <View className="field-label">项目类别<Text className="required">*</Text></View>
          <FieldNote check={fieldCheck} field="category" />
          <View className="chips">
            {PROJECT_CATEGORIES.map((c) => (
              <Text
                key={c}
                className={`chip category-${c}${fields.category === c ? ' selected' : ''}${editable ? '' : ' disabled'}`}
                onClick={() => editable && update({ category: c })}
              >
                {PROJECT_CATEGORY_LABELS[c]}
              </Text>
            ))}
          </View>
        </View>
      </View>

      <View className="card">
        <View className="card-title">申报内容</View>
        {SECTIONS_BEFORE.map((s) => textBlock(s.key, s.label, s.hint))}
        <View className={`field${fieldCheck.mark('milestones')}`} id="sec-milestones">
          <View className="field-label">进度安排<Text className="required">*</Text></View>
          <FieldNote check={fieldCheck} field="milestones" />
          <MilestoneEditor milestones={fields.milestones} editable={editable} onChange={(milestones) => update({ milestones })} />
        </View>
        {SECTIONS_AFTER.map((s) => textBlock(s.key, s.label, s.hint))}
      </View>

      <View className={`card${fieldCheck.mark('budget')}`} id="sec-budget">
        <View className="card-title">经费预算</View>
        <FieldNote check={fieldCheck} field="budget" />
        <BudgetEditor lines={fields.budget} editable={editable} onChange={(budget) => update({ budget })} />
      </View>

      <View id="sec-attachments">
      <AttachmentsSection
        attachments={fields.attachments}
        urls={{ ...project.fileUrls, ...uploaded }}
        editable={editable}
        onChange={(attachments) => update({ attachments })}
        onUploaded={(u) => setUploaded((x) => ({ ...x, ...u }))}
      />
      </View>

      <TeamSection projectId={id} hostName={project.hostName} withdrawable={project.state === 'submitted'} invitation={invitation} onInvitation={setInvitation} />

      {project.committeeOpinion ? (
        <View className="card">
          <View className="card-title">基层党委意见</View>
          <View className="readonly-text committee-opinion">{project.committeeOpinion}</View>
          {project.committeeRank ? <View className="muted">推荐排序：第 {project.committeeRank} 位</View> : null}
        </View>
      ) : null}

      <StageActions projectId={id} state={project.state} />

      <View className="card">
        <View className="card-title">办理进度</View>
        <Timeline entries={project.timeline} />
      </View>

      {actionError ? <ErrorBox message={actionError} /> : null}

      <View className="bottom-bar">
        <Text className="status save-status">{saveLine}</Text>
        {project.canEdit ? (
          <ActionButton className="submit-button" type="primary" disabled={!project.canSubmit || autosave.state === 'conflict'} onTap={() => act('submit')}>
            提交基层党委
          </ActionButton>
        ) : null}
      </View>
      {project.canEdit && !project.canSubmit ? (
        <View className="error-box deadline-box">申报已于 {project.deadlineText} 截止，草稿仍会保存，但无法提交。如有特殊情况请联系党委组织部。</View>
      ) : null}
    </View>
  );
  if (!desk) return form;
  return (
    <DeskShell active="home">
      <View className="desk-split desk-edit">
        <View className="desk-list">{form}</View>
        <View className="desk-detail">
          <Outline fields={fields} saveLine={saveLine} editable={editable} onSaveNow={() => void autosave.saveNow().catch(() => undefined)} />
        </View>
      </View>
    </DeskShell>
  );
}
