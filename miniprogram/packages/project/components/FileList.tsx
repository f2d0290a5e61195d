import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { platform } from '../../../platform';

export interface ListedFile {
  fileId: string;
  name: string;
  size?: number;
}

/** "1.2 MB", "36 KB". */
export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

interface Props {
  files: ListedFile[];
  /** Addresses by file id. */
  urls: Record<string, string>;
  /** Offers 删除 on each file when given. */
  onRemove?: (fileId: string) => void;
  empty?: string;
}

/** Documents with name and size; a tap opens one, 删除 (when allowed) asks first. */
export function FileList({ files, urls, onRemove, empty = '暂无附件' }: Props) {
  const open = async (f: ListedFile) => {
    const url = urls[f.fileId];
    if (!url) {
      await Taro.showToast({ title: '文件地址已失效，请刷新页面后重试', icon: 'none' });
      return;
    }
    try {
      await platform.openDocument(url, f.name);
    } catch (err) {
      await Taro.showToast({ title: err instanceof Error ? err.message : '打开失败，请重试', icon: 'none' });
    }
  };
  const remove = async (f: ListedFile) => {
    const res = await Taro.showModal({ title: '删除附件', content: `确定删除「${f.name}」吗？`, confirmText: '删除', confirmColor: '#c8161d' });
    if (res.confirm) onRemove?.(f.fileId);
  };
  if (files.length === 0) return <View className="muted file-empty">{empty}</View>;
  return (
    <View className="file-list">
      {files.map((f) => (
        <View key={f.fileId} className="file-item">
          <View className="file-main" onClick={() => void open(f)}>
            <Text className="file-name">{f.name}</Text>
            <Text className="muted file-meta">{f.size !== undefined ? `${formatSize(f.size)} · ` : ''}点击查看</Text>
          </View>
          {onRemove ? (
            <Text className="file-remove" onClick={() => void remove(f)}>
              删除
            </Text>
          ) : null}
        </View>
      ))}
    </View>
  );
}
