import type { DemoHint } from './demo/hints';
import type { DemoIdentity } from './seed';

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** What to try as each identity on the demo data, and links anyone may open (none: no demo). */
export interface SignInHints {
  byIdentity: Record<string, DemoHint>;
  publicLinks: Array<{ text: string; href: string }>;
}

/** The dev sign-in page: pick a demo identity; it stands in for WeChat's OPENID locally. */
export function renderSignIn(identities: DemoIdentity[], current: string | null, next = '/', hints?: SignInHints, fresh = false): string {
  const signInTo = (openid: string, to: string, body: string, attrs: string) => `<form method="post" action="/dev/sign-in">
  <input type="hidden" name="openid" value="${escape(openid)}">
  <input type="hidden" name="next" value="${escape(to)}">
  <button type="submit" ${attrs}>${body}</button></form>`;
  const items = identities
    .map((i) => {
      const hint = hints?.byIdentity[i.openid];
      const tryLine = hint
        ? `<div class="try" data-try="${escape(i.openid)}">试试：${escape(hint.text)}${signInTo(i.openid, hint.next, `${escape(hint.linkText)} ›`, `class="link" data-next="${escape(hint.next)}"`)}</div>`
        : '';
      return `<li>${signInTo(i.openid, next, `<strong>${escape(i.label)}</strong><span>${escape(i.description)}</span>`, `data-openid="${escape(i.openid)}"${i.openid === current ? ' class="current"' : ''}`)}${tryLine}</li>`;
    })
    .join('\n');
  const links = hints?.publicLinks.length
    ? `<p class="public">不选身份也可以看：${hints.publicLinks.map((l) => `<a href="${escape(l.href)}">${escape(l.text)}</a>`).join(' · ')}</p>`
    : '';
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>选择演示身份 · 党建品牌与精品项目（本地）</title>
<style>
body{margin:0;font-family:system-ui,"Noto Sans CJK SC",sans-serif;background:#f6f3f0;color:#222}
main{max-width:480px;margin:0 auto;padding:20px 16px}
h1{font-size:20px;color:#c8161d;margin:8px 0}
p{color:#666;font-size:14px;line-height:1.6}
ul{list-style:none;padding:0;margin:16px 0}
li{margin:10px 0}
button{width:100%;text-align:left;padding:14px 16px;border:1px solid #e5d6d0;border-radius:10px;background:#fff;font-size:16px;cursor:pointer}
button span{display:block;color:#888;font-size:13px;margin-top:4px}
button.current{border-color:#c8161d}
.try{font-size:13px;color:#555;line-height:1.6;padding:6px 4px 0}
.try form{display:inline}
button.link{display:inline;width:auto;padding:0 0 0 6px;border:0;background:none;color:#c8161d;font-size:13px;text-decoration:underline}
.public a{color:#c8161d}
</style></head>
<body><main>
${
  fresh
    ? `<h1>选择一个微信账号</h1>
<p>这是从空库开始的本地环境（SEED=none），与新的云环境一样：还没有任何单位和人员。下面每一项代表一个微信账号（OPENID）；第一个进入的人用启动时打印的初始化码设立党委组织部，其他人随后绑定身份。正式环境不提供此页面。</p>`
    : `<h1>选择演示身份</h1>
<p>这是本地开发环境：在微信里，身份来自微信登录（OPENID）；在这里，请选择一个演示身份进入。正式环境不提供此页面。</p>`
}
${links}
<ul>
${items}
</ul>
<p>在电脑上也可以像正式环境一样<a class="pc-login" href="/pages/pc-login/index">用微信扫码登录</a>（用另一台设备上的演示身份扫码确认）。</p>
</main></body></html>`;
}
