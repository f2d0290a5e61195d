import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { LIMITS, missingForSubmission, type ApplicationField, type ApplicationFields } from '@shared/domain/project/application';
import { charCount } from '@shared/domain/text';
import { Button } from '../../../components/ui';
import { SECTIONS_AFTER, SECTIONS_BEFORE, type TextField } from './texts';

/** One entry of the 申报书's outline: where it scrolls to and which fields it covers. */
interface OutlineEntry {
  anchor: string;
  label: string;
  fields: ApplicationField[];
  /** A long text section: its character count is shown against its limit. */
  text?: TextField;
}

/** The outline in the order of the form; each anchor is the id of that part of the page. */
export const OUTLINE: OutlineEntry[] = [
  { anchor: 'sec-basic', label: '基本信息', fields: ['title', 'contactPhone', 'category'] },
  ...SECTIONS_BEFORE.map((s) => ({ anchor: `sec-${s.key}`, label: s.label, fields: [s.key], text: s.key })),
  { anchor: 'sec-milestones', label: '进度安排', fields: ['milestones'] },
  ...SECTIONS_AFTER.map((s) => ({ anchor: `sec-${s.key}`, label: s.label, fields: [s.key], text: s.key })),
  { anchor: 'sec-budget', label: '经费预算', fields: ['budget'] },
  { anchor: 'sec-attachments', label: '支撑材料', fields: ['attachments'] },
];

/**
 * The desk's side panel beside a 申报书 (≥ 1024 px): every section with what it still lacks
 * (the same rule the submit check and the server use), character counts of the long sections,
 * the autosave line, and 立即保存 (Ctrl+S). A click scrolls the form to that section.
 */
export function Outline({ fields, saveLine, editable, onSaveNow }: { fields: ApplicationFields; saveLine: string; editable: boolean; onSaveNow: () => void }) {
  const missing = missingForSubmission(fields);
  const left = missing.length;
  return (
    <View className="desk-outline" role="navigation" aria-label="申报书提纲">
      <View className="desk-outline-title">申报书提纲</View>
      <View className={`desk-outline-summary${left ? ' todo' : ' ready'}`}>{!editable ? '仅供查看：申报书当前不能修改或提交' : left ? `还有 ${left} 项需完成才能提交` : '必填内容已完成，可以提交'}</View>
      {OUTLINE.map((entry) => {
        // A section of several fields names the field; a section of one is named by its own line.
        const reasons = missing.filter((m) => entry.fields.includes(m.field)).map((m) => (entry.fields.length > 1 ? `${m.label}${m.reason}` : m.reason));
        return (
          <View
            key={entry.anchor}
            className={`desk-outline-item outline-${entry.anchor}${reasons.length ? ' missing' : ''}`}
            onClick={() => void Taro.pageScrollTo({ selector: `#${entry.anchor}`, duration: 200 })}
          >
            <Text className="desk-outline-mark">{reasons.length ? '○' : '●'}</Text>
            <Text className="desk-outline-label">{entry.label}</Text>
            <Text className="desk-outline-note">
              {reasons.length ? reasons[0] : entry.text ? `${charCount(fields[entry.text])}/${LIMITS[entry.text]}` : ''}
            </Text>
          </View>
        );
      })}
      <View className="desk-outline-save">
        <Text className="muted save-status-side">{saveLine}</Text>
        {editable ? (
          <Button size="small" onClick={onSaveNow}>
            立即保存（Ctrl+S）
          </Button>
        ) : null}
      </View>
    </View>
  );
}
