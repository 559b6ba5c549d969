/**
 * What `steward verify` found, as Diagnostics (for every reporter and for `steward check`),
 * as a models x environments table (text, markdown) and as JSON.
 */
import path from 'node:path';
import type { Diagnostic, DiagnosticFields } from '../diagnostics/diagnostic.js';
import type { Style } from '../diagnostics/style.js';
import { VERIFY_CODES, type VerifyCode } from './codes.js';
import type { EnvironmentCrudResult } from './crud-environment.js';
import type { ModelCrudResult } from './crud-run.js';
import type { VerifyReport } from './verify.js';

function diagnostic(code: VerifyCode, message: string, rest: Partial<DiagnosticFields> = {}): Diagnostic {
  return { source: 'verify', code, severity: VERIFY_CODES[code], message, ...rest };
}

export interface DiagnosticOptions {
  /** Include type errors that exist without steward (info). Default false: they are counted, not listed. */
  codeErrors?: boolean;
}

export function verifyDiagnostics(report: VerifyReport, cwd: string, options: DiagnosticOptions = {}): Diagnostic[] {
  const diagnostics: Diagnostic[] = [...report.engineNotes];
  const typecheck = report.typecheck;
  if (typecheck?.skipped) diagnostics.push(diagnostic('typecheck-skipped', `type-check skipped: ${typecheck.skipped}`));
  for (const finding of typecheck?.findings ?? []) {
    if (finding.kind === 'code' && !options.codeErrors) continue;
    const subject = finding.model ? ` (${finding.model}${finding.field ? `.${finding.field}` : ''})` : '';
    const envs = finding.envs.join(', ');
    const message =
      finding.kind === 'environment'
        ? `type error with the ${envs} client${finding.envs.length > 1 ? 's' : ''} only${subject}: ${finding.message}`
        : `type error that exists without steward${subject}: ${finding.message}`;
    diagnostics.push(
      diagnostic(finding.kind === 'environment' ? 'env-type-error' : 'code-type-error', message, {
        location: { file: path.relative(cwd, finding.file) || finding.file, line: finding.line, column: finding.column },
        env: finding.kind === 'environment' && finding.envs.length === 1 ? finding.envs[0] : undefined,
        model: finding.model,
        field: finding.field,
        notes: [
          ...finding.fullMessage
            .split('\n')
            .slice(1, 4)
            .map((l) => l.trim()),
          ...(finding.kind === 'environment' ? [`affects: ${envs}; passes with the master's client`] : []),
        ],
        data: { tsCode: finding.tsCode, envs: finding.envs, kind: finding.kind },
      }),
    );
  }
  for (const env of report.crud ?? []) {
    if (env.unsupported) diagnostics.push(diagnostic('crud-skipped', `[${env.env}] ${env.unsupported}`, { env: env.env }));
    if (env.setupError) {
      diagnostics.push(
        diagnostic(
          'crud-setup-failed',
          `[${env.env}] could not prepare the scratch database (${env.setupError.migration ? `applying migration ${env.setupError.migration}` : env.setup === 'migrations' ? 'applying the migration history' : 'pushing the schema'}): ${env.setupError.message}`,
          {
            env: env.env,
            location: env.setupError.file ? { file: path.relative(cwd, env.setupError.file) || env.setupError.file, line: 1, column: 1 } : undefined,
            notes: env.setupError.hint ? [`cause: ${env.setupError.hint}`] : undefined,
            data: {
              prismaCode: env.setupError.prismaCode ?? null,
              database: env.database,
              hint: env.setupError.hint ?? null,
              migration: env.setupError.migration ?? null,
            },
          },
        ),
      );
    }
    for (const model of env.models) {
      if (model.status === 'failed') {
        diagnostics.push(
          diagnostic(
            'crud-failed',
            `[${env.env}] ${model.model}: ${operationLabel(model)} failed${model.prismaCode ? ` (${model.prismaCode})` : ''}: ${model.message ?? ''}`,
            {
              env: env.env,
              model: model.model,
              data: { operation: model.operation, selector: model.selector ?? null, prismaCode: model.prismaCode ?? null, passed: model.passed },
            },
          ),
        );
      } else if (model.status === 'skipped') {
        diagnostics.push(
          diagnostic('crud-skipped', `[${env.env}] ${model.model}: not tested: ${model.message ?? ''}`, {
            env: env.env,
            model: model.model,
            data: { blockedBy: model.blockedBy ?? null },
          }),
        );
      }
    }
  }
  return diagnostics;
}

function operationLabel(model: ModelCrudResult): string {
  return model.operation === 'read-by-unique' && model.selector ? `read by unique ${model.selector}` : (model.operation ?? 'test').replace(/-/g, ' ');
}

function cell(model: ModelCrudResult | undefined): string {
  if (!model) return '-';
  if (model.status === 'passed') return 'passed';
  if (model.status === 'skipped') return 'skipped';
  return `FAILED: ${operationLabel(model)}${model.prismaCode ? ` (${model.prismaCode})` : ''}`;
}

function crudRows(crud: readonly EnvironmentCrudResult[]): { header: string[]; rows: string[][] } {
  const header = ['Model', ...crud.map((e) => `${e.env} (${e.database}${e.setup ? `, ${e.setup}` : ''})`)];
  const names: string[] = [];
  for (const env of crud) for (const m of env.models) if (!names.includes(m.model)) names.push(m.model);
  const rows = names.map((name) => [
    name,
    ...crud.map((e) => (e.unsupported ? 'not run' : e.setupError ? 'setup failed' : cell(e.models.find((m) => m.model === name)))),
  ]);
  return { header, rows };
}

