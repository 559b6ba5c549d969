import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { LAYERS } from './layers.js';

// Compiled to dist/test/api: the sources are three folders up.
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const SRC = join(ROOT, 'src');

interface Edge {
  from: string;
  to: string;
  /** `import type`, `export type` or an import() type: no module is loaded. */
  typeOnly: boolean;
  /** `await import(...)`: loaded when the code runs, not when the module loads. */
  dynamic: boolean;
}

/** Every import of every module under src/, resolved as tsc resolves it (NodeNext). */
function importGraph(): { files: string[]; edges: Edge[]; packages: Map<string, Set<string>> } {
  const options: ts.CompilerOptions = { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, target: ts.ScriptTarget.ES2022 };
  const host = ts.createCompilerHost(options);
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.ts') && !e.name.endsWith('.d.ts')) files.push(p);
    }
  };
  walk(SRC);
  const edges: Edge[] = [];
  /** npm packages each module loads at the top (static, not type-only). */
  const packages = new Map<string, Set<string>>();
  for (const file of files) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
    const add = (specifier: string, typeOnly: boolean, dynamic: boolean) => {
      const resolved = ts.resolveModuleName(specifier, file, options, host).resolvedModule;
      if (resolved && !resolved.isExternalLibraryImport && resolved.resolvedFileName.startsWith(SRC + sep)) {
        edges.push({ from: rel(file), to: rel(resolved.resolvedFileName), typeOnly, dynamic });
      } else if (!specifier.startsWith('node:') && !specifier.startsWith('.') && !typeOnly && !dynamic) {
        const name = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0];
        if (!packages.has(rel(file))) packages.set(rel(file), new Set());
        packages.get(rel(file))!.add(name);
      } else if (specifier.startsWith('.') && !resolved) {
        assert.fail(`${rel(file)}: cannot resolve ${specifier}`);
      }
    };
    const visit = (node: ts.Node) => {
      if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
        const clause = node.importClause;
        const typeOnly =
          clause !== undefined &&
          (clause.isTypeOnly ||
            (!clause.name &&
              clause.namedBindings !== undefined &&
              ts.isNamedImports(clause.namedBindings) &&
              clause.namedBindings.elements.length > 0 &&
              clause.namedBindings.elements.every((e) => e.isTypeOnly)));
        add(node.moduleSpecifier.text, typeOnly, false);
      } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
        const typeOnly =
          node.isTypeOnly ||
          (node.exportClause !== undefined &&
            ts.isNamedExports(node.exportClause) &&
            node.exportClause.elements.length > 0 &&
            node.exportClause.elements.every((e) => e.isTypeOnly));
        add(node.moduleSpecifier.text, typeOnly, false);
      } else if (
        ts.isCallExpression(node) &&
        node.expression.kind === ts.SyntaxKind.ImportKeyword &&
        node.arguments[0] &&
        ts.isStringLiteral(node.arguments[0])
      ) {
        add(node.arguments[0].text, false, true);
      } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
        add(node.argument.literal.text, true, false);
      } else if (ts.isModuleDeclaration(node) && ts.isStringLiteral(node.name)) {
        // `declare module './x.js' { ... }`: a module augmentation (a code list filling the
        // diagnostics' DiagnosticCodes registry) depends on the module it augments, type-only.
        add(node.name.text, true, false);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return { files: files.map(rel), edges, packages };
}

function rel(path: string): string {
  return relative(SRC, path).split(sep).join('/');
}

/** The folder of src/ a module is in (or the top-level file itself). */
function unitOf(file: string): string {
  return file.includes('/') ? file.slice(0, file.indexOf('/')) : file;
}

/** Strongly connected groups of more than one node (Tarjan), each sorted. */
function cycles(nodes: Iterable<string>, next: (node: string) => Iterable<string>): string[][] {
  let index = 0;
  const stack: string[] = [];
  const onStack = new Set<string>();
  const indexOf = new Map<string, number>();
  const low = new Map<string, number>();
  const found: string[][] = [];
  const connect = (v: string) => {
    indexOf.set(v, index);
    low.set(v, index);
    index++;
    stack.push(v);
    onStack.add(v);
    for (const w of next(v)) {
      if (!indexOf.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, indexOf.get(w)!));
    }
    if (low.get(v) === indexOf.get(v)) {
      const group: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        group.push(w);
      } while (w !== v);
      if (group.length > 1) found.push(group.sort());
    }
  };
  for (const v of nodes) if (!indexOf.has(v)) connect(v);
  return found;
}

