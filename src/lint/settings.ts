import type { Severity } from '../diagnostics/diagnostic.js';

/** A rule's resolved setting: its severity (or off) and its parsed options. */
export interface RuleSetting {
  severity: Severity | 'off';
  options: unknown;
}

/** Settings that apply only to some schema files or some environments' findings. */
export interface LintOverride {
  /** Glob patterns matched against schema file paths (relative to the working directory). */
  files?: string[];
  /** Environment names; the override applies to findings about these environments. */
  environments?: string[];
  rules: Record<string, RuleSetting>;
}

/** Everything lintSchema needs: the resolved `lint` configuration. */
export interface LintConfig {
  rules: Record<string, RuleSetting>;
  overrides?: LintOverride[];
}
