// npm run deploy [-- --dry-run] [--skip-build] [--dist <dir>] [--report <file.json>]
// validate the settings → build (functions, weapp, h5) → stage the upload copy and run the offline
// checks → upload the mini-program → upload each cloud function (WeChat installs its pinned
// packages) and create its timer trigger → put dist/h5 on static hosting → summary and next steps.
// --dry-run does everything except the steps that talk to WeChat and prints what it would upload.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runOfflineChecks, loadCi, createProject, type OfflineReport } from './checks.mjs';
import { formatProblems, loadDeployConfig, type DeployConfig } from './config.mjs';
import { readBuiltFunctions, type BuiltFunction } from './functions.mjs';
import { listFiles, listH5, stageMiniprogram } from './stage.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

interface Args {
  dryRun: boolean;
  skipBuild: boolean;
  dist?: string;
  report?: string;
  help: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { dryRun: false, skipBuild: false, help: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--dry-run') args.dryRun = true;
    else if (a === '--skip-build') args.skipBuild = true;
    else if (a === '--report') args.report = argv[++i];
    else if (a === '--dist') args.dist = argv[++i];
    else if (a === '--help' || a === '-h') args.help = true;
    else {
      console.error(`不认识的参数 ${a}。可用：--dry-run（只检查、不上传）、--skip-build（用现有的 dist/）、--dist <目录>（与 --skip-build 一起用：部署别处构建好的 weapp/、h5/、cloudfunctions/）、--report <文件>（写出 JSON 报告）`);
      process.exit(2);
    }
  }
  return args;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const sum = (files: Array<{ bytes: number }>) => files.reduce((s, f) => s + f.bytes, 0);
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

function step(title: string) {
  console.log(`\n▶ ${title}`);
}

function build(h5ApiBase: string | undefined, h5BaseUrl: string | undefined) {
  const steps: Array<[string, string, string[]]> = [
    // H5 first: the api function carries its index.html to pre-render the showcase (GET /brand).
    ['H5（taro build --type h5）', 'npx', ['taro', 'build', '--type', 'h5']],
    ['云函数（esbuild）', 'node', ['scripts/build-functions.mjs']],
    ['小程序（taro build --type weapp）', 'npx', ['taro', 'build', '--type', 'weapp']],
  ];
  for (const [label, cmd, args] of steps) {
    const started = Date.now();
    const r = spawnSync(cmd, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', env: { ...process.env, NODE_ENV: 'production', H5_API_BASE: h5ApiBase ?? '', H5_PUBLIC_BASE_URL: h5BaseUrl ?? '' }, maxBuffer: 64 * 1024 * 1024 });
    if (r.status !== 0) {
      const tail = `${r.stdout ?? ''}\n${r.stderr ?? ''}`.trim().split('\n').slice(-40).join('\n');
      throw new Error(`构建${label}失败（${cmd} ${args.join(' ')} 退出码 ${r.status ?? r.signal}）：\n${tail}`);
    }
    console.log(`  ✓ ${label}  ${seconds(Date.now() - started)}`);
  }
}

function defaultDesc(): string {
  const sha = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' });
  const when = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', dateStyle: 'short', timeStyle: 'short', hour12: false }).format(new Date());
  return `${sha.status === 0 ? `提交 ${sha.stdout.trim()} · ` : ''}${when}（北京时间）`;
}

/** Turns WeChat's answers into what to check. */
function hint(message: string): string {
  if (/ip|whitelist|白名单/i.test(message)) return '请在 微信公众平台 → 开发管理 → 开发设置 → 小程序代码上传 把本机出口 IP 加入 IP 白名单（或关闭 IP 白名单）。';
  if (/env not found/i.test(message)) return '云环境（WX_CLOUD_ENV）不存在或不属于这个小程序：在云开发控制台 → 设置 核对环境 ID。';
  if (/privatekey|private key|signature|签名|-10008|invalid appid/i.test(message)) return '密钥与 AppID 不匹配或已被重置：重新下载代码上传密钥，并核对 WX_APPID。';
  if (/ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|socket/i.test(message)) return '连不上微信服务器：检查本机网络或代理后重试。';
  return '请对照上面的信息检查配置后重试；已完成的步骤可以安全地重复执行。';
}

interface Plan {
  config: Omit<DeployConfig, 'privateKeyPath'> & { version: string; desc: string };
  miniprogram: { files: number; bytes: number };
  checks: OfflineReport;
  functions: Array<{ name: string; files: Array<{ path: string; bytes: number }>; dependencies: Record<string, string>; openapi: string[]; triggers: BuiltFunction['config']['triggers'] }>;
  h5: { files: Array<{ path: string; bytes: number }>; remotePath: string };
  uploaded: { miniprogram?: unknown; functions: string[]; triggers: string[]; h5?: boolean };
  dryRun: boolean;
}

function printPlan(plan: Plan) {
  const { config } = plan;
  console.log(`\n${plan.dryRun ? '将要上传（--dry-run，未连接微信）' : '上传内容'}：`);
  console.log(`  小程序  AppID ${config.appid}  版本 ${config.version}  备注「${config.desc}」  机器人 ${config.robot}`);
  console.log(`          ${plan.miniprogram.files} 个文件，${kb(plan.miniprogram.bytes)}（上传前由微信压缩 JS/WXML/WXSS）`);
  console.log(`  云函数  云环境 ${config.cloudEnv}（云端安装依赖 remoteNpmInstall）`);
  for (const f of plan.functions) {
    const deps = Object.entries(f.dependencies).map(([k, v]) => `${k}@${v}`).join('、');
    console.log(`    - ${f.name}：${f.files.map((x) => `${x.path} ${kb(x.bytes)}`).join('，')}；依赖 ${deps}`);
    console.log(`      openapi 权限：${f.openapi.join('、') || '无'}${f.triggers?.length ? `；定时触发器 ${f.triggers.map((t) => `${t.name}「${t.config}」`).join('、')}` : ''}`);
  }
  console.log(`  H5 静态网站托管  ${plan.h5.files.length} 个文件，${kb(sum(plan.h5.files))}，上传到站点根目录：`);
  for (const f of plan.h5.files) console.log(`    ${f.path}  ${kb(f.bytes)}`);
}

function printNextSteps(plan: Plan) {
  const scheduler = plan.functions.filter((f) => f.triggers?.length);
  const showcase = plan.config.h5BaseUrl ? `${plan.config.h5BaseUrl}/brand?id=<品牌 id>` : '<静态网站托管域名>/brand?id=<品牌 id>';
  const lines = [
    '',
    plan.dryRun ? '检查通过，未上传任何内容。去掉 --dry-run 即正式部署：npm run deploy' : '部署完成。',
    '',
    '接下来（在微信公众平台与云开发控制台完成，只需首次部署时做一次，除非另有说明）：',
    `  1. 定时触发器：${scheduler.map((f) => `${f.name} 的 ${f.triggers!.map((t) => `${t.name}「${t.config}」`).join('、')}`).join('；')} ——${
      plan.dryRun ? '部署时会按 config.json 创建' : plan.uploaded.triggers.length ? '已按 config.json 创建' : '未能自动创建'
    }；请在 云开发控制台 → 云函数 → ${scheduler.map((f) => f.name).join('、')} → 触发器 核对。`,
    '  2. 数据库：按 cloudfunctions/core/ports/collections.ts 建好集合，每个集合的 数据权限 → 自定义安全规则 设为 cloudfunctions/database.rules.json 的内容 {"read": false, "write": false}（所有读写都经云函数）。',
    '  3. 订阅消息：在 微信公众平台 → 基础功能 → 订阅消息 选用“截止提醒”“待办任务提醒”“审核结果通知”模板，把模板 id 写进 REMINDER_CONFIG（JSON，格式见 cloudfunctions/core/jobs/reminder-config.ts），设为 api 与 scheduler 两个云函数的环境变量（云函数 → 版本与配置 → 环境变量）。',
    '  4. 云函数 api：消息推送 把 wxa_media_check 事件推送到 api；允许 未登录访问（朋友圈单页模式打开展示页时需要）；首次由本命令新建的云函数请确认运行环境为 Node.js 16 或更高；在 云函数 → api → 版本与配置 把 超时时间 设为 60 秒、内存 设为 512 MB（纸质材料包与名册导入需要；config.json 只能声明权限与触发器）。',
    `  5. H5 展示页：静态网站托管 → 设置 把 错误文档 设为 index.html（/brand 等地址由前端路由处理）；公开链接 ${showcase}；如要在小程序 web-view 打开，把该域名加入 业务域名。H5 页面的数据来自云函数 api：在 云开发控制台 → HTTP 访问服务 新建 触发路径 /api 关联云函数 api（它只回答公开接口，其余请在小程序中办理）；${
      plan.config.h5ApiBase ? `本次构建的 H5 向 ${plan.config.h5ApiBase}/api/<接口名> 取数据` : '未设 H5_API_BASE，H5 向展示页同域名的 /api/<接口名> 取数据（HTTP 访问服务需与静态网站托管用同一域名）'
    }。展示页首屏：在 HTTP 访问服务 再新建 触发路径 /brand 关联云函数 api，它回答 /brand?id=… 时页面里已带品牌名称与品牌内涵（不等前端加载）与分享标签；把对外分享的展示页链接设为 <HTTP 访问服务域名>/brand?id=<品牌 id>（页面的脚本与样式仍从静态网站托管${plan.config.h5BaseUrl ? ` ${plan.config.h5BaseUrl}` : '（须设 H5_PUBLIC_BASE_URL）'} 加载）。`,
    '  6. 发布：微信公众平台 → 管理 → 版本管理 → 开发版本，设为体验版试用后 提交审核，审核通过后 发布。',
    '  7. 第一位组织部管理员（初始化码）：用体验版打开小程序 → 首页“系统初始化”（打开时若还没有可用的码就会生成一个）；到 云开发控制台 → 云函数 → api → 日志 搜索“初始化码”，把码填进该页即成为组织部管理员。码24小时内有效、只能用一次，过期或输错5次后再打开该页会生成新码并写入日志。之后在“组织机构与名册”下载模板、导入组织机构和人员名册（README“上线第一天”）。',
    '  回滚：版本管理 → 线上版本 → 版本回退（可退回上一个线上版本）；云函数回滚：用上一个提交重新 npm run deploy。',
  ];
  console.log(lines.join('\n'));
}

export async function main(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  if (args.dist && !args.skipBuild) {
    console.error('--dist 只能与 --skip-build 一起使用（构建总是写到 dist/）');
    return 2;
  }
  const distDir = path.resolve(args.dist ?? path.join(ROOT, 'dist'));
  if (args.help) {
    console.log(readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n').filter((l) => l.startsWith('//')).map((l) => l.slice(3)).join('\n'));
    return 0;
  }

  // 1. Settings first: without them nothing is built, copied or uploaded.
  const loaded = loadDeployConfig(ROOT);
  if (!loaded.ok) {
    console.error(formatProblems(loaded.problems, loaded.envFile, ROOT));
    return 2;
  }
  const { config } = loaded;
  const rootPkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
  const version = config.version ?? rootPkg.version;
  const desc = config.desc ?? defaultDesc();
  console.log(`部署 ${config.appid} → 云环境 ${config.cloudEnv}${args.dryRun ? '（--dry-run：不上传）' : ''}`);
  for (const [k, from] of Object.entries(loaded.sources)) console.log(`  ${k.padEnd(20)} 来自 ${from}`);

  const started = Date.now();
  const staging = mkdtempSync(path.join(os.tmpdir(), 'dangjian-deploy-'));
  let plan: Plan | undefined;
  try {
    // 2. Build.
    step(args.skipBuild ? `构建（--skip-build：使用现有的 ${distDir.startsWith(ROOT + path.sep) ? path.relative(ROOT, distDir) : distDir}/）` : '构建');
    if (!args.skipBuild) build(config.h5ApiBase, config.h5BaseUrl);

    // 3. Stage the upload copy and check it offline.
    step('检查');
    const functions = readBuiltFunctions(path.join(distDir, 'cloudfunctions'));
    console.log(`  ✓ 云函数 ${functions.map((f) => f.name).join('、')}：config.json 有效，openapi 权限与代码一致，运行依赖已固定版本`);
    const h5 = listH5(distDir);
    const projectPath = path.join(staging, 'weapp');
    mkdirSync(projectPath);
    stageMiniprogram(ROOT, config.appid, projectPath, distDir);
    const staged = listFiles(projectPath);
    const checks = await runOfflineChecks({ projectPath, appid: config.appid, privateKeyPath: config.privateKeyPath });
    console.log(`  ✓ packNpm：${checks.packNpm.note}（${checks.packNpm.ms} ms）`);
    console.log(`  ${checks.quality.items.every((i) => i.success) ? '✓' : '!'} 代码质量：${checks.quality.items.filter((i) => i.success).length}/${checks.quality.items.length} 项通过（${checks.quality.ms} ms）`);
    console.log(`  ${checks.analyse.errors.length ? '✗' : '✓'} 代码依赖分析：${checks.analyse.files} 个文件、${checks.analyse.modules} 个模块，${checks.analyse.errors.length} 处错误（${checks.analyse.ms} ms）`);
    for (const w of checks.warnings) console.log(`  ! ${w}`);
    if (checks.problems.length) throw new Error(`检查未通过，没有上传：\n${checks.problems.map((p) => `  ✗ ${p}`).join('\n')}`);

    plan = {
      config: { appid: config.appid, cloudEnv: config.cloudEnv, robot: config.robot, h5BaseUrl: config.h5BaseUrl, h5ApiBase: config.h5ApiBase, version, desc },
      miniprogram: { files: staged.length, bytes: sum(staged) },
      checks,
      functions: functions.map((f) => ({ name: f.name, files: f.files, dependencies: f.dependencies, openapi: f.config.permissions.openapi, triggers: f.config.triggers })),
      h5: { files: h5.files, remotePath: '/' },
      uploaded: { functions: [], triggers: [] },
      dryRun: args.dryRun,
    };
    printPlan(plan);

    if (!args.dryRun) {
      const ci = loadCi();
      const project = createProject(ci, { projectPath, appid: config.appid, privateKeyPath: config.privateKeyPath });
      const network = async <T,>(label: string, fn: () => Promise<T>): Promise<T> => {
        step(label);
        try {
          return await fn();
        } catch (e) {
          const message = String((e as Error)?.message ?? e);
          throw new Error(`${label}失败：${message}\n  ${hint(message)}`);
        }
      };
      const result = await network('上传小程序', () =>
        ci.upload({ project, version, desc, robot: config.robot, setting: { useProjectConfig: true }, onProgressUpdate: () => {} }),
      );
      plan.uploaded.miniprogram = result;
      for (const p of (result as { subPackageInfo?: Array<{ name: string; size: number }> }).subPackageInfo ?? []) console.log(`  ${p.name === '__FULL__' ? '整包' : p.name === '__APP__' ? '主包' : p.name}  ${kb(p.size)}`);
      for (const f of functions) {
        const r = await network(`上传云函数 ${f.name}`, () => ci.cloud.uploadFunction({ project, env: config.cloudEnv, name: f.name, path: f.dir, remoteNpmInstall: true }));
        console.log(`  ✓ ${r.filesCount} 个文件，${kb(r.packSize)}，依赖由云端安装`);
        plan.uploaded.functions.push(f.name);
        if (f.config.triggers?.length) {
          const answer = await network(`创建 ${f.name} 的定时触发器`, () =>
            ci.cloud.createTimeTrigger({ project, envId: config.cloudEnv, functionName: f.name, triggersConfig: f.config.triggers! }),
          );
          if (answer === '创建定时触发器成功') plan.uploaded.triggers.push(f.name);
          // WeChat refuses a trigger that already exists with the same name: that is not a failure.
          console.log(`  ${answer === '创建定时触发器成功' ? '✓' : '!'} ${answer}${answer === '创建定时触发器成功' ? '' : '（已存在同名触发器时也会这样回答，请在控制台核对）'}`);
        }
      }
      await network('上传 H5 到静态网站托管', () => ci.cloud.uploadStaticStorage({ project, env: config.cloudEnv, path: h5.dir, remotePath: '' }));
      plan.uploaded.h5 = true;
      console.log(`  ✓ ${h5.files.length} 个文件`);
    }

    if (args.report) writeFileSync(path.resolve(args.report), `${JSON.stringify(plan, null, 2)}\n`);
    printNextSteps(plan);
    console.log(`\n用时 ${seconds(Date.now() - started)}`);
    return 0;
  } catch (e) {
    console.error(`\n✖ ${(e as Error).message}`);
    const done = plan?.uploaded;
    if (done && (done.miniprogram || done.functions.length)) {
      console.error(`已完成：${[done.miniprogram ? '小程序' : '', ...done.functions.map((f) => `云函数 ${f}`)].filter(Boolean).join('、')}。解决问题后重新运行 npm run deploy 即可（重复上传是安全的）。`);
    }
    return 1;
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}
