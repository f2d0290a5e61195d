import cloud from 'wx-server-sdk';
import { createWechatStore } from '../../cloudfunctions/core/adapters/wechat/store';
import type { Store } from '../../cloudfunctions/core/ports/store';
import { startFakeCloudBase, type FakeCloudBase } from './fake-cloudbase';

/**
 * The WeChat adapter running through the real wx-server-sdk against the loopback fake.
 *
 * wx-server-sdk is a process-wide singleton whose init() only takes effect once, so one fake
 * serves the whole test file (vitest isolates files); each store gets the fake reset to empty.
 *
 * secretId/secretKey must be present: without them the SDK's request path rejects a promise it
 * never awaits (`prepareCredentials` in @cloudbase/node-sdk), an unhandled rejection that
 * fails the run. The fake ignores the signature they produce.
 */
let started: Promise<FakeCloudBase> | undefined;

function fake(): Promise<FakeCloudBase> {
  started ??= startFakeCloudBase().then((f) => {
    // Without this, @cloudbase/node-sdk probes http://metadata.tencentyun.com (30 ms timeout,
    // twice per request) to learn whether it runs inside Tencent Cloud. 'true' answers that
    // locally; with serviceUrl set it changes nothing else but a request header.
    process.env.TENCENTCLOUD = 'true';
    // Options beyond the SDK's declared ICloudInitOptions are passed through to
    // @cloudbase/node-sdk's init, which reads serviceUrl and the credentials.
    const options = { env: 'test-env', secretId: 'x', secretKey: 'y', serviceUrl: f.url };
    cloud.init(options);
    return f;
  });
  return started;
}

export async function openWechatStore(): Promise<{ store: Store; fake: FakeCloudBase }> {
  const f = await fake();
  f.reset();
  return { store: createWechatStore(cloud.database()), fake: f };
}

/** Stops the shared fake; call once from afterAll (the SDK cannot be pointed elsewhere after). */
export async function stopWechatFake(): Promise<void> {
  await (await started)?.close();
}
