/**
 * The contract phase's gate: where the project still uses the old column. Prisma Client calls
 * come from the audit's extraction (src/audit/code, the scanner `diff --usage` uses), over the
 * code and the TypeScript/JavaScript blocks of the docs, resolved against the master with the old
 * field put back; raw SQL comes from a plain scan of code, docs and seeds for lines that read as
 * SQL (a keyword), name the table and name the old column.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { ResolvedConfig } from '../../config/types.js';
import { auditConfigOf } from '../../audit/config.js';
import { discoverFiles } from '../../audit/discover.js';
import type { PrismaCall } from '../../audit/code/call.js';
import { extractPrismaCalls } from '../../audit/code/extract.js';
import { resolveCalls } from '../../audit/code/resolve.js';
import { projectUsageScanner } from '../../audit/usage-scanner.js';
import { SCALAR_TYPES, type Schema } from '../../schema/model.js';
import type { Transition } from './transitions.js';

export interface OldShapeUsage {
  file: string;
  line: number;
  column: number;
  how: 'prisma-client' | 'raw-sql';
  text?: string;
}

const SCALARS = new Set<string>(SCALAR_TYPES);
const SQL_KEYWORD = /\b(SELECT|INSERT|UPDATE|DELETE|WHERE|JOIN|RETURNING)\b/;
/** Seeds outside the code patterns (`prisma/seed.sql` and the like). */
const SEED_FILES = ['prisma/seed.sql', 'seed.sql', 'prisma/seeds.sql'];
/** A table an SQL line names after FROM, JOIN, INTO or UPDATE (schema-qualified or not, quoted or not). */
const TABLE_NAMED = /\b(?:FROM|JOIN|INTO|UPDATE)\s+(?:"?[\w$]+"?\.)?"?([\w$]+)"?/gi;

export function oldShapeUsages(config: ResolvedConfig, master: Schema, transition: Transition): OldShapeUsage[] {
  if (transition.kind === 'dropTable') return tableUsages(config, master, transition);
  const old = transition.kind === 'drop' ? transition.column : transition.from;
  if (old === undefined) return [];
  const usages: OldShapeUsage[] = [];
  // Prisma Client: the master with the old field put back, as code that still uses it sees it: named
  // as the column, and in camelCase for a snake_case column (`legacy_code` was likely `legacyCode @map(...)`).
  const model = master.models.find((m) => m.name === transition.model);
  const template = model?.fields.find((f) => f.name === transition.field) ?? model?.fields.find((f) => SCALARS.has(f.type.name));
  const names = [...new Set([old, camelCase(old)])].filter((name) => !model?.fields.some((f) => f.name === name));
  if (model && template && names.length > 0) {
    const restored = names.map((name) => ({
      ...template,
      name,
      // A retired column's type is not in the master any more; any scalar type resolves the same.
      type: transition.kind === 'drop' ? { ...template.type, optional: true, list: false } : template.type,
      attributes: [],
      docs: [],
    }));
    const withOld: Schema = {
      ...master,
      models: master.models.map((m) => (m === model ? { ...m, fields: [...m.fields, ...restored] } : m)),
    };
    for (const usage of (projectUsageScanner(config)?.(withOld) as
      | Array<{ model: string; field?: string; file: string; line: number; column: number }>
      | undefined) ?? []) {
      if (usage.model === transition.model && usage.field !== undefined && names.includes(usage.field))
        usages.push({ file: usage.file, line: usage.line, column: usage.column, how: 'prisma-client' });
    }
    for (const claim of resolveCalls(withOld, docsCalls(config.cwd, discoverFiles(config.cwd, auditConfigOf(config.sections)).docs))) {
      if (claim.source === 'code' && claim.kind === 'field' && claim.model === transition.model && names.includes(claim.field))
        usages.push(docsClientUsage(claim.location));
    }
  }
  // Raw SQL in code, docs and seeds.
  const files = discoverFiles(config.cwd, auditConfigOf(config.sections));
  const columnPattern = new RegExp(`(?:"${escape(old)}"|\\b${escape(old)}\\b)`);
  const tablePattern = new RegExp(`(?:"${escape(transition.table)}"|\\b${escape(transition.table)}\\b)`, 'i');
  for (const [file, text] of readable(config.cwd, sqlFiles(config.cwd, files))) {
    const lines = text.split('\n');
    lines.forEach((line, i) => {
      const match = columnPattern.exec(line);
      if (!match || !SQL_KEYWORD.test(line)) return;
      // The table named on the line; a line naming only other tables is about them; else the statement's neighbouring lines.
      const named = [...line.matchAll(TABLE_NAMED)].map((m) => m[1]);
      if (
        named.length > 0
          ? !named.some((name) => name.toLowerCase() === transition.table.toLowerCase())
          : !tablePattern.test(lines.slice(Math.max(0, i - 5), i + 6).join('\n'))
      )
        return;
      if (usages.some((u) => u.file === file && u.line === i + 1)) return;
      usages.push({ file, line: i + 1, column: match.index + 1, how: 'raw-sql', text: line.trim().slice(0, 120) });
    });
  }
  return usages.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
}

