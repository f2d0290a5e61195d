import { View, Text } from '@tarojs/components';
import { useState } from 'react';
import { LIMITS, type Attachment } from '@shared/domain/project/application';
import { Button } from '../../../components/ui';
import { platform } from '../../../platform';
import { FileList } from '../components/FileList';

interface Props {
  attachments: Attachment[];
  /** Addresses by file id: the project's `fileUrls` plus what was uploaded on this page. */
  urls: Record<string, string>;
  editable: boolean;
  onChange: (attachments: Attachment[]) => void;
  onUploaded: (urls: Record<string, string>) => void;
}

/** 支撑材料: documents attached to the 申报书, saved with the draft's autosave. */
export function AttachmentsSection({ attachments, urls, editable, onChange, onUploaded }: Props) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const room = LIMITS.attachments - attachments.length;

  const add = async () => {
    setError(null);
    setBusy(true);
    try {
      const uploaded = await platform.chooseAndUploadFiles(Math.min(room, 9));
      if (uploaded.length === 0) return;
      onUploaded(Object.fromEntries(uploaded.map((u) => [u.fileId, u.url])));
      const added = uploaded.map((u) => ({ fileId: u.fileId, name: u.name.slice(0, LIMITS.attachmentName), size: u.size }));
      onChange([...attachments, ...added].slice(0, LIMITS.attachments));
    } catch (err) {
      setError(err instanceof Error && err.message ? err.message : '文件上传失败，请重试');
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="card attachments-section">
      <View className="card-title">
        <Text>支撑材料</Text>
        <Text className="muted">{attachments.length}/{LIMITS.attachments}</Text>
      </View>
      {editable ? (
        <View className="field-hint attachments-hint">
          可上传 PDF、Word、Excel、PPT 或 JPG/PNG 图片，单个不超过 20 MB。{platform.publicUrl('/') ? '' : '文件需先发送到微信聊天（如“文件传输助手”），再从聊天中选择。'}
        </View>
      ) : null}
      <FileList
        files={attachments}
        urls={urls}
        onRemove={editable ? (id) => onChange(attachments.filter((a) => a.fileId !== id)) : undefined}
        empty={editable ? '还没有上传支撑材料（可选），如前期工作基础、相关制度文件、活动照片等。' : '未提交支撑材料'}
      />
      {error ? <View className="error-box upload-error">{error}</View> : null}
      {editable && room > 0 ? (
        <View className="inline-actions">
          <Button className="attachment-add" loading={busy} disabled={busy} onClick={() => void add()}>
            {busy ? '正在上传…' : `＋ ${platform.chooseFilesLabel}`}
          </Button>
        </View>
      ) : null}
    </View>
  );
}
