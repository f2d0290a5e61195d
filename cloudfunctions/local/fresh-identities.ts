import { ROLE_LABELS } from '@shared/domain/roles';
import type { User } from '@shared/domain/person';
import type { Store } from '../core/ports/store';
import type { DemoIdentity } from './seed';

const STATUS_TEXT: Record<User['profileStatus'], string> = { pending: '待确认', confirmed: '已确认', rejected: '已退回' };

/**
 * The sign-in page's identities on an empty environment (SEED=none): the same stand-in OPENIDs,
 * but shown as the WeChat accounts they are — nobody until they bind, then whoever they bound as,
 * read from the database — never the demo university's people, who do not exist there.
 */
export async function freshIdentities(store: Store, openids: readonly string[]): Promise<DemoIdentity[]> {
  const users = await store.find<User>('users', { where: { openid: { $in: [...openids] } } });
  const byOpenid = new Map(users.map((u) => [u.openid, u]));
  return openids.map((openid, i) => {
    const user = byOpenid.get(openid);
    if (!user) return { openid, label: `微信用户 ${i + 1}（尚未绑定身份）`, description: '空环境里的一个微信账号：先用初始化码设立组织部，或绑定身份' };
    const roles = user.roles.map((g) => ROLE_LABELS[g.role]);
    return {
      openid,
      label: `${user.profile.name}（${[...new Set(roles)].join('、') || '无角色'}）`,
      description: `微信用户 ${i + 1} · 身份${STATUS_TEXT[user.profileStatus]}`,
    };
  });
}
