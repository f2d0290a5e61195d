import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { ImportPreview, ImportSheet } from '@shared/contracts/org';
import { call, errorText } from '../../../api/client';
import { ExportButton } from '../../../components/ExportButton';
import { ErrorBox } from '../../../components/Feedback';
import { Button } from '../../../components/ui';
import { platform } from '../../../platform';

const LABELS: Record<ImportSheet, string> = { org: '组织机构', roster: '人员名册' };

/** One sheet's template, export, and upload → preview → apply (all or nothing, with progress). */
export function ImportCard({ sheet, onApplied }: { sheet: ImportSheet; onApplied: () => void }) {
  const [phase, setPhase] = useState<'idle' | 'uploading' | 'applying'>('idle');
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [progress, setProgress] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const pick = async () => {
    setError(null);
    setDone(null);
    setPreview(null);
    setPhase('uploading');
    try {
      const [file] = await platform.chooseAndUploadFiles(1);
      if (file) setPreview(await call('orgImport.preview', { sheet, fileId: file.fileId }));
    } catch (err) {
      setError(err instanceof Error && err.message ? err.message : errorText(err));
    } finally {
      setPhase('idle');
    }
  };

  const apply = async () => {
    if (!preview?.importId) return;
    setPhase('applying');
    setError(null);
    try {
      for (;;) {
        const r = await call('orgImport.apply', { importId: preview.importId });
        setProgress(`已写入 ${r.applied}/${r.chunks} 批`);
        if (r.done) {
          setDone(`导入完成：新增 ${r.add}，修改 ${r.change}，不变 ${r.unchanged}`);
          setPreview(null);
          onApplied();
          break;
        }
      }
    } catch (err) {
      setError(errorText(err));
    } finally {
      setPhase('idle');
      setProgress(null);
    }
  };

  return (
    <View className={`card import-card import-${sheet}`}>
      <View className="card-title">{LABELS[sheet]}（Excel 导入导出）</View>
      <View style={{ display: 'flex', flexWrap: 'wrap', gap: '12px' }}>
        <ExportButton label="下载模板" make={() => call('orgImport.template', { sheet })} />
        <ExportButton label="导出当前" make={() => call('orgImport.export', { sheet })} />
        <Button size="small" type="primary" className="import-pick" loading={phase === 'uploading'} disabled={phase !== 'idle'} onClick={pick}>
          {phase === 'uploading' ? '正在读取…' : `${platform.chooseFilesLabel}并预览`}
        </Button>
      </View>
      {preview ? (
        <View className="import-preview" style={{ marginTop: '12px' }}>
          <View className="import-counts">
            共 {preview.rows} 行：新增 {preview.add}，修改 {preview.change}，不变 {preview.unchanged}
          </View>
          {preview.problemCount ? (
            <View className="warn-box import-problems">
              <View>发现 {preview.problemCount} 个问题，请在表格中改正后重新上传（不会导入任何内容）：</View>
              {preview.problems.map((p, i) => (
                <View key={i} className="import-problem">{p.message}</View>
              ))}
            </View>
          ) : (
            <View>
              {preview.samples.map((s, i) => (
                <View key={i} className="muted import-sample">{s}</View>
              ))}
              <Button type="primary" block className="import-apply" loading={phase === 'applying'} disabled={phase !== 'idle'} onClick={apply}>
                {phase === 'applying' ? (progress ?? '正在导入…') : '确认导入（全部生效或全部不生效）'}
              </Button>
            </View>
          )}
        </View>
      ) : null}
      {done ? <Text className="muted import-done">{done}</Text> : null}
      {error ? <ErrorBox message={error} /> : null}
    </View>
  );
}