/**
 * Where a retired table is still used: Prisma Client calls on its delegate (the model as the table
 * is named, or in PascalCase: `audit_log` as `prisma.auditLog`; a delegate the master lacks still
 * reads as a call), and raw SQL whose FROM/JOIN/INTO/UPDATE names the table.
 */
function tableUsages(config: ResolvedConfig, master: Schema, transition: Transition): OldShapeUsage[] {
  const models = new Set([transition.table.charAt(0).toUpperCase() + transition.table.slice(1), transition.model]);
  const usages: OldShapeUsage[] = [];
  const files = discoverFiles(config.cwd, auditConfigOf(config.sections));
  for (const usage of (projectUsageScanner(config)?.(master) as Array<{ model: string; file: string; line: number; column: number }> | undefined) ?? [])
    if (models.has(usage.model)) usages.push({ file: usage.file, line: usage.line, column: usage.column, how: 'prisma-client' });
  for (const claim of resolveCalls(master, docsCalls(config.cwd, files.docs))) {
    if (claim.source === 'code' && claim.kind === 'model' && models.has(claim.model)) usages.push(docsClientUsage(claim.location));
  }
  for (const [file, text] of readable(config.cwd, sqlFiles(config.cwd, files))) {
    text.split('\n').forEach((line, i) => {
      if (!SQL_KEYWORD.test(line)) return;
      const named = [...line.matchAll(TABLE_NAMED)].find((m) => m[1].toLowerCase() === transition.table.toLowerCase());
      if (!named || usages.some((u) => u.file === file && u.line === i + 1)) return;
      usages.push({ file, line: i + 1, column: named.index + 1, how: 'raw-sql', text: line.trim().slice(0, 120) });
    });
  }
  return dedupe(usages).sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
}

function dedupe(usages: OldShapeUsage[]): OldShapeUsage[] {
  const seen = new Set<string>();
  return usages.filter((u) => {
    const key = `${u.file}:${u.line}:${u.column}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * A Prisma Client call found in the docs: a block's calls are read under `<file>#L<line of the
 * fence>.<ext>` (docsCalls), so back to the markdown file and its lines.
 */
function docsClientUsage(location: { file: string; line: number; column: number }): OldShapeUsage {
  const block = /^(.*)#L(\d+)\.[jt]sx?$/.exec(location.file);
  return {
    file: block ? block[1] : location.file,
    line: location.line + (block ? Number(block[2]) : 0),
    column: location.column,
    how: 'prisma-client',
  };
}

/** Where raw SQL is searched: code, docs and the seeds that exist. */
function sqlFiles(root: string, files: { code: readonly string[]; docs: readonly string[] }): string[] {
  return [...files.code, ...files.docs, ...SEED_FILES.filter((seed) => existsSync(path.join(root, seed)))];
}

/** Each file with its text (one that cannot be read is passed over). */
function* readable(root: string, files: readonly string[]): Generator<[file: string, text: string]> {
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(path.join(root, file), 'utf8');
    } catch {
      continue;
    }
    yield [file, text];
  }
}

/** Prisma Client calls in the docs' ```ts/```js blocks, each block read as a file named `<file>#L<fence line>.<ext>`. */
function docsCalls(root: string, docs: readonly string[]): PrismaCall[] {
  const calls: PrismaCall[] = [];
  for (const [file, text] of readable(root, docs)) {
    for (const block of text.matchAll(/^```(ts|typescript|tsx|js|javascript|jsx)[^\n]*\n([\s\S]*?)^```/gm)) {
      const startLine = text.slice(0, block.index).split('\n').length;
      const extension = block[1].startsWith('t') ? (block[1] === 'tsx' ? 'tsx' : 'ts') : block[1] === 'jsx' ? 'jsx' : 'js';
      calls.push(...extractPrismaCalls(`${file}#L${startLine}.${extension}`, block[2]).calls);
    }
  }
  return calls;
}

function camelCase(column: string): string {
  return column.replace(/_+([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
