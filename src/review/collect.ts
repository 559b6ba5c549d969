import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { ResolvedConfig } from '../config/types.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { buildErGraph, type ErGraph } from '../diagram/er-graph.js';
import { diffProject, type ProjectDiff } from '../diff/project.js';
import { projectUsageScanner } from '../audit/usage-scanner.js';
import { docsProject } from '../docs/project.js';
import { generateProject, staleDiagnostics } from '../project/environments.js';
import { lintProject } from '../project/lint.js';
import { loadMaster } from '../project/master.js';
import { auditDiagnostics, auditProject } from '../audit/project.js';
import { NO_PROGRESS, type Progress } from '../progress/progress.js';
import type { Availability } from '../status/types.js';
import { checkoutBase } from './base-checkout.js';
import { newFindings } from './new-findings.js';
import { touchedGraph } from './touched-diagram.js';
import { DOWN_SCRIPT_FILE } from '../migrate/layout.js';

export interface EnvironmentMigration {
  env: string;
  provider: string;
  /** `change`: migration folders the change adds; `computed`: none added, the SQL the engine computes from base to head. */
  source: 'change' | 'computed';
  scripts: { name: string; sql: string }[];
  /** `steward migrate create` would refuse (an unsettled probable rename) or cannot plan: see the safety findings. */
  refused?: boolean;
}

/** Everything a pull-request review comment shows. Built by collectReview, rendered by renderReviewMarkdown. */
export interface ReviewData {
  /** `note`: why the base's findings are unknown (then every finding at the head is listed). */
  base: { ref: string; commit: string; note?: string };
  head: string;
  diff: Pick<ProjectDiff, 'changes' | 'migrations'>;
  migrations: Availability<EnvironmentMigration[]>;
  /** Migration lint (safety) of the migrations added since the base. */
  safety: Availability<Diagnostic[]>;
  newLint: Availability<Diagnostic[]>;
  newAudit: Availability<Diagnostic[]>;
  /** Generated environment files and docs sections that need regenerating at the head. */
  regenerate: Diagnostic[];
  /** The touched models (fields marked added, removed, changed). */
  diagram: ErGraph;
}

export interface ReviewOptions {
  base: string;
  /** Loads the configuration of the base's copy of the project. */
  loadConfig: (cwd: string) => Promise<ResolvedConfig>;
  progress?: Progress;
}

/** Compares the working tree (the pull request's head) with the base ref. */
export async function collectReview(head: ResolvedConfig, options: ReviewOptions): Promise<ReviewData> {
  const progress = options.progress ?? NO_PROGRESS;
  const task = progress.start('review', 6);
  const checkout = checkoutBase(head.cwd, options.base);
  try {
    task.tick(1, 'diff');
    const diff = await diffProject(head, { from: options.base, usages: projectUsageScanner(head) });
    let base: ResolvedConfig | undefined;
    let baseProblem: string | undefined;
    if (checkout.exists) {
      try {
        base = await options.loadConfig(checkout.cwd);
      } catch (error) {
        baseProblem = `the base's configuration does not load: ${(error as Error).message}`;
      }
    } else baseProblem = 'the project did not exist at the base';

    task.tick(1, 'migrations');
    const planned = await settle(() => environmentMigrations(head, diff));
    const migrations: Availability<EnvironmentMigration[]> = planned.available ? { available: true, value: planned.value.migrations } : planned;
    task.tick(1, 'migration safety');
    const safety = await settle(async () => {
      const { lintMigrationHistories } = await import('../migrate/lint-history.js');
      const committed = await lintMigrationHistories(head, { since: options.base });
      return [...committed, ...(planned.available ? planned.value.findings : [])];
    });
    task.tick(1, 'lint');
    const headLint = await settle(async () => (await lintProject(head)).diagnostics);
    const baseLint = base ? await settle(async () => (await lintProject(base)).diagnostics) : undefined;
    const newLint = compare(headLint, baseLint);
    task.tick(1, 'audit');
    const headAudit = await settle(async () => auditDiagnostics(await auditProject(head)));
    const baseAudit = base ? await settle(async () => auditDiagnostics(await auditProject(base))) : undefined;
    const newAudit = compare(headAudit, baseAudit);
    task.tick(1, 'docs');
    const generated = await generateProject(head, { check: true, trustHeaders: true });
    const regenerate = [...staleDiagnostics(generated.stale), ...docsProject(head).diagnostics.filter((d) => d.severity !== 'info')];
    const headGraph = buildErGraph(loadMaster(head, { validate: false }).schema);
    const baseGraph = buildErGraph(diff.from.schema);
    return {
      base: { ref: options.base, commit: checkout.commit, note: baseProblem },
      head: 'working tree',
      diff: { changes: diff.changes, migrations: diff.migrations.map((m) => ({ ...m, path: relative(head.cwd, m.path) || m.path })) },
      migrations,
      safety,
      newLint,
      newAudit,
      regenerate,
      diagram: touchedGraph(baseGraph, headGraph, diff.changes),
    };
  } finally {
    task.done();
    checkout.dispose();
  }
}

