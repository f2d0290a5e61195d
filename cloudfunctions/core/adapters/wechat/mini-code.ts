import { PC_CONFIRM_PAGE } from '@shared/domain/pages';
import type { MiniCode } from '../../ports/mini-code';
import { tempUrls, type WechatStorage } from './files';

/** The slice of wx-server-sdk used to make and keep a mini-program code. */
export interface WechatCodeCloud extends WechatStorage {
  openapi: { wxacode: { getUnlimited(options: { scene: string; page: string; checkPath: boolean; width: number }): Promise<{ buffer: Buffer }> } };
  uploadFile(options: { cloudPath: string; fileContent: Buffer }): Promise<{ fileID: string }>;
}

export const SHOWCASE_PAGE = 'packages/showcase/brand/index';

/**
 * `wxacode.getUnlimited` (needs `wxacode.getUnlimited` in the function's config.json). The
 * scene carries the brand id (≤ 32 characters); the code is kept in cloud storage under a fixed
 * path, so a second poster of the same brand reuses it.
 */
export function createWechatMiniCode(cloud: WechatCodeCloud): MiniCode {
  const known = new Map<string, string>();
  return {
    async forShowcase(brandId) {
      let fileID = known.get(brandId);
      if (!fileID) {
        const code = await cloud.openapi.wxacode.getUnlimited({ scene: brandId, page: SHOWCASE_PAGE, checkPath: false, width: 430 });
        fileID = (await cloud.uploadFile({ cloudPath: `mini-codes/brand-${brandId}.png`, fileContent: code.buffer })).fileID;
        known.set(brandId, fileID);
      }
      const url = (await tempUrls(cloud, [fileID])).get(fileID);
      if (!url) throw new Error('mini-program code has no address');
      return { kind: 'image', url };
    },
    async forPcLogin(ticketId) {
      // One-time: never stored, handed to the PC as a data URL (the scene is the ticket id, ≤ 32 characters).
      const code = await cloud.openapi.wxacode.getUnlimited({ scene: ticketId, page: PC_CONFIRM_PAGE, checkPath: false, width: 280 });
      return { kind: 'image', url: `data:image/png;base64,${code.buffer.toString('base64')}` };
    },
  };
}
