import type { ProjectView } from '@shared/contracts';
import type { ApplicationFields } from '@shared/domain/project/application';
import { call } from '../../../api/client';
import { useVersionedAutosave } from '../../../hooks/useVersionedAutosave';

export type { SaveState } from '../../../hooks/useVersionedAutosave';

const saveFields = (id: string, version: number, fields: ApplicationFields) => call('project.saveDraft', { id, version, fields });

/** Autosave of the 申报书 draft. */
export function useAutosave(project: ProjectView | null, onSaved: (p: ProjectView) => void) {
  return useVersionedAutosave(project, saveFields, onSaved);
}
