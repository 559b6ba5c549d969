import type { Reporter } from './types.js';

/** GitHub Actions workflow commands: one `::error file=...,line=...::message` per diagnostic. */
export const githubReporter: Reporter = (diagnostics) => {
  const out: string[] = [];
  for (const d of diagnostics) {
    const command = d.severity === 'error' ? 'error' : d.severity === 'warning' ? 'warning' : 'notice';
    const props: string[] = [];
    if (d.location) {
      props.push(`file=${escapeProperty(d.location.file)}`, `line=${d.location.line}`, `col=${d.location.column}`);
      if (d.location.endLine) props.push(`endLine=${d.location.endLine}`);
      if (d.location.endColumn && d.location.endLine === d.location.line) props.push(`endColumn=${d.location.endColumn}`);
    }
    props.push(`title=${escapeProperty(`steward ${d.source}: ${d.code}`)}`);
    const message = [d.env ? `${d.message} (${d.env})` : d.message, ...(d.notes ?? [])].join('\n');
    out.push(`::${command} ${props.join(',')}::${escapeData(message)}`);
  }
  return out.length ? out.join('\n') + '\n' : '';
};

function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
