import type { Brand, BrandProgress } from '@shared/domain/brand/brand';

/** Every picture a brand refers to: logo, activity photos, influence images, progress photos. */
export function brandFileIds(brand: Brand, progress: readonly BrandProgress[] = []): string[] {
  const r = brand.report;
  return [
    ...(r.logo ? [r.logo.fileId] : []),
    ...r.carriers.flatMap((c) => c.photos),
    ...r.influence.flatMap((i) => (i.imageId ? [i.imageId] : [])),
    ...progress.flatMap((p) => p.photos),
  ];
}