function compare(head: Availability<Diagnostic[]>, base: Availability<Diagnostic[]> | undefined): Availability<Diagnostic[]> {
  if (!head.available) return head;
  if (!base) return head;
  if (!base.available) return { available: false, reason: `not compared: at the base, ${base.reason}` };
  return { available: true, value: newFindings(base.value, head.value) };
}

async function settle<T>(fn: () => Promise<T>): Promise<Availability<T>> {
  try {
    return { available: true, value: await fn() };
  } catch (error) {
    return { available: false, reason: (error as Error).message };
  }
}

/**
 * Per environment: the migration folders the change adds (their SQL as committed), or, when it
 * adds none, the migration `steward migrate create` would write now (a dry run: the history
 * replayed on a scratch database, renames planned, nothing written), with its safety findings.
 */
async function environmentMigrations(head: ResolvedConfig, diff: ProjectDiff): Promise<{ migrations: EnvironmentMigration[]; findings: Diagnostic[] }> {
  const { createMigrations } = await import('../migrate/create-migrations.js');
  const planned = await createMigrations(head, { name: 'review', dryRun: true });
  const migrations: EnvironmentMigration[] = [];
  const findings: Diagnostic[] = [];
  // The dry run's folder name carries today's timestamp: findings name it as what it is. The
  // rollback's findings (down.sql drops what the change adds, by design) are not the review's.
  const unnamed = (diagnostics: Diagnostic[], folder: string) =>
    diagnostics
      .filter((d) => !d.location?.file.endsWith(DOWN_SCRIPT_FILE))
      .map((d) => ({
        ...d,
        message: d.message.split(folder).join('(not created yet)'),
        location: d.location && { ...d.location, file: d.location.file.split(folder).join('(not created yet)') },
      }));
  for (const p of planned) {
    const added = diff.migrations.filter((m) => m.env === p.env);
    if (added.length > 0) {
      const scripts = added.map((m) => {
        const file = join(m.path, 'migration.sql');
        return { name: m.name, sql: existsSync(file) ? readFileSync(file, 'utf8') : '' };
      });
      migrations.push({ env: p.env, provider: p.provider, source: 'change', scripts });
      if (p.script.trim() !== '') {
        migrations.push({ env: p.env, provider: p.provider, source: 'computed', scripts: [{ name: 'still missing', sql: p.script }] });
        findings.push(...unnamed(p.diagnostics, p.directoryName));
      }
      continue;
    }
    migrations.push({
      env: p.env,
      provider: p.provider,
      source: 'computed',
      scripts: p.script.trim() === '' ? [] : [{ name: 'not created yet', sql: p.script }],
      refused: p.refused || p.blocked,
    });
    findings.push(...unnamed(p.diagnostics, p.directoryName));
  }
  return { migrations, findings };
}
