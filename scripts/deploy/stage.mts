// The upload copy of the mini-program: dist/weapp copied to a temporary directory with its own
// project.config.json carrying the real appid — the repository keeps its placeholder.
import { cpSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface ProjectConfig {
  appid: string;
  miniprogramRoot?: string;
  cloudfunctionRoot?: string;
  compileType?: string;
  setting?: Record<string, unknown>;
  [key: string]: unknown;
}

/**
 * The project.config.json used for the upload: the repository's, with the appid, the mini-program
 * at the root of the copy, no cloudfunctionRoot (functions are uploaded one by one from
 * dist/cloudfunctions), and WeChat's JS/WXML/WXSS compression on for the release package.
 */
export function uploadProjectConfig(repoConfig: ProjectConfig, appid: string): ProjectConfig {
  const { cloudfunctionRoot: _ignored, ...rest } = repoConfig;
  void _ignored;
  return {
    ...rest,
    appid,
    miniprogramRoot: './',
    compileType: 'miniprogram',
    setting: { ...(repoConfig.setting ?? {}), minified: true, minifyWXML: true, minifyWXSS: true },
  };
}

/**
 * Copies `<distDir>/weapp` into `outDir` and writes there the upload copy of the repository's
 * project.config.json (`<root>/project.config.json`).
 */
export function stageMiniprogram(root: string, appid: string, outDir: string, distDir = path.join(root, 'dist')): { projectPath: string; config: ProjectConfig } {
  const weapp = path.join(distDir, 'weapp');
  if (!existsSync(path.join(weapp, 'app.json'))) throw new Error(`找不到 ${weapp}/app.json：请先构建小程序（npx taro build --type weapp）`);
  const app = JSON.parse(readFileSync(path.join(weapp, 'app.json'), 'utf8')) as { cloud?: boolean };
  if (app.cloud !== true) throw new Error(`${weapp}/app.json 没有 "cloud": true，云开发能力不可用：请重新构建`);
  cpSync(weapp, outDir, { recursive: true });
  const repoConfig = JSON.parse(readFileSync(path.join(root, 'project.config.json'), 'utf8')) as ProjectConfig;
  const config = uploadProjectConfig(repoConfig, appid);
  writeFileSync(path.join(outDir, 'project.config.json'), `${JSON.stringify(config, null, 2)}\n`);
  return { projectPath: outDir, config };
}

/** Every file of a directory, relative paths with `/`, sorted. */
export function listFiles(dir: string): Array<{ path: string; bytes: number }> {
  const walk = (d: string): Array<{ path: string; bytes: number }> =>
    readdirSync(d, { withFileTypes: true }).flatMap((e) => {
      const p = path.join(d, e.name);
      return e.isDirectory() ? walk(p) : [{ path: path.relative(dir, p).split(path.sep).join('/'), bytes: statSync(p).size }];
    });
  return walk(dir).sort((a, b) => a.path.localeCompare(b.path));
}

/** The H5 build that goes to static hosting (the public showcase pages are part of it). */
export function listH5(distDir: string): { dir: string; files: Array<{ path: string; bytes: number }> } {
  const dir = path.join(distDir, 'h5');
  if (!existsSync(path.join(dir, 'index.html'))) throw new Error(`找不到 ${dir}/index.html：请先构建 H5（npx taro build --type h5）`);
  return { dir, files: listFiles(dir) };
}
