import type { DevInboxMessage } from '../core/adapters/local/notifier';
import type { User } from '@shared/domain/person';
import type { Store } from '../core/ports/store';
import { formatInstant } from '@shared/time/deadline';

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/** GET /dev/inbox: what the local notifier "sent", newest first, laid out like a WeChat service card. */
export async function renderDevInbox(store: Store, limit = 100): Promise<string> {
  const messages = await store.find<DevInboxMessage>('devInbox', { orderBy: [{ field: 'at', direction: 'desc' }], limit });
  // Show who received each message by name, as a person reading the inbox would look for it.
  const names = new Map<string, string>();
  for (const id of new Set(messages.map((m) => m.toUserId))) {
    names.set(id, (await store.get<User>('users', id))?.profile.name ?? id);
  }
  const cards = messages
    .map(
      (m) => `<section class="card">
  <div class="head"><span class="app">党建品牌与精品项目</span><time>${escape(formatInstant(m.at))}</time></div>
  <h2>${escape(m.title)}</h2>
  <dl>${m.lines.map((l) => `<div><dt>${escape(l.label)}</dt><dd>${escape(l.value)}</dd></div>`).join('')}</dl>
  <div class="foot">发给 ${escape(names.get(m.toUserId) ?? m.toUserId)}（${escape(m.toUserId)}） · 模板 ${escape(m.templateId)} · 进入小程序查看 › <code>${escape(m.page)}</code></div>
</section>`,
    )
    .join('\n');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>开发收件箱（订阅消息）</title>
<style>
body{margin:0;background:#ededed;font:15px/1.5 -apple-system,"PingFang SC","Microsoft YaHei",sans-serif;color:#111}
main{max-width:375px;margin:0 auto;padding:12px}
h1{font-size:16px;margin:4px 0 12px}
.card{background:#fff;border-radius:8px;padding:12px 14px;margin-bottom:12px}
.head{display:flex;justify-content:space-between;color:#888;font-size:12px}
h2{font-size:17px;margin:8px 0}
dl{margin:0}dl div{display:flex;gap:12px;padding:2px 0}dt{color:#888;min-width:5em;flex:none}dd{margin:0;word-break:break-all}
.foot{border-top:1px solid #eee;margin-top:8px;padding-top:8px;color:#576b95;font-size:13px;word-break:break-all}
.empty{color:#888;text-align:center;padding:40px 0}
form{margin-bottom:12px}button{font-size:15px;padding:6px 12px}
</style></head><body><main>
<h1>开发收件箱 · 共 ${messages.length} 条（最新在前）</h1>
<form method="post" action="/dev/scheduler/run?redirect=1"><button type="submit">按开发时钟运行提醒任务</button></form>
${cards || '<p class="empty">还没有消息。到提醒时点（截止前7、3、1天和当天 9:00 北京时间）运行提醒任务后，这里会显示。</p>'}
</main></body></html>`;
}
