import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { ExportedFile } from '@shared/contracts/common';
import { errorText } from '../api/client';
import { platform } from '../platform';
import { Button } from './ui';

export function sizeText(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * One export: asks the server to generate the file (progress shown while it works), then hands
 * it over — a download in a browser, openDocument on WeChat (forward it to a chat from its menu).
 * Failures say what to do next and the button stays for another try.
 */
export function ExportButton({ label, make, size = 'small' }: { label: string; make: () => Promise<ExportedFile>; size?: 'small' | 'normal' }) {
  const [phase, setPhase] = useState<'idle' | 'making' | 'opening'>('idle');
  const [done, setDone] = useState<ExportedFile | null>(null);
  const [error, setError] = useState<string | null>(null);
  const go = async () => {
    setError(null);
    setDone(null);
    setPhase('making');
    try {
      const file = await make();
      setPhase('opening');
      await platform.deliverExport(file.url, file.fileName);
      setDone(file);
    } catch (err) {
      setError(err instanceof Error && err.message ? err.message : errorText(err));
    } finally {
      setPhase('idle');
    }
  };
  return (
    <View className="export-button">
      <Button size={size} loading={phase !== 'idle'} disabled={phase !== 'idle'} onClick={go}>
        {phase === 'making' ? '正在生成…' : phase === 'opening' ? '正在打开…' : label}
      </Button>
      {done ? (
        <Text className="muted export-done">
          已生成「{done.fileName}」（{done.fileName.endsWith('.xlsx') ? `${done.rows} 条，` : ''}{sizeText(done.size)}）{platform.name === 'weapp' ? '，可在打开后点右上角转发' : '，已开始下载'}
        </Text>
      ) : null}
      <ExportError message={error} />
    </View>
  );
}

/** Why an export failed, under its button (nothing when it did not). */
export function ExportError({ message }: { message: string | null }) {
  return message ? (
    <View className="export-error" role="alert">
      {message}
    </View>
  ) : null;
}
