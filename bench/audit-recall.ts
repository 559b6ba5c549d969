/**
 * Audit recall against the TypeScript compiler (`npm run bench -- --only audit-recall`): on the
 * bundled example and on real applications from ../shared/realworld, each of a set of fields the
 * code uses is deleted from the schema in turn; the compiler (steward verify's type-check, with
 * the app's own tsconfig, against a Prisma Client generated from the changed schema) reports the
 * usage sites that break (errors the unchanged schema does not give), and the audit (no
 * type-checking) reports the sites it finds for that field. Recall = audit sites among the
 * compiler's / the compiler's sites; a site is a file and a line. The real applications need
 * their dependencies: they are installed here only (bench/realworld-install.ts), and an app is
 * skipped with a line saying why when the install fails.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { compareClaims } from '../src/audit/compare.js';
import { readAuditClaims } from '../src/audit/project.js';
import type { Schema } from '../src/schema/model.js';
import { parseSchema } from '../src/schema/parse.js';
import { generateClient } from '../src/verify/generate-client.js';
import { openTypecheckSession, type TypeErrorRecord } from '../src/verify/typecheck.js';
import { type Benchmark, repoRoot } from './measure.js';
import { compilerSiteKind } from './compiler-site-kind.js';
import { installedApp } from './realworld-install.js';

/** How many fields to delete per app (each needs a generated client and a whole-app type-check). */
const FIELDS = Number(process.env.STEWARD_BENCH_RECALL_FIELDS ?? 10);
const GOAL = 0.9;
/** Misses printed per app (with their source line). */
const SHOWN_MISSES = Number(process.env.STEWARD_BENCH_RECALL_MISSES ?? 5);

interface RecallTarget {
  /** What the report calls it. */
  label: string;
  /** Root of the code the audit reads and the compiler checks. */
  root: string;
  /** The master schema, relative to root. */
  schema: string;
  /** The app's tsconfig, relative to root. */
  tsconfig: string;
  /** The generator's output folder the app imports its client from, relative to root. */
  clientOutput: string;
}

interface RecallResult {
  fields: number;
  compiler: number;
  found: number;
  extra: number;
  /** The same, for the compiler's sites inside a Prisma Client call's arguments (bench/compiler-site-kind.ts). */
  inCalls: { compiler: number; found: number };
  misses: string[];
  /** Sites the audit reports and the compiler does not, with their source line (to check each is a real use). */
  extras: string[];
  perField: string[];
  ms: number;
}

/** Real applications measured: the two with the fewest dependencies that are single packages (no workspace install). */
const APPS: { app: string; sub: string; schema: string; tsconfig: string; clientOutput: string }[] = [
  { app: 'umami', sub: '.', schema: 'prisma/schema.prisma', tsconfig: 'tsconfig.json', clientOutput: 'src/generated/prisma' },
  { app: 'hoppscotch', sub: 'packages/hoppscotch-backend', schema: 'prisma/schema.prisma', tsconfig: 'tsconfig.json', clientOutput: 'src/generated/prisma' },
];

export const auditRecallBenchmark: Benchmark = {
  name: 'audit-recall',
  async run() {
    const lines: string[] = [];
    const goals: { goal: string; met: boolean }[] = [];
    const example = await measure({
      label: 'example (examples/messaging-api)',
      root: join(repoRoot, 'examples', 'messaging-api'),
      schema: 'api/prisma/schema.production.prisma',
      tsconfig: 'api/tsconfig.json',
      clientOutput: 'api/src/generated/prisma',
    });
    lines.push(...report('example (examples/messaging-api)', example));
    goals.push({ goal: `audit recall >= ${GOAL * 100}% of the compiler-reported usage sites on the example`, met: recall(example) >= GOAL });

    const realworld = process.env.STEWARD_REALWORLD ?? join(repoRoot, '..', 'shared', 'realworld');
    if (!existsSync(realworld)) {
      lines.push(`real applications: not measured (${realworld} is absent)`);
      return { name: 'audit-recall', lines, goals };
    }
    let appsAtGoal = 0;
    for (const spec of APPS) {
      const label = `${spec.app}${spec.sub === '.' ? '' : `/${spec.sub}`}`;
      const app = await installedApp(join(realworld, spec.app, spec.sub));
      if (!app.ok) {
        lines.push(`${label}: skipped, ${app.reason}`);
        continue;
      }
      try {
        const result = await measure({ label, root: app.dir, schema: spec.schema, tsconfig: spec.tsconfig, clientOutput: spec.clientOutput });
        lines.push(
          ...report(
            `${label} (dependencies ${app.installed === 'now' ? `installed in ${(app.installMs / 1000).toFixed(0)} s` : 'from the install cache'})`,
            result,
          ),
        );
        if (recall(result) >= GOAL) appsAtGoal++;
      } finally {
        app.remove();
      }
    }
    goals.push({ goal: `audit recall >= ${GOAL * 100}% on at least two real applications`, met: appsAtGoal >= 2 });
    return { name: 'audit-recall', lines, goals };
  },
};

