import { isAbsolute, relative } from 'node:path';
import type { Diagnostic } from '../diagnostic.js';
import { describeFixKind, isSafeFixKind } from '../fix-kind.js';
import type { Reporter } from './types.js';

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const INFORMATION_URI = 'https://github.com/prisma-steward/prisma-steward';

/**
 * SARIF 2.1.0 as GitHub code scanning accepts it: one run, a rule per distinct code, results
 * with repository-relative artifact URIs (uriBaseId %SRCROOT%), 1-based regions and a
 * partial fingerprint that ignores line numbers so alerts survive unrelated edits.
 */
export const sarifReporter: Reporter = (diagnostics, context) => {
  const ruleIds = [...new Set(diagnostics.map(ruleId))].sort();
  const index = new Map(ruleIds.map((id, i) => [id, i]));
  const results = diagnostics.map((d) => {
    const id = ruleId(d);
    const result: Record<string, unknown> = {
      ruleId: id,
      ruleIndex: index.get(id),
      level: d.severity === 'error' ? 'error' : d.severity === 'warning' ? 'warning' : 'note',
      message: { text: [d.env ? `${d.message} (${d.env})` : d.message, ...(d.notes ?? [])].join('\n') },
      partialFingerprints: { stewardFinding: fingerprint(d) },
    };
    if (d.location) {
      const region: Record<string, number> = { startLine: Math.max(1, d.location.line), startColumn: Math.max(1, d.location.column) };
      if (d.location.endLine !== undefined && d.location.endLine >= d.location.line) region.endLine = d.location.endLine;
      if (d.location.endColumn !== undefined && d.location.endLine === d.location.line && d.location.endColumn > d.location.column)
        region.endColumn = d.location.endColumn;
      result.locations = [{ physicalLocation: { artifactLocation: { uri: artifactUri(d.location.file, context.cwd), uriBaseId: '%SRCROOT%' }, region } }];
    }
    const props: Record<string, unknown> = {};
    if (d.env) props.env = d.env;
    if (d.model) props.model = d.model;
    if (d.field) props.field = d.field;
    if (d.fix) {
      props.fixKind = d.fix.kind;
      props.fixSafe = isSafeFixKind(d.fix.kind);
      if (d.fix.migration) props.fixMigration = d.fix.migration;
    }
    if (Object.keys(props).length > 0) result.properties = props;
    if (d.fix && d.location) {
      result.fixes = [{ description: { text: `${d.fix.description} (${describeFixKind(d.fix.kind)})` }, artifactChanges: artifactChanges(d, context.cwd) }];
    }
    return result;
  });
  const sarif = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'prisma-steward',
            informationUri: INFORMATION_URI,
            rules: ruleIds.map((id) => ({ id, name: id, shortDescription: { text: id }, helpUri: `${INFORMATION_URI}/blob/main/docs/lint.md` })),
          },
        },
        originalUriBaseIds: context.cwd ? { '%SRCROOT%': { uri: `file://${context.cwd.replace(/\\/g, '/').replace(/\/?$/, '/')}` } } : undefined,
        results,
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
};

function ruleId(d: Diagnostic): string {
  return d.source === 'lint' ? d.code : `${d.source}/${d.code}`;
}

function artifactUri(file: string, cwd: string | undefined): string {
  const rel = isAbsolute(file) && cwd ? relative(cwd, file) : file;
  return rel.replace(/\\/g, '/').split('/').map(encodeURIComponent).join('/');
}

function fingerprint(d: Diagnostic): string {
  const text = [ruleId(d), d.location?.file ?? '', d.model ?? '', d.field ?? '', d.env ?? '', d.message].join('\u0000');
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** SARIF fixes need line/column regions; edits carry offsets, so only same-file edits at the finding's file are described. */
function artifactChanges(d: Diagnostic, cwd: string | undefined): unknown[] {
  const byFile = new Map<string, { deletedRegion: { charOffset: number; charLength: number }; insertedContent: { text: string } }[]>();
  for (const e of d.fix!.edits) {
    let list = byFile.get(e.file);
    if (!list) byFile.set(e.file, (list = []));
    list.push({ deletedRegion: { charOffset: e.start, charLength: e.end - e.start }, insertedContent: { text: e.text } });
  }
  return [...byFile].map(([file, replacements]) => ({ artifactLocation: { uri: artifactUri(file, cwd), uriBaseId: '%SRCROOT%' }, replacements }));
}
