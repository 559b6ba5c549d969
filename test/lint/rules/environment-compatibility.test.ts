import type { LintEnvironment } from '../../../src/lint/environment.js';
import { ruleTester } from '../rule-tester.js';

const environments: LintEnvironment[] = [
  { name: 'dev', provider: 'sqlite', prismaMajor: 7, urlEnv: 'DATABASE_URL' },
  { name: 'production', provider: 'postgresql', prismaMajor: 7, urlEnv: 'DATABASE_URL' },
];

ruleTester('environment-compatibility', {
  valid: [
    { code: 'model A {\n  id   Int    @id\n  name String\n}\n', environments },
    {
      name: 'an explicit override for the environment',
      code: 'model A {\n  id   Int      @id\n  /// @steward.override(dev) Json @default("[]")\n  tags String[] @default([])\n}\n',
      environments,
    },
    { name: 'no environments configured', code: 'model A {\n  id   Int      @id\n  tags String[]\n}\n' },
  ],
  invalid: [
    {
      code: 'model A {\n  id   Int      @id\n  tags String[]\n  name String   @db.VarChar(40)\n}\n',
      environments,
      errors: [
        { line: 6, messageId: 'lossy', column: 8, env: 'dev', field: 'tags', message: /String\[\] becomes Json/ },
        { line: 7, messageId: 'lossy', env: 'dev', field: 'name', message: /VarChar\(40\) removed/ },
      ],
    },
  ],
});
