import { useEffect, useState } from 'react';
import { platform } from '../platform';

/** From about this width a page shows the desk layout: side navigation, wide tables, a detail pane. */
export const DESK_MIN_WIDTH = 1024;

/** The width now: watchWidth reports it at once, so the first render already has the right layout. */
function wideNow(): boolean {
  let wide = false;
  platform.watchWidth((w) => {
    wide = w >= DESK_MIN_WIDTH;
  })();
  return wide;
}

/**
 * Whether the page is shown at a desk (a browser ≥ 1024 px wide); always false on the phone.
 * Known from the first render: a page whose list depends on it (paged at a desk, 加载更多 on the
 * phone) then makes its first call once, not once for each layout.
 */
export function useDesk(): boolean {
  const [wide, setWide] = useState(wideNow);
  useEffect(() => platform.watchWidth((w) => setWide(w >= DESK_MIN_WIDTH)), []);
  return wide;
}
