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
import type { Schema } from '../../schema/model.js';
import type { Transition } from './transitions.js';

export interface OldShapeUsage {
  file: string;
  line: number;
  column: number;
  how: 'prisma-client' | 'raw-sql';
  text?: string;
}

const SQL_KEYWORD = /\b(SELECT|INSERT|UPDATE|DELETE|WHERE|JOIN|RETURNING)\b/;
/** Seeds outside the code patterns (`prisma/seed.sql` and the like). */
const SEED_FILES = ['prisma/seed.sql', 'seed.sql', 'prisma/seeds.sql'];

export function oldShapeUsages(config: ResolvedConfig, master: Schema, transition: Transition): OldShapeUsage[] {
  if (transition.from === undefined) return [];
  const old = transition.from;
  const usages: OldShapeUsage[] = [];
  // Prisma Client: the master with the old field beside the new one, as code that still uses it sees it.
  const model = master.models.find((m) => m.name === transition.model);
  const field = model?.fields.find((f) => f.name === transition.field);
  if (model && field && !model.fields.some((f) => f.name === old)) {
    const withOld: Schema = {
      ...master,
      models: master.models.map((m) => (m === model ? { ...m, fields: [...m.fields, { ...field, name: old, attributes: [], docs: [] }] } : m)),
    };
    for (const usage of (projectUsageScanner(config)?.(withOld) as
      | Array<{ model: string; field?: string; file: string; line: number; column: number }>
      | undefined) ?? []) {
      if (usage.model === transition.model && usage.field === old)
        usages.push({ file: usage.file, line: usage.line, column: usage.column, how: 'prisma-client' });
    }
    for (const claim of resolveCalls(withOld, docsCalls(config.cwd, discoverFiles(config.cwd, auditConfigOf(config.sections)).docs))) {
      if (claim.source !== 'code' || claim.kind !== 'field' || claim.model !== transition.model || claim.field !== old) continue;
      // A block's calls are read under `<file>#L<line of the fence>.<ext>`: back to the markdown file's lines.
      const block = /^(.*)#L(\d+)\.[jt]sx?$/.exec(claim.location.file);
      usages.push({
        file: block ? block[1] : claim.location.file,
        line: claim.location.line + (block ? Number(block[2]) : 0),
        column: claim.location.column,
        how: 'prisma-client',
      });
    }
  }
  // Raw SQL in code, docs and seeds.
  const files = discoverFiles(config.cwd, auditConfigOf(config.sections));
  const columnPattern = new RegExp(`(?:"${escape(old)}"|\\b${escape(old)}\\b)`);
  const tablePattern = new RegExp(`(?:"${escape(transition.table)}"|\\b${escape(transition.table)}\\b)`, 'i');
  for (const file of [...files.code, ...files.docs, ...SEED_FILES.filter((seed) => existsSync(path.join(config.cwd, seed)))]) {
    let text: string;
    try {
      text = readFileSync(path.join(config.cwd, file), 'utf8');
    } catch {
      continue;
    }
    const lines = text.split('\n');
    lines.forEach((line, i) => {
      const match = columnPattern.exec(line);
      if (!match || !SQL_KEYWORD.test(line)) return;
      // The table named on the line; a line naming only other tables is about them; else the statement's neighbouring lines.
      const named = [...line.matchAll(/\b(?:FROM|JOIN|INTO|UPDATE)\s+(?:"?[\w$]+"?\.)?"?([\w$]+)"?/gi)].map((m) => m[1]);
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

/** Prisma Client calls in the docs' ```ts/```js blocks, each block read as a file named `<file>#L<fence line>.<ext>`. */
function docsCalls(root: string, docs: readonly string[]): PrismaCall[] {
  const calls: PrismaCall[] = [];
  for (const file of docs) {
    let text: string;
    try {
      text = readFileSync(path.join(root, file), 'utf8');
    } catch {
      continue;
    }
    for (const block of text.matchAll(/^```(ts|typescript|tsx|js|javascript|jsx)[^\n]*\n([\s\S]*?)^```/gm)) {
      const startLine = text.slice(0, block.index).split('\n').length;
      const extension = block[1].startsWith('t') ? (block[1] === 'tsx' ? 'tsx' : 'ts') : block[1] === 'jsx' ? 'jsx' : 'js';
      calls.push(...extractPrismaCalls(`${file}#L${startLine}.${extension}`, block[2]).calls);
    }
  }
  return calls;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
