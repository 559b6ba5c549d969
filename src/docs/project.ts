import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { ResolvedConfig } from '../config/types.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { buildErGraph } from '../diagram/er-graph.js';
import { writeFilesAtomic } from '../fs/atomic-write.js';
import { readText } from '../fs/read-text.js';
import { loadMaster } from '../project/master.js';
import type { Schema } from '../schema/model.js';
import type { DocsConfig } from './config.js';
import { renderModelSection, renderSchemaSection } from './markdown.js';
import { buildSchemaReference, environmentSchemas, type SchemaReference } from './reference.js';
import { type SectionState, updateDocument } from './update.js';
import { skippedDirs } from '../fs/generated-dirs.js';

export interface DocsFileResult {
  /** Path relative to cwd. */
  path: string;
  sections: SectionState[];
  /** True when the file was (or, in check mode, would be) rewritten. */
  stale: boolean;
}

export interface DocsReport {
  files: DocsFileResult[];
  /** Stale sections (errors in check mode), broken markers, unknown models. */
  diagnostics: Diagnostic[];
  /** Absolute paths written. */
  written: string[];
  reference: SchemaReference;
}

export interface DocsOptions {
  /** Rewrite stale sections. Without it nothing is written. */
  write?: boolean;
  /** An already parsed master (saves a parse when the caller has one). */
  master?: Schema;
}

const SKIP_DIRS = skippedDirs('.steward', 'vendor');

/**
 * `steward docs` as a library call: finds markdown files with steward sections, renders each
 * section from the master and the environments, and reports (or writes) the stale ones.
 * Files are written atomically, all or nothing; a file with broken markers is never rewritten.
 */
export function docsProject(config: ResolvedConfig, options: DocsOptions = {}): DocsReport {
  const master = options.master ?? loadMaster(config).schema;
  const masterShown = toPosix(relative(config.cwd, config.master) || config.master);
  // Built on first use: most projects have few or no steward sections, and `check` runs this step.
  let built: { reference: SchemaReference; byName: Map<string, SchemaReference['models'][number]> } | undefined;
  const reference = () => {
    if (!built) {
      const r = buildSchemaReference(master, environmentSchemas(master, config.environments), masterShown);
      built = { reference: r, byName: new Map(r.models.map((m) => [m.name, m])) };
    }
    return built;
  };
  let schemaSection: string | undefined;

  const files: DocsFileResult[] = [];
  const diagnostics: Diagnostic[] = [];
  const toWrite: { path: string; text: string }[] = [];
  for (const absolute of markdownFiles(config)) {
    const text = readText(absolute, config.cwd);
    if (!text.includes('steward:')) continue;
    const shown = toPosix(relative(config.cwd, absolute) || absolute);
    const update = updateDocument(text, (s) => {
      if (s.kind === 'schema') return (schemaSection ??= renderSchemaSection(reference().reference, buildErGraph(master)));
      const model = reference().byName.get(s.name!);
      return model ? renderModelSection(reference().reference, model) : undefined;
    });
    if (update.sections.length === 0 && update.problems.length === 0) continue;
    for (const p of update.problems) {
      diagnostics.push({ source: 'docs', code: p.code, severity: 'error', message: p.message, location: { file: shown, line: p.line, column: p.column } });
    }
    const stale = update.text !== text;
    files.push({ path: shown, sections: update.sections, stale });
    if (stale) toWrite.push({ path: absolute, text: update.text });
    if (!options.write) {
      for (const s of update.sections.filter((x) => x.stale && update.problems.length === 0)) {
        diagnostics.push({
          source: 'docs',
          code: 'docs-stale',
          severity: 'error',
          message: `The ${s.kind === 'schema' ? 'schema reference' : `reference of model ${s.name}`} is out of date with the master schema`,
          model: s.name,
          location: { file: shown, line: s.line, column: s.column },
          notes: ['run `steward docs --write` to update it'],
        });
      }
    }
  }
  if (options.write && toWrite.length > 0) writeFilesAtomic(toWrite, config.cwd);
  return {
    files,
    diagnostics,
    written: options.write ? toWrite.map((f) => f.path) : [],
    get reference() {
      return reference().reference;
    },
  };
}

/** The markdown files to scan: the configured paths, else every .md under cwd. */
export function markdownFiles(config: ResolvedConfig): string[] {
  const section = config.sections.docs as DocsConfig | undefined;
  const base = config.configFile ? dirname(config.configFile) : config.cwd;
  const roots = section?.files ? section.files.map((f) => resolve(base, f)) : [config.cwd];
  const out = new Set<string>();
  for (const root of roots) {
    if (!existsSync(root)) continue;
    if (statSync(root).isFile()) out.add(root);
    else walk(root, out);
  }
  return [...out].sort();
}

function walk(dir: string, out: Set<string>): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name) && !entry.name.startsWith('.')) walk(join(dir, entry.name), out);
    } else if (entry.name.endsWith('.md')) out.add(join(dir, entry.name));
  }
}

function toPosix(path: string): string {
  return path.split(sep).join('/');
}
