import { PC_CONFIRM_PAGE } from '@shared/domain/pages';

/**
 * The code printed on a share poster. On WeChat: a mini-program code from
 * `wxacode.getUnlimited` that opens the showcase page; locally: the showcase's web address,
 * which the phone draws as a QR code.
 */
export type PosterCode = { kind: 'image'; url: string } | { kind: 'link'; path: string };

export interface MiniCode {
  forShowcase(brandId: string): Promise<PosterCode>;
  /** The PC sign-in code: opens the confirmation page with the ticket as its scene. */
  forPcLogin(ticketId: string): Promise<PosterCode>;
}

/** The local address of the page a PC sign-in code opens (PC_CONFIRM_PAGE), as the phone's browser opens it (the local host has no mini-program code). */
export const pcConfirmPath = (ticketId: string) => `/${PC_CONFIRM_PAGE}?scene=${encodeURIComponent(ticketId)}`;

/** The public web address of a brand's showcase (the H5 build's custom route). */
export const showcasePath = (brandId: string) => `/brand?id=${encodeURIComponent(brandId)}`;

export const localMiniCode: MiniCode = {
  async forShowcase(brandId) {
    return { kind: 'link', path: showcasePath(brandId) };
  },
  async forPcLogin(ticketId) {
    return { kind: 'link', path: pcConfirmPath(ticketId) };
  },
};
