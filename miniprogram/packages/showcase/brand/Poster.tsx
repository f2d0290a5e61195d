import { Canvas, Image, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { PublicBrand } from '@shared/contracts';
import { call, errorText, ApiError } from '../../../api/client';
import { Button } from '../../../components/ui';
import { PrivacyPopup } from '../../../components/PrivacyPopup';
import { platform } from '../../../platform';
import type { CanvasNode } from '../../../platform/types';
import { drawPoster, POSTER_HEIGHT, POSTER_SCALE, POSTER_WIDTH, type PosterCodeArt } from './poster-draw';

const CANVAS_ID = 'poster-canvas';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The canvas node once it is on the page (it is mounted when generating starts). */
async function findCanvas(): Promise<CanvasNode> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const node = await new Promise<CanvasNode | null>((resolve) => {
      Taro.createSelectorQuery()
        .select(`#${CANVAS_ID}`)
        .fields({ node: true, size: true })
        .exec((res: Array<{ node?: CanvasNode } | null>) => resolve(res?.[0]?.node ?? null));
    });
    if (node) return node;
    await sleep(50);
  }
  throw new Error('画布没有准备好，请重试');
}

type Step = 'idle' | 'code' | 'drawing' | 'ready' | 'error';
const STEP_TEXT: Partial<Record<Step, string>> = { code: '正在获取二维码…', drawing: '正在绘制海报…' };

/** 生成分享海报: a picture with the brand and its code, for Weibo and other channels. */
export function Poster({ brand }: { brand: PublicBrand }) {
  const [step, setStep] = useState<Step>('idle');
  const [image, setImage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const busy = step === 'code' || step === 'drawing';

  const generate = async () => {
    setError(null);
    setStep('code');
    try {
      const code = await call('brand.posterCode', { id: brand._id });
      setStep('drawing');
      const canvas = await findCanvas();
      canvas.width = POSTER_WIDTH * POSTER_SCALE;
      canvas.height = POSTER_HEIGHT * POSTER_SCALE;
      const ctx = canvas.getContext('2d') as CanvasRenderingContext2D | null;
      if (!ctx) throw new Error('当前环境不支持绘制海报，请直接转发本页');
      let art: PosterCodeArt;
      if (code.kind === 'image') art = { kind: 'image', image: await platform.loadCanvasImage(canvas, code.url) };
      else {
        const url = platform.publicUrl(code.path);
        if (!url) throw new Error('无法生成展示页地址，请直接转发本页');
        art = { kind: 'qr', text: url };
      }
      drawPoster(ctx, brand, art);
      setImage(await platform.exportCanvas(canvas));
      setStep('ready');
    } catch (err) {
      setError(err instanceof ApiError ? errorText(err) : err instanceof Error ? err.message : '海报生成失败，请重试');
      setStep('error');
    }
  };

  const save = async () => {
    if (!image) return;
    setSaving(true);
    try {
      await platform.saveImage(image, `${brand.name}-分享海报.png`);
      await Taro.showToast({ title: platform.name === 'weapp' ? '已保存到相册' : '已开始下载', icon: 'success' });
    } catch (err) {
      setError(err instanceof Error ? err.message : '保存失败，请重试');
    } finally {
      setSaving(false);
    }
  };

  return (
    <View className="poster">
      {/* Saving to the album is a privacy API: WeChat holds it until the person agrees here. */}
      <PrivacyPopup />
      <Button type="primary" block className="poster-generate" loading={busy} disabled={busy} onClick={generate}>
        {busy ? STEP_TEXT[step] : '生成分享海报'}
      </Button>
      {error ? (
        <View className="error-box poster-error" role="alert">
          海报生成失败：{error}。可以点“生成分享海报”重试，或直接转发本页。
        </View>
      ) : null}
      {step !== 'idle' ? (
        // Drawn off screen; what the person sees is the exported picture.
        <View className="poster-canvas-holder" aria-hidden>
          <Canvas type="2d" id={CANVAS_ID} className="poster-canvas" />
        </View>
      ) : null}
      {step === 'ready' && image ? (
        <View className="poster-mask" onClick={() => setStep('idle')}>
          <View className="poster-sheet" onClick={(e) => e.stopPropagation()}>
            <Image className="poster-image" src={image} mode="widthFix" showMenuByLongpress />
            <View className="muted poster-hint">保存图片后可发布到微博、朋友圈等平台{platform.name === 'h5' ? '；手机上也可长按图片保存' : ''}</View>
            <View className="poster-actions">
              <Button className="poster-close" onClick={() => setStep('idle')}>
                关闭
              </Button>
              <Button type="primary" className="poster-save" loading={saving} disabled={saving} onClick={save}>
                保存图片
              </Button>
            </View>
          </View>
        </View>
      ) : null}
    </View>
  );
}
