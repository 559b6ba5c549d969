import assert from 'node:assert/strict';
import { test } from 'node:test';
import { realworldHistoryDir } from '../helpers/realworld.js';
import { historyCases, runHistoryOracle } from './history-oracle.js';

const dir = realworldHistoryDir();

test('the diff agrees with the SQL real teams committed (../shared/realworld-history), above 95%', {
  skip: dir ? false : 'no ../shared/realworld-history',
}, () => {
  const { results, agreement, missing } = runHistoryOracle(dir!);
  assert.deepEqual(missing, [], 'every change in realworld-history has a recorded expectation');
  assert.equal(results.length, historyCases(dir!).length);
  // A disagreement is allowed only where the expectation says why steward is right.
  const unexplained = results.filter((r) => !r.agrees && !r.disagreement);
  assert.deepEqual(
    unexplained.map((r) => ({ id: r.id, expected: r.expected, actual: r.actual })),
    [],
  );
  // And an explained disagreement that no longer happens must lose its comment.
  const stale = results.filter((r) => r.agrees && r.disagreement).map((r) => r.id);
  assert.deepEqual(stale, []);
  assert.ok(agreement > 0.95, `agreement ${(agreement * 100).toFixed(1)}%`);
});

test('every true rename among the RENAME commits is a probable rename, and no enum rebuild is', {
  skip: dir ? false : 'no ../shared/realworld-history',
}, () => {
  const { results } = runHistoryOracle(dir!);
  const renameCommits = results.filter((r) => r.id.includes('/rename_'));
  assert.equal(renameCommits.length, 21);
  for (const r of renameCommits) assert.deepEqual(r.actual.renames, r.expected.renames, r.id);
  const rebuilds = [
    'formbricks/rename_30d3297002',
    'formbricks/rename_839144d338',
    'formbricks/rename_dd394f1d2c',
    'ghostfolio/rename_0b65d05013',
    'ghostfolio/rename_364b2f020e',
    'ghostfolio/rename_851401be1e',
    'rallly/rename_01758f81ae',
    'rallly/rename_7e1b5e06e6',
    'rallly/rename_f99b9b0b79',
  ];
  for (const id of rebuilds) assert.deepEqual(results.find((r) => r.id === id)!.actual.renames, [], id);
});
