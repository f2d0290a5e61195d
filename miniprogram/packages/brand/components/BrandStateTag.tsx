import { BRAND_STATE_LABELS, type BrandState } from '@shared/domain/brand/state';
import { Tag } from '../../../components/ui';

const TONE: Record<BrandState, 'default' | 'primary' | 'success' | 'warning' | 'danger' | 'info'> = {
  draft: 'default',
  submitted: 'info',
  returned: 'warning',
  accepted: 'success',
  promoted: 'primary',
};

export function BrandStateTag({ state }: { state: BrandState }) {
  return (
    <Tag type={TONE[state]} className={`state-tag brand-state-${state}`}>
      {BRAND_STATE_LABELS[state]}
    </Tag>
  );
}
