// Deployment settings: read from environment variables or a git-ignored `deploy.env` file (never
// from a tracked file), validated with zod; every problem is listed with what to do about it.
import { spawnSync } from 'node:child_process';
import { createPrivateKey } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/** The variables the deployment reads, with what each one is and where to find it. */
export const DEPLOY_VARS = {
  WX_APPID: '小程序 AppID：微信公众平台 → 开发管理 → 开发设置 → AppID（小程序ID），形如 wx 加 16 位十六进制',
  WX_PRIVATE_KEY_PATH: '代码上传密钥文件的路径：微信公众平台 → 开发管理 → 开发设置 → 小程序代码上传密钥 → 生成并下载（private.<appid>.key）',
  WX_CLOUD_ENV: '云开发环境 ID：云开发控制台 → 设置 → 环境 ID，形如 cloud1-9g3x2b7c1d2e3f4a',
  WX_VERSION: '（可选）上传的版本号，如 1.2.0；默认取 package.json 的 version',
  WX_DESC: '（可选）上传的版本备注，默认是提交号与时间',
  WX_ROBOT: '（可选）CI 机器人编号 1–30，默认 1（版本管理里显示为“ci机器人1”）',
  H5_PUBLIC_BASE_URL: '（可选）静态网站托管的访问地址（https://…），用于打印展示页的公开链接',
  H5_API_BASE: '（可选）云开发 HTTP 访问服务里指向云函数 api 的地址（https://…，不含 /api），H5 展示页从这里取公开数据；不填则向展示页同域名的 /api 取',
} as const;

export type DeployVar = keyof typeof DEPLOY_VARS;
export const DEFAULT_ENV_FILE = 'deploy.env';

/** The placeholder appid kept in the repository's project.config.json. */
export const PLACEHOLDER_APPID = 'touristappid';
export const APPID_PATTERN = /^wx[0-9a-f]{16}$/;
/** A CloudBase environment id: a lowercase name and a generated suffix, e.g. `cloud1-9g3x2b7c1d2e3f4a`. */
export const CLOUD_ENV_PATTERN = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)+$/;
const VERSION_PATTERN = /^\d{1,4}\.\d{1,4}\.\d{1,4}$/;

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : typeof v === 'string' ? v.trim() : v);

/** Reads a key file and answers what is wrong with it as a private key, or null when it is one. */
export function privateKeyProblem(file: string): string | null {
  if (!existsSync(file)) return `找不到文件 ${file}`;
  if (!statSync(file).isFile()) return `${file} 不是文件`;
  const text = readFileSync(file, 'utf8');
  if (!/-----BEGIN (RSA |EC )?PRIVATE KEY-----[\s\S]+-----END (RSA |EC )?PRIVATE KEY-----/.test(text)) {
    return `${file} 不像 PEM 私钥（应以 -----BEGIN RSA PRIVATE KEY----- 开头），请使用从微信公众平台下载的 private.<appid>.key 原文件`;
  }
  try {
    createPrivateKey(text);
  } catch {
    return `${file} 的内容无法解析为私钥（文件可能被截断或改动），请重新下载代码上传密钥`;
  }
  return null;
}

