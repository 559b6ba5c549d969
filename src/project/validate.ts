import { existsSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';
import type { ResolvedConfig } from '../config/types.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { prismaValidate } from '../prisma/schema-wasm.js';
import { readSchemaFiles } from '../schema/load.js';
import type { GeneratedEnvironment } from '../generate/generate.js';

export interface ValidateResult {
  diagnostics: Diagnostic[];
  /** Texts of the validated files, for code frames. */
  sources: Map<string, string>;
  /** Paths (as in diagnostics) of the master's files. */
  masterFiles: Set<string>;
}

/**
 * `steward validate`: the master (judged by the project's Prisma major; other-style datasource
 * URLs and unknown preview features accepted, as warnings) and every environment file on disk,
 * each through the validator of its environment's major. Missing environment files are reported.
 */
export function validateProject(config: ResolvedConfig, known?: { generated: GeneratedEnvironment[]; current: Set<string> }): ValidateResult {
  const sources = new Map<string, string>();
  const diagnostics: Diagnostic[] = [];
  const masterFiles = readSchemaFiles(config.master, config.cwd);
  for (const f of masterFiles) sources.set(f.path, f.text);
  diagnostics.push(...prismaValidate(masterFiles, { major: config.prismaMajor, allowDatasourceUrls: true, lenientPreviewFeatures: true, warnings: true }));
  for (const env of config.environments) {
    if (env.isMaster) continue; // validated above, as the master
    const shown = relative(config.cwd, env.output) || env.output;
    if (!existsSync(env.output)) {
      diagnostics.push({
        source: 'validate',
        code: 'env-missing',
        severity: 'error',
        env: env.name,
        message: `${shown} does not exist; run \`steward generate\``,
        location: { file: shown, line: 1, column: 1 },
      });
      continue;
    }
    const text = readFileSync(env.output, 'utf8');
    sources.set(shown, text);
    if (known?.current.has(env.output)) {
      // Identical to what generate produces: either just generated and validated (reuse that
      // verdict), or current by its header (hashes of master, settings, tool versions and body),
      // and generate never writes a file Prisma rejects.
      const generated = known.generated.find((g) => g.env.name === env.name);
      for (const d of generated?.validation ?? []) diagnostics.push({ ...d, env: env.name });
      continue;
    }
    for (const d of prismaValidate([{ path: shown, text }], { major: env.prismaMajor })) {
      diagnostics.push({ ...d, env: env.name });
    }
  }
  return { diagnostics, sources, masterFiles: new Set(masterFiles.map((f) => f.path)) };
}
