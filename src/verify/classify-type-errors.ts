/**
 * Decides who is to blame for each TypeScript error. An error that also occurs with the
 * master's own client (the schema the application is written against) exists without
 * steward: a plain code bug. One that appears only with some environments' clients is an
 * environment incompatibility, reported with the environments it affects. Without a master
 * client to compare with, an error in every environment counts as a code bug.
 */
import type { TypeErrorRecord } from './typecheck.js';

export type TypeFindingKind = 'environment' | 'code';

export interface TypeFinding {
  kind: TypeFindingKind;
  file: string;
  line: number;
  column: number;
  start: number;
  /** TypeScript's error code. */
  tsCode: number;
  /** TypeScript's message with the first environment's client that shows it. */
  message: string;
  fullMessage: string;
  /** Environments whose client produces this error. */
  envs: string[];
}

const keyOf = (error: TypeErrorRecord) => `${error.file}\0${error.start}\0${error.code}`;

export function classifyTypeErrors(byEnv: ReadonlyMap<string, readonly TypeErrorRecord[]>, baseline?: readonly TypeErrorRecord[]): TypeFinding[] {
  const baselineKeys = baseline ? new Set(baseline.map(keyOf)) : undefined;
  const findings = new Map<string, TypeFinding>();
  for (const [env, errors] of byEnv) {
    for (const error of errors) {
      const key = keyOf(error);
      const existing = findings.get(key);
      if (existing) {
        if (!existing.envs.includes(env)) existing.envs.push(env);
        continue;
      }
      findings.set(key, {
        kind: 'environment',
        file: error.file,
        line: error.line,
        column: error.column,
        start: error.start,
        tsCode: error.code,
        message: error.message,
        fullMessage: error.fullMessage,
        envs: [env],
      });
    }
  }
  for (const [key, finding] of findings) {
    const everywhere = finding.envs.length === byEnv.size;
    finding.kind = baselineKeys ? (baselineKeys.has(key) ? 'code' : 'environment') : everywhere && byEnv.size > 1 ? 'code' : 'environment';
  }
  return [...findings.values()].sort((a, b) => (a.file === b.file ? a.start - b.start || a.tsCode - b.tsCode : a.file < b.file ? -1 : 1));
}