/** The schema of the raw settings (strings from the environment); paths are resolved against `cwd`. */
export function deployConfigSchema(cwd: string) {
  const need = (name: DeployVar) => `缺少 ${name}。${DEPLOY_VARS[name]}`;
  return z.object({
    WX_APPID: z.preprocess(
      blankToUndefined,
      z
        .string({ error: need('WX_APPID') })
        .refine((v) => v !== PLACEHOLDER_APPID, `WX_APPID 不能是占位的 ${PLACEHOLDER_APPID}（project.config.json 里的占位值），请填写你的小程序 AppID`)
        .refine((v) => v === PLACEHOLDER_APPID || APPID_PATTERN.test(v), {
          error: (iss) => `WX_APPID「${String(iss.input)}」格式不对：应为 wx 加 16 位小写十六进制，如 wx1234567890abcdef（微信公众平台 → 开发管理 → 开发设置）`,
        }),
    ),
    WX_PRIVATE_KEY_PATH: z.preprocess(
      blankToUndefined,
      z
        .string({ error: need('WX_PRIVATE_KEY_PATH') })
        .transform((v) => path.resolve(cwd, v))
        .superRefine((file, ctx) => {
          const problem = privateKeyProblem(file);
          if (problem) ctx.addIssue({ code: 'custom', message: `WX_PRIVATE_KEY_PATH：${problem}` });
        }),
    ),
    WX_CLOUD_ENV: z.preprocess(
      blankToUndefined,
      z.string({ error: need('WX_CLOUD_ENV') }).regex(CLOUD_ENV_PATTERN, {
        error: (iss) => `WX_CLOUD_ENV「${String(iss.input)}」不像云开发环境 ID：应为小写字母、数字和连字符，如 cloud1-9g3x2b7c1d2e3f4a（云开发控制台 → 设置 → 环境 ID）`,
      }),
    ),
    WX_VERSION: z.preprocess(
      blankToUndefined,
      z.string().regex(VERSION_PATTERN, { error: (iss) => `WX_VERSION「${String(iss.input)}」格式不对：应为 主.次.修订，如 1.2.0` }).optional(),
    ),
    WX_DESC: z.preprocess(blankToUndefined, z.string().max(100, { error: 'WX_DESC 太长：版本备注最多 100 个字' }).optional()),
    WX_ROBOT: z.preprocess(
      blankToUndefined,
      z.coerce
        .number({ error: 'WX_ROBOT 应为 1 到 30 的整数' })
        .int({ error: 'WX_ROBOT 应为 1 到 30 的整数' })
        .min(1, { error: 'WX_ROBOT 应为 1 到 30 的整数' })
        .max(30, { error: 'WX_ROBOT 应为 1 到 30 的整数' })
        .optional(),
    ),
    H5_PUBLIC_BASE_URL: z.preprocess(
      blankToUndefined,
      z
        .url({ protocol: /^https$/, error: (iss) => `H5_PUBLIC_BASE_URL「${String(iss.input)}」应为 https:// 开头的网址，如 https://cloud1-xxxx-1300000000.tcloudbaseapp.com` })
        .transform((v) => v.replace(/\/+$/, ''))
        .optional(),
    ),
    H5_API_BASE: z.preprocess(
      blankToUndefined,
      z
        .url({ protocol: /^https$/, error: (iss) => `H5_API_BASE「${String(iss.input)}」应为 https:// 开头的网址，如 https://cloud1-xxxx-1300000000.ap-shanghai.app.tcloudbase.com` })
        .transform((v) => v.replace(/\/+$/, ''))
        .optional(),
    ),
  });
}

export interface DeployConfig {
  appid: string;
  privateKeyPath: string;
  cloudEnv: string;
  version?: string;
  desc?: string;
  robot: number;
  h5BaseUrl?: string;
  h5ApiBase?: string;
}

export type LoadResult =
  | { ok: true; config: DeployConfig; sources: Partial<Record<DeployVar, string>> }
  | { ok: false; problems: string[]; envFile: string };

