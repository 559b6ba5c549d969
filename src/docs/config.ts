import type { ConfigProblems } from '../config/check-value.js';

/** The `docs` section of steward.config.*. */
export interface DocsConfig {
  /**
   * Markdown files or folders (relative to the configuration file) holding steward sections.
   * Default: every `.md` file under the working directory (outside node_modules, dist, .git ...).
   */
  files?: string[];
}

export function validateDocsConfig(value: unknown, p: ConfigProblems, path: string): void {
  if (!p.object(path, value)) return;
  p.knownKeys(path, value, ['files']);
  const files = (value as Record<string, unknown>).files;
  if (files === undefined) return;
  p.stringArray(`${path}.files`, files);
}
