import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import type { FundedProject } from '@shared/contracts/funding';
import { MAX_BULK, type RowReport } from '@shared/contracts/bulk';
import { formatYuan } from '@shared/domain/money';
import { PROJECT_STATE_LABELS } from '@shared/domain/project/state';
import { tranchesFor } from '@shared/domain/project/funding';
import { parseAmountList } from '@shared/domain/bulk/amounts';
import { DeskTable, type Column, type ServerPaging } from '../../../components/desk/DeskTable';
import { ErrorBox } from '../../../components/Feedback';

const ordinal = (t: number) => (t === 1 ? '一' : '二');

/** Column keys are the server's sort names (funding.list), so a header asks the server to sort. */
const COLUMNS: Column<FundedProject>[] = [
  { key: 'title', label: '项目', render: (p) => p.title || '（未命名）', sort: (p) => p.title },
  { key: 'committee', label: '基层党委', render: (p) => p.committeeName, sort: (p) => p.committeeName },
  { key: 'host', label: '主持人', render: (p) => p.hostName, sort: (p) => p.hostName },
  { key: 'state', label: '状态', render: (p) => PROJECT_STATE_LABELS[p.state], sort: (p) => p.state },
  { key: 'grant', label: '资助（元）', render: (p) => formatYuan(p.grantFen), sort: (p) => p.grantFen },
  { key: 'paid', label: '已拨（元）', render: (p) => formatYuan(p.paidFen), sort: (p) => p.paidFen },
  { key: 'spent', label: '已支出（元）', render: (p) => formatYuan(p.spentFen), sort: (p) => p.spentFen },
  { key: 'due', label: '待拨付', render: (p) => (p.dueTranche ? `第${ordinal(p.dueTranche)}笔` : ''), sort: (p) => p.dueTranche },
];

interface Props {
  /** The page the server answered. */
  items: FundedProject[];
  paged: ServerPaging;
  activeKey: string | null;
  onOpen: (p: FundedProject) => void;
  busy: boolean;
  error: string | null;
  empty: string;
  onDisburse: (tranche: 1 | 2, items: Array<{ projectId: string; amountFen: number }>) => Promise<RowReport | null>;
}

/**
 * 培育与验收 at a desk: a page of funded projects as a table the server sorts and pages. Ticked
 * rows stay ticked from page to page (and under another filter), so a tranche is recorded for all
 * of them at once.
 */
