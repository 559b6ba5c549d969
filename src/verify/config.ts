/** The `verify` section of steward.config: where the application's TypeScript lives. */
import type { ConfigProblems } from '../config/check-value.js';

export interface VerifyConfig {
  /** The application's tsconfig.json. Default: the nearest one above the generated client's output folder. */
  tsconfig?: string;
}

export function validateVerifyConfig(value: unknown, problems: ConfigProblems, path: string): void {
  if (!problems.object(path, value)) return;
  problems.knownKeys(path, value, ['tsconfig']);
  if (value.tsconfig !== undefined) problems.string(`${path}.tsconfig`, value.tsconfig);
}

export function verifyConfigOf(sections: Record<string, unknown>): VerifyConfig {
  return (sections.verify as VerifyConfig | undefined) ?? {};
}
