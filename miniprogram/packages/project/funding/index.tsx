import { View, Text } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import type { FundingView } from '@shared/contracts/funding';
import { formatYuan } from '@shared/domain/money';
import { trancheNote } from '@shared/domain/project/funding';
import { formatInstant } from '@shared/time/deadline';
import { call } from '../../../api/client';
import { Empty, ErrorBox, Loading } from '../../../components/Feedback';
import { PhotoGrid } from '../../../components/PhotoGrid';
import { Button, Tag } from '../../../components/ui';
import { useLoad } from '../../../hooks/useLoad';
import { ExpenseForm } from './ExpenseForm';
import '../../../components/PhotoGrid.css';
import '../components/project.css';
import { PrivacyPopup } from '../../../components/PrivacyPopup';
import { DeskShell } from '../../../components/desk/DeskShell';

const yuan = (fen: number) => `¥${formatYuan(fen)}`;

function Stat({ label, value, className = '' }: { label: string; value: string; className?: string }) {
  return (
    <View className={`stat ${className}`}>
      <View className="muted">{label}</View>
      <View className="stat-value money">{value}</View>
    </View>
  );
}

/** 经费: grant and tranches, 配套经费, expenses with receipts (专款专用), and what is left. */
function Funding() {
  const id = useRouter().params.id ?? '';
  const loaded = useLoad(() => call('funding.status', { projectId: id }), [id]);
  const [funding, setFunding] = useState<FundingView | null>(null);
  const [adding, setAdding] = useState(false);
  useEffect(() => setFunding(loaded.data), [loaded.data]);

  if (loaded.error && !funding) return <View className="page"><ErrorBox message={loaded.error} onRetry={loaded.reload} /></View>;
  if (!funding) return <View className="page"><Loading /></View>;
  const f = funding;

  return (
    <View className="page funding">
      {/* WeChat asks for privacy consent before the photo and file pickers open. */}
      <PrivacyPopup />
      <View className="card funding-summary">
        <View className="row">
          <Text className="list-item-title">{f.title || '（未命名项目）'}</Text>
          <Tag type="primary" className="state-tag">{f.stateLabel}</Tag>
        </View>
        <View className="stat-grid" style={{ marginTop: '16px' }}>
          <Stat label="资助经费" value={f.grantFen === null ? '待核定' : yuan(f.grantFen)} className="stat-grant" />
          <Stat label="已拨付" value={yuan(f.paidFen)} className="stat-paid" />
          <Stat label="配套经费" value={yuan(f.matchingFen)} className="stat-matching" />
          <Stat label="已支出" value={yuan(f.spentFen)} className="stat-spent" />
          <Stat label="可用余额" value={yuan(f.availableFen)} className={`stat-available${f.availableFen < 0 ? ' alert' : ''}`} />
          <Stat label={f.state === 'terminated' ? '不再拨付' : '尚未拨付'} value={yuan(f.unpaidFen)} className="stat-unpaid" />
        </View>
        {f.readOnly ? <View className="warn-box funding-closed" style={{ marginTop: '16px' }}>项目已{f.stateLabel}，经费账目已关闭，只能查看。</View> : null}
        {f.overrideCount > 0 ? <View className="muted meta-line" style={{ marginTop: '12px' }}>有 {f.overrideCount} 笔超出到位经费的支出（已说明理由并登记）。</View> : null}
      </View>

      <View className="card funding-tranches">
        <View className="card-title">拨付情况</View>
        <View className="muted meta-line">培育经费分两次拨付：立项拨付 50%，中期验收通过后拨付其余 50%。</View>
        {f.tranches.map((t) => (
          <View key={t.tranche} className={`list-item tranche tranche-${t.tranche}${t.paid ? ' paid' : ''}`}>
            <View className="row">
              <Text>{t.label}</Text>
              <Text className="money">{f.grantFen === null ? '—' : yuan(t.amountFen)}</Text>
            </View>
            <View className="muted">
              {t.paid && t.paidAt ? `已于 ${formatInstant(t.paidAt)} 拨付` : f.state === 'terminated' ? '项目已终止，不再拨付' : f.dueTranche === t.tranche ? '待党委组织部拨付' : '未到拨付条件'}
            </View>
          </View>
        ))}
        {f.disbursements.filter((d) => trancheNote(d.label, d.note)).map((d) => (
          <View key={d._id} className="muted meta-line">{d.label}备注：{d.note}（{d.actorName}）</View>
        ))}
      </View>

      <View className="card funding-expenses">
        <View className="card-title">
          <Text>经费支出</Text>
          <Text className="muted">{f.expenses.length} 笔</Text>
        </View>
        {f.expenses.length === 0 ? (
          <Empty>{f.can.addExpense ? '还没有支出记录。每笔支出请附上票据照片，经费专款专用。' : '还没有支出记录。'}</Empty>
        ) : (
          f.expenses.map((e) => (
            <View key={e._id} className="list-item expense-item">
              <View className="row">
                <Text className="list-item-title">{e.item}</Text>
                <Text className="money expense-amount-text">{yuan(e.amountFen)}</Text>
              </View>
              <View className="muted">{e.date} · 记录人 {e.authorName}</View>
              {e.overridden ? (
                <View className="warn-box expense-override" style={{ marginTop: '8px', marginBottom: '0' }}>
                  超出到位经费 {yuan(e.excessFen)} 记录。理由：{e.overrideReason}
                </View>
              ) : null}
              <PhotoGrid urls={e.receipts.map((r) => f.fileUrls[r])} />
            </View>
          ))
        )}
        {f.can.addExpense && !adding ? (
          <View className="inline-actions">
            <Button type="primary" className="expense-open" onClick={() => setAdding(true)}>
              ＋ 记录一笔支出
            </Button>
          </View>
        ) : null}
        {f.can.addExpense && adding ? (
          <ExpenseForm funding={f} onCancel={() => setAdding(false)} onConflict={loaded.reload} onSaved={(next) => { setFunding(next); setAdding(false); }} />
        ) : null}
      </View>
    </View>
  );
}

/** At a desk the page keeps the side navigation (a phone shows the page alone). */
export default function FundingPage() {
  return (
    <DeskShell active="home">
      <Funding />
    </DeskShell>
  );
}
