/**
 * Long real migration histories for benchmarks. The seven real applications in
 * ../shared/realworld have at most 192 migrations each; a monorepo of several of them has more.
 * So their histories are combined into one: every migration kept as its team wrote it, except
 * that the names of the app's database objects (tables, enums, indexes, constraints, sequences,
 * views) get a short per-app prefix (`dc_User`, `gf_User`), so the apps share PostgreSQL's
 * `public` schema without clashing, and the migrations interleave by their timestamps as they
 * would in one repository. The first N migrations of that timeline are a history of N.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { migrationScripts, readMigrationsList, type MigrationScript } from '../src/engine/migrations-list.js';
import { REALWORLD_APPS } from '../test/helpers/realworld.js';

/** Each app's object prefix; the apps and their migrations folders are the tests' list (test/helpers/realworld.ts). */
const PREFIXES: Record<string, string> = {
  documenso: 'dc_',
  formbricks: 'fb_',
  ghostfolio: 'gf_',
  hoppscotch: 'hs_',
  papermark: 'pm_',
  rallly: 'ra_',
  umami: 'um_',
};
const APPS = REALWORLD_APPS.map(({ name, migrations }) => ({ app: name, migrations, prefix: PREFIXES[name] }));

/** A quoted or bare identifier, optionally schema-qualified, after these keywords names a database object. */
const DEFINING = [
  /\bCREATE\s+(?:OR\s+REPLACE\s+)?(?:TABLE|TYPE|VIEW|MATERIALIZED\s+VIEW|SEQUENCE)\s+(?:IF\s+NOT\s+EXISTS\s+)?(?:"?public"?\.)?(?:"([^"]+)"|([a-z_][a-z0-9_]*))/gi,
  /\bCREATE\s+(?:UNIQUE\s+)?INDEX\s+(?:CONCURRENTLY\s+)?(?:IF\s+NOT\s+EXISTS\s+)?"([^"]+)"/gi,
  /\bCONSTRAINT\s+"([^"]+)"/gi,
  /\bRENAME\s+(?:CONSTRAINT\s+"[^"]+"\s+)?TO\s+"([^"]+)"/gi,
];

/** The names of the objects an app's history creates or renames to. */
function objectNames(scripts: readonly MigrationScript[]): Set<string> {
  const names = new Set<string>();
  for (const { script } of scripts) {
    for (const pattern of DEFINING) for (const match of script.matchAll(pattern)) names.add(match[1] ?? match[2]);
  }
  // Sequences PostgreSQL names after a table's serial column (`<table>_<column>_seq`).
  for (const { script } of scripts) {
    for (const match of script.matchAll(/"([^"]+_seq)"/g)) {
      if ([...names].some((name) => match[1].startsWith(`${name}_`))) names.add(match[1]);
    }
  }
  return names;
}

/** Every identifier that names one of the app's objects gets the prefix; comments are left alone. */
function prefixObjects(script: string, names: ReadonlySet<string>, prefix: string): string {
  let out = '';
  for (let i = 0; i < script.length; ) {
    const char = script[i];
    if (char === '-' && script[i + 1] === '-') {
      const end = script.indexOf('\n', i);
      const stop = end === -1 ? script.length : end;
      out += script.slice(i, stop);
      i = stop;
    } else if (char === "'") {
      let j = i + 1;
      while (j < script.length && !(script[j] === "'" && script[j + 1] !== "'")) j += script[j] === "'" ? 2 : 1;
      // Dynamic SQL (`EXECUTE 'ALTER INDEX "a" RENAME TO "b"'`) names objects inside strings.
      // and catalog look-ups name indexes and constraints as strings (`WHERE indexname = 'X_idx'`).
      const literal = script.slice(i + 1, j);
      out +=
        names.has(literal) && /_(idx|key|pkey|fkey|seq)$/.test(literal)
          ? `'${prefix}${literal}'`
          : script.slice(i, j + 1).replace(/"([^"']+)"/g, (quoted, name: string) => (names.has(name) ? `"${prefix}${name}"` : quoted));
      i = j + 1;
    } else if (char === '"') {
      const end = script.indexOf('"', i + 1);
      const name = script.slice(i + 1, end);
      out += names.has(name) ? `"${prefix}${name}"` : `"${name}"`;
      i = end + 1;
    } else if (/[A-Za-z_]/.test(char) && !/[\w$]/.test(script[i - 1] ?? ' ')) {
      // A bare table name in hand-written SQL (`INSERT INTO votes ...`): PostgreSQL folds it to lower case.
      const word = /^[A-Za-z_][\w$]*/.exec(script.slice(i, i + 64))![0];
      // Not a column of a qualified name (`p.votes`) nor an alias (`v.type AS vote_type`), which may share an object's name.
      const column = script[i - 1] === '.' && !/public\.$/i.test(script.slice(Math.max(0, i - 7), i));
      const alias = /\bAS\s+$/i.test(script.slice(Math.max(0, i - 8), i));
      out += !column && !alias && names.has(word.toLowerCase()) ? `${prefix}${word}` : word;
      i += word.length;
    } else {
      out += char;
      i++;
    }
  }
  return out;
}

/** The migration's timestamp as 14 digits (papermark has some of 12; umami numbers its 19 and gets one a quarter from 2023 on). */
function timestamp(app: string, name: string): string {
  const digits = /^(\d+)_/.exec(name)?.[1] ?? '0';
  if (app === 'umami') {
    const n = Number(digits);
    return `${2023 + Math.floor(n / 4)}${String(1 + (n % 4) * 3).padStart(2, '0')}01000000`;
  }
  return digits.padEnd(14, '0');
}

export interface CombinedMigration extends MigrationScript {
  app: string;
}

/** The whole combined timeline (743 migrations with every app), oldest first. */
export async function combinedTimeline(realworld: string): Promise<CombinedMigration[]> {
  const all: (CombinedMigration & { at: string })[] = [];
  for (const { app, migrations, prefix } of APPS) {
    const scripts = migrationScripts(await readMigrationsList(join(realworld, app, migrations)));
    const names = objectNames(scripts);
    for (const { name, script } of scripts) {
      const at = timestamp(app, name);
      all.push({ app, at, name: `${at}_${prefix}${name.replace(/^\d+_/, '')}`, script: prefixObjects(script, names, prefix) });
    }
  }
  all.sort((a, b) => a.at.localeCompare(b.at) || a.name.localeCompare(b.name));
  return all.map(({ app, name, script }) => ({ app, name, script }));
}

/** Writes a history as Prisma lays it out: one folder per migration with its migration.sql, and the lock file. */
export function writeHistory(dir: string, migrations: readonly MigrationScript[]): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'migration_lock.toml'), '# Please do not edit this file manually\nprovider = "postgresql"\n');
  for (const { name, script } of migrations) {
    mkdirSync(join(dir, name));
    writeFileSync(join(dir, name, 'migration.sql'), script);
  }
}
