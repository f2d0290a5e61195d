import { guardUnhandledRejections } from '../core/process-guard';
import { parseLocalConfig } from './config';
import { startLocalHost } from './server';

guardUnhandledRejections();

startLocalHost(parseLocalConfig(process.env))
  .then((host) => {
    console.log(`\n党建品牌与精品项目 · 本地服务已启动\n  打开: ${host.url}/\n  演示身份: ${host.url}/dev/sign-in\n  数据库: SQLite（.data/）\n`);
    const stop = () => void host.close().then(() => process.exit(0));
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  })
  .catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
