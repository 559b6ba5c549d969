import type { Schema } from '../schema/model.js';
import type { SchemaChange, Usage } from './codes.js';

/**
 * Usage-aware severity. A code scanner (the audit capability's) tells where application code
 * uses models and fields of a schema; the diff then marks removed or renamed things that code
 * still uses with their call sites.
 */
export interface CodeUsage extends Usage {
  /** Model (or enum) name as written in the schema the scanner was given. */
  model: string;
  /** Field or enum value, when the usage is of one (undefined: the model delegate or type itself). */
  field?: string;
}

/** Finds the call sites of a schema's models and fields in the project's code. */
export type UsageScanner = (schema: Schema) => CodeUsage[] | Promise<CodeUsage[]>;

/** Codes whose subject disappears under its old name, so code still using it breaks. */
const SUBJECT_GONE = new Set<SchemaChange['code']>([
  'model-removed',
  'model-renamed',
  'field-removed',
  'field-renamed',
  'relation-removed',
  'enum-removed',
  'enum-renamed',
  'enum-value-removed',
  'view-removed',
  'view-field-removed',
  'composite-type-removed',
  'composite-field-removed',
]);

/**
 * Expand/contract transitions: the old field, column or model stays until contract, which the usage
 * gate holds back while code uses it; `before` names the old field (none for a retired table).
 */
const OLD_SHAPE_KEPT = new Set<SchemaChange['code']>(['field-transition', 'field-transition-split', 'field-transition-drop', 'model-transition-drop']);

/**
 * Attaches call sites from `usages` (found with the OLD schema, since code still uses old
 * names) to the changes whose subject is gone. A change with call sites is breaking and its
 * reason says where the application breaks. Pure: returns new change records.
 */
export function applyUsages(changes: readonly SchemaChange[], usages: readonly CodeUsage[]): SchemaChange[] {
  if (usages.length === 0) return [...changes];
  const byKey = new Map<string, CodeUsage[]>();
  for (const u of usages) {
    const k = `${u.model}.${u.field ?? ''}`;
    let list = byKey.get(k);
    if (!list) byKey.set(k, (list = []));
    list.push(u);
  }
  return changes.map((c) => {
    if (
      OLD_SHAPE_KEPT.has(c.code) &&
      c.model &&
      (c.code === 'model-transition-drop' || (c.before !== undefined && (c.before !== c.field || c.code === 'field-transition-drop')))
    ) {
      // Old code keeps working while the old shape exists: its call sites are what contract waits for, not a break now.
      const table = c.code === 'model-transition-drop';
      const found = table
        ? [...byKey.entries()].filter(([k]) => k.startsWith(`${c.model}.`)).flatMap(([, v]) => v)
        : (byKey.get(`${c.model}.${c.before}`) ?? []);
      if (found.length === 0) return c;
      return {
        ...c,
        reason: `${c.reason} Application code still uses the old ${table ? 'model' : 'field'} (${sitesText(found)}): switch it before contract, which refuses until then.`,
        usages: found.map(({ file, line, column, text }) => ({ file, line, column, ...(text !== undefined ? { text } : {}) })),
      };
    }
    if (!SUBJECT_GONE.has(c.code) || !c.model) return c;
    const oldModel = c.code === 'model-renamed' || c.code === 'enum-renamed' ? (c.before ?? c.model) : c.model;
    const oldField = c.code === 'field-renamed' ? c.before : c.field;
    const isModelLevel = ['model-removed', 'model-renamed', 'enum-removed', 'enum-renamed', 'view-removed', 'composite-type-removed'].includes(c.code);
    const found = isModelLevel
      ? [...byKey.entries()].filter(([k]) => k.startsWith(`${oldModel}.`)).flatMap(([, v]) => v)
      : (byKey.get(`${oldModel}.${oldField ?? ''}`) ?? []);
    if (found.length === 0) return c;
    return {
      ...c,
      severity: 'breaking' as const,
      reason: `${c.reason} Application code still uses it (${sitesText(found)}): the application breaks until those call sites are updated.`,
      usages: found.map(({ file, line, column, text }) => ({ file, line, column, ...(text !== undefined ? { text } : {}) })),
    };
  });
}

/** The first three call sites, and how many more. */
function sitesText(found: readonly Usage[]): string {
  const sites = found.map((u) => `${u.file}:${u.line}`);
  return sites.slice(0, 3).join(', ') + (sites.length > 3 ? ` and ${sites.length - 3} more` : '');
}
