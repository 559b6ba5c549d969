/**
 * THE layers of src/, lowest first (docs/ARCHITECTURE.md explains them). A module may import
 * from its own layer or a lower one, never a higher one; test/api/import-graph.test.ts checks it
 * with the TypeScript compiler's module resolution. Every folder (and top-level file) of src/
 * is in exactly one layer.
 */
export interface Layer {
  name: string;
  members: readonly string[];
  /**
   * Folders of this layer may import each other both ways (files still may not form a cycle).
   * Only the platform: a provider's driver half opens connections from engine/ and reads
   * catalogs with database/, which in turn ask the provider registry.
   */
  foldersMayCycle?: boolean;
}

export const LAYERS: readonly Layer[] = [
  { name: 'kernel', members: ['schema', 'diagnostics', 'errors', 'fs', 'progress', 'package-files.ts'] },
  { name: 'platform', members: ['providers', 'prisma', 'engine', 'database'], foldersMayCycle: true },
  { name: 'config', members: ['config'] },
  {
    name: 'capabilities',
    members: [
      'generate',
      'project',
      'lint',
      'audit',
      'docs',
      'diagram',
      'diff',
      'changelog',
      'release',
      'migrate',
      'catalog',
      'drift',
      'verify',
      'init',
      'watch',
    ],
  },
  { name: 'views', members: ['status', 'report', 'review'] },
  { name: 'composition', members: ['compose'] },
  { name: 'entry', members: ['cli', 'index.ts'] },
];