export function summaryLines(report: VerifyReport): string[] {
  const lines: string[] = [];
  const typecheck = report.typecheck;
  if (typecheck && !typecheck.skipped) {
    const env = typecheck.findings.filter((f) => f.kind === 'environment');
    const code = typecheck.findings.filter((f) => f.kind === 'code');
    const perEnv = report.environments.map((e) => `${e.name}: ${env.filter((f) => f.envs.includes(e.name)).length}`).join(', ');
    lines.push(
      `Type-check (${typecheck.tsconfig}) against ${report.environments.map((e) => e.name).join(', ')}${typecheck.baseline === 'master' ? ' and master' : ''} clients: ` +
        `${env.length} error${env.length === 1 ? '' : 's'} caused by an environment (${perEnv}); ` +
        `${code.length} that exist${code.length === 1 ? 's' : ''} without steward (not listed; --format json lists them).`,
    );
  }
  for (const env of report.crud ?? []) {
    const passed = env.models.filter((m) => m.status === 'passed').length;
    const failed = env.models.filter((m) => m.status === 'failed').length;
    const skipped = env.models.filter((m) => m.status === 'skipped').length;
    lines.push(
      env.unsupported
        ? `CRUD ${env.env}: not run (${env.database})`
        : env.setupError
          ? `CRUD ${env.env}: scratch database setup failed`
          : `CRUD ${env.env}: ${passed}/${env.models.length} models passed${failed ? `, ${failed} failed` : ''}${skipped ? `, ${skipped} skipped` : ''}`,
    );
  }
  return lines;
}

export function renderVerifyText(report: VerifyReport, style: Style, cwd: string): string {
  const out: string[] = [];
  if (report.crud && report.crud.length > 0) {
    const { header, rows } = crudRows(report.crud);
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
    const line = (cells: string[]) =>
      cells
        .map((c, i) => c.padEnd(widths[i]))
        .join('  ')
        .trimEnd();
    out.push(style.bold(line(header)));
    for (const row of rows) {
      out.push(
        line(row)
          .replace(/\bpassed\b/g, style.green('passed'))
          .replace(/FAILED:[^ ]*( [a-z]+)*( \(P\d+\))?/g, (m) => style.red(m))
          .replace(/\bskipped\b/g, style.yellow('skipped')),
      );
    }
    out.push('');
  }
  const typecheck = report.typecheck;
  const lines = summaryLines(report).map((l) =>
    typecheck?.tsconfig ? l.replace(typecheck.tsconfig, path.relative(cwd, typecheck.tsconfig) || typecheck.tsconfig) : l,
  );
  out.push(...lines, '');
  return out.join('\n');
}

export function renderVerifyMarkdown(report: VerifyReport, cwd: string): string {
  const out: string[] = ['## steward verify', ''];
  const typecheck = report.typecheck;
  out.push(...summaryLines(report).map((l) => `- ${typecheck?.tsconfig ? l.replace(typecheck.tsconfig, path.relative(cwd, typecheck.tsconfig)) : l}`), '');
  const envErrors = typecheck?.findings.filter((f) => f.kind === 'environment') ?? [];
  if (envErrors.length > 0) {
    out.push('### Type errors caused by an environment', '', '| Location | Environments | Model.field | Error |', '| --- | --- | --- | --- |');
    for (const f of envErrors) {
      const subject = f.model ? `${f.model}${f.field ? `.${f.field}` : ''}` : '';
      out.push(`| \`${path.relative(cwd, f.file)}:${f.line}:${f.column}\` | ${f.envs.join(', ')} | ${subject} | TS${f.tsCode}: ${escapeCell(f.message)} |`);
    }
    out.push('');
  }
  if (report.crud && report.crud.length > 0) {
    const { header, rows } = crudRows(report.crud);
    out.push('### CRUD smoke tests', '', `| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`);
    for (const row of rows) out.push(`| ${row.map(escapeCell).join(' | ')} |`);
    out.push('');
    const failures = report.crud.flatMap((e) =>
      e.models
        .filter((m) => m.status !== 'passed')
        .map((m) => `- **${e.env}** ${m.model}: ${m.status === 'failed' ? `${operationLabel(m)} failed: ` : 'not tested: '}${escapeCell(m.message ?? '')}`),
    );
    if (failures.length > 0) out.push(...failures, '');
  }
  return out.join('\n');
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** The `data` of `steward verify --format json`'s envelope; its `diagnostics` are `verifyDiagnostics(report, cwd, { codeErrors: true })`. */
export function verifyJsonData(report: VerifyReport, cwd: string): Record<string, unknown> {
  const rel = (file: string) => path.relative(cwd, file) || file;
  return {
    environments: report.environments,
    typecheck: report.typecheck && {
      ...report.typecheck,
      tsconfig: report.typecheck.tsconfig && rel(report.typecheck.tsconfig),
      findings: report.typecheck.findings.map(({ fullMessage: _full, start: _start, ...f }) => ({ ...f, file: rel(f.file) })),
    },
    crud: report.crud,
    timings: report.timings,
  };
}