function recall(r: RecallResult): number {
  return r.compiler === 0 ? 1 : r.found / r.compiler;
}

function report(label: string, r: RecallResult): string[] {
  return [
    `${label}: ${r.fields} fields deleted one at a time; audit found ${r.found} of the ${r.compiler} usage sites the compiler reports (recall ${(recall(r) * 100).toFixed(1)}%), plus ${r.extra} it does not; ${(r.ms / 1000).toFixed(0)} s`,
    `  inside Prisma Client calls written in place: ${r.inCalls.found} of ${r.inCalls.compiler} (${r.inCalls.compiler === 0 ? 'no such site' : `recall ${((r.inCalls.found / r.inCalls.compiler) * 100).toFixed(1)}%`}); elsewhere (fields read off results, records returned into application types, objects passed to helpers): ${r.found - r.inCalls.found} of ${r.compiler - r.inCalls.compiler}`,
    ...r.perField.map((l) => `  ${l}`),
    ...(r.misses.length
      ? [
          `  missed (first ${Math.min(SHOWN_MISSES, r.misses.length)} of ${r.misses.length}; STEWARD_BENCH_RECALL_MISSES=n shows more):`,
          ...r.misses.slice(0, SHOWN_MISSES).map((m) => `    ${m}`),
        ]
      : []),
    ...(r.extras.length
      ? [
          `  reported by the audit, not by the compiler (first ${Math.min(SHOWN_MISSES, r.extras.length)} of ${r.extras.length}):`,
          ...r.extras.slice(0, SHOWN_MISSES).map((m) => `    ${m}`),
        ]
      : []),
  ];
}

async function measure(target: RecallTarget): Promise<RecallResult> {
  const start = performance.now();
  const text = readFileSync(join(target.root, target.schema), 'utf8');
  const schema = parseSchema({ path: target.schema, text });
  const session = openTypecheckSession({
    tsconfig: join(target.root, target.tsconfig),
    clientOutputDir: join(target.root, target.clientOutput),
    importsPackage: false,
  });
  const key = (e: TypeErrorRecord) => `${relative(target.root, e.file)}:${e.line}:${e.code}:${e.message}`;
  const baseline = new Set(session.check({ name: 'baseline', client: await generateClient(text) }).map(key));
  const used = await usedFields(target.root, schema);
  const candidates = spread(
    deletableFields(schema, text).filter((f) => used.has(f)),
    FIELDS,
  );
  const result: RecallResult = {
    fields: candidates.length,
    compiler: 0,
    found: 0,
    extra: 0,
    inCalls: { compiler: 0, found: 0 },
    misses: [],
    extras: [],
    perField: [],
    ms: 0,
  };
  for (const qualified of candidates) {
    const [model, field] = qualified.split('.');
    const changed = withoutField(text, model, field);
    const errors = session.check({ name: qualified, client: await generateClient(changed) }).filter((e) => !baseline.has(key(e)));
    // A site is a file and a line; the first error on a line decides where it sits.
    const compilerSites = new Map<string, string>();
    for (const e of errors) {
      const site = `${relative(target.root, e.file)}:${e.line}`;
      const sourceFile = session.sourceFile(e.file);
      if (!compilerSites.has(site)) compilerSites.set(site, sourceFile ? compilerSiteKind(sourceFile, e.start) : 'other');
    }
    const compiler = new Set(compilerSites.keys());
    const audit = await auditSites(target.root, parseSchema({ path: target.schema, text: changed }), model, field);
    const found = [...compiler].filter((s) => audit.has(s));
    const extraSites = [...audit].filter((s) => !compiler.has(s));
    const extra = extraSites.length;
    for (const s of extraSites) result.extras.push(`${qualified} at ${s}: ${sourceLine(target.root, s)}`);
    for (const [s, kind] of compilerSites) {
      if (kind === 'call') result.inCalls.compiler++;
      if (kind === 'call' && audit.has(s)) result.inCalls.found++;
      if (!audit.has(s))
        result.misses.push(`${qualified} at ${s} (${kind === 'call' ? 'in a Prisma call' : 'outside Prisma calls'}): ${sourceLine(target.root, s)}`);
    }
    result.compiler += compiler.size;
    result.found += found.length;
    result.extra += extra;
    result.perField.push(
      `${qualified}: compiler ${compiler.size} site(s), audit found ${found.length}${extra ? `, and ${extra} the compiler does not report` : ''}`,
    );
  }
  result.ms = performance.now() - start;
  return result;
}

