import { View, Text, Image } from '@tarojs/components';
import type { BrandView } from '@shared/contracts';
import { FIVE_HAS, INFLUENCE_KIND_LABELS } from '@shared/domain/brand/report';
import { Empty } from '../../../components/Feedback';
import { PhotoGrid } from '../../../components/PhotoGrid';
import { StageBar } from '../../../components/StageBar';

const text = (s: string) => <View className="readonly-text">{s.trim() || '未填写'}</View>;

/** The report (附件1) read-only, by the "五有" sections. */
export function ReportView({ brand }: { brand: BrandView }) {
  const r = brand.report;
  const url = (id: string | null | undefined) => (id ? brand.fileUrls[id] : undefined);
  const projectTitle = new Map(brand.linkableProjects.map((p) => [p._id, p.title]));
  return (
    <View className="report-view">
      <View className="card">
        <View className="card-title">一、{FIVE_HAS.name}</View>
        <View className="logo-row">
          {r.logo && url(r.logo.fileId) ? <Image className="logo-image" src={url(r.logo.fileId) as string} mode="aspectFit" /> : null}
          <View style={{ flex: 1, minWidth: 0 }}>
            <View className="summary-name report-name">{r.name || '（尚未命名）'}</View>
            {r.logo?.explanation ? <View className="muted readonly-text">标识释义：{r.logo.explanation}</View> : null}
          </View>
        </View>
      </View>
      <View className="card">
        <View className="card-title">二、{FIVE_HAS.connotation}</View>
        {text(r.connotation)}
      </View>
      <View className="card">
        <View className="card-title">三、{FIVE_HAS.approach}</View>
        <StageBar stage={r.stage} />
        {text(r.approach)}
      </View>
      <View className="card">
        <View className="card-title">四、{FIVE_HAS.carriers}</View>
        {r.carriers.length === 0 ? <Empty>尚未填写活动载体。</Empty> : null}
        {r.carriers.map((c, i) => (
          <View key={i} className="list-item carrier-view">
            <View className="list-item-title">{c.title || '（未命名的活动）'}</View>
            {c.projectId ? <View className="muted">关联精品项目：{projectTitle.get(c.projectId) ?? '（项目已不可见）'}</View> : null}
            {c.description ? <View className="readonly-text">{c.description}</View> : null}
            <PhotoGrid urls={c.photos.map(url)} />
          </View>
        ))}
      </View>
      <View className="card">
        <View className="card-title">五、{FIVE_HAS.influence}</View>
        {r.influence.length === 0 ? <Empty>尚未填写社会影响。</Empty> : null}
        {r.influence.map((x, i) => (
          <View key={i} className="list-item influence-view">
            <View className="row">
              <Text className="list-item-title">{x.title || '（未命名）'}</Text>
              <Text className="muted">{INFLUENCE_KIND_LABELS[x.kind]}</Text>
            </View>
            {x.date ? <View className="muted">{x.date}</View> : null}
            {x.link ? <View className="muted link-text">{x.link}</View> : null}
            <PhotoGrid urls={[url(x.imageId)]} />
          </View>
        ))}
      </View>
      <View className="card">
        <View className="card-title">存在问题与下一步</View>
        {text(r.problems)}
      </View>
      <View className="card">
        <View className="card-title">公开署名</View>
        {r.publicNames.length === 0 ? <View className="muted">无（展示页不显示个人姓名）</View> : <View className="readonly-text">{r.publicNames.join('、')}</View>}
      </View>
    </View>
  );
}
