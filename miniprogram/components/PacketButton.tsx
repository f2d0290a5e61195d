import { Text, View } from '@tarojs/components';
import { useEffect, useRef, useState } from 'react';
import type { PacketProgress } from '@shared/contracts/paperwork';
import { call, errorText } from '../api/client';
import { platform } from '../platform';
import { ExportError, sizeText } from './ExportButton';
import { Button } from './ui';
import { useTapGuard } from '../hooks/useTapGuard';

const POLL_MS = 800;
/** Left-out files listed under the button; the packet's 支撑材料清单 names every one. */
const SHOWN = 8;

const newJobId = () => `p${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`;

/**
 * 纸质材料包: one call builds the .zip while the button asks how far it has got (stage and count,
 * a bar); then it is handed over. What could not be read is listed, to be handed in separately.
 */
export function PacketButton({ batchId, committeeId, label }: { batchId: string; committeeId?: string; label: string }) {
  const tap = useTapGuard();
  const busy = tap.busy;
  const [progress, setProgress] = useState<PacketProgress | null>(null);
  const [done, setDone] = useState<{ fileName: string; size: number; applications: number; leftOut: string[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const polling = useRef<ReturnType<typeof setInterval> | null>(null);
  const stop = () => {
    if (polling.current) clearInterval(polling.current);
    polling.current = null;
  };
  useEffect(() => stop, []);

  const go = async () => {
    if (!tap.enter()) return;
    setError(null);
    setDone(null);
    setProgress(null);
    const jobId = newJobId();
    polling.current = setInterval(() => {
      call('export.packetProgress', { jobId })
        .then((p) => p.found && setProgress(p))
        .catch(() => {});
    }, POLL_MS);
    try {
      const file = await call('export.packet', { batchId, jobId, ...(committeeId ? { committeeId } : {}) });
      stop();
      setProgress({ found: true, stage: '正在下载', done: 1, total: 1, finished: true });
      await platform.deliverExport(file.url, file.fileName);
      setDone(file);
    } catch (err) {
      setError(err instanceof Error && err.message ? err.message : errorText(err));
    } finally {
      stop();
      tap.leave();
      setProgress(null);
    }
  };

  const pct = progress && progress.total > 0 ? Math.round((progress.done / progress.total) * 100) : 0;
  return (
    <View className="export-button packet-button">
      <Button size="small" loading={busy} disabled={busy} onClick={() => void go()}>
        {busy ? '正在生成材料包…' : label}
      </Button>
      {busy ? (
        <View className="packet-progress" role="status">
          <View className="packet-bar">
            <View className="packet-bar-fill" style={{ width: `${pct}%` }} />
          </View>
          <Text className="muted packet-stage">{progress ? `${progress.stage}（${pct}%）` : '正在准备…'}</Text>
        </View>
      ) : null}
      {done ? (
        <View className="muted export-done packet-done">
          已生成「{done.fileName}」（{done.applications} 份申报书，{sizeText(done.size)}）{platform.name === 'weapp' ? '' : '，已开始下载'}
          {done.leftOut.length ? (
            <View className="packet-left-out">
              <View className="warn-text">以下材料未能读取，未收入材料包，请另行报送：</View>
              {done.leftOut.slice(0, SHOWN).map((l) => (
                <View key={l} className="packet-left-out-item">· {l}</View>
              ))}
              {done.leftOut.length > SHOWN ? <View className="packet-left-out-more">等共 {done.leftOut.length} 件，材料包内《支撑材料清单》逐项注明了“未收入”。</View> : null}
            </View>
          ) : null}
        </View>
      ) : null}
      <ExportError message={error} />
    </View>
  );
}
