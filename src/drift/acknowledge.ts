/**
 * Acknowledged differences, as a pure function: the findings of every database checked, the
 * `drift.acknowledge` entries of the config, the environment and today's date in; the results
 * with acknowledged findings moved aside and the notes on entries that matched nothing or have
 * expired out.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { AcknowledgedFinding, DriftResult } from './check-drift.js';
import { countsAsDrift, findingObject, type DriftFinding } from '../catalog/codes.js';
import type { DriftRunCode } from './codes.js';
import type { DriftAcknowledgement } from './config.js';

export function applyAcknowledgements(
  results: readonly DriftResult[],
  acknowledgements: readonly DriftAcknowledgement[],
  env: string,
  today: string,
): { results: DriftResult[]; notes: Diagnostic[] } {
  const notes: Diagnostic[] = [];
  const active: Array<{ ack: DriftAcknowledgement; index: number; pattern: RegExp; used: boolean }> = [];
  acknowledgements.forEach((ack, index) => {
    if (ack.env !== undefined && ack.env !== env) return;
    if (ack.expires !== undefined && today > ack.expires) {
      notes.push(
        note('drift-acknowledgement-expired', `drift.acknowledge[${index}] (${ack.object}) expired on ${ack.expires}: it no longer applies`, env, index),
      );
      return;
    }
    active.push({ ack, index, pattern: glob(ack.object), used: false });
  });
  const checked = results.filter((result) => result.status === 'clean' || result.status === 'drift');
  const out = results.map((result): DriftResult => {
    if (!checked.includes(result)) return result;
    const findings: DriftFinding[] = [];
    const acknowledged: AcknowledgedFinding[] = [...(result.acknowledged ?? [])];
    for (const finding of result.findings) {
      const match = active.find(({ ack, pattern }) => (ack.codes === undefined || ack.codes.includes(finding.code)) && pattern.test(findingObject(finding)));
      if (!match) {
        findings.push(finding);
        continue;
      }
      match.used = true;
      acknowledged.push({ ...finding, reason: match.ack.reason, acknowledgement: match.index });
    }
    return { ...result, findings, acknowledged, status: findings.some(countsAsDrift) ? 'drift' : 'clean' };
  });
  if (checked.length > 0) {
    for (const { ack, index, used } of active) {
      if (!used)
        notes.push(
          note(
            'drift-acknowledgement-unused',
            `drift.acknowledge[${index}] (${ack.object}${ack.codes ? ` ${ack.codes.join(', ')}` : ''}) matches no difference: the object was fixed, renamed or dropped, and the entry can go`,
            env,
            index,
          ),
        );
    }
  }
  return { results: out, notes };
}

/** `*` matches any run of characters; everything else is literal. */
function glob(pattern: string): RegExp {
  return new RegExp(
    `^${pattern
      .split('*')
      .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
  );
}

function note(code: DriftRunCode, message: string, env: string, index: number): Diagnostic {
  return { source: 'drift', code, severity: 'warning', message, env, data: { acknowledgement: index } };
}

/** Today as YYYY-MM-DD in UTC (an expiry date is inclusive). */
export function todayUtc(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/**
 * Where entry `index` of `drift.acknowledge` is written in the config file's text: the line of its
 * `object` key, counted from the `drift` section on (migrate's acknowledgements name no object).
 * Null when the text does not say it plainly (a computed config).
 */
export function acknowledgementLocation(text: string, index: number): { line: number; column: number } | null {
  const section = /["']?drift["']?\s*:/.exec(text);
  if (!section) return null;
  const pattern = /["']?object["']?\s*:/g;
  pattern.lastIndex = section.index;
  let match: RegExpExecArray | null = null;
  for (let i = 0; i <= index; i++) {
    match = pattern.exec(text);
    if (!match) return null;
  }
  const before = text.slice(0, match!.index);
  const line = before.split('\n').length;
  return { line, column: match!.index - before.lastIndexOf('\n') };
}
