import { View, Input, Textarea, Text } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';
import type { BrandView } from '@shared/contracts';
import { BRAND_NAME_MAX, BRAND_NAME_MESSAGES, brandNameProblem } from '@shared/domain/brand/name';
import { BRAND_LIMITS, FIVE_HAS, missingFiveHas, type BrandReport } from '@shared/domain/brand/report';
import { BRAND_STAGES, BRAND_STAGE_LABELS } from '@shared/domain/brand/stage';
import { BRAND_STATE_LABELS } from '@shared/domain/brand/state';
import { charCount } from '@shared/domain/text';
import { ApiError, call, errorText } from '../../../api/client';
import { ErrorBox, Loading } from '../../../components/Feedback';
import { ExportButton } from '../../../components/ExportButton';
import { Button } from '../../../components/ui';
import { BrandStateTag } from '../components/BrandStateTag';
import { FiveHasChecklist } from '../components/FiveHasChecklist';
import { PhotoEditor } from '../../../components/PhotoEditor';
import { CarrierEditor } from './CarrierEditor';
import { InfluenceEditor } from './InfluenceEditor';
import { NamesEditor } from './NamesEditor';
import { saveStatusText } from '../../../hooks/useVersionedAutosave';
import { useReportAutosave } from './useReportAutosave';
import '../components/brand.css';
import './index.css';
import { PrivacyPopup } from '../../../components/PrivacyPopup';
import { useTapGuard } from '../../../hooks/useTapGuard';
import { DeskShell } from '../../../components/desk/DeskShell';


const detailUrl = (id: string) => `/packages/brand/detail/index?id=${id}`;