export function FundedTable({ items, paged, activeKey, onOpen, busy, error, empty, onDisburse }: Props) {
  const [selected, setSelected] = useState<Map<string, FundedProject>>(new Map());
  const [report, setReport] = useState<RowReport | null>(null);
  const [pasted, setPasted] = useState('');
  const [pasteTranche, setPasteTranche] = useState<1 | 2>(1);
  const [pasteError, setPasteError] = useState<string | null>(null);
  // A ticked row shown again brings its latest figures (what is due may have changed).
  useEffect(() => {
    setSelected((was) => {
      if (!items.some((p) => was.has(p.projectId))) return was;
      const next = new Map(was);
      for (const p of items) if (next.has(p.projectId)) next.set(p.projectId, p);
      return next;
    });
  }, [items]);
  const onSelect = (keys: Set<string>) =>
    setSelected((was) => {
      const next = new Map<string, FundedProject>();
      for (const k of keys) {
        const p = was.get(k) ?? items.find((x) => x.projectId === k);
        if (p) next.set(k, p);
      }
      return next;
    });
  const picked = [...selected.values()].filter((p) => p.dueTranche !== null);
  const tranche = (picked[0]?.dueTranche === 2 ? 2 : 1) as 1 | 2;
  const same = picked.filter((p) => p.dueTranche === tranche);
  const elsewhere = picked.filter((p) => !items.some((x) => x.projectId === p.projectId)).length;
  const record = async () => {
    const amounts = same.map((p) => ({ projectId: p.projectId, amountFen: tranchesFor(p.grantFen)[tranche] }));
    const total = amounts.reduce((s, a) => s + a.amountFen, 0);
    const ok = await Taro.showModal({ title: '批量登记拨付', content: `为 ${amounts.length} 个项目登记第${ordinal(tranche)}笔经费，共 ¥${formatYuan(total)}（每项按资助额的应拨金额）。` });
    if (!ok.confirm) return;
    const r = await onDisburse(tranche, amounts);
    if (r) {
      setReport(r);
      setSelected(new Map());
    }
  };
  /** A list of amounts pasted from a spreadsheet: each line's title (or id) found on this page or among the ticked rows. */
  const recordPasted = async () => {
    const { lines, bad } = parseAmountList(pasted);
    const known = [...items, ...selected.values()];
    const unknown: string[] = [];
    const list: Array<{ projectId: string; amountFen: number }> = [];
    for (const l of lines) {
      const p = known.find((x) => x.projectId === l.name || x.title === l.name);
      if (p) list.push({ projectId: p.projectId, amountFen: l.amountFen });
      else unknown.push(l.name);
    }
    const problems = [bad.length ? `第 ${bad.join('、')} 行不是“项目名称 金额”` : '', unknown.length ? `本页没有：${unknown.slice(0, 3).join('、')}${unknown.length > 3 ? ` 等 ${unknown.length} 项` : ''}` : ''].filter(Boolean);
    if (problems.length || list.length === 0) {
      setPasteError(`${problems.join('；') || '清单是空的'}。请改正后再登记（什么也没有登记）`);
      return;
    }
    setPasteError(null);
    const total = list.reduce((sum, a) => sum + a.amountFen, 0);
    const ok = await Taro.showModal({ title: '按清单登记拨付', content: `为 ${list.length} 个项目登记第${ordinal(pasteTranche)}笔经费，共 ¥${formatYuan(total)}。` });
    if (!ok.confirm) return;
    const r = await onDisburse(pasteTranche, list);
    if (r) {
      setReport(r);
      if (r.refused.length === 0) setPasted('');
    }
  };
  const tooMany = same.length > MAX_BULK;
  return (
    <View className="funded-desk">
      <View className="desk-bulk" aria-label="批量操作">
        <span className="funded-picked">已选 {picked.length} 项待拨付{elsewhere ? `（其中 ${elsewhere} 项在其他页）` : ''}</span>
        <button type="button" className="primary bulk-disburse" disabled={busy || same.length === 0 || tooMany} onClick={() => void record()}>
          登记所选项目的第{ordinal(tranche)}笔经费
        </button>
        {selected.size ? (
          <button type="button" className="funded-clear" onClick={() => setSelected(new Map())}>
            清除选择
          </button>
        ) : null}
        {picked.length > same.length ? <span className="muted">（一次只登记同一笔：另 {picked.length - same.length} 项下次登记）</span> : null}
        {tooMany ? <span className="error-text">一次最多登记 {MAX_BULK} 项，请分批选择</span> : null}
      </View>
      <details className="desk-paste">
        <summary>按清单登记（从表格粘贴：每行 项目名称 金额（元））</summary>
        <textarea className="paste-amounts" rows={5} value={pasted} placeholder={'红色引擎党建与科研融合工程\t10000.00'} onChange={(e) => setPasted(e.target.value)} />
        <div className="desk-bulk">
          <label>
            <input type="radio" name="paste-tranche" checked={pasteTranche === 1} onChange={() => setPasteTranche(1)} />
            第一笔
          </label>
          <label>
            <input type="radio" name="paste-tranche" checked={pasteTranche === 2} onChange={() => setPasteTranche(2)} />
            第二笔
          </label>
          <button type="button" className="primary paste-record" disabled={busy || pasted.trim() === ''} onClick={() => void recordPasted()}>
            按清单登记
          </button>
        </div>
        {pasteError ? <ErrorBox message={pasteError} /> : null}
      </details>
      {error ? <ErrorBox message={error} /> : null}
      {report ? (
        <View className="card bulk-report">
          <Text>已登记 {report.done.length} 项{report.refused.length ? `，${report.refused.length} 项未登记：` : '。'}</Text>
          {report.refused.map((r) => (
            <View key={r.id} className="error-text">「{r.title}」{r.message}</View>
          ))}
        </View>
      ) : null}
      <DeskTable
        label="已立项项目"
        className="funded-table"
        rows={items}
        rowKey={(p) => p.projectId}
        columns={COLUMNS}
        selection={{ selected: new Set(selected.keys()), onChange: onSelect, selectable: (p) => p.dueTranche !== null }}
        onOpen={onOpen}
        activeKey={activeKey}
        paged={paged}
        empty={empty}
      />
    </View>
  );
}
