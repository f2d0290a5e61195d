// Types of wechat-compile-check.mjs, for its tests (test/build/wechat-compile-check.test.ts) and the bench.

export interface CheckError {
  /** The file, relative to the build's parent (weapp/…, h5/…), with line:column for WXSS. */
  file: string;
  /** What it uses beyond WeChat's compilers or the targets (es-check's feature names, or the scan's). */
  feature: string;
}

export interface CheckReport {
  lib: string;
  weappTargets: string[];
  h5Targets: string[];
  wxml: number;
  wxss: number;
  weappJs: number;
  h5Js: number;
  errors: CheckError[];
}

export interface CheckOptions {
  /** A built weapp directory (default dist/weapp); null skips it. */
  weapp?: string | null;
  /** A built H5 directory (default dist/h5); null skips it. */
  h5?: string | null;
  lib?: string;
  weappTargets?: string[];
  h5Targets?: string[];
}

export function compileWxss(dir: string): { count: number; errors: CheckError[] };
export function compileWxml(dir: string): { count: number; errors: CheckError[] };
export function lookbehindAt(source: string): number;
export function scanSource(code: string): string[];
export function checkJs(files: string[], targets: string[], options?: { polyfilled?: string[]; labels?: Map<string, string> }): Promise<CheckError[]>;
export function wechatCompileCheck(options?: CheckOptions): Promise<CheckReport>;
export function summary(report: CheckReport): string;
