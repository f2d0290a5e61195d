/**
 * The code printed on a share poster. On WeChat: a mini-program code from
 * `wxacode.getUnlimited` that opens the showcase page; locally: the showcase's web address,
 * which the phone draws as a QR code.
 */
export type PosterCode = { kind: 'image'; url: string } | { kind: 'link'; path: string };

export interface MiniCode {
  forShowcase(brandId: string): Promise<PosterCode>;
}

/** The public web address of a brand's showcase (the H5 build's custom route). */
export const showcasePath = (brandId: string) => `/brand?id=${encodeURIComponent(brandId)}`;

export const localMiniCode: MiniCode = {
  async forShowcase(brandId) {
    return { kind: 'link', path: showcasePath(brandId) };
  },
};