/** 附件1 基层党委（总支）党建品牌创建工作情况报告, by the "五有" sections, autosaved. */
function EditBrand() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const [brand, setBrand] = useState<BrandView | null>(null);
  const [report, setReport] = useState<BrandReport | null>(null);
  const [uploaded, setUploaded] = useState<Record<string, string>>({});
  const [loadError, setLoadError] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const tap = useTapGuard();
  const busy = tap.busy;
  const onSaved = useCallback((b: BrandView) => setBrand(b), []);
  const autosave = useReportAutosave(brand, onSaved);

  const load = useCallback(async () => {
    setLoadError(null);
    try {
      const b = await call('brand.get', { id });
      setBrand(b);
      setReport(b.report);
    } catch (err) {
      setLoadError(errorText(err));
    }
  }, [id]);

  useEffect(() => {
    void load();
  }, [load]);

  if (loadError && !brand) return <View className="page"><ErrorBox message={loadError} onRetry={load} /></View>;
  if (!brand || !report) return <View className="page"><Loading /></View>;

  if (!brand.can.edit) {
    return (
      <View className="page brand-edit">
        {/* WeChat asks for privacy consent before the photo and file pickers open. */}
        <PrivacyPopup />
        <View className="warn-box not-editable">
          品牌报告当前为「{BRAND_STATE_LABELS[brand.state]}」，不能再修改。可以在品牌详情中查看报告、认定意见和培育进展。
        </View>
        <Button type="primary" block onClick={() => Taro.redirectTo({ url: detailUrl(id) })}>
          查看品牌详情
        </Button>
      </View>
    );
  }

  const editable = autosave.state !== 'conflict';
  const urls = { ...brand.fileUrls, ...uploaded };
  const addUrls = (more: Record<string, string>) => setUploaded((u) => ({ ...u, ...more }));
  const update = (patch: Partial<BrandReport>) => {
    if (!editable) return;
    const next = { ...report, ...patch };
    setReport(next);
    autosave.change(next);
  };
  const nameProblem = report.name.trim() === '' ? null : brandNameProblem(report.name);
  const nameCount = charCount(report.name.trim());

  const submit = async () => {
    setActionError(null);
    const missing = missingFiveHas(report);
    if (missing.length) {
      setActionError(`“五有”尚未齐全，请先完成：${missing.map((m) => `${m.label}（${m.reason}）`).join('；')}`);
      void Taro.showToast({ title: '“五有”尚未齐全，见页面上方清单', icon: 'none' });
      return;
    }
    if (!tap.enter()) return;
    try {
      await autosave.saveNow();
      const state = autosave.current();
      if (state === 'conflict' || state === 'error') {
        setActionError(state === 'conflict' ? '报告已在其他设备上修改，请先重新加载最新内容' : `报告尚未保存成功：${autosave.message ?? '请检查网络后重试'}`);
        return;
      }
      const next = await call('brand.submit', { id, version: autosave.version.current });
      setBrand(next);
      await Taro.showToast({ title: '已报送组织部', icon: 'success' });
      await Taro.redirectTo({ url: detailUrl(id) });
    } catch (err) {
      setActionError(errorText(err));
      if (err instanceof ApiError && err.code === 'CONFLICT') await load();
    } finally {
      tap.leave();
    }
  };

  const textArea = (key: 'connotation' | 'approach' | 'problems', placeholder: string) => (
    <>
      <Textarea
        className={`textarea field-${key}`}
        value={report[key]}
        maxlength={BRAND_LIMITS[key]}
        autoHeight
        disabled={!editable}
        placeholder={placeholder}
        onInput={(e) => update({ [key]: e.detail.value })}
      />
      <View className="field-hint counter">{charCount(report[key])}/{BRAND_LIMITS[key]}</View>
    </>
  );

  return (
    <View className="page brand-edit">
      {/* WeChat asks for privacy consent before the photo and file pickers open. */}
      <PrivacyPopup />
      <View className="card">
        <View className="row">
          <Text className="muted">{brand.committeeName} · {brand.year} 年度</Text>
          <BrandStateTag state={brand.state} />
        </View>
        <View className="muted meta-line">按“五有”标准填写，内容自动保存；填齐后报送党委组织部认定入库。</View>
        <ExportButton label="导出品牌报告（Word）" make={() => call('export.brandReport', { brandId: id })} />
      </View>

      {brand.state === 'returned' && brand.returnComment ? (
        <View className="warn-box return-comment">
          <View>组织部退回修改意见：</View>
          <View className="readonly-text">{brand.returnComment}</View>
          <View className="muted">请按意见修改后重新报送。</View>
        </View>
      ) : null}
      {autosave.state === 'conflict' ? (
        <View className="warn-box conflict-box">
          <View>这份品牌报告已在其他设备上修改并保存。为避免覆盖，本页已停止自动保存。</View>
          <View style={{ marginTop: '12px' }}>
            <Button size="small" type="primary" onClick={() => Taro.redirectTo({ url: `/packages/brand/edit/index?id=${id}` })}>
              重新加载最新内容
            </Button>
          </View>
        </View>
      ) : null}
      {autosave.state === 'error' && autosave.message ? <ErrorBox message={`自动保存失败：${autosave.message}`} /> : null}

      <View className="card">
        <View className="card-title">“五有”标准完成情况</View>
        <FiveHasChecklist report={report} />
      </View>

      <View className="card section-name">
        <View className="card-title">一、{FIVE_HAS.name}</View>
        <View className="field">
          <View className="field-label">品牌名称<Text className="required">*</Text></View>
          <Input
            className="input field-name"
            value={report.name}
            maxlength={BRAND_NAME_MAX}
            disabled={!editable}
            placeholder="准确清晰、简短有力、形象贴切、朗朗上口"
            onInput={(e) => update({ name: e.detail.value })}
          />
          <View className="name-row">
            <View className="field-hint error-text name-problem">{nameProblem ? BRAND_NAME_MESSAGES[nameProblem] : ''}</View>
            <View className={`field-hint counter name-counter${nameCount > BRAND_NAME_MAX ? ' over' : ''}`}>{nameCount}/{BRAND_NAME_MAX}</View>
          </View>
        </View>
        <View className="field">
          <View className="field-label">品牌标识（可选）</View>
          <PhotoEditor
            value={report.logo ? [report.logo.fileId] : []}
            max={1}
            urls={urls}
            onChange={(ids) => update({ logo: ids[0] ? { fileId: ids[0], explanation: report.logo?.explanation ?? '' } : null })}
            onUploaded={addUrls}
            className="logo-editor"
          />
        </View>
        {report.logo ? (
          <View className="field">
            <View className="field-label">标识释义</View>
            <Textarea
              className="textarea field-logo-explanation"
              value={report.logo.explanation}
              maxlength={BRAND_LIMITS.logoExplanation}
              autoHeight
              placeholder="标识的构成与寓意"
              onInput={(e) => report.logo && update({ logo: { fileId: report.logo.fileId, explanation: e.detail.value } })}
            />
          </View>
        ) : (
          <View className="field-hint">上传标识后可填写标识释义。</View>
        )}
      </View>

      <View className="card section-connotation">
        <View className="card-title">二、{FIVE_HAS.connotation}</View>
        {textArea('connotation', '体现党建工作目标，反映党员干部群众需求的新动向；品牌理念、目标体系和文化内涵')}
      </View>

      <View className="card section-approach">
        <View className="card-title">三、{FIVE_HAS.approach}</View>
        {textArea('approach', '按照“实践—总结—规范—提高—定型—推广”的总体思路，以点带面，写清创建步骤和举措')}
        <View className="field-label">当前所处阶段</View>
        <View className="chips stage-chips">
          {BRAND_STAGES.map((s, i) => (
            <Text key={s} className={`chip stage-chip-${s}${report.stage === s ? ' selected' : ''}`} onClick={() => update({ stage: s })}>
              {i + 1}. {BRAND_STAGE_LABELS[s]}
            </Text>
          ))}
        </View>
      </View>

      <View className="card section-carriers">
        <View className="card-title">四、{FIVE_HAS.carriers}</View>
        <CarrierEditor carriers={report.carriers} projects={brand.linkableProjects} urls={urls} onChange={(carriers) => update({ carriers })} onUploaded={addUrls} />
      </View>

      <View className="card section-influence">
        <View className="card-title">五、{FIVE_HAS.influence}</View>
        <InfluenceEditor items={report.influence} urls={urls} onChange={(influence) => update({ influence })} onUploaded={addUrls} />
      </View>

      <View className="card section-problems">
        <View className="card-title">存在问题与下一步</View>
        {textArea('problems', '品牌创建中存在的不足，下一步培育计划')}
      </View>

      <View className="card section-names">
        <View className="card-title">公开署名</View>
        <NamesEditor names={report.publicNames} onChange={(publicNames) => update({ publicNames })} />
      </View>

      {actionError ? <ErrorBox message={actionError} /> : null}

      <View className="bottom-bar">
        <Text className="status save-status">{saveStatusText(autosave.state, autosave.savedAt, autosave.retrying)}</Text>
        <Button type="primary" className="submit-brand" loading={busy} disabled={busy || !brand.can.submit || autosave.state === 'conflict'} onClick={submit}>
          报送组织部
        </Button>
      </View>
    </View>
  );
}

/** At a desk the page keeps the side navigation (a phone shows the page alone). */
export default function EditBrandPage() {
  return (
    <DeskShell active="my-brand">
      <EditBrand />
    </DeskShell>
  );
}
