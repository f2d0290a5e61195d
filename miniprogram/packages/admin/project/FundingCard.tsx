import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { FundingView } from '@shared/contracts/funding';
import { formatYuan, type Fen } from '@shared/domain/money';
import type { Tranche } from '@shared/domain/project/funding';
import { formatInstant } from '@shared/time/deadline';
import { Empty, ErrorBox } from '../../../components/Feedback';
import { DisburseForm } from './DisburseForm';

interface Props {
  f: FundingView;
  busy: boolean;
  /** The last failed action of this card, said next to it. */
  error: string | null;
  onDisburse: (tranche: Tranche, amountFen: Fen, note: string) => Promise<void>;
}

const Kv = ({ k, v, className = '' }: { k: string; v: string; className?: string }) => (
  <View className={`kv ${className}`}>
    <Text className="k">{k}</Text>
    <Text className="v">{v}</Text>
  </View>
);

/** 经费: grant, tranches paid and due, 配套经费, spending (专款专用, overrides flagged), and 拨付. */
export function FundingCard({ f, busy, error, onDisburse }: Props) {
  const preview = (id: string) => {
    const urls = f.expenses.flatMap((e) => e.receipts).map((r) => f.fileUrls[r]).filter((u): u is string => Boolean(u));
    const url = f.fileUrls[id];
    if (url) void Taro.previewImage({ urls, current: url });
  };
  return (
    <View className="card funding-card">
      <View className="card-title">
        <Text>培育经费</Text>
        {f.readOnly ? <Text className="muted">账目已关闭</Text> : null}
      </View>
      {f.grantFen === null ? (
        <Empty>尚未核定资助经费：立项时按批次标准确定，之后在此登记拨付。</Empty>
      ) : (
        <>
          <Kv k="资助经费" v={`¥${formatYuan(f.grantFen)}`} className="strong funding-grant" />
          {f.tranches.map((t) => (
            <View key={t.tranche} className={`tranche tranche-${t.tranche}${t.paid ? ' paid' : ''}`}>
              <Kv k={t.label} v={`¥${formatYuan(t.amountFen)}`} />
              <View className={`tranche-status ${t.paid ? 'ok-text' : 'muted'}`}>
                {t.paid && t.paidAt ? `已拨付 · ${formatInstant(t.paidAt)}` : f.state === 'terminated' ? '项目已终止，不再拨付' : f.dueTranche === t.tranche ? '待拨付' : '未拨付'}
              </View>
            </View>
          ))}
          <Kv k="已拨付" v={`¥${formatYuan(f.paidFen)}`} className="funding-paid" />
          {f.matchingFen > 0 ? <Kv k="基层党委配套经费" v={`¥${formatYuan(f.matchingFen)}`} /> : null}
          <Kv k="已支出" v={`¥${formatYuan(f.spentFen)}`} className="funding-spent" />
          <Kv k="可用余额" v={`¥${formatYuan(f.availableFen)}`} className={`strong funding-available${f.availableFen < 0 ? ' negative' : ''}`} />
          {f.state === 'terminated' && f.unpaidFen > 0 ? <View className="warn-box" style={{ marginTop: '12px' }}>项目已终止，余下 ¥{formatYuan(f.unpaidFen)} 元不再拨付。</View> : null}
        </>
      )}

      {f.can.disburse && f.dueTranche && f.dueAmountFen !== null ? (
        <DisburseForm key={f.dueTranche} f={f} tranche={f.dueTranche} due={f.dueAmountFen} busy={busy} onDisburse={onDisburse} />
      ) : null}
      {error ? <ErrorBox message={error} /> : null}

      {f.disbursements.length ? <View className="section-label">拨付记录</View> : null}
      {f.disbursements.map((d) => (
        <View key={d._id} className="sub-item disbursement-item">
          <View className="row">
            <Text>{d.label}</Text>
            <Text>¥{formatYuan(d.amountFen)}</Text>
          </View>
          <View className="muted">{formatInstant(d.at)} · {d.actorName}{d.note ? ` · ${d.note}` : ''}</View>
        </View>
      ))}

      <View className="section-label">支出明细{f.overrideCount ? <Text className="flag">（{f.overrideCount} 笔超支登记）</Text> : null}</View>
      {f.expenses.length === 0 ? (
        <Empty>项目主持人尚未登记支出。</Empty>
      ) : (
        f.expenses.map((e) => (
          <View key={e._id} className={`sub-item expense-item${e.overridden ? ' flagged expense-overridden' : ''}`}>
            <View className="row">
              <Text>{e.item}</Text>
              <Text>¥{formatYuan(e.amountFen)}</Text>
            </View>
            <View className="muted">{e.date} · {e.authorName} · 票据 {e.receipts.length} 张</View>
            {e.overridden ? (
              <View className="override-note">
                <Text className="flag">超出可用经费 ¥{formatYuan(e.excessFen)} 登记</Text>
                {e.overrideReason ? <View className="excerpt">理由：{e.overrideReason}</View> : null}
              </View>
            ) : null}
            {e.receipts.some((r) => f.fileUrls[r]) ? (
              <View className="chips" style={{ marginTop: '12px' }}>
                {e.receipts.map((r) =>
                  f.fileUrls[r] ? <Image key={r} className="receipt-thumb" src={f.fileUrls[r]} mode="aspectFill" onClick={() => preview(r)} /> : null,
                )}
              </View>
            ) : null}
          </View>
        ))
      )}
    </View>
  );
}