const graph = importGraph();
const layerOf = new Map(LAYERS.flatMap((layer, rank) => layer.members.map((m) => [m, { ...layer, rank }] as const)));

describe('the import graph of src/', () => {
  it('sees the imports (a sanity check of the reader itself)', () => {
    assert.ok(graph.files.length > 200, `${graph.files.length} modules`);
    assert.ok(
      graph.edges.some((e) => e.typeOnly && e.from === 'lint/rules/index.ts' && e.to === 'diagnostics/diagnostic.ts'),
      'module augmentations are edges',
    );
    assert.ok(graph.edges.some((e) => e.from === 'cli/commands/check.ts' && e.to === 'compose/check.ts'));
    assert.ok(graph.edges.some((e) => e.dynamic && e.from === 'compose/check.ts' && e.to === 'migrate/lint-history.ts'));
  });

  it('has no import cycle between modules (static, dynamic and type-only imports alike)', () => {
    const next = new Map<string, string[]>();
    for (const e of graph.edges) next.set(e.from, [...(next.get(e.from) ?? []), e.to]);
    assert.deepEqual(
      cycles(graph.files, (f) => next.get(f) ?? []),
      [],
    );
  });

  it('puts every folder of src/ in exactly one layer', () => {
    const units = [...new Set(graph.files.map(unitOf))].sort();
    assert.deepEqual(
      units.filter((u) => !layerOf.has(u)),
      [],
      'folders in no layer (add them to test/api/layers.ts)',
    );
    const members = LAYERS.flatMap((l) => l.members);
    assert.deepEqual(
      members.filter((m, i) => members.indexOf(m) !== i),
      [],
      'folders in two layers',
    );
    assert.deepEqual(
      members.filter((m) => !existsSync(join(SRC, m))),
      [],
      'layers name folders that do not exist',
    );
  });

  it('never imports from a higher layer', () => {
    const upward = graph.edges
      .filter((e) => layerOf.get(unitOf(e.to))!.rank > layerOf.get(unitOf(e.from))!.rank)
      .map((e) => `${e.from} (${layerOf.get(unitOf(e.from))!.name}) -> ${e.to} (${layerOf.get(unitOf(e.to))!.name})`);
    assert.deepEqual(upward, []);
  });

  it('has no cycle between folders, except inside the platform layer', () => {
    const next = new Map<string, Set<string>>();
    for (const e of graph.edges) {
      const [a, b] = [unitOf(e.from), unitOf(e.to)];
      if (a === b || (layerOf.get(a)!.foldersMayCycle && layerOf.get(a)!.name === layerOf.get(b)!.name)) continue;
      if (!next.has(a)) next.set(a, new Set());
      next.get(a)!.add(b);
    }
    assert.deepEqual(
      cycles([...layerOf.keys()], (u) => next.get(u) ?? []),
      [],
    );
  });

  it('keeps prisma-steward/config free of dependencies: src/config/define.ts loads no module', () => {
    assert.deepEqual(
      graph.edges.filter((e) => e.from === 'config/define.ts' && !e.typeOnly),
      [],
    );
    assert.equal(graph.packages.get('config/define.ts'), undefined);
  });

  it('loads no database driver, engine or compiler when the library is imported', () => {
    const HEAVY = [
      'pg',
      '@electric-sql/pglite',
      'pglite-prisma-adapter',
      '@prisma/adapter-pg',
      '@prisma/adapter-libsql',
      '@libsql/client',
      '@prisma/client',
      '@prisma/schema-engine-wasm',
      'typescript',
      'prisma',
    ];
    const next = new Map<string, string[]>();
    for (const e of graph.edges) if (!e.typeOnly && !e.dynamic) next.set(e.from, [...(next.get(e.from) ?? []), e.to]);
    const loaded = new Set<string>();
    const visit = (f: string) => {
      if (loaded.has(f)) return;
      loaded.add(f);
      for (const g of next.get(f) ?? []) visit(g);
    };
    visit('index.ts');
    const heavy = [...loaded].flatMap((f) => [...(graph.packages.get(f) ?? [])].filter((p) => HEAVY.includes(p)).map((p) => `${f} imports ${p}`));
    assert.deepEqual(heavy, []);
  });
});
