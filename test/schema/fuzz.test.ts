/**
 * Fuzz (issue 12): seeded mutants of the corpus schemas through parse, Prisma's validation of the
 * master, lint and generation (in memory, as `steward generate` runs them). Every outcome is
 * either success or a StewardError with a code that is not INTERNAL and a file:line location;
 * every lint finding is located; each input finishes within a time bound.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ResolvedConfig, ResolvedEnvironment } from '../../src/config/types.js';
import { isStewardError } from '../../src/errors/index.js';
import { type Provider, normalizeProvider } from '../../src/generate/capabilities.js';
import { generateEnvironments } from '../../src/generate/generate.js';
import { rejectionError } from '../../src/generate/rejected.js';
import { resolveLintConfig } from '../../src/lint/config.js';
import { lintSchema } from '../../src/lint/engine.js';
import type { PrismaMajor } from '../../src/prisma/major.js';
import { validateMasterFiles } from '../../src/project/master.js';
import type { SourceFile } from '../../src/schema/model.js';
import { parseSchema } from '../../src/schema/parse.js';
import { datasourceProvider } from '../../src/schema/query.js';
import { assertCorpusPresent, corpusSkip } from '../helpers/corpus.js';
import { corpusMutants } from '../helpers/mutants.js';

const SEED = Number(process.env.STEWARD_FUZZ_SEED ?? 12);
const COUNT = Number(process.env.STEWARD_FUZZ_COUNT ?? 400);
/** Per input; a healthy run takes tens of milliseconds (the machine is shared, hence the margin). */
const BOUND_MS = 5_000;

const lintConfig = resolveLintConfig();

function environments(_files: SourceFile[], provider: string | undefined, major: PrismaMajor): ResolvedEnvironment[] {
  const env = (name: string, p: Provider): ResolvedEnvironment => ({
    name,
    provider: p,
    output: `/fuzz/prisma/schema.${name}.prisma`,
    isMaster: false,
    urlEnv: 'DATABASE_URL',
    prismaConfigPath: major >= 7 ? `/fuzz/prisma.${name}.config.ts` : undefined,
    migrationsDir: `/fuzz/prisma/migrations/${name}`,
    prismaMajor: major,
  });
  if (provider === 'mongodb') return [env('dev', 'mongodb'), env('production', 'mongodb')];
  const production = (['postgresql', 'mysql', 'sqlserver', 'cockroachdb', 'sqlite'] as const).find((p) => p === provider) ?? 'postgresql';
  return [env('dev', 'sqlite'), env('production', production)];
}

type Outcome = 'generated' | `refused ${string}`;

/** What `steward generate` and `steward lint` do with a master, in memory. */
function pipeline(files: SourceFile[]): Outcome {
  const schema = parseSchema(files);
  if (schema.blocks.length === 0) return 'refused empty';
  const major: PrismaMajor = /^\s*url\s*=/m.test(files.map((f) => f.text).join('\n')) ? 6 : 7;
  validateMasterFiles(files, major);
  const envs = environments(files, normalizeProvider(datasourceProvider(schema)), major);
  for (const d of lintSchema(schema, lintConfig, { environments: envs })) {
    assert.ok(d.location?.file && d.location.line >= 1, `lint finding without a location: ${d.code} ${d.message}`);
  }
  const config: Pick<ResolvedConfig, 'environments' | 'master' | 'cwd'> = { environments: envs, master: '/fuzz/prisma/schema.master.prisma', cwd: '/fuzz' };
  const generated = generateEnvironments(schema, config);
  const broken = generated.filter((e) => e.validation.some((d) => d.severity === 'error'));
  if (broken.length > 0) throw rejectionError(schema, broken);
  return 'generated';
}

describe('fuzz: corpus mutants through parse, validate, lint and generate', { skip: corpusSkip() }, () => {
  it(`${COUNT} mutants (seed ${SEED}): no crash, no unlocated error, ${BOUND_MS} ms each at most`, (t) => {
    assertCorpusPresent();
    const mutants = corpusMutants(COUNT, SEED);
    assert.equal(mutants.length, COUNT);
    const outcomes = new Map<string, number>();
    const failures: string[] = [];
    let slowest = { ms: 0, name: '' };
    const started = performance.now();
    for (const mutant of mutants) {
      const begin = performance.now();
      let outcome: string;
      try {
        outcome = pipeline(mutant.files);
      } catch (error) {
        if (!isStewardError(error)) {
          failures.push(`${mutant.name}: crash ${error instanceof Error ? error.stack : String(error)}`);
          continue;
        }
        if (error.code === 'INTERNAL') failures.push(`${mutant.name}: INTERNAL ${error.message} ${error.details.join(' | ')}`);
        else if (!error.location?.file || !(error.location.line! >= 1)) failures.push(`${mutant.name}: ${error.code} without file:line: ${error.message}`);
        outcome = `refused ${error.code}`;
      }
      const ms = performance.now() - begin;
      if (ms > slowest.ms) slowest = { ms, name: mutant.name };
      if (ms > BOUND_MS) failures.push(`${mutant.name}: ${ms.toFixed(0)} ms`);
      outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
    }
    t.diagnostic(
      `${COUNT} mutants in ${((performance.now() - started) / 1000).toFixed(1)} s; slowest ${slowest.ms.toFixed(0)} ms (${slowest.name.split(':')[0]})`,
    );
    t.diagnostic(
      [...outcomes]
        .sort()
        .map(([k, v]) => `${k}: ${v}`)
        .join(', '),
    );
    assert.deepEqual(failures, []);
    // Not vacuous: many mutants get through to generation, and many are refused.
    assert.ok((outcomes.get('generated') ?? 0) >= COUNT / 10, 'too few mutants reach generation');
    assert.ok((outcomes.get('refused SCHEMA_SYNTAX') ?? 0) >= COUNT / 10, 'too few syntax errors');
  });
});
