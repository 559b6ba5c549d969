import { dirname, join, normalize } from 'node:path';

/**
 * Which file an import names, read from the text without a module resolver (no tsconfig paths,
 * no package.json): a relative specifier is joined to the importing file's folder; any other
 * (`@/lib/x`, `src/x`, `@acme/lib/x`) matches a file whose path ends with the specifier less its
 * first segment (the alias or the package scope). `export * from` / `export { a } from` in a
 * barrel (`@/queries/prisma` -> queries/prisma/index.ts) is followed one level. Good enough to
 * tell two same-named functions of different files apart; a specifier that matches nothing
 * resolves to nothing.
 */

export interface NamedImport {
  /** The name the module exports. */
  imported: string;
  /** The name the importing file uses. */
  local: string;
  specifier: string;
}

const NAMED = /\bimport\s+(?:type\s+)?(?:[A-Za-z_$][\w$]*\s*,\s*)?\{([^}]*)\}\s*from\s*(['"])([^'"\n]+)\2/g;
const REEXPORT = /\bexport\s+(?:\*|\{([^}]*)\})\s*from\s*(['"])([^'"\n]+)\2/g;
const EXTENSION = /\.(?:[cm]?[jt]sx?)$/;

export function namedImports(text: string): NamedImport[] {
  const out: NamedImport[] = [];
  for (const m of text.matchAll(NAMED)) {
    for (const part of m[1].split(',')) {
      const p = /^\s*(?:type\s+)?([A-Za-z_$][\w$]*)(?:\s+as\s+([A-Za-z_$][\w$]*))?\s*$/.exec(part);
      if (p) out.push({ imported: p[1], local: p[2] ?? p[1], specifier: m[3] });
    }
  }
  return out;
}

/** Whether `specifier`, imported from `from`, names `target` (directly or through one barrel among `texts`). */
export function importsFile(from: string, specifier: string, target: string, name: string, texts: ReadonlyMap<string, string>): boolean {
  if (names(from, specifier, target)) return true;
  for (const [barrel, text] of texts) {
    if (barrel === target || !names(from, specifier, barrel)) continue;
    for (const m of text.matchAll(REEXPORT)) {
      if (m[1] !== undefined && !m[1].split(',').some((p) => p.trim().split(/\s+as\s+/)[1] === name || p.trim() === name)) continue;
      if (names(barrel, m[3], target)) return true;
    }
  }
  return false;
}

/** Whether the specifier names the file itself, or the folder whose index it is. */
function names(from: string, specifier: string, file: string): boolean {
  const stem = file.replace(EXTENSION, '');
  const candidates = [stem];
  if (/(?:^|\/)index$/.test(stem)) candidates.push(stem.replace(/\/?index$/, ''));
  const spec = specifier.replace(EXTENSION, '');
  if (spec.startsWith('.')) {
    const joined = normalize(join(dirname(from), spec)).replace(/\\/g, '/');
    return candidates.includes(joined);
  }
  const rest = spec.split('/').slice(1).join('/');
  if (!rest) return false;
  return candidates.some((c) => c === rest || c.endsWith(`/${rest}`));
}