function sourceLine(root: string, site: string): string {
  const [file, line] = site.split(':');
  const text = readFileSync(join(root, file), 'utf8').split('\n')[Number(line) - 1] ?? '';
  return text.trim().slice(0, 100);
}

/** `count` items spread evenly over the list (deterministic: the same schema gives the same fields). */
function spread<T>(items: T[], count: number): T[] {
  if (items.length <= count) return items;
  return Array.from({ length: count }, (_, i) => items[Math.floor((i * items.length) / count)]);
}

/** `Model.field` of every scalar field some code claim names. */
async function usedFields(root: string, schema: Schema): Promise<Set<string>> {
  const { claims } = await readAuditClaims(root, schema, { docs: [] });
  return new Set(claims.filter((c) => c.kind === 'field' && c.source === 'code').map((c) => `${c.model}.${(c as { field: string }).field}`));
}

/** Scalar fields that can be deleted without touching an index, a relation or an id: the schema stays valid. */
function deletableFields(schema: Schema, text: string): string[] {
  const referenced = new Set<string>();
  for (const m of text.matchAll(/(?:@@(?:index|unique|id)\s*\(\s*\[|fields\s*:\s*\[)([^\]]*)\]/g))
    for (const name of m[1].split(',')) referenced.add(name.trim().replace(/\(.*$/, ''));
  const models = new Set(schema.models.map((m) => m.name));
  const enums = new Set(schema.enums.map((e) => e.name));
  const out: string[] = [];
  for (const model of schema.models) {
    for (const f of model.fields) {
      if (models.has(f.type.name) || referenced.has(f.name) || f.attributes.some((a) => a.name === 'id' || a.name === 'unique')) continue;
      if (!enums.has(f.type.name) && f.type.unsupported !== undefined) continue;
      out.push(`${model.name}.${f.name}`);
    }
  }
  return out;
}

function withoutField(text: string, model: string, field: string): string {
  const start = text.search(new RegExp(`^model ${model} \\{`, 'm'));
  const end = text.indexOf('\n}', start);
  const block = text.slice(start, end).replace(new RegExp(`^\\s*${field}\\s.*\\n`, 'm'), '');
  return text.slice(0, start) + block + text.slice(end);
}

/** The code sites (file:line) the audit reports for `model.field` once the field is gone. */
async function auditSites(root: string, schema: Schema, model: string, field: string): Promise<Set<string>> {
  const { claims } = await readAuditClaims(root, schema, { docs: [] });
  const findings = compareClaims(schema, claims, { environments: [], severity: { undocumented: 'off' } });
  const sites = new Set<string>();
  for (const f of findings) {
    if (f.model !== model || f.field !== field) continue;
    for (const l of f.locations) sites.add(`${l.file}:${l.line}`);
  }
  return sites;
}
