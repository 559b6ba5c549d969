import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type * as TS from 'typescript';

/** The names Prisma looks for, in its order. */
export const PRISMA_CONFIG_NAMES = [
  'prisma.config.ts',
  'prisma.config.mts',
  'prisma.config.cts',
  'prisma.config.js',
  'prisma.config.mjs',
  'prisma.config.cjs',
  '.config/prisma.ts',
];

export interface PrismaConfigPaths {
  /** Absolute schema path (file or folder), when the configuration names one steward can read statically. */
  schema?: string;
  /** Absolute migrations folder (`migrations.path`). */
  migrations?: string;
}

/**
 * Reads `schema` and `migrations.path` from a prisma.config.* without running it: running a
 * user's configuration would load dotenv, read secrets and import packages that may not be
 * installed. The file is parsed with TypeScript's parser, and only values steward can know for
 * sure are taken: string literals, `path.join`/`path.resolve` of literals, `__dirname` and
 * `import.meta.dirname`. Relative paths are resolved from the configuration's folder, as Prisma does.
 */
export function readPrismaConfigFile(ts: typeof TS, file: string): PrismaConfigPaths {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return {};
  }
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const config = exportedObject(ts, source);
  if (!config) return {};
  const base = dirname(file);
  const value = (node: TS.Expression | undefined) => (node ? evaluatePath(ts, node, base) : undefined);
  const migrations = property(ts, config, 'migrations');
  return {
    schema: value(property(ts, config, 'schema')),
    migrations: migrations && ts.isObjectLiteralExpression(migrations) ? value(property(ts, migrations, 'path')) : undefined,
  };
}

/** `export default {...}`, `export default defineConfig({...})`, or `module.exports = ...` of either. */
function exportedObject(ts: typeof TS, source: TS.SourceFile): TS.ObjectLiteralExpression | undefined {
  const unwrap = (e: TS.Expression): TS.ObjectLiteralExpression | undefined => {
    while (ts.isParenthesizedExpression(e) || ts.isAsExpression(e) || ts.isSatisfiesExpression(e)) e = e.expression;
    if (ts.isObjectLiteralExpression(e)) return e;
    if (ts.isCallExpression(e) && e.arguments.length > 0) return unwrap(e.arguments[0]);
    if (ts.isIdentifier(e)) return declaredObject(e.text);
    return undefined;
  };
  const declaredObject = (name: string): TS.ObjectLiteralExpression | undefined => {
    for (const statement of source.statements) {
      if (!ts.isVariableStatement(statement)) continue;
      for (const d of statement.declarationList.declarations)
        if (ts.isIdentifier(d.name) && d.name.text === name && d.initializer) return unwrap(d.initializer);
    }
    return undefined;
  };
  for (const statement of source.statements) {
    if (ts.isExportAssignment(statement)) return unwrap(statement.expression);
    if (ts.isExpressionStatement(statement) && ts.isBinaryExpression(statement.expression) && statement.expression.left.getText(source) === 'module.exports')
      return unwrap(statement.expression.right);
  }
  return undefined;
}

function property(ts: typeof TS, object: TS.ObjectLiteralExpression, name: string): TS.Expression | undefined {
  for (const p of object.properties) {
    if (ts.isPropertyAssignment(p) && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) && p.name.text === name) return p.initializer;
  }
  return undefined;
}

function evaluatePath(ts: typeof TS, node: TS.Expression, base: string): string | undefined {
  const parts = (e: TS.Expression): string | undefined => {
    if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return e.text;
    if (ts.isIdentifier(e) && e.text === '__dirname') return base;
    if (ts.isPropertyAccessExpression(e) && ts.isMetaProperty(e.expression) && e.name.text === 'dirname') return base;
    const callee = ts.isCallExpression(e)
      ? ts.isPropertyAccessExpression(e.expression)
        ? e.expression.name.text
        : ts.isIdentifier(e.expression)
          ? e.expression.text
          : ''
      : '';
    if (ts.isCallExpression(e) && (callee === 'join' || callee === 'resolve')) {
      const args = e.arguments.map(parts);
      if (args.some((a) => a === undefined)) return undefined;
      return resolve(...(args as string[]));
    }
    return undefined;
  };
  const value = parts(node);
  return value === undefined ? undefined : resolve(base, value);
}
