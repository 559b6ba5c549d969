import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { classifyTypeErrors } from '../../src/verify/classify-type-errors.js';
import type { TypeErrorRecord } from '../../src/verify/typecheck.js';

const error = (start: number, code = 2353): TypeErrorRecord => ({
  file: '/app/src/a.ts',
  start,
  length: 1,
  line: 1,
  column: start + 1,
  code,
  message: `e${start}`,
  fullMessage: `e${start}`,
});

describe('classifyTypeErrors', () => {
  it('blames an environment only for errors the master client does not have', () => {
    const byEnv = new Map([
      ['dev', [error(1), error(5), error(9)]],
      ['production', [error(1)]],
    ]);
    const findings = classifyTypeErrors(byEnv, [error(1), error(9)]);
    assert.deepEqual(
      findings.map((f) => [f.start, f.kind, f.envs]),
      [
        [1, 'code', ['dev', 'production']],
        [5, 'environment', ['dev']],
        [9, 'code', ['dev']],
      ],
    );
  });

  it('without a master client, an error in every environment is a code bug', () => {
    const byEnv = new Map([
      ['dev', [error(1), error(5)]],
      ['production', [error(1), error(7)]],
    ]);
    assert.deepEqual(
      classifyTypeErrors(byEnv).map((f) => [f.start, f.kind]),
      [
        [1, 'code'],
        [5, 'environment'],
        [7, 'environment'],
      ],
    );
  });

  it('tells apart two errors at the same place by their code', () => {
    const findings = classifyTypeErrors(new Map([['dev', [error(3, 2322), error(3, 2353)]]]), [error(3, 2322)]);
    assert.deepEqual(
      findings.map((f) => [f.tsCode, f.kind]),
      [
        [2322, 'code'],
        [2353, 'environment'],
      ],
    );
  });
});
