import { validateAuditConfig } from '../audit/config.js';
import { validateLintSection } from '../lint/config.js';
import { validateChangesConfig } from '../diff/config.js';
import type { ConfigProblems } from './check-value.js';
import { validateVerifyConfig } from '../verify/config.js';
import { validateDocsConfig } from '../docs/config.js';
import { validateMigrateConfig } from '../migrate/config.js';
import { validateDriftConfig } from '../drift/config.js';
import { validateSqlObjectsConfig } from '../drift/sql-objects.js';

/**
 * Configuration sections owned by capabilities. Each capability validates its own section;
 * a key that is neither a core key nor listed here is an error.
 */
export type SectionValidator = (value: unknown, problems: ConfigProblems, path: string) => void;

export const CONFIG_SECTIONS: Record<string, SectionValidator> = {
  audit: validateAuditConfig,
  lint: validateLintSection,
  changes: validateChangesConfig,
  verify: validateVerifyConfig,
  docs: validateDocsConfig,
  migrate: validateMigrateConfig,
  drift: validateDriftConfig,
  sqlObjects: validateSqlObjectsConfig,
};
