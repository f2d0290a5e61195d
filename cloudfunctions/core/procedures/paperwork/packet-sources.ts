import type { Context } from '../../context';
import { MAX_DOCUMENT_BYTES, type FileStore } from '../../ports/files';
import { filePictures, httpFetcher, type LoadLimits, type PictureSource } from '../documents/pictures';

/**
 * What a packet may hold in 支撑材料, to stay inside a cloud function's memory: the zip is made in
 * memory and then stored, so the process holds the files and the zip at once (measured: rss grows
 * by about twice what the zip holds; bench-packet). 50 MB keeps that under the 256 MB a function
 * has by default; beyond it files are named as left out, to be handed in separately.
 */
export const PACKET_ATTACHMENT_MB = 50;
export const PACKET_LIMITS: LoadLimits = { count: 2_000, each: MAX_DOCUMENT_BYTES, total: PACKET_ATTACHMENT_MB * 1024 * 1024, timeoutMs: 15_000, parallel: 4 };

/** Where the packet's files come from: the brand report's pictures, and the 支撑材料 within `limits`. */
export interface PacketSources {
  pictures: (ctx: Context) => PictureSource;
  attachments: (ctx: Context, limits: LoadLimits) => PictureSource;
}

export const fileSources = (files: (ctx: Context) => FileStore = (ctx) => ctx.files): PacketSources => ({
  pictures: (ctx) => filePictures(files(ctx)),
  attachments: (ctx, limits) => filePictures(files(ctx), httpFetcher, limits),
});

