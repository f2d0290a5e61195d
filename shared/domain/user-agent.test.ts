import { describe, expect, it } from 'vitest';
import { reportedClient, reportedClientText } from './user-agent';

describe('what a computer reports in its User-Agent', () => {
  it('names the browser and system from fixed lists', () => {
    expect(reportedClientText('Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36')).toBe('Chrome 120 · Windows');
    expect(reportedClientText('Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.2210.91')).toBe('Edge 120 · Windows');
    expect(reportedClientText('Mozilla/5.0 (Macintosh; Intel Mac OS X 14_2) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Safari/605.1.15')).toBe('Safari 17 · macOS');
    expect(reportedClientText('Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0')).toBe('Firefox 121 · Linux');
  });

  it('never shows the header’s own words', () => {
    expect(reportedClient('深圳大学信息中心 统一身份认证 请点确认')).toEqual({ browser: '未知浏览器', system: '未知系统' });
    expect(reportedClientText('Chrome/120 统一身份认证 Windows NT')).toBe('Chrome 120 · Windows');
    expect(reportedClientText(null)).toBe('未知浏览器 · 未知系统');
  });
});
