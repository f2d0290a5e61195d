// Files in the weapp build: 支撑材料 picked from a chat (chooseMessageFile) behind the privacy
// popup, uploaded to cloud storage and shown on the 申报书; opening them and an export with
// openDocument({ showMenu: true }).
import JSZip from 'jszip';
import type { Project } from '@shared/domain/project/project';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOST, OPEN_BATCH } from '../support/harness';
import { startCloud, type CloudSide } from './support/cloud';
import { person, type Person } from './support/person';
import { createRuntime, type Runtime } from './support/runtime';

let cloud: CloudSide;
let rt: Runtime;
let me: Person;
let projectId = '';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const NAME = '前期工作基础.pdf';
const EDIT = '/packages/project/edit/index';

beforeAll(async () => {
  cloud = await startCloud();
  rt = createRuntime(cloud);
  me = person(rt);
  rt.as(HOST);
  const created = await cloud.router.call({ openid: HOST }, { procedure: 'project.create', input: { batchId: OPEN_BATCH }, requestId: 'setup-1' });
  if (!created.ok) throw new Error(created.error.message);
  projectId = (created.data as { _id: string })._id;
});
afterAll(() => cloud?.close());

const stored = async () => (await cloud.store.get<Project>('projects', projectId))?.fields.attachments ?? [];

describe('支撑材料 from a chat', () => {
  it('the privacy popup blocks the chat-file picker until the person agrees', async () => {
    rt.device.chatFiles = [{ name: NAME, bytes: PDF }];
    await me.open(`${EDIT}?id=${projectId}`);
    await me.waitFor('支撑材料');
    await me.tap('＋ 从微信聊天中选择文件');
    await me.waitFor('用户隐私保护提示');
    expect(rt.privacy.held()).toEqual(['chooseMessageFile']);
    expect(rt.device.chatFiles).toHaveLength(1);

    await me.tap('拒绝');
    expect(me.has('用户隐私保护提示')).toBe(false);
    expect(rt.device.chatFiles).toHaveLength(1);
    expect(me.has(NAME)).toBe(false);

    await me.tap('＋ 从微信聊天中选择文件');
    await me.waitFor('用户隐私保护提示');
    expect(rt.device.chatFiles).toHaveLength(1);
    await me.tap('同意并继续');
    await me.waitFor(NAME);
    expect(rt.device.chatFiles).toHaveLength(0);
    expect(rt.errors).toEqual([]);
  });

  it('uploads the file to cloud storage and keeps it on the 申报书', async () => {
    const upload = rt.log.filter((c) => c.api === 'cloud.uploadFile').at(-1);
    expect((upload?.args as { cloudPath: string }).cloudPath).toMatch(/^documents\/.+\.pdf$/);
    await me.waitFor(/已自动保存 \d{2}:\d{2}/, 10_000);
    const [att] = await stored();
    expect(att).toMatchObject({ name: NAME, size: PDF.length });
    expect(att.fileId).toMatch(/^cloud:\/\//);
    expect(cloud.storage.get(att.fileId)?.equals(PDF)).toBe(true);

    await me.open(`${EDIT}?id=${projectId}`);
    await me.waitFor(NAME);
    expect(me.text()).toContain('1/20');
  });

  it('opens an attachment: downloaded from its temporary address and shown by openDocument', async () => {
    await me.tap(NAME);
    const opened = rt.state.opened.at(-1);
    expect(opened).toMatchObject({ fileType: 'pdf', showMenu: true });
    expect(opened?.bytes.equals(PDF)).toBe(true);
    expect(rt.log.filter((c) => c.api === 'downloadFile' || c.api === 'cloud.downloadFile')).not.toEqual([]);
  });
});

describe('an export', () => {
  it('opens the generated 申报书 with openDocument({ showMenu: true })', async () => {
    await me.open(`${EDIT}?id=${projectId}`);
    await me.waitFor('导出申报书（Word）');
    const before = rt.state.opened.length;
    await me.tap('导出申报书（Word）');
    await me.waitFor('导出申报书（Word）');
    expect(rt.state.opened).toHaveLength(before + 1);
    const opened = rt.state.opened.at(-1);
    expect(opened).toMatchObject({ fileType: 'docx', showMenu: true });
    const zip = await JSZip.loadAsync(opened?.bytes ?? Buffer.alloc(0));
    const xml = await zip.file('word/document.xml')?.async('string');
    expect(xml).toContain('张晓明');
    expect(rt.errors).toEqual([]);
  });
});
