// The offline checks miniprogram-ci can run on the staged mini-program: packNpm, checkCodeQuality
// and analyseCode. They need a Project (an appid and a key file) but no network: a fake appid and
// a throwaway key work (measured here, also inside a network namespace with no network at all).
// analyseCode and checkCodeQuality leave file watchers open, so a process that runs them must
// exit explicitly (the deploy script does; run as a script, this file prints JSON and exits).
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export type MiniprogramCi = typeof import('miniprogram-ci');
export function loadCi(): MiniprogramCi {
  return createRequire(import.meta.url)('miniprogram-ci') as MiniprogramCi;
}

export interface QualityItem {
  name: string;
  success: boolean;
  text: string;
}

export interface OfflineReport {
  packNpm: { packed: number; note: string; ms: number };
  quality: { items: QualityItem[]; ms: number };
  analyse: { files: number; modules: number; errors: string[]; ms: number };
  /** Problems that stop a deployment. */
  problems: string[];
  /** Findings worth reading that do not stop it. */
  warnings: string[];
}

/** Quality checks whose failure stops the upload (WeChat would refuse the package or it is broken). */
export const BLOCKING_QUALITY = ['PACKAGE_SIZE_LIMIT'];

const NO_NPM = '__NO_NODE_MODULES__';

/** A Project for the staged copy (`ignores` keeps any node_modules out of the package). */
export function createProject(ci: MiniprogramCi, options: { projectPath: string; appid: string; privateKeyPath: string }) {
  return new ci.Project({ appid: options.appid, type: 'miniProgram', projectPath: options.projectPath, privateKeyPath: options.privateKeyPath, ignores: ['node_modules/**/*'] });
}

interface PackRecord {
  miniprogram_pack_num?: number;
  other_pack_num?: number;
}

/**
 * packNpm builds the npm packages a mini-program project declares into miniprogram_npm/. Taro
 * bundles every npm module into the build (vendors.js), so for this app it finds none: miniprogram-ci
 * reports that as an error (__NO_NODE_MODULES__), which here is the expected answer — 0 packages.
 */
export async function runPackNpm(ci: MiniprogramCi, project: InstanceType<MiniprogramCi['Project']>): Promise<{ packed: number; note: string }> {
  let record: PackRecord = {};
  try {
    const warnings = (await ci.packNpm(project, { reporter: (r: PackRecord) => (record = r) })) as unknown as Array<{ msg?: string }>;
    const packed = (record.miniprogram_pack_num ?? 0) + (record.other_pack_num ?? 0);
    const notes = (warnings ?? []).map((w) => w.msg).filter(Boolean);
    return { packed, note: `构建了 ${packed} 个 npm 包${notes.length ? `；警告：${notes.join('；')}` : ''}` };
  } catch (e) {
    const message = String((e as Error)?.message ?? e);
    if (message.includes(NO_NPM)) return { packed: 0, note: '没有需要构建的 npm 包（Taro 已把依赖打进 vendors.js）' };
    throw new Error(`packNpm 失败：${message}`);
  }
}

export async function runOfflineChecks(options: { projectPath: string; appid: string; privateKeyPath: string }): Promise<OfflineReport> {
  const ci = loadCi();
  const project = createProject(ci, options);
  const problems: string[] = [];
  const warnings: string[] = [];

  let t = Date.now();
  let packNpm: OfflineReport['packNpm'];
  try {
    packNpm = { ...(await runPackNpm(ci, project)), ms: Date.now() - t };
  } catch (e) {
    packNpm = { packed: 0, note: (e as Error).message, ms: Date.now() - t };
    problems.push((e as Error).message);
  }

  t = Date.now();
  const items = ((await ci.checkCodeQuality(project)) as QualityItem[]).map((i) => ({ name: i.name, success: i.success, text: i.text }));
  const quality = { items, ms: Date.now() - t };
  for (const item of items.filter((i) => !i.success)) {
    (BLOCKING_QUALITY.includes(item.name) ? problems : warnings).push(`代码质量 ${item.name}：${item.text}`);
  }

  t = Date.now();
  const result = await ci.analyseCode(project, { silent: true });
  const errors: string[] = [];
  for (const m of result?.modules ?? []) {
    for (const err of (m as { errors?: unknown[] }).errors ?? []) errors.push(`${m.id}：${String(err)}`);
    for (const d of (m as { deps?: Array<{ error?: string | null; request?: string }> }).deps ?? []) if (d.error) errors.push(`${m.id} → ${d.request}：${d.error}`);
  }
  const analyse = { files: result?.files.length ?? 0, modules: result?.modules.length ?? 0, errors, ms: Date.now() - t };
  if (!result) problems.push('analyseCode 没有返回结果');
  if (errors.length) problems.push(`代码依赖分析发现 ${errors.length} 处引用不到的文件：\n${errors.slice(0, 20).map((e) => `      ${e}`).join('\n')}`);

  return { packNpm, quality, analyse, problems, warnings };
}

// Run as a script: `node --import tsx scripts/deploy/checks.mts <projectPath> <appid> <keyPath>` prints the report as JSON.
if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const [projectPath, appid, privateKeyPath] = process.argv.slice(2);
  runOfflineChecks({ projectPath, appid, privateKeyPath }).then(
    (report) => {
      process.stdout.write(`\n@@REPORT@@${JSON.stringify(report)}\n`);
      process.exit(0);
    },
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}
