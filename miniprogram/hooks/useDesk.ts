import { useEffect, useState } from 'react';
import { platform } from '../platform';

/** From about this width a page shows the desk layout: side navigation, wide tables, a detail pane. */
export const DESK_MIN_WIDTH = 1024;

/** Whether the page is shown at a desk (a browser ≥ 1024 px wide); always false on the phone. */
export function useDesk(): boolean {
  const [wide, setWide] = useState(false);
  useEffect(() => platform.watchWidth((w) => setWide(w >= DESK_MIN_WIDTH)), []);
  return wide;
}
