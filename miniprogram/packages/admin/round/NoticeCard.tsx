import { Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { ApprovalNoticeView } from '@shared/contracts/paperwork';
import { approvalPagePath, DEFAULT_ISSUER_NAME, docNumberProblem } from '@shared/domain/paperwork/notice';
import { dateIn } from '@shared/time/deadline';
import { call } from '../../../api/client';
import { ExportButton } from '../../../components/ExportButton';
import { DateField } from '../components/DateField';

interface Props {
  batchId: string;
  year: number;
  approved: number;
  issuerName: string | undefined;
  notice: ApprovalNoticeView | null;
  onIssued: () => void;
}

/**
 * 下发立项通知: once projects are approved, the 组织部 types the 发文字号 (its own register number),
 * checks the issuing unit and the 成文日期, and gets the .docx; the public 立项 page follows it.
 */
export function NoticeCard({ batchId, year, approved, issuerName, notice, onIssued }: Props) {
  const [docNumber, setDocNumber] = useState(notice?.docNumber ?? '');
  const [issuer, setIssuer] = useState(notice?.issuerName ?? issuerName ?? DEFAULT_ISSUER_NAME);
  const [date, setDate] = useState(notice?.date ?? dateIn(new Date()));
  const problem = docNumber.trim() === '' ? null : docNumberProblem(docNumber.trim());
  const make = async () => {
    if (docNumber.trim() === '') throw new Error(`请填写发文字号，如“组〔${year + 1}〕3号”`);
    if (problem) throw new Error(problem);
    const file = await call('notice.issue', { batchId, docNumber: docNumber.trim(), issuerName: issuer.trim(), date });
    onIssued();
    return file;
  };
  const page = approvalPagePath(batchId);
  return (
    <View className="card notice-card">
      <View className="card-title">
        <Text>立项通知</Text>
        <Text className="muted">{notice ? `已下发 ${notice.docNumber}` : `${approved} 项已立项，待下发`}</Text>
      </View>
      <View className="muted meta-line">按党政机关公文格式生成：红头、发文字号、立项名单（含资助金额）、落款和成文日期。再次生成会更正已下发的通知，主持人只会收到一次消息。</View>
      <View className="field">
        <Text className="label">发文机关（红头）</Text>
        <Input className="input notice-issuer" value={issuer} maxlength={30} onInput={(e) => setIssuer(e.detail.value)} />
      </View>
      <View className="field">
        <Text className="label">发文字号</Text>
        <Input className="input notice-number" value={docNumber} maxlength={30} placeholder={`如：组〔${year + 1}〕3号`} onInput={(e) => setDocNumber(e.detail.value)} />
        {problem ? <View className="field-hint error-text">{problem}</View> : null}
      </View>
      <View className="field">
        <Text className="label">成文日期</Text>
        <DateField className="notice-date" value={date} onChange={setDate} />
      </View>
      <ExportButton label={notice ? '重新生成立项通知（Word）' : '生成立项通知（Word）'} size="normal" make={make} />
      {notice ? (
        <View className="muted meta-line notice-public">
          公开立项名单：
          <Text className="link" onClick={() => Taro.navigateTo({ url: page })}>
            查看立项页面
          </Text>
          （可转发到微信群和朋友圈）
        </View>
      ) : null}
    </View>
  );
}
