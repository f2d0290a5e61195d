import { Input } from '@tarojs/components';
import { PAGE_SIZES, SEARCH_MAX } from '@shared/contracts/paging';
import { Button } from '../ui';

type PageSize = (typeof PAGE_SIZES)[number];

/** 每页 20 / 50 项 above a server-paged desk table. */
export function PageSizeSelect({ value, unit = '项', className, onChange }: { value: PageSize; unit?: string; className?: string; onChange: (size: PageSize) => void }) {
  return (
    <select className={className} aria-label="每页条数" value={value} onChange={(e) => onChange(PAGE_SIZES.find((n) => String(n) === e.target.value) ?? PAGE_SIZES[0])}>
      {PAGE_SIZES.map((n) => <option key={n} value={n}>每页 {n} {unit}</option>)}
    </select>
  );
}

interface SearchProps {
  /** The box's own class (tests and styles find it by it). */
  className: string;
  placeholder: string;
  value: string;
  onChange: (text: string) => void;
  /** Enter, or 搜索 on the phone. */
  onSearch: () => void;
}

/** The search box of a desk list: Enter searches. */
export function DeskSearch({ className, placeholder, value, onChange, onSearch }: SearchProps) {
  return (
    <input type="search" className={`desk-search ${className}`} aria-label={`搜索${placeholder}`} placeholder={placeholder} maxLength={SEARCH_MAX} value={value} onChange={(e) => onChange(e.target.value)} onKeyDown={(e) => e.key === 'Enter' && onSearch()} />
  );
}

/** The search row of a list on the phone: the box, and 搜索 beside it. */
export function PhoneSearch({ className, placeholder, value, onChange, onSearch, goClassName }: SearchProps & { goClassName?: string }) {
  return (
    <>
      <Input className={`input ${className}`} value={value} maxlength={SEARCH_MAX} placeholder={placeholder} confirmType="search" onInput={(e) => onChange(e.detail.value)} onConfirm={onSearch} />
      <Button size="small" className={goClassName} onClick={onSearch}>搜索</Button>
    </>
  );
}
