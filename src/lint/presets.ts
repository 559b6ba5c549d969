import type { Severity } from '../diagnostics/diagnostic.js';
import { type LintRuleId, RULES } from './rules/index.js';

export const PRESETS = ['recommended', 'none'] as const;
export type PresetName = (typeof PRESETS)[number];

/**
 * The recommended preset: the specification's rules (naming, required fields, relations,
 * explicit uniques) at error level, environment compatibility and stale suppressions at
 * warning level, prisma-lint's other rules off. Options are each rule's defaults.
 */
export function presetSeverities(preset: PresetName): Record<string, Severity | 'off'> {
  const out: Record<string, Severity | 'off'> = {};
  for (const rule of RULES) {
    const id = rule.meta.id;
    if (preset === 'none') out[id] = 'off';
    else if (rule.meta.category === 'environment' || rule.meta.category === 'meta') out[id] = 'warning';
    else if (RECOMMENDED_ERRORS.has(id)) out[id] = 'error';
    else out[id] = 'off';
  }
  return out;
}

/** prisma-lint rules that state the specification's naming rules, on in the recommended preset. */
const RECOMMENDED_ERRORS = new Set<LintRuleId>([
  ...RULES.filter((r) => r.meta.origin === 'steward' && r.meta.category !== 'environment' && r.meta.category !== 'meta').map((r) => r.meta.id),
  'field-name-camel-case',
  'model-name-pascal-case',
  'enum-name-pascal-case',
]);
