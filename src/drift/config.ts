import type { ConfigProblems } from '../config/check-value.js';
import { join } from '../config/check-value.js';
import { DRIFT_CODES } from '../catalog/codes.js';

/**
 * The `drift` section of steward.config.*: differences a team keeps on purpose.
 *
 * An acknowledgement names the object (`table.index`, `table.column`, a view, `nanoid(*)`; `*`
 * matches any run of characters), optionally the codes and the environment, and why. Drift shows
 * a finding it matches as acknowledged, not as drift. One that matches nothing is reported (the
 * object was fixed or renamed: the entry can go), and so is one past its `expires` date, which no
 * longer applies.
 */
export interface DriftConfig {
  acknowledge?: DriftAcknowledgement[];
}

export interface DriftAcknowledgement {
  /** The environment; default every environment. */
  env?: string;
  /** The object, as drift names it (`findingObject`); `*` is a wildcard. */
  object: string;
  /** Drift codes accepted for it; default any. */
  codes?: string[];
  /** Why the difference is intended: shown with the acknowledged finding. */
  reason: string;
  /** `YYYY-MM-DD`: from the day after, the acknowledgement no longer applies and is reported. */
  expires?: string;
}

const KEYS = ['acknowledge'] as const;
const ACK_KEYS = ['env', 'object', 'codes', 'reason', 'expires'] as const;

export function validateDriftConfig(value: unknown, problems: ConfigProblems, path: string): void {
  if (!problems.object(path, value)) return;
  problems.knownKeys(path, value, KEYS);
  if (value.acknowledge === undefined) return;
  if (!Array.isArray(value.acknowledge)) {
    problems.add(join(path, 'acknowledge'), 'expected a list of { object, reason, codes?, env?, expires? }');
    return;
  }
  value.acknowledge.forEach((ack: unknown, i: number) => {
    const at = `${join(path, 'acknowledge')}[${i}]`;
    if (!problems.object(at, ack)) return;
    problems.knownKeys(at, ack, ACK_KEYS);
    problems.string(join(at, 'object'), ack.object);
    problems.string(join(at, 'reason'), ack.reason);
    if (ack.env !== undefined) problems.string(join(at, 'env'), ack.env);
    if (ack.codes !== undefined && problems.stringArray(join(at, 'codes'), ack.codes)) {
      for (const code of ack.codes as string[]) {
        if (!(code in DRIFT_CODES))
          problems.add(join(at, 'codes'), `unknown drift code ${JSON.stringify(code)}; known: ${Object.keys(DRIFT_CODES).join(', ')}`);
      }
    }
    if (ack.expires !== undefined && problems.string(join(at, 'expires'), ack.expires) && !isDate(ack.expires)) {
      problems.add(join(at, 'expires'), `expected a date YYYY-MM-DD, got ${JSON.stringify(ack.expires)}`);
    }
  });
}

function isDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}

export function driftConfigOf(sections: Record<string, unknown>): DriftConfig {
  return (sections.drift as DriftConfig | undefined) ?? {};
}
