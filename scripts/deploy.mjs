// npm run deploy — one-command deployment with miniprogram-ci (see script./deploy/main.mts and the
// README's “部署 / Deployment”). The steps are TypeScript, loaded through tsx.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./deploy/main.mts');
// miniprogram-ci's code analysis leaves file watchers open: exit explicitly.
process.exit(await main(process.argv.slice(2)));
