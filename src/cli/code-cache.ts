import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { Script } from 'node:vm';

/**
 * Runs a single-file command bundle (CommonJS, built by scripts/bundle.mjs) with V8's code
 * cache: the bytecode V8 compiled in one run is saved and handed back to V8 in the next, which
 * then neither parses the bundle nor compiles the functions it runs (measured on `steward lint`,
 * 300 models: 8 ms of 125). Node 22 does this for every module (module.enableCompileCache);
 * Node 20, which steward supports, has only the vm API used here.
 *
 * The cache lives in the package's own node_modules/.cache (written by whoever installed the
 * package, like the generated clients of `steward verify`), one file per bundle, named by the
 * bundle's size and modification time and by the Node version; V8 checks the rest (its version,
 * flags and a checksum) and rejects a cache that does not fit, which is then rewritten. Nothing
 * is written when the folder is not writable. STEWARD_CODE_CACHE=off turns it off; any other
 * value is the folder to use.
 */
export interface LoadedBundle {
  exports: Record<string, unknown>;
  /** Saves the code cache when there was none or V8 rejected it; call after the command ran. */
  saveCodeCache(): void;
  /** What happened to the cache: 'off', 'created' (none before), 'used' or 'rejected'. */
  cache: 'off' | 'created' | 'used' | 'rejected';
}

/** The bundle's dynamic import() calls go through this function, which the caller provides (see scripts/bundle.mjs). */
export type ImportFunction = (specifier: string) => Promise<unknown>;

const WRAPPER_HEAD = '(function (exports, require, module, __filename, __dirname, __stewardImport) {';
const WRAPPER_TAIL = '\n})';

export function loadCommonJsBundle(file: string, importFunction: ImportFunction, cacheDir: string | undefined): LoadedBundle {
  const source = readFileSync(file, 'utf8');
  let cachePath: string | undefined;
  let cachedData: Buffer | undefined;
  if (cacheDir !== undefined) {
    const { size, mtimeMs } = statSync(file);
    cachePath = join(cacheDir, `${basename(file)}-${size}-${Math.floor(mtimeMs)}-${process.version}-${process.arch}.v8`);
    try {
      cachedData = readFileSync(cachePath);
    } catch {
      // no cache yet
    }
  }
  const script = new Script(WRAPPER_HEAD + source + WRAPPER_TAIL, { filename: file, cachedData });
  const cache: LoadedBundle['cache'] = cachePath === undefined ? 'off' : cachedData === undefined ? 'created' : script.cachedDataRejected ? 'rejected' : 'used';
  const module = { exports: {} as Record<string, unknown> };
  const run = script.runInThisContext() as (...args: unknown[]) => void;
  run(module.exports, createRequire(file), module, file, dirname(file), importFunction);
  return {
    exports: module.exports,
    cache,
    saveCodeCache() {
      if (cachePath === undefined || cache === 'used') return;
      try {
        // After the run: the cache then holds every function the command compiled, not just the top level.
        const data = script.createCachedData();
        mkdirSync(cacheDir!, { recursive: true });
        const tmp = `${cachePath}.${process.pid}.tmp`;
        writeFileSync(tmp, data);
        renameSync(tmp, cachePath);
        const prefix = `${basename(file)}-`;
        for (const old of readdirSync(cacheDir!))
          if (old.startsWith(prefix) && join(cacheDir!, old) !== cachePath && !old.endsWith('.tmp')) rmSync(join(cacheDir!, old), { force: true });
      } catch {
        // A read-only installation: run without a cache.
      }
    },
  };
}
