/**
 * Audit recall against the TypeScript compiler (`npm run bench -- --only audit-recall`): on the
 * bundled example, each of a set of fields the code uses is deleted from the schema in turn; the
 * compiler (steward verify's type-check, against a Prisma Client generated from the changed
 * schema) reports the usage sites that break, and the audit (no type-checking) reports the sites
 * it finds. Recall = audit sites among the compiler's / the compiler's sites, by file and line.
 * The real applications in ../shared/realworld are not measured: type-checking them needs their
 * dependencies installed (hundreds of packages each), which this offline machine cannot do.
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { compareClaims } from '../src/audit/compare.js';
import { readAuditClaims } from '../src/audit/project.js';
import type { Schema } from '../src/schema/model.js';
import { parseSchema } from '../src/schema/parse.js';
import { generateClient } from '../src/verify/generate-client.js';
import { openTypecheckSession, type TypeErrorRecord } from '../src/verify/typecheck.js';
import { type Benchmark, repoRoot } from './measure.js';

const EXAMPLE = join(repoRoot, 'examples', 'messaging-api');
const SCHEMA = join(EXAMPLE, 'api', 'prisma', 'schema.production.prisma');
/** How many fields to delete (each needs a generated client: a few seconds each, cached after the first run). */
const FIELDS = 10;

export const auditRecallBenchmark: Benchmark = {
  name: 'audit-recall',
  async run() {
    const text = readFileSync(SCHEMA, 'utf8');
    const schema = parseSchema({ path: relative(EXAMPLE, SCHEMA), text });
    const session = openTypecheckSession({ tsconfig: join(EXAMPLE, 'api', 'tsconfig.json'), clientOutputDir: join(EXAMPLE, 'api', 'src', 'generated', 'prisma'), importsPackage: false });
    const key = (e: TypeErrorRecord) => `${relative(EXAMPLE, e.file)}:${e.line}:${e.code}:${e.message}`;
    const baseline = new Set(session.check({ name: 'baseline', client: await generateClient(text) }).map(key));
    const used = await usedFields(schema);
    const candidates = deletableFields(schema, text).filter((f) => used.has(f)).slice(0, FIELDS);
    const lines: string[] = [];
    let compilerTotal = 0;
    let foundTotal = 0;
    let extraTotal = 0;
    for (const qualified of candidates) {
      const [model, field] = qualified.split('.');
      const changed = withoutField(text, model, field);
      const errors = session.check({ name: qualified, client: await generateClient(changed) }).filter((e) => !baseline.has(key(e)));
      const compiler = new Set(errors.map((e) => `${relative(EXAMPLE, e.file)}:${e.line}`));
      const audit = await auditSites(parseSchema({ path: relative(EXAMPLE, SCHEMA), text: changed }), model, field);
      const found = [...compiler].filter((s) => audit.has(s)).length;
      const extra = [...audit].filter((s) => !compiler.has(s)).length;
      compilerTotal += compiler.size;
      foundTotal += found;
      extraTotal += extra;
      lines.push(`  ${qualified}: compiler ${compiler.size} site(s), audit found ${found}${extra ? `, and ${extra} the compiler does not report` : ''}`);
    }
    const recall = compilerTotal === 0 ? 1 : foundTotal / compilerTotal;
    return {
      name: 'audit-recall',
      lines: [
        `example (examples/messaging-api): ${candidates.length} fields deleted one at a time; audit found ${foundTotal} of the ${compilerTotal} usage sites the compiler reports (recall ${(recall * 100).toFixed(1)}%), plus ${extraTotal} it does not`,
        ...lines,
        'real applications: not measured (type-checking them needs their dependencies installed; offline here)',
      ],
      goals: [{ goal: 'audit recall >= 90% of the compiler-reported usage sites on the example', met: recall >= 0.9 }],
    };
  },
};

/** `Model.field` of every scalar field some code claim names. */
async function usedFields(schema: Schema): Promise<Set<string>> {
  const { claims } = await readAuditClaims(EXAMPLE, schema, { docs: [] });
  return new Set(claims.filter((c) => c.kind === 'field' && c.source === 'code').map((c) => `${c.model}.${(c as { field: string }).field}`));
}

/** Scalar fields that can be deleted without touching an index, a relation or an id: the schema stays valid. */
function deletableFields(schema: Schema, text: string): string[] {
  const referenced = new Set<string>();
  for (const m of text.matchAll(/(?:@@(?:index|unique|id)\s*\(\s*\[|fields\s*:\s*\[)([^\]]*)\]/g)) for (const name of m[1].split(',')) referenced.add(name.trim().replace(/\(.*$/, ''));
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
async function auditSites(schema: Schema, model: string, field: string): Promise<Set<string>> {
  const { claims } = await readAuditClaims(EXAMPLE, schema, { docs: [] });
  const findings = compareClaims(schema, claims, { environments: [], severity: { undocumented: 'off' } });
  const sites = new Set<string>();
  for (const f of findings) {
    if (f.model !== model || f.field !== field) continue;
    for (const l of f.locations) sites.add(`${l.file}:${l.line}`);
  }
  return sites;
}
