/**
 * What a computer reports about itself in its User-Agent, reduced to names from fixed lists
 * ("Chrome 120", "Windows"). Nothing of the header's own text is ever shown: a caller who writes
 * «统一身份认证 请点确认» there gets «未知浏览器», not its words on the phone's confirmation page.
 */
export interface ReportedClient {
  browser: string;
  system: string;
}

const BROWSERS: ReadonlyArray<[RegExp, string]> = [
  [/MicroMessenger\/(\d{1,4})/, '微信内置浏览器'],
  [/Edg(?:e|A|iOS)?\/(\d{1,4})/, 'Edge'],
  [/OPR\/(\d{1,4})/, 'Opera'],
  [/QQBrowser\/(\d{1,4})/, 'QQ浏览器'],
  [/Firefox\/(\d{1,4})/, 'Firefox'],
  [/(?:Chrome|CriOS)\/(\d{1,4})/, 'Chrome'],
  [/Version\/(\d{1,4})[.\d]* (?:Mobile\/\w+ )?Safari\//, 'Safari'],
];

const SYSTEMS: ReadonlyArray<[RegExp, string]> = [
  [/Windows NT/, 'Windows'],
  [/iPhone|iPad|iPod/, 'iOS'],
  [/Mac OS X|Macintosh/, 'macOS'],
  [/Android/, 'Android'],
  [/CrOS/, 'ChromeOS'],
  [/HarmonyOS|OpenHarmony/, 'HarmonyOS'],
  [/Linux/, 'Linux'],
];

export const UNKNOWN_BROWSER = '未知浏览器';
export const UNKNOWN_SYSTEM = '未知系统';

export function reportedClient(userAgent: string | null | undefined): ReportedClient {
  const ua = (userAgent ?? '').slice(0, 512);
  let browser = UNKNOWN_BROWSER;
  for (const [re, name] of BROWSERS) {
    const m = re.exec(ua);
    if (m) {
      browser = `${name} ${Number(m[1])}`;
      break;
    }
  }
  const system = SYSTEMS.find(([re]) => re.test(ua))?.[1] ?? UNKNOWN_SYSTEM;
  return { browser, system };
}

/** One line, as the confirmation page and the list of signed-in PCs show it: "Chrome 120 · Windows". */
export function reportedClientText(userAgent: string | null | undefined): string {
  const c = reportedClient(userAgent);
  return `${c.browser} · ${c.system}`;
}
