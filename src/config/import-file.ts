import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { StewardError } from '../errors/index.js';
import { removeStaleTemporaries, temporaryPath } from '../fs/atomic-write.js';
import { readText } from '../fs/read-text.js';
import { packageUrl } from '../package-files.js';

/**
 * What a configuration's `import ... from 'prisma-steward'` means: steward's own copy, the one
 * running, wherever the configuration lives (an example copied out of the repository has no
 * node_modules/prisma-steward beside it). An import of nothing but the configuration helpers
 * (`defineConfig` and types) goes to the zero-dependency entry `prisma-steward/config`, so a
 * typed configuration costs no more start-up than a JSON one.
 */
const OWN_ENTRIES: Record<string, string> = {
  'prisma-steward': 'dist/src/index.js',
  'prisma-steward/config': 'dist/src/config/define.js',
};
/** The runtime names of `prisma-steward/config` (see src/config/define.ts). */
const CONFIG_ENTRY_NAMES = new Set(['defineConfig']);
/** Bumped when the rewrite changes, so cached transpilations from an older rule are not reused. */
const REWRITE_VERSION = 2;

/** Imports a JavaScript or TypeScript configuration module (TypeScript transpiled and cached) and returns its default export. */
export async function importConfigFile(file: string, cwd: string): Promise<unknown> {
  const shown = relative(cwd, file) || file;
  if (file.endsWith('.json')) return parseJsonConfig(readText(file, cwd), shown);
  let target = file;
  let temporary: string | undefined;
  const source = readFileSync(file, 'utf8');
  // TypeScript is type-stripped; JavaScript only when it names prisma-steward (its imports are rewritten).
  if (file.endsWith('.ts') || file.endsWith('.mts') || source.includes('prisma-steward')) {
    // Written beside the original so relative and package imports resolve as the user wrote them.
    // Named by pid (like atomic writes): a run killed before its `finally` leaves one, and the next run removes it.
    removeStaleTemporaries(file, '.mjs');
    temporary = temporaryPath(file, '.mjs');
    writeFileSync(temporary, await transpileConfig(file, source, shown));
    target = temporary;
  }
  try {
    const mod = (await import(pathToFileURL(target).href)) as { default?: unknown };
    const value = mod.default;
    if (value === undefined)
      throw new StewardError('CONFIG_INVALID', `${shown} has no default export`, { location: { file: shown }, hint: 'export default defineConfig({ ... })' });
    return typeof value === 'function' ? await (value as () => unknown)() : value;
  } catch (error) {
    if (error instanceof StewardError) throw error;
    // The temporary file is steward's business: the user reads the name of the file they wrote.
    const message = temporary
      ? replaceAll(replaceAll((error as Error).message, pathToFileURL(temporary).href, shown), temporary, shown)
      : (error as Error).message;
    throw new StewardError('CONFIG_LOAD_FAILED', `Cannot load ${shown}: ${message}`, { location: { file: shown } });
  } finally {
    if (temporary) rmSync(temporary, { force: true });
  }
}

function replaceAll(text: string, from: string, to: string): string {
  return text.split(from).join(to);
}

function parseJsonConfig(text: string, shown: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const m = /position (\d+)/.exec((error as Error).message);
    const offset = m ? Number(m[1]) : 0;
    const before = text.slice(0, offset);
    const line = before.split('\n').length;
    const column = offset - before.lastIndexOf('\n');
    throw new StewardError('CONFIG_INVALID', `Invalid JSON in ${shown}: ${(error as Error).message}`, { location: { file: shown, line, column } });
  }
}

/**
 * Type-strips a configuration and points its prisma-steward imports at steward's own files.
 * Loading the TypeScript compiler costs 0.3-0.6 s, so the output is cached by the source's hash
 * (and the package's location, which the rewritten imports name) in the system's temporary folder.
 */
