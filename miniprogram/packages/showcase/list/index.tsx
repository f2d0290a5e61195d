import { Image, View, Text } from '@tarojs/components';
import Taro, { useShareAppMessage } from '@tarojs/taro';
import { call } from '../../../api/client';
import { Empty, ErrorBox, Loading } from '../../../components/Feedback';
import { useLoad } from '../../../hooks/useLoad';
import '../showcase.css';

/** The promoted brands, for anyone. */
export default function ShowcaseList() {
  const { data, error, loading, reload } = useLoad(() => call('brand.publicList', {}));
  useShareAppMessage(() => ({ title: '基层党建品牌展示', path: '/packages/showcase/list/index' }));
  if (loading && !data) return <View className="page"><Loading /></View>;
  if (error && !data) return <View className="page"><ErrorBox message={error} onRetry={reload} /></View>;
  if (!data) return null;
  return (
    <View className="page showcase-list">
      <View className="card">
        <View className="card-title">
          <Text>基层党建品牌展示</Text>
          <Text className="muted">{data.length} 个</Text>
        </View>
        <View className="muted meta-line">“一党委一品牌”：经党委组织部认定并列为推广品牌的基层党建品牌。</View>
        {data.length === 0 ? (
          <Empty>还没有公开展示的党建品牌。组织部将已认定的品牌列为推广品牌后，会展示在这里。</Empty>
        ) : (
          data.map((b) => (
            <View key={b._id} className="list-item showcase-list-item" onClick={() => Taro.navigateTo({ url: `/packages/showcase/brand/index?id=${b._id}` })}>
              {b.logoUrl ? <Image className="showcase-list-logo" src={b.logoUrl} mode="aspectFit" /> : <View className="showcase-list-logo showcase-list-logo-empty">{Array.from(b.name)[0] ?? ''}</View>}
              <View className="showcase-list-text">
                <View className="list-item-title">{b.name}</View>
                <View className="muted">
                  {b.committeeName} · {b.year} 年度
                </View>
              </View>
            </View>
          ))
        )}
      </View>
    </View>
  );
}
