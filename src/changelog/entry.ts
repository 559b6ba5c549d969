import type { SchemaChange } from '../diff/codes.js';
import { CHANGE_SEVERITIES } from '../diff/codes.js';
import { escapeMd } from '../diff/format/markdown.js';
import { summaryText } from '../diff/format/summary.js';

/** What one changelog section lists. */
export interface ChangelogEntry {
  /** The version the changes are counted from (a tag), or undefined for the first version. */
  since?: string;
  changes: readonly SchemaChange[];
  /** Migrations created for these changes; `link` is relative to the changelog's folder. */
  migrations: readonly { env: string; name: string; link: string }[];
}

const MARK = { breaking: '🔴 breaking', dangerous: '🟠 dangerous', safe: '🟢 safe' } as const;

/**
 * The generated block of a section: a summary, the changes grouped by model (most severe first
 * inside each model), then links to the migrations. Deterministic: same entry, same text.
 */
export function renderEntry(entry: ChangelogEntry): string {
  const out: string[] = [];
  const since = entry.since ? ` since ${entry.since}` : '';
  if (entry.changes.length === 0) {
    out.push(`No schema changes${since}.`);
  } else {
    out.push(`${summaryText(entry.changes).replace(/^./, (c) => c.toUpperCase())}${since}.`);
    const groups = new Map<string, SchemaChange[]>();
    for (const c of entry.changes) {
      const key = c.model ?? '(datasource)';
      let list = groups.get(key);
      if (!list) groups.set(key, (list = []));
      list.push(c);
    }
    for (const [model, list] of [...groups.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
      out.push('', `### ${model}`, '');
      const ordered = CHANGE_SEVERITIES.flatMap((s) => list.filter((c) => c.severity === s));
      for (const c of ordered) {
        out.push(`- ${MARK[c.severity]}: ${escapeMd(c.message)} (\`${c.code}\`)`);
        if (c.severity !== 'safe') out.push(`  - ${escapeMd(c.reason)}`);
        for (const e of c.envs) out.push(`  - ${e.env}: ${escapeMd(e.effect)}`);
        if (c.usages.length) out.push(`  - used at ${c.usages.map((u) => `\`${u.file}:${u.line}\``).join(', ')}`);
      }
    }
  }
  if (entry.migrations.length) {
    out.push('', '### Migrations', '');
    for (const m of entry.migrations) out.push(`- ${m.env}: [${m.name}](${m.link})`);
  }
  return out.join('\n');
}
