import { z } from 'zod';

/** The local host's settings, parsed once at start; a bad value stops it with a clear message. */
export const localConfigSchema = z.object({
  APP_ENV: z.enum(['development', 'test', 'production']).default('development'),
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(8765),
  DATA_DIR: z.string().default('.data'),
  DB_FILE: z.string().default('local.sqlite'),
  STATIC_DIR: z.string().default('dist/h5'),
  /**
   * A new database gets the demo university (brands, projects in every state, to-dos) on top of
   * the organisation and the demo identities; `off` seeds only those, as most browser tests want.
   */
  DEMO: z.enum(['on', 'off']).default('on'),
  /**
   * demo: a new database gets the demo seed (committees, people, batches). none: nothing is
   * seeded — the host starts exactly like a new cloud environment and prints the 初始化码.
   */
  SEED: z.enum(['demo', 'none'], { error: 'SEED must be demo or none' }).default('demo'),
  /** Dev only: run "as of" an instant (ISO 8601), e.g. to see the 2022 batch still open. */
  FAKE_NOW: z
    .string()
    .optional()
    .refine((s) => s === undefined || !Number.isNaN(Date.parse(s)), 'FAKE_NOW must be an ISO 8601 instant'),
});
export type LocalConfig = z.infer<typeof localConfigSchema>;

export function parseLocalConfig(env: Record<string, string | undefined>): LocalConfig {
  const parsed = localConfigSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`invalid local host configuration:\n${lines}`);
  }
  const config = parsed.data;
  // The fresh deployment gets its own file, so the demo database is neither shown nor touched.
  if (config.SEED === 'none' && env.DB_FILE === undefined) config.DB_FILE = 'fresh.sqlite';
  if (config.APP_ENV === 'production' && config.FAKE_NOW) {
    throw new Error('FAKE_NOW is a development setting and cannot be used with APP_ENV=production');
  }
  return config;
}

/** The dev sign-in hands out identities to anyone who asks: never in production. */
export function devSignInAllowed(config: LocalConfig): boolean {
  return config.APP_ENV !== 'production';
}
