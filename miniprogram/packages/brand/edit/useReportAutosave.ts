import type { BrandView } from '@shared/contracts';
import { useCallback, useRef } from 'react';
import { savableReport, type BrandReport } from '@shared/domain/brand/report';
import { call } from '../../../api/client';
import { useVersionedAutosave } from '../../../hooks/useVersionedAutosave';

export type { SaveState } from '../../../hooks/useVersionedAutosave';

/** Autosave of the brand report (附件1): what is valid is saved, a bad link waits, marked, to be fixed. */
export function useReportAutosave(brand: BrandView | null, onSaved: (b: BrandView) => void) {
  const latest = useRef(brand);
  latest.current = brand;
  const saveReport = useCallback((id: string, version: number, report: BrandReport) => {
    const saved = latest.current;
    return call('brand.save', { id, version, report: saved && saved._id === id ? savableReport(report, saved.report) : report });
  }, []);
  return useVersionedAutosave(brand, saveReport, onSaved);
}
