import { guardUnhandledRejections } from '../core/process-guard';
import { parseLocalConfig } from './config';
import { startLocalHost } from './server';

guardUnhandledRejections();

const run = async () => {
  const config = parseLocalConfig(process.env);
  return { config, host: await startLocalHost(config) };
};

run()
  .then(({ config, host }) => {
    const seed = config.SEED === 'none' ? `${config.DB_FILE}，SEED=none：从空库开始，与新的云环境一样` : `${config.DB_FILE}，演示数据`;
    console.log(`\n党建品牌与精品项目 · 本地服务已启动\n  打开: ${host.url}/\n  演示身份: ${host.url}/dev/sign-in\n  数据库: SQLite（${config.DATA_DIR}/${seed}）\n`);
    if (host.setupCode) console.log(`  尚无党委组织部管理员：用上面的初始化码在“系统初始化”页（${host.url}/packages/admin/setup/index）成为第一位管理员\n`);
    const stop = () => void host.close().then(() => process.exit(0));
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  })
  .catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
