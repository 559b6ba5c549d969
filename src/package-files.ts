import { fileURLToPath } from 'node:url';

/**
 * Files of the prisma-steward package itself (package.json, worker scripts), found through the
 * package's own name rather than relative to the calling module: the same code runs from the
 * compiled modules (dist/src/...) and from the bundled command line (dist/bundle/...), where
 * `import.meta.url` points at a different folder.
 */
const PACKAGE_JSON_URL = new URL(import.meta.resolve('prisma-steward/package.json'));

/** A file of the package, by its path from the package root (e.g. `dist/src/generate/finish-worker.js`). */
export function packageUrl(relativePath: string): URL {
  return new URL(relativePath, PACKAGE_JSON_URL);
}

/** The package root folder. */
export function packageRoot(): string {
  return fileURLToPath(new URL('.', PACKAGE_JSON_URL));
}

/** Worker scripts always run from the compiled modules: a worker starts a fresh isolate either way. */
export function workerScript(name: 'generate/finish-worker' | 'generate/plan-worker' | 'migrate/plan-worker' | 'drift/expected-worker'): URL {
  return packageUrl(`dist/src/${name}.js`);
}
