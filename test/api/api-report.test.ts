import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

// The public API is a deliberate list (src/index.ts). etc/api-report.json records every exported
// name and its kind; a change to the exports fails here until the report is updated on purpose:
// UPDATE_API_REPORT=1 node --test dist/test/api/api-report.test.js
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const REPORT = join(ROOT, 'etc', 'api-report.json');

type Kind = 'function' | 'class' | 'const' | 'interface' | 'type' | 'enum' | 'namespace';

/** The exports of src/index.ts as the TypeScript compiler sees them (types included), with their kinds. */
function apiReport(): Record<string, Kind> {
  const entry = join(ROOT, 'src', 'index.ts');
  const program = ts.createProgram([entry], {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    strict: true,
    skipLibCheck: true,
    noEmit: true,
    types: ['node'],
  });
  const checker = program.getTypeChecker();
  const moduleSymbol = checker.getSymbolAtLocation(program.getSourceFile(entry)!)!;
  const report: Record<string, Kind> = {};
  for (const exported of checker.getExportsOfModule(moduleSymbol)) {
    const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    const f = symbol.flags;
    report[exported.name] =
      f & ts.SymbolFlags.Class
        ? 'class'
        : f & ts.SymbolFlags.Function
          ? 'function'
          : f & ts.SymbolFlags.Enum
            ? 'enum'
            : f & ts.SymbolFlags.Variable
              ? 'const'
              : f & ts.SymbolFlags.Interface
                ? 'interface'
                : f & ts.SymbolFlags.TypeAlias
                  ? 'type'
                  : 'namespace';
  }
  return Object.fromEntries(Object.entries(report).sort(([a], [b]) => a.localeCompare(b)));
}

const VALUE_KINDS = new Set<Kind>(['function', 'class', 'const', 'enum']);
const report = apiReport();

describe('the public API (src/index.ts)', () => {
  it('matches etc/api-report.json', () => {
    if (process.env.UPDATE_API_REPORT === '1') writeFileSync(REPORT, JSON.stringify(report, null, 2) + '\n');
    const committed = JSON.parse(readFileSync(REPORT, 'utf8')) as Record<string, Kind>;
    assert.deepEqual(report, committed, 'the exports changed: if on purpose, run with UPDATE_API_REPORT=1 and update README.md');
  });

  it('exports at run time exactly the values the report lists', async () => {
    const runtime = Object.keys(await import('../../src/index.js')).sort();
    const values = Object.entries(report)
      .filter(([, kind]) => VALUE_KINDS.has(kind))
      .map(([name]) => name)
      .sort();
    assert.deepEqual(runtime, values);
  });

  it("is listed in README's Library section, every function and value, and nothing else", () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const start = readme.indexOf('\n## Library\n');
    assert.ok(start !== -1, 'README.md has a "## Library" section');
    const section = readme.slice(start, readme.indexOf('\n## ', start + 1));
    // The section's list: lines starting with "- ", names in backticks.
    const listed = new Set(
      section
        .split('\n')
        .filter((l) => l.startsWith('- '))
        .flatMap((l) => [...l.matchAll(/`([A-Za-z_$][\w$]*)`/g)].map((m) => m[1])),
    );
    const values = Object.entries(report)
      .filter(([, kind]) => VALUE_KINDS.has(kind))
      .map(([name]) => name);
    assert.deepEqual(
      values.filter((n) => !listed.has(n)),
      [],
      'exports README does not list',
    );
    assert.deepEqual(
      [...listed].filter((n) => !(n in report)),
      [],
      'names README lists that are not exported',
    );
  });
});
