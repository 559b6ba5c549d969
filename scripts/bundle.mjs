// Bundles the command line for start-up speed (the package's bin is dist/bundle/bin.js).
//
// Node 20's ES module loader spends about 0.25 ms per module file plus a file read on the
// thread pool, and `steward lint` alone imports about 80 compiled modules. Three outputs:
//   dist/bundle/main.js + chunks/   every command, one chunk per dynamic import(), so a
//                                   command loads only its own code (about 20 files for lint);
//   dist/bundle/commands/<name>.cjs a single file per command whose code, dynamic imports
//                                   included, imports no npm package at the top: one file to
//                                   load, run with V8's code cache (lint: 18 ms less than the
//                                   chunks);
//   dist/bundle/bin.js              the launcher (src/cli/bundled-bin.ts) that picks one.
// npm packages stay in node_modules, except pluralize (small CommonJS: imported from
// node_modules Node would scan its exports at every start). The library (dist/src/index.js)
// and the worker scripts are not bundled.
import { chmodSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const src = join(root, 'dist', 'src');
const outdir = join(root, 'dist', 'bundle');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const BUNDLED_PACKAGES = new Set(['pluralize']);
const external = Object.keys({ ...pkg.dependencies, ...pkg.devDependencies })
  .filter((name) => !BUNDLED_PACKAGES.has(name))
  .flatMap((name) => [name, `${name}/*`]);
const common = { bundle: true, format: 'esm', platform: 'node', target: 'node20', external, legalComments: 'none', logLevel: 'warning' };

rmSync(outdir, { recursive: true, force: true });

// 1. Every command, split into chunks.
await build({ ...common, entryPoints: { main: join(src, 'cli', 'main.js') }, outdir, splitting: true, chunkNames: 'chunks/[name]-[hash]' });

// 2. The launcher; it imports main.js or commands/<name>.js by URL at run time.
await build({ ...common, entryPoints: { bin: join(src, 'cli', 'bundled-bin.js') }, outdir });
chmodSync(join(outdir, 'bin.js'), 0o755);
// The package's bin (it hands over to the bundle). npm makes it executable when it links it,
// but npx keeps links in a cache across re-clones and rebuilds: tsc's output must be executable.
chmodSync(join(src, 'cli', 'bin.js'), 0o755);

// 3. One file per command, when that file would import no npm package at the top. It is
// CommonJS so that the launcher can run it with V8's code cache (src/cli/code-cache.ts):
//  - import.meta is not available there: its two uses (url, resolve) are defined from the
//    file name and require.resolve, and any other use fails the build;
//  - import() calls become calls of __stewardImport, a parameter the launcher provides: in
//    Node 20 a script compiled from a code cache loses its dynamic import() callback.
const registry = join(src, 'cli', 'commands', 'index.js');
const { COMMANDS } = await import(pathToFileURL(registry).href);
const single = [];
for (const { name } of COMMANDS) {
  // In the bundle of command `name`, the registry's other commands are stubs: the launcher
  // runs a command's own bundle only for that command.
  const otherCommands = {
    name: 'other-commands',
    setup(b) {
      b.onResolve({ filter: /^\.\/[a-z-]+\.js$/ }, (args) => {
        if (args.importer !== registry || args.path === `./${name}.js`) return undefined;
        return { path: args.path, namespace: 'other-command' };
      });
      b.onLoad({ filter: /.*/, namespace: 'other-command' }, (args) => ({
        contents: `throw new Error(${JSON.stringify(`internal: ${args.path} is not part of the '${name}' bundle`)});`,
        loader: 'js',
      }));
    },
  };
  const entry = { contents: `export { runCli } from ${JSON.stringify(join(src, 'cli', 'main.js'))};`, resolveDir: src, sourcefile: `${name}-entry.js` };
  const result = await build({
    ...common,
    format: 'cjs',
    stdin: entry,
    outfile: join(outdir, 'commands', `${name}.cjs`),
    plugins: [otherCommands],
    write: false,
    metafile: true,
    define: { 'import.meta.url': '__stewardImportMetaUrl', 'import.meta.resolve': '__stewardImportMetaResolve' },
    banner: {
      js: [
        'var __stewardImportMetaUrl = require("node:url").pathToFileURL(__filename).href;',
        'var __stewardImportMetaResolve = (specifier) => require("node:url").pathToFileURL(require.resolve(specifier)).href;',
      ].join('\n'),
    },
  });
  // A static import of an npm package (a require() here) would load it at start: such a
  // command runs from the chunks instead.
  const [output] = Object.values(result.metafile.outputs);
  if (output.imports.some((i) => i.external && i.kind !== 'dynamic-import' && !i.path.startsWith('node:'))) continue;
  let code = result.outputFiles[0].text;
  if (/\bimport\.meta\b/.test(code)) throw new Error(`bundle ${name}: import.meta is used in a way the CommonJS bundle cannot provide`);
  const imports = code.match(/(?<![\w$.])import\(/g)?.length ?? 0;
  code = code.replace(/(?<![\w$.])import\(/g, '__stewardImport(');
  mkdirSync(join(outdir, 'commands'), { recursive: true });
  writeFileSync(join(outdir, 'commands', `${name}.cjs`), code);
  single.push(`${name} (${imports} import() calls)`);
}
console.log(`bundle: dist/bundle (single-file commands: ${single.join(', ') || 'none'})`);
