import { appendFileSync, mkdirSync } from 'node:fs';
import { assertWritable, unwritable } from '../fs/atomic-write.js';
import { readTextIfExists } from '../fs/read-text.js';
import { dirname, join } from 'node:path';
import type { HistoryEntry, StatusReport } from './types.js';

/** Where `steward status --record` appends: .steward/history.jsonl in the working directory. */
export function historyPath(cwd: string): string {
  return join(cwd, '.steward', 'history.jsonl');
}

/** The flat figures of a status. Sections that are not available are left out, not zeroed. */
export function historyEntry(status: StatusReport): HistoryEntry {
  const entry: HistoryEntry = {
    time: status.generatedAt,
    staleFiles: status.environments.reduce((n, e) => n + e.files.filter((f) => f.state !== 'fresh').length, 0),
  };
  if (status.docs.available) entry.staleDocs = status.docs.value.stale;
  if (status.lint.available) {
    entry.lintErrors = status.lint.value.error;
    entry.lintWarnings = status.lint.value.warning;
  }
  if (status.audit.available) entry.auditMismatches = status.audit.value.total;
  // Only databases that were read count; an unconfigured one is unknown, not zero.
  if (status.migrations.available && status.migrations.value.some((m) => m.state === 'checked')) {
    entry.pendingMigrations = status.migrations.value.reduce((n, m) => n + (m.pending ?? 0), 0);
  }
  if (status.release.available) {
    entry.unreleasedChanges = status.release.value.unreleased;
    if (status.release.value.lastTag) entry.lastTag = status.release.value.lastTag;
  }
  if (status.drift.available && status.drift.value.some((d) => d.state === 'in-sync' || d.state === 'drifted'))
    entry.driftedEnvironments = status.drift.value.filter((d) => d.state === 'drifted').length;
  return entry;
}

export function appendHistory(path: string, entry: HistoryEntry, cwd = process.cwd()): void {
  // Appending is the format's point (one line per run, never rewritten): checked first, then coded.
  assertWritable([path], cwd);
  try {
    mkdirSync(dirname(path), { recursive: true });
    appendFileSync(path, `${JSON.stringify(entry)}\n`);
  } catch (error) {
    throw unwritable(path, cwd, error);
  }
}

export interface HistoryRead {
  entries: HistoryEntry[];
  /** 1-based line numbers that could not be read (skipped, not fatal: the file is append-only). */
  badLines: number[];
}

/** Parses a history file's text. Pure. */
export function parseHistory(text: string): HistoryRead {
  const entries: HistoryEntry[] = [];
  const badLines: number[] = [];
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    try {
      const value = JSON.parse(line) as HistoryEntry;
      if (typeof value?.time !== 'string' || Number.isNaN(Date.parse(value.time)) || typeof value.staleFiles !== 'number') badLines.push(i + 1);
      else entries.push(value);
    } catch {
      badLines.push(i + 1);
    }
  });
  entries.sort((a, b) => Date.parse(a.time) - Date.parse(b.time));
  return { entries, badLines };
}

export function readHistory(path: string, cwd = process.cwd()): HistoryRead {
  const text = readTextIfExists(path, cwd);
  return text === undefined ? { entries: [], badLines: [] } : parseHistory(text);
}
