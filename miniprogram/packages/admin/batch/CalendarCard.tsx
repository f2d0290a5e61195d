import { Text, Textarea, View } from '@tarojs/components';
import { useState } from 'react';
import { CALENDAR_FIELDS, type BatchCalendar, type CalendarField } from '@shared/domain/batch';
import { Button } from '../../../components/ui';
import { DateField } from '../components/DateField';
import { dayAfter } from './form';

const HINTS: Partial<Record<CalendarField, string>> = {
  submissionDeadline: '主持人向所在基层党委提交申报书的截止日期（当天 23:59 北京时间前有效）',
  recommendationDeadline: '基层党委向党委组织部推荐的截止日期',
  midtermDate: '通知：党委组织部于年底组织中期验收',
};

interface Props {
  calendar: Record<CalendarField, string>;
  /** Dates as saved (editing an existing batch): they may move earlier here, later only by 延期. */
  saved: BatchCalendar | null;
  problems: Partial<Record<CalendarField, string>>;
  onChange: (field: CalendarField, date: string) => void;
  onExtend: (field: CalendarField, date: string, reason: string) => Promise<boolean>;
  extending: boolean;
}

/** The batch calendar, in the order of the notice's steps; each date picked, each clash said next to it. */
export function CalendarCard({ calendar, saved, problems, onChange, onExtend, extending }: Props) {
  const [open, setOpen] = useState<CalendarField | null>(null);
  const [date, setDate] = useState('');
  const [reason, setReason] = useState('');
  const start = (field: CalendarField) => {
    setOpen(field);
    setDate('');
    setReason('');
  };
  const submit = async (field: CalendarField) => {
    if (await onExtend(field, date, reason)) setOpen(null);
  };

  return (
    <View className="card calendar-card">
      <View className="card-title">日程安排</View>
      <View className="muted">日期均为北京时间，当天 23:59 前有效。{saved ? '已定的日期只能提前；推迟请点“延期”并写明原因，会记录在案并通知相关人员。' : ''}</View>
      {CALENDAR_FIELDS.map(([field, label], i) => {
        const was = saved?.[field];
        const before = CALENDAR_FIELDS.slice(0, i).map(([k]) => calendar[k]).filter(Boolean);
        const required = field === 'submissionDeadline';
        return (
          <View key={field} className={`cal-row cal-${field}`}>
            <View className="cal-label">
              <Text>
                {label}
                {required ? <Text className="required error-text">*</Text> : null}
              </Text>
              {was && open !== field ? (
                <Text className="link extend-open" onClick={() => start(field)}>
                  延期
                </Text>
              ) : null}
            </View>
            <DateField
              className={`date-${field}`}
              value={calendar[field]}
              end={was || undefined}
              initial={before[before.length - 1]}
              clearable={!required && !was}
              placeholder={required ? '请选择' : '未设定（可选）'}
              onChange={(d) => onChange(field, d)}
            />
            {HINTS[field] ? <View className="field-hint">{HINTS[field]}</View> : null}
            {problems[field] ? <View className="field-hint error-text date-problem">{problems[field]}</View> : null}
            {was && open === field ? (
              <View className="sub-item extend-panel">
                <View className="field-label">将「{label}」从 {was} 延至</View>
                <DateField className="extend-date" value={date} start={dayAfter(was)} placeholder="选择新的日期" onChange={setDate} />
                <View className="field-label" style={{ marginTop: '16px' }}>
                  延期原因<Text className="required">*</Text>
                </View>
                <Textarea
                  className="textarea extend-reason"
                  value={reason}
                  maxlength={500}
                  placeholder="如：应多个基层党委申请，申报截止延后一周"
                  onInput={(e) => setReason(e.detail.value)}
                />
                <View className="actions">
                  <Button size="small" onClick={() => setOpen(null)}>
                    取消
                  </Button>
                  <Button
                    size="small"
                    type="primary"
                    className="extend-submit"
                    loading={extending}
                    disabled={extending || !date || !reason.trim()}
                    onClick={() => void submit(field)}
                  >
                    确认延期
                  </Button>
                </View>
                {!date || !reason.trim() ? <View className="field-hint">请选择新的日期并写明原因</View> : null}
              </View>
            ) : null}
          </View>
        );
      })}
    </View>
  );
}