async function transpileConfig(file: string, source: string, shown: string): Promise<string> {
  // Loaded here, not at the top: a JSON configuration never needs them.
  const [{ createHash }, { tmpdir }] = await Promise.all([import('node:crypto'), import('node:os')]);
  const own = Object.fromEntries(Object.entries(OWN_ENTRIES).map(([specifier, path]) => [specifier, packageUrl(path).href]));
  const key = createHash('sha256')
    .update(`${REWRITE_VERSION}\0${file.endsWith('ts') ? 'ts' : 'js'}\0${JSON.stringify(own)}\0${source}`)
    .digest('hex')
    .slice(0, 24);
  const cacheFile = join(tmpdir(), 'prisma-steward', `config-${key}.mjs`);
  try {
    return readFileSync(cacheFile, 'utf8');
  } catch {
    // not cached yet
  }
  const ts = (await import('typescript')).default;
  const ownSpecifier = (node: import('typescript').ImportDeclaration | import('typescript').ExportDeclaration, specifier: string): string | undefined => {
    if (!(specifier in own)) return undefined;
    if (specifier !== 'prisma-steward') return own[specifier];
    // `import { defineConfig } from 'prisma-steward'`: only the configuration helpers, so the lean entry.
    const names = ts.isImportDeclaration(node) ? importedNames(node) : undefined;
    return names !== undefined && names.every((n) => CONFIG_ENTRY_NAMES.has(n)) ? own['prisma-steward/config'] : own[specifier];
  };
  const importedNames = (node: import('typescript').ImportDeclaration): string[] | undefined => {
    const clause = node.importClause;
    if (!clause || clause.name) return undefined; // a side-effect or default import
    const bindings = clause.namedBindings;
    if (!bindings || !ts.isNamedImports(bindings)) return undefined; // `import * as steward`
    return bindings.elements.filter((e) => !e.isTypeOnly && !clause.isTypeOnly).map((e) => (e.propertyName ?? e.name).text);
  };
  const rewrite: import('typescript').TransformerFactory<import('typescript').SourceFile> = (context) => (sourceFile) => {
    const visit = (node: import('typescript').Node): import('typescript').Node => {
      if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
        const to = ownSpecifier(node, node.moduleSpecifier.text);
        if (to === undefined) return node;
        const literal = context.factory.createStringLiteral(to);
        return ts.isImportDeclaration(node)
          ? context.factory.updateImportDeclaration(node, node.modifiers, node.importClause, literal, node.attributes)
          : context.factory.updateExportDeclaration(node, node.modifiers, node.isTypeOnly, node.exportClause, literal, node.attributes);
      }
      if (
        ts.isCallExpression(node) &&
        node.expression.kind === ts.SyntaxKind.ImportKeyword &&
        node.arguments.length >= 1 &&
        ts.isStringLiteral(node.arguments[0]) &&
        node.arguments[0].text in own
      ) {
        return context.factory.updateCallExpression(node, node.expression, node.typeArguments, [
          context.factory.createStringLiteral(own[node.arguments[0].text]),
          ...node.arguments.slice(1),
        ]);
      }
      return ts.visitEachChild(node, visit, context);
    };
    return ts.visitNode(sourceFile, visit) as import('typescript').SourceFile;
  };
  const out = ts.transpileModule(source, {
    fileName: file,
    reportDiagnostics: true,
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: false, allowJs: true },
    transformers: { before: [rewrite] },
  });
  const diag = out.diagnostics?.find((d) => d.category === ts.DiagnosticCategory.Error);
  if (diag) {
    const pos = diag.file && diag.start !== undefined ? diag.file.getLineAndCharacterOfPosition(diag.start) : undefined;
    throw new StewardError('CONFIG_LOAD_FAILED', `Cannot compile ${shown}: ${ts.flattenDiagnosticMessageText(diag.messageText, ' ')}`, {
      location: { file: shown, line: pos ? pos.line + 1 : undefined, column: pos ? pos.character + 1 : undefined },
    });
  }
  try {
    mkdirSync(dirname(cacheFile), { recursive: true });
    writeFileSync(cacheFile, out.outputText);
  } catch {
    // a read-only temporary folder only costs the next run the compile
  }
  return out.outputText;
}
