import { View, Input, Text, Textarea } from '@tarojs/components';
import { useState } from 'react';
import { FUNDING_LIMITS, OUTCOME_KINDS, OUTCOME_KIND_LABELS, type Outcome } from '@shared/contracts/funding';
import { Button } from '../../../components/ui';
import { platform } from '../../../platform';
import { FileList } from '../components/FileList';
import { FieldNote } from '../../../components/FieldNote';
import type { FieldCheck } from '../../../hooks/useFieldCheck';

interface Props {
  outcomes: Outcome[];
  urls: Record<string, string>;
  onChange: (outcomes: Outcome[]) => void;
  onUploaded: (urls: Record<string, string>) => void;
  /** The form's validation at the field: outcome i's name is the field `outcome-${i}`. */
  check: FieldCheck;
}

/** An outcome's files with the names people gave them (附件1.pdf … for files saved without one). */
export function outcomeFiles(o: Outcome) {
  return (o.fileIds ?? []).map((fileId, i) => {
    const ext = (/\.([A-Za-z0-9]{1,5})$/.exec(fileId)?.[1] ?? '').toLowerCase();
    return { fileId, name: o.fileNames?.[fileId] ?? `附件${i + 1}${ext ? `.${ext}` : ''}` };
  });
}

/** 成果 by kind (理论成果/制度成果/实践成果/宣传报道): title, description, link, files. */
export function OutcomeEditor({ outcomes, urls, onChange, onUploaded, check }: Props) {
  const [busy, setBusy] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const set = (i: number, patch: Partial<Outcome>) => onChange(outcomes.map((o, j) => (j === i ? { ...o, ...patch } : o)));

  const addFiles = async (i: number) => {
    const o = outcomes[i];
    const have = o.fileIds ?? [];
    setError(null);
    setBusy(i);
    try {
      const up = await platform.chooseAndUploadFiles(FUNDING_LIMITS.outcomeFiles - have.length);
      if (up.length === 0) return;
      onUploaded(Object.fromEntries(up.map((u) => [u.fileId, u.url])));
      const kept = [...have, ...up.map((u) => u.fileId)].slice(0, FUNDING_LIMITS.outcomeFiles);
      const names = { ...(o.fileNames ?? {}), ...Object.fromEntries(up.map((u) => [u.fileId, u.name])) };
      set(i, { fileIds: kept, fileNames: Object.fromEntries(kept.flatMap((id) => (names[id] ? [[id, names[id]]] : []))) });
    } catch (err) {
      setError(err instanceof Error && err.message ? err.message : '文件上传失败，请重试');
    } finally {
      setBusy(null);
    }
  };

  return (
    <View className="outcomes">
      {outcomes.length === 0 ? <View className="muted outcome-empty">还没有登记成果。结项须至少登记一项成果，建议包含理论成果或制度成果。</View> : null}
      {outcomes.map((o, i) => (
        <View key={i} className="entry outcome-entry">
          <View className="row meta-line">
            <Text style={{ fontWeight: 500 }}>成果 {i + 1}</Text>
            <Text className="file-remove outcome-remove" onClick={() => onChange(outcomes.filter((_, j) => j !== i))}>删除</Text>
          </View>
          <View className="chips meta-line">
            {OUTCOME_KINDS.map((k) => (
              <Text key={k} className={`chip outcome-kind-${k}${o.kind === k ? ' selected' : ''}`} onClick={() => set(i, { kind: k })}>
                {OUTCOME_KIND_LABELS[k]}
              </Text>
            ))}
          </View>
          <View className={check.mark(`outcome-${i}`).trim()} id={check.anchor(`outcome-${i}`)}>
            <Input className="input outcome-title meta-line" value={o.title} maxlength={FUNDING_LIMITS.outcomeTitle} placeholder="成果名称（必填）" onInput={(e) => set(i, { title: e.detail.value })} />
            <FieldNote check={check} field={`outcome-${i}`} />
          </View>
          <Textarea className="textarea outcome-description" value={o.description} maxlength={FUNDING_LIMITS.outcomeDescription} autoHeight placeholder="成果简介：内容、应用范围、成效" onInput={(e) => set(i, { description: e.detail.value })} />
          <Input className="input outcome-link" style={{ marginTop: '12px' }} value={o.link ?? ''} maxlength={FUNDING_LIMITS.link} placeholder="链接（可选），如报道网址 https://…" onInput={(e) => set(i, { link: e.detail.value.trim() })} />
          <View className="section-label">附件（可选，最多 {FUNDING_LIMITS.outcomeFiles} 个）</View>
          <FileList files={outcomeFiles(o)} urls={urls} empty="暂无附件" onRemove={(id) => set(i, { fileIds: (o.fileIds ?? []).filter((x) => x !== id) })} />
          {(o.fileIds ?? []).length < FUNDING_LIMITS.outcomeFiles ? (
            <Button size="small" className="outcome-add-file" loading={busy === i} disabled={busy !== null} onClick={() => void addFiles(i)}>
              {busy === i ? '正在上传…' : `＋ ${platform.chooseFilesLabel}`}
            </Button>
          ) : null}
        </View>
      ))}
      {error ? <View className="error-box">{error}</View> : null}
      {outcomes.length < FUNDING_LIMITS.outcomes ? (
        <Button className="outcome-add" onClick={() => onChange([...outcomes, { kind: 'practice', title: '', description: '', link: '', fileIds: [] }])}>
          ＋ 登记一项成果
        </Button>
      ) : null}
    </View>
  );
}
