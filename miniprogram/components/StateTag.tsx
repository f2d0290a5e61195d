import { PROJECT_STATE_LABELS, type ProjectState } from '@shared/domain/project/state';
import { Tag } from './ui';

const TONE: Partial<Record<ProjectState, 'default' | 'primary' | 'success' | 'warning' | 'danger' | 'info'>> = {
  draft: 'default',
  submitted: 'info',
  returned: 'warning',
  recommended: 'success',
  not_recommended: 'danger',
  under_review: 'info',
  in_publicity: 'warning',
  approved: 'success',
  rejected: 'danger',
  cultivating: 'primary',
  midterm_review: 'info',
  final_review: 'info',
  terminated: 'danger',
  concluded: 'success',
  failed: 'danger',
};

export function StateTag({ state }: { state: ProjectState }) {
  return (
    <Tag type={TONE[state] ?? 'default'} className={`state-tag state-${state}`}>
      {PROJECT_STATE_LABELS[state]}
    </Tag>
  );
}