/** Parses `KEY=value` lines (`#` comments, optional `export`, optional quotes). */
export function parseEnvFile(text: string): { values: Record<string, string>; errors: string[] } {
  const values: Record<string, string> = {};
  const errors: string[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const m = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(line);
    if (!m) {
      errors.push(`第 ${i + 1} 行不是 名称=值 的格式：${line}`);
      return;
    }
    let value = m[2];
    const quoted = /^(['"])(.*)\1$/.exec(value);
    value = quoted ? quoted[2] : value.replace(/\s+#.*$/, '');
    values[m[1]] = value;
  });
  return { values, errors };
}

/** True when git tracks `file` (or would add it: not ignored) inside the repository at `root`. */
function trackableByGit(root: string, file: string): boolean {
  const rel = path.relative(root, file);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return false;
  const tracked = spawnSync('git', ['ls-files', '--error-unmatch', '--', rel], { cwd: root, stdio: 'ignore' });
  if (tracked.error) return false; // no git here: nothing to protect
  if (tracked.status === 0) return true;
  const ignored = spawnSync('git', ['check-ignore', '-q', '--', rel], { cwd: root, stdio: 'ignore' });
  return ignored.status === 1;
}

/**
 * Loads the settings: environment variables win over the env file (default `<root>/deploy.env`,
 * or DEPLOY_ENV_FILE). The env file and the key must not be files git would commit.
 */
export function loadDeployConfig(root: string, env: NodeJS.ProcessEnv = process.env): LoadResult {
  const envFile = path.resolve(root, env.DEPLOY_ENV_FILE ?? DEFAULT_ENV_FILE);
  const problems: string[] = [];
  let fileValues: Record<string, string> = {};
  if (existsSync(envFile)) {
    if (trackableByGit(root, envFile)) problems.push(`${path.relative(root, envFile)} 没有被 git 忽略：部署配置不能进仓库，请把它加入 .gitignore`);
    const parsed = parseEnvFile(readFileSync(envFile, 'utf8'));
    fileValues = parsed.values;
    problems.push(...parsed.errors.map((e) => `${path.relative(root, envFile) || envFile}：${e}`));
  }
  const raw: Record<string, string | undefined> = {};
  const sources: Partial<Record<DeployVar, string>> = {};
  for (const name of Object.keys(DEPLOY_VARS) as DeployVar[]) {
    const fromEnv = env[name];
    if (fromEnv !== undefined && fromEnv.trim() !== '') {
      raw[name] = fromEnv;
      sources[name] = '环境变量';
    } else if (fileValues[name] !== undefined) {
      raw[name] = fileValues[name];
      sources[name] = path.basename(envFile);
    }
  }
  const parsed = deployConfigSchema(root).safeParse(raw);
  if (!parsed.success) problems.push(...parsed.error.issues.map((i) => i.message));
  if (parsed.success && trackableByGit(root, parsed.data.WX_PRIVATE_KEY_PATH)) {
    problems.push(`WX_PRIVATE_KEY_PATH 指向仓库里一个没有被 git 忽略的文件：密钥不能进仓库，请把它放到仓库之外（或加入 .gitignore）`);
  }
  if (!parsed.success || problems.length) return { ok: false, problems, envFile };
  const d = parsed.data;
  return {
    ok: true,
    sources,
    config: {
      appid: d.WX_APPID,
      privateKeyPath: d.WX_PRIVATE_KEY_PATH,
      cloudEnv: d.WX_CLOUD_ENV,
      version: d.WX_VERSION,
      desc: d.WX_DESC,
      robot: d.WX_ROBOT ?? 1,
      h5BaseUrl: d.H5_PUBLIC_BASE_URL,
      h5ApiBase: d.H5_API_BASE,
    },
  };
}

/** The message printed when the settings are missing or wrong: every problem, then how to set them. */
export function formatProblems(problems: string[], envFile: string, root: string): string {
  const rel = path.relative(root, envFile) || envFile;
  const vars = (Object.entries(DEPLOY_VARS) as Array<[DeployVar, string]>).map(([k, v]) => `  ${k.padEnd(20)} ${v}`);
  return [
    '无法部署：部署配置缺失或有误。',
    ...problems.map((p) => `  ✗ ${p}`),
    '',
    `请用环境变量或 ${rel} 文件（每行 名称=值；${rel === DEFAULT_ENV_FILE ? '该文件已被 git 忽略' : '不要放进仓库'}）提供：`,
    ...vars,
    '',
    '先运行 npm run deploy -- --dry-run 检查（不上传），再运行 npm run deploy。详见 README 的“部署 / Deployment”。',
  ].join('\n');
}
