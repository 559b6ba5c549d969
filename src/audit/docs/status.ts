/** The status words that mark a design doc as planned work, unless configured (`audit.plannedStatus`). */
export const DEFAULT_PLANNED_STATUS = ['draft', 'planned', 'proposal', 'proposed', 'rfc', 'wip', 'to do', 'todo', 'idea', 'future'];

/**
 * Whether a markdown file says it describes planned work: a front matter `status:` or a status
 * line near the top (`Status: Draft`, `**Status:** Planned`, `> Status: proposal`, a
 * `| Status | Draft |` row) whose value starts with one of `words` (case-insensitive).
 */
export function isPlannedDoc(text: string, words: readonly string[] = DEFAULT_PLANNED_STATUS): boolean {
  const head = text.replace(/\r\n?/g, '\n').split('\n').slice(0, 40);
  const wanted = words.map((w) => w.toLowerCase());
  const planned = (value: string): boolean => {
    const v = value
      .replace(/[*_`"'[\]]/g, '')
      .trim()
      .toLowerCase();
    return wanted.some(
      (w) => v === w || v.startsWith(`${w} `) || v.startsWith(`${w},`) || v.startsWith(`${w} -`) || v.startsWith(`${w}:`) || v.startsWith(`${w}(`),
    );
  };
  if (head[0]?.trim() === '---') {
    for (let i = 1; i < head.length && head[i].trim() !== '---'; i++) {
      const m = /^status\s*:\s*(.+)$/i.exec(head[i].trim());
      if (m) return planned(m[1]);
    }
  }
  for (const line of head) {
    const m =
      /^(?:>\s*)?(?:[-*]\s*)?(?:\*\*|__)?status(?:\*\*|__)?\s*(?::|\*\*:|:\*\*)\s*(?:\*\*)?(.+)$/i.exec(line.trim()) ??
      /^\|\s*\**status\**\s*\|\s*([^|]+)\|/i.exec(line.trim());
    if (m) return planned(m[1]);
  }
  return false;
}
