import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { StewardError } from '../errors/index.js';

/**
 * A baseline records today's findings so a large existing schema can adopt the linter and fail
 * only on new ones. Entries are matched by rule, file, model, field, environment and message,
 * not by line, so edits elsewhere in the file do not invalidate it.
 */
export interface BaselineEntry {
  rule: string;
  file: string;
  model?: string;
  field?: string;
  env?: string;
  message: string;
  count: number;
}

export interface Baseline {
  version: 1;
  findings: BaselineEntry[];
}

function keyOf(d: { rule: string; file?: string; model?: string; field?: string; env?: string; message: string }): string {
  return JSON.stringify([d.rule, d.file ?? '', d.model ?? '', d.field ?? '', d.env ?? '', d.message]);
}

function diagnosticKey(d: Diagnostic): string {
  return keyOf({ rule: d.code, file: d.location?.file, model: d.model, field: d.field, env: d.env, message: d.message });
}

export function createBaseline(diagnostics: readonly Diagnostic[]): Baseline {
  const entries = new Map<string, BaselineEntry>();
  for (const d of diagnostics) {
    const key = diagnosticKey(d);
    const existing = entries.get(key);
    if (existing) existing.count++;
    else
      entries.set(key, {
        rule: d.code,
        file: d.location?.file ?? '',
        ...(d.model ? { model: d.model } : {}),
        ...(d.field ? { field: d.field } : {}),
        ...(d.env ? { env: d.env } : {}),
        message: d.message,
        count: 1,
      });
  }
  const findings = [...entries.values()].sort((a, b) => keyOf(a).localeCompare(keyOf(b)));
  return { version: 1, findings };
}

/** Findings not in the baseline, and how many were matched by it. */
export function applyBaseline(diagnostics: readonly Diagnostic[], baseline: Baseline): { fresh: Diagnostic[]; known: number } {
  const remaining = new Map<string, number>();
  for (const e of baseline.findings) remaining.set(keyOf(e), (remaining.get(keyOf(e)) ?? 0) + e.count);
  const fresh: Diagnostic[] = [];
  let known = 0;
  for (const d of diagnostics) {
    const key = diagnosticKey(d);
    const n = remaining.get(key) ?? 0;
    if (n > 0) {
      remaining.set(key, n - 1);
      known++;
    } else fresh.push(d);
  }
  return { fresh, known };
}

export function parseBaseline(text: string, path: string): Baseline {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new StewardError('CONFIG_INVALID', `Baseline ${path} is not valid JSON: ${(error as Error).message}`, { location: { file: path } });
  }
  const b = value as Baseline;
  if (typeof b !== 'object' || b === null || b.version !== 1 || !Array.isArray(b.findings)) {
    throw new StewardError('CONFIG_INVALID', `Baseline ${path} is not a steward lint baseline (expected { "version": 1, "findings": [...] })`, {
      location: { file: path },
    });
  }
  return b;
}

export function serializeBaseline(baseline: Baseline): string {
  return JSON.stringify(baseline, null, 2) + '\n';
}
