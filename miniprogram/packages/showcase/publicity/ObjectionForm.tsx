import { View, Text, Textarea } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { charCount } from '@shared/domain/text';
import { ApiError, call, errorText } from '../../../api/client';
import { Button } from '../../../components/ui';
import { BIND_PAGE } from '@shared/domain/pages';
import { useTapGuard } from '../../../hooks/useTapGuard';

const MAX = 1000;

/** 提出异议 on one publicised project: the text goes to the 组织部 only; the host never learns who objected. */
export function ObjectionForm({ projectId, title, onClose }: { projectId: string; title: string; onClose: () => void }) {
  const [text, setText] = useState('');
  const tap = useTapGuard();
  const busy = tap.busy;
  const [error, setError] = useState<string | null>(null);
  const [needsBind, setNeedsBind] = useState(false);
  const [done, setDone] = useState<string | null>(null);

  const submit = async () => {
    if (!text.trim()) return setError('请写明异议的具体内容和事实依据');
    const ok = await Taro.showModal({ title: '提交异议', content: `对「${title}」提出异议。异议内容仅党委组织部可见，将由其核实处理。确定提交吗？`, confirmText: '提交' });
    if (!ok.confirm) return;
    if (!tap.enter()) return;
    setError(null);
    try {
      const res = await call('review.object', { projectId, text: text.trim() });
      setDone(res.message);
    } catch (err) {
      setNeedsBind(err instanceof ApiError && err.code === 'UNAUTHENTICATED');
      setError(errorText(err));
    } finally {
      tap.leave();
    }
  };

  if (done) {
    return (
      <View className="objection-form objection-done">
        <View className="objection-ok">{done}</View>
        <Button size="small" onClick={onClose}>关闭</Button>
      </View>
    );
  }
  return (
    <View className="objection-form">
      <View className="field-hint">请实事求是、写明依据；异议人信息与内容仅党委组织部可见。</View>
      <Textarea className="textarea objection-text" value={text} maxlength={MAX} autoHeight placeholder="异议的具体内容与事实依据" onInput={(e) => setText(e.detail.value)} />
      <View className="field-hint" style={{ textAlign: 'right' }}>{charCount(text)}/{MAX}</View>
      {error ? (
        <View className="error-box objection-error" role="alert">
          <Text>{error}</Text>
          {needsBind ? (
            <View className="error-actions">
              <Button size="small" onClick={() => void Taro.navigateTo({ url: BIND_PAGE })}>去绑定身份</Button>
            </View>
          ) : null}
        </View>
      ) : null}
      <View className="objection-actions">
        <Button type="primary" size="small" className="objection-submit" loading={busy} disabled={busy} onClick={() => void submit()}>提交异议</Button>
        <Button size="small" onClick={onClose}>取消</Button>
      </View>
    </View>
  );
}
