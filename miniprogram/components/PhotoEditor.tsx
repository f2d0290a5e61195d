import { View, Image, Text } from '@tarojs/components';
import { useState } from 'react';
import { platform } from '../platform';
import './PhotoEditor.css';

interface Props {
  /** File ids in order. */
  value: string[];
  max: number;
  /** Addresses by file id (the record's `fileUrls` plus what was uploaded here). */
  urls: Record<string, string>;
  onChange: (ids: string[]) => void;
  /** Tells the page the address of what was just uploaded. */
  onUploaded: (urls: Record<string, string>) => void;
  className?: string;
  /** The add button's text, e.g. ＋ 拍照或选择票据. */
  addLabel?: string;
}

/** Photos with add (upload from album or camera) and remove, up to `max`. */
export function PhotoEditor({ value, max, urls, onChange, onUploaded, className = '', addLabel = '＋ 添加图片' }: Props) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const add = async () => {
    setError(null);
    setBusy(true);
    try {
      const uploaded = await platform.chooseAndUploadImages(max - value.length);
      if (uploaded.length === 0) return;
      onUploaded(Object.fromEntries(uploaded.map((u) => [u.fileId, u.url])));
      onChange([...value, ...uploaded.map((u) => u.fileId)].slice(0, max));
    } catch (err) {
      setError(err instanceof Error && err.message ? err.message : '图片上传失败，请重试');
    } finally {
      setBusy(false);
    }
  };

  const shown = value.map((id) => urls[id]).filter((u): u is string => !!u);
  return (
    <View className={`photo-editor ${className}`}>
      <View className="photo-grid">
        {value.map((id) => (
          <View key={id} className="photo-slot">
            {urls[id] ? (
              <Image className="photo-cell" src={urls[id]} mode="aspectFill" onClick={() => platform.previewImages(shown, urls[id])} />
            ) : (
              <View className="photo-cell photo-missing">图片已失效</View>
            )}
            <Text className="photo-remove" aria-label="删除这张图片" onClick={() => onChange(value.filter((x) => x !== id))}>
              ×
            </Text>
          </View>
        ))}
        {value.length < max ? (
          <View className={`photo-cell photo-add${busy ? ' busy' : ''}`} onClick={() => !busy && void add()}>
            {busy ? '上传中…' : addLabel}
          </View>
        ) : null}
      </View>
      {error ? <View className="field-hint error-text">{error}</View> : null}
    </View>
  );
}
