import { existsSync, readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import type { ResolvedConfig } from '../config/types.js';
import { changelogPath } from '../diff/project.js';
import { resolveChangesConfig } from '../diff/config.js';
import { parseChangelog } from '../changelog/document.js';
import { buildErGraph } from '../diagram/er-graph.js';
import { renderErSvg } from '../diagram/svg.js';
import { docsProject } from '../docs/project.js';
import { changeDiagnostics, generateProject, staleDiagnostics } from '../project/environments.js';
import { loadMaster } from '../project/master.js';
import { validateProject } from '../project/validate.js';
import { NO_PROGRESS, type Progress } from '../progress/progress.js';
import { collectStatus } from '../status/collect.js';
import { lintProject } from '../project/lint.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { auditDiagnostics, auditProject, type AuditResult } from '../audit/project.js';
import { historyPath, readHistory } from '../status/history.js';
import type { FindingsGroup, ReportData } from './data.js';
import { reportLinks } from './links.js';

export interface ReportOptions {
  /** Where the HTML will be written: file links are made relative to it. */
  output: string;
  /** Base URL for file links instead of relative paths (e.g. https://github.com/o/r/blob/main). */
  linkBase?: string;
  progress?: Progress;
  now?: () => Date;
}

/** Gathers what `steward report --html` shows, from the capabilities that are available. */
export async function collectReport(config: ResolvedConfig, options: ReportOptions): Promise<ReportData> {
  const progress = options.progress ?? NO_PROGRESS;
  let audit: AuditResult | undefined;
  let auditError: string | undefined;
  try {
    audit = await auditProject(config);
  } catch (error) {
    auditError = (error as Error).message;
  }
  let lint: Diagnostic[] | undefined;
  let lintError: string | undefined;
  try {
    lint = (await lintProject(config)).diagnostics;
  } catch (error) {
    lintError = (error as Error).message;
  }
  const status = await collectStatus(config, { progress, now: options.now, audit, lint });
  const task = progress.start('report', 3);
  const master = loadMaster(config, { validate: false }).schema;
  const graph = buildErGraph(master);
  const { link, href } = reportLinks(config.cwd, resolve(config.cwd, options.output), options.linkBase);
  task.tick(1, 'findings');
  const generated = await generateProject(config, { check: true });
  const validated = validateProject(config, { generated: generated.environments, current: generated.current });
  const findings: FindingsGroup[] = [
    { title: 'Generated environment files', source: 'generate', available: true, diagnostics: staleDiagnostics(generated.stale) },
    { title: "Prisma's validator", source: 'validate', available: true, diagnostics: validated.diagnostics },
    { title: 'Docs sections', source: 'docs', available: true, diagnostics: docsProject(config, { master }).diagnostics },
    lint
      ? { title: 'Lint', source: 'lint', available: true, diagnostics: lint }
      : { title: 'Lint', source: 'lint', available: false, reason: lintError ?? 'not run' },
    audit
      ? { title: 'Audit (docs and code against the schema)', source: 'audit', available: true, diagnostics: auditDiagnostics(audit) }
      : { title: 'Audit (docs and code against the schema)', source: 'audit', available: false, reason: auditError ?? 'not run' },
    { title: 'Environment conversions', source: 'generate-changes', available: true, diagnostics: changeDiagnostics(generated.environments) },
  ];
  task.tick(1, 'changelog');
  const changelog = readChangelog(config);
  task.tick(1);
  task.done();
  return {
    title: `Schema report: ${relative(config.cwd, config.master) || config.master}`,
    status,
    diagramSvg: await renderErSvg(graph, { href: (e) => link(e.location.file, e.location.line) }),
    models: graph.entities.length,
    relationships: graph.relationships.length,
    findings,
    changelog,
    history: readHistory(historyPath(config.cwd), config.cwd).entries,
    link,
    href,
  };
}

function readChangelog(config: ResolvedConfig): ReportData['changelog'] {
  const path = changelogPath(config, resolveChangesConfig(config.sections));
  const shown = relative(config.cwd, path) || path;
  if (!existsSync(path)) return { available: false, reason: `${shown} does not exist yet (\`steward changelog --write\` creates it)` };
  const doc = parseChangelog(readFileSync(path, 'utf8'));
  return {
    available: true,
    source: shown,
    sections: doc.sections.map((s) => ({ heading: s.heading, markdown: [s.before, s.generated ?? '', s.after].join('\n') })),
  };
}
