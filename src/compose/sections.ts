import { validateAuditConfig } from '../audit/config.js';
import { loadConfig as loadConfigWith, resolveConfig as resolveConfigWith, type LoadConfigOptions } from '../config/load.js';
import type { ConfigSections } from '../config/sections.js';
import type { ResolvedConfig } from '../config/types.js';
import { validateChangesConfig } from '../diff/config.js';
import { validateDocsConfig } from '../docs/config.js';
import { validateDriftConfig } from '../drift/config.js';
import { validateSqlObjectsConfig } from '../catalog/sql-objects.js';
import { validateLintSection } from '../lint/config.js';
import { validateMigrateConfig } from '../migrate/config.js';
import { validateVerifyConfig } from '../verify/config.js';

/**
 * The composition root's list of configuration sections: each capability that has a section in
 * steward.config.* adds one line here. The config layer below knows none of them.
 */
export const CONFIG_SECTIONS: ConfigSections = {
  audit: validateAuditConfig,
  lint: validateLintSection,
  changes: validateChangesConfig,
  verify: validateVerifyConfig,
  docs: validateDocsConfig,
  migrate: validateMigrateConfig,
  drift: validateDriftConfig,
  sqlObjects: validateSqlObjectsConfig,
};

/** Finds, loads, validates and resolves the configuration with every capability's section. Throws StewardError (exit 2) on problems. */
export function loadConfig(options: Omit<LoadConfigOptions, 'sections'> = {}): Promise<ResolvedConfig> {
  return loadConfigWith({ ...options, sections: CONFIG_SECTIONS });
}

/** Validates a configuration object (every capability's section included) and fills in defaults. */
export function resolveConfig(raw: unknown, cwd: string, configFile?: string): ResolvedConfig {
  return resolveConfigWith(raw, cwd, configFile, CONFIG_SECTIONS);
}
