// Files in the weapp build: 支撑材料 picked from a chat (chooseMessageFile) behind the privacy
// popup, uploaded to cloud storage and shown on the 申报书; opening them and an export with
// openDocument({ showMenu: true }).
import JSZip from 'jszip';
import type { Project } from '@shared/domain/project/project';
import { beforeAll, describe, expect, it } from 'vitest';
import { HOST, OPEN_BATCH } from '../support/harness';
import { useWeapp } from './support/session';

let projectId = '';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const NAME = '前期工作基础.pdf';
const EDIT = '/packages/project/edit/index';

const w = useWeapp();
beforeAll(async () => {
  w.rt.as(HOST);
  const created = await w.cloud.router.call({ openid: HOST }, { procedure: 'project.create', input: { batchId: OPEN_BATCH }, requestId: 'setup-1' });
  if (!created.ok) throw new Error(created.error.message);
  projectId = (created.data as { _id: string })._id;
});

const stored = async () => (await w.cloud.store.get<Project>('projects', projectId))?.fields.attachments ?? [];

describe('支撑材料 from a chat', () => {
  it('the privacy popup blocks the chat-file picker until the person agrees', async () => {
    w.rt.device.chatFiles = [{ name: NAME, bytes: PDF }];
    await w.me.open(`${EDIT}?id=${projectId}`);
    await w.me.waitFor('支撑材料');
    await w.me.tap('＋ 从微信聊天中选择文件');
    await w.me.waitFor('用户隐私保护提示');
    expect(w.rt.privacy.held()).toEqual(['chooseMessageFile']);
    expect(w.rt.device.chatFiles).toHaveLength(1);

    await w.me.tap('拒绝');
    expect(w.me.has('用户隐私保护提示')).toBe(false);
    expect(w.rt.device.chatFiles).toHaveLength(1);
    expect(w.me.has(NAME)).toBe(false);

    await w.me.tap('＋ 从微信聊天中选择文件');
    await w.me.waitFor('用户隐私保护提示');
    expect(w.rt.device.chatFiles).toHaveLength(1);
    await w.me.tap('同意并继续');
    await w.me.waitFor(NAME);
    expect(w.rt.device.chatFiles).toHaveLength(0);
    expect(w.rt.errors).toEqual([]);
  });

  it('uploads the file to cloud storage and keeps it on the 申报书', async () => {
    const upload = w.rt.log.filter((c) => c.api === 'cloud.uploadFile').at(-1);
    expect((upload?.args as { cloudPath: string }).cloudPath).toMatch(/^documents\/.+\.pdf$/);
    await w.me.waitFor(/已自动保存 \d{2}:\d{2}/, 10_000);
    const [att] = await stored();
    expect(att).toMatchObject({ name: NAME, size: PDF.length });
    expect(att.fileId).toMatch(/^cloud:\/\//);
    expect(w.cloud.storage.get(att.fileId)?.equals(PDF)).toBe(true);

    await w.me.open(`${EDIT}?id=${projectId}`);
    await w.me.waitFor(NAME);
    expect(w.me.text()).toContain('1/20');
  });

  it('opens an attachment: downloaded from its temporary address and shown by openDocument', async () => {
    await w.me.tap(NAME);
    const opened = w.rt.state.opened.at(-1);
    expect(opened).toMatchObject({ fileType: 'pdf', showMenu: true });
    expect(opened?.bytes.equals(PDF)).toBe(true);
    expect(w.rt.log.filter((c) => c.api === 'downloadFile' || c.api === 'cloud.downloadFile')).not.toEqual([]);
  });
});

describe('an export', () => {
  it('opens the generated 申报书 with openDocument({ showMenu: true })', async () => {
    await w.me.open(`${EDIT}?id=${projectId}`);
    await w.me.waitFor('导出申报书（Word）');
    const before = w.rt.state.opened.length;
    await w.me.tap('导出申报书（Word）');
    await w.me.waitFor('导出申报书（Word）');
    expect(w.rt.state.opened).toHaveLength(before + 1);
    const opened = w.rt.state.opened.at(-1);
    expect(opened).toMatchObject({ fileType: 'docx', showMenu: true });
    const zip = await JSZip.loadAsync(opened?.bytes ?? Buffer.alloc(0));
    const xml = await zip.file('word/document.xml')?.async('string');
    expect(xml).toContain('张晓明');
    expect(w.rt.errors).toEqual([]);
  });
});
