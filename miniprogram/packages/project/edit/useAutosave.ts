import { useCallback, useRef } from 'react';
import type { ProjectView } from '@shared/contracts';
import { savableFields, type ApplicationFields } from '@shared/domain/project/application';
import { call } from '../../../api/client';
import { useVersionedAutosave } from '../../../hooks/useVersionedAutosave';

export type { SaveState } from '../../../hooks/useVersionedAutosave';

/** Autosave of the 申报书 draft: a save answers what it changed, merged into the page's project. */
export function useAutosave(project: ProjectView | null, onSaved: (p: ProjectView) => void) {
  const latest = useRef(project);
  latest.current = project;
  const saveFields = useCallback(async (id: string, version: number, fields: ApplicationFields): Promise<ProjectView> => {
    // A field over its limit keeps its last saved text; everything else typed is saved.
    const before = latest.current;
    const saved = await call('project.saveDraft', { id, version, fields: before && before._id === id ? savableFields(fields, before.fields) : fields });
    const base = latest.current;
    if (!base || base._id !== saved._id) throw new Error('申报书已切换，请重新打开后再编辑');
    return { ...base, ...saved };
  }, []);
  return useVersionedAutosave(project, saveFields, onSaved);
}
