import { View, Text, Image } from '@tarojs/components';
import Taro, { useRouter, useShareAppMessage, useShareTimeline } from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';
import type { PublicBrand } from '@shared/contracts';
import { PROMOTION_KIND_LABELS } from '@shared/domain/brand/brand';
import { ApiError, call, errorText } from '../../../api/client';
import { Empty, ErrorBox, Loading } from '../../../components/Feedback';
import { PhotoGrid } from '../../../components/PhotoGrid';
import { StageBar } from '../../../components/StageBar';
import { Button } from '../../../components/ui';
import { platform } from '../../../platform';
import { Poster } from './Poster';
import { LikeButton } from './LikeButton';
import '../../../components/PhotoGrid.css';
import '../showcase.css';

const PAGE = '/packages/showcase/brand/index';
const LIST = '/packages/showcase/list/index';

/** The brand id: `id` from a link or a share, `scene` from a mini-program code. */
function brandId(params: Record<string, string | undefined>): string {
  if (params.id) return params.id;
  try {
    return params.scene ? decodeURIComponent(params.scene) : '';
  } catch {
    return '';
  }
}

/** The public showcase of a promoted brand: readable by anyone, signed in or not. */
export default function BrandShowcase() {
  const { params } = useRouter();
  const id = brandId(params);
  // Opened from a web link, the first HTML response already carries the brand: no call needed.
  const [brand, setBrand] = useState<PublicBrand | null>(() => {
    const pre = platform.takePrerendered();
    return pre && pre.id === id ? (pre.data as PublicBrand) : null;
  });
  const [missing, setMissing] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    setError(null);
    if (!id) return setMissing(true);
    try {
      // How the page was opened, for counting the view (the server holds it in memory).
      const inApp = Taro.getCurrentPages().length > 1;
      const from = typeof params.from === 'string' ? params.from : null;
      const b = await call('brand.public', { id, via: { scene: platform.launchScene(), inApp, from, referrer: platform.referrer() } });
      setBrand(b);
    } catch (err) {
      if (err instanceof ApiError && (err.code === 'NOT_FOUND' || err.code === 'VALIDATION')) setMissing(true);
      else setError(errorText(err));
    }
  }, [id]);

  useEffect(() => {
    // A brand that came with the page is not asked for again.
    if (!brand) void load();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [load]);

  useEffect(() => {
    if (brand) {
      platform.dropPrerendered();
      void Taro.setNavigationBarTitle({ title: brand.name });
    }
    if (missing) platform.dropPrerendered();
  }, [brand, missing]);

  const target = { kind: 'brand' as const, id };
  const countShare = (kind: 'chat' | 'moments') => {
    if (brand) void call('influence.share', { target, kind }).catch(() => undefined);
  };
  useShareAppMessage(() => {
    countShare('chat');
    return shareToChat();
  });
  useShareTimeline(() => {
    countShare('moments');
    return shareToMoments();
  });
  const shareToChat = () => ({ title: brand ? `${brand.name} · ${brand.committeeName}党建品牌` : '党建品牌展示', path: `${PAGE}?id=${encodeURIComponent(id)}` });
  const shareToMoments = () => ({ title: brand ? `${brand.name} · ${brand.committeeName}` : '党建品牌展示', query: `id=${encodeURIComponent(id)}` });

  const toList = () => Taro.navigateTo({ url: LIST });

  if (missing) {
    return (
      <View className="page showcase">
        <View className="card showcase-missing">
          <View className="card-title">该品牌展示页不存在或尚未公开</View>
          <View className="muted meta-line">链接可能有误，或该品牌尚未被党委组织部列为推广品牌。可以看看已公开展示的党建品牌。</View>
          <View style={{ marginTop: '16px' }}>
            <Button type="primary" block className="to-showcase-list" onClick={toList}>
              查看品牌展示列表
            </Button>
          </View>
        </View>
      </View>
    );
  }
  if (error && !brand) return <View className="page"><ErrorBox message={error} onRetry={load} /></View>;
  if (!brand) return <View className="page"><Loading /></View>;

  return (
    <View className="page showcase">
      <View className="showcase-hero">
        {brand.logo ? <Image className="showcase-logo" src={brand.logo.url} mode="aspectFit" /> : null}
        <View className="showcase-name">{brand.name}</View>
        <View className="showcase-committee">
          {brand.committeeName} · {brand.year} 年度党建品牌
        </View>
        {brand.logo?.explanation ? <View className="showcase-logo-text">{brand.logo.explanation}</View> : null}
      </View>

      <View className="card">
        <View className="card-title">品牌内涵</View>
        <View className="showcase-text showcase-connotation">{brand.connotation}</View>
      </View>

      <View className="card">
        <View className="card-title">创建思路</View>
        <StageBar stage={brand.stage} />
        <View className="showcase-text">{brand.approach}</View>
      </View>

      <View className="card">
        <View className="card-title">活动载体</View>
        {brand.carriers.length === 0 ? <Empty>暂无公开的活动载体。</Empty> : null}
        {brand.carriers.map((c, i) => (
          <View key={i} className="list-item showcase-carrier">
            <View className="list-item-title">{c.title}</View>
            {c.projectTitle ? <View className="showcase-project">党建精品项目：{c.projectTitle}</View> : null}
            {c.description ? <View className="showcase-text">{c.description}</View> : null}
            <PhotoGrid urls={c.photos} />
          </View>
        ))}
      </View>

      <View className="card">
        <View className="card-title">社会影响</View>
        {brand.influence.length === 0 ? <Empty>暂无公开的社会影响记录。</Empty> : null}
        {brand.influence.map((x, i) => (
          <View key={i} className="list-item showcase-influence">
            <View className="row">
              <Text className="list-item-title">{x.title}</Text>
              <Text className="chip selected showcase-kind">{x.kind}</Text>
            </View>
            {x.date ? <View className="muted">{x.date}</View> : null}
            {x.link ? (
              <View className="showcase-link" onClick={() => void platform.openLink(x.link)}>
                查看报道 ›
              </View>
            ) : null}
            <PhotoGrid urls={[x.imageUrl]} />
          </View>
        ))}
      </View>

      {brand.events.length > 0 ? (
        <View className="card">
          <View className="card-title">品牌推广活动</View>
          {brand.events.map((e, i) => (
            <View key={i} className="list-item showcase-event">
              <View className="row">
                <Text className="list-item-title">{PROMOTION_KIND_LABELS[e.kind]}</Text>
                <Text className="muted">{e.date}</Text>
              </View>
              <View className="muted">地点：{e.place}</View>
              <View className="showcase-text">{e.report}</View>
            </View>
          ))}
        </View>
      ) : null}

      {brand.publicNames.length > 0 ? (
        <View className="card">
          <View className="card-title">品牌团队</View>
          <View className="showcase-text showcase-names">{brand.publicNames.join('、')}</View>
        </View>
      ) : null}

      <LikeButton target={target} />
      <Poster brand={brand} />
      <View className="showcase-more" onClick={toList}>
        更多党建品牌 ›
      </View>
    </View>
  );
}
