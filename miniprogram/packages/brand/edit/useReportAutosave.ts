import type { BrandView } from '@shared/contracts';
import type { BrandReport } from '@shared/domain/brand/report';
import { call } from '../../../api/client';
import { useVersionedAutosave } from '../../../hooks/useVersionedAutosave';

export type { SaveState } from '../../../hooks/useVersionedAutosave';

const saveReport = (id: string, version: number, report: BrandReport) => call('brand.save', { id, version, report });

/** Autosave of the brand report (附件1). */
export function useReportAutosave(brand: BrandView | null, onSaved: (b: BrandView) => void) {
  return useVersionedAutosave(brand, saveReport, onSaved);
}
