/**
 * A handler whose module loads on its first call. The office exports are cut here: their
 * modules pull in exceljs and docx, which at a cold start cost the `api` function about as much
 * load time again as the SDK alone, and no other call needs them. The bundler keeps a module
 * reached only through `import()` unevaluated until the call, with its requires inside.
 */
export function lazy<F extends (...args: never[]) => Promise<unknown>>(load: () => Promise<F>): (...args: Parameters<F>) => ReturnType<F> {
  let loading: Promise<F> | null = null;
  const loaded = (): Promise<F> => {
    loading ??= load().catch((err: unknown) => {
      loading = null; // a failed load is retried by the next call
      throw err;
    });
    return loading;
  };
  return (...args) => loaded().then((f) => f(...args)) as ReturnType<F>;
}
