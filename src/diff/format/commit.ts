import type { SchemaChange } from '../codes.js';
import { bySeverity } from './summary.js';

const SUBJECT_WIDTH = 72;

/**
 * A commit message for the schema change being committed: a subject naming the changes
 * (`schema!:` when something breaks, as in Conventional Commits) and a body listing each one.
 */
export function renderCommitMessage(changes: readonly SchemaChange[]): string {
  if (changes.length === 0) return 'schema: no changes\n';
  const breaking = changes.some((c) => c.severity === 'breaking');
  const prefix = breaking ? 'schema!: ' : 'schema: ';
  const ordered = bySeverity(changes);
  const phrases = ordered.map(shortPhrase);
  let subject = prefix + phrases[0];
  let shown = 1;
  for (let i = 1; i < phrases.length; i++) {
    const more = phrases.length - i - 1;
    const candidate = `${subject}, ${phrases[i]}`;
    const suffix = more > 0 ? ` (+${more} more)` : '';
    if ((candidate + suffix).length > SUBJECT_WIDTH) break;
    subject = candidate;
    shown++;
  }
  if (shown < phrases.length) subject += ` (+${phrases.length - shown} more)`;
  const body = ordered.map(
    (c) => `- [${c.severity}] ${c.message} (${c.code})${c.envs.length ? `\n  ${c.envs.map((e) => `${e.env}: ${e.effect}`).join('\n  ')}` : ''}`,
  );
  const footer = breaking
    ? [
        '',
        `BREAKING CHANGE: ${ordered
          .filter((c) => c.severity === 'breaking')
          .map((c) => c.message)
          .join('; ')}`,
      ]
    : [];
  return [subject, '', ...body, ...footer].join('\n') + '\n';
}

function shortPhrase(c: SchemaChange): string {
  const subject = c.field ? `${c.model}.${c.field}` : (c.model ?? 'datasource');
  const verb = c.code.endsWith('-added') ? 'add' : c.code.endsWith('-removed') ? 'remove' : c.code.endsWith('-renamed') ? 'rename' : 'change';
  const what = c.code.replace(/^(field|model|enum|view|composite|relation|back)-/, '').replace(/-(added|removed|renamed|changed)$/, '');
  if (c.code === 'model-renamed' || c.code === 'field-renamed' || c.code === 'enum-renamed') return `rename ${c.before} to ${c.after}`;
  const noun =
    ['model', 'field', 'enum', 'view', 'type', 'added-optional', 'added-with-default', 'added-required'].includes(what) || what.startsWith('added')
      ? ''
      : ` ${what.replace(/-/g, ' ')}`;
  return c.code.startsWith('field-added') ? `add ${subject}` : `${verb} ${subject}${noun}`;
}
