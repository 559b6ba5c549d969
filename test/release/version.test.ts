import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { SchemaChange } from '../../src/diff/codes.js';
import { DIFF_CODES, type DiffCode } from '../../src/diff/codes.js';
import { bumpFor, bumpVersion, formatVersion, latestVersionTag, parseVersion } from '../../src/release/version.js';

const change = (code: DiffCode): Pick<SchemaChange, 'code' | 'severity'> => ({ code, severity: DIFF_CODES[code].severity });

test('bump from severities: breaking -> major, additions or dangerous -> minor, else patch', () => {
  const cases: [DiffCode[], string | undefined][] = [
    [[], undefined],
    [['field-added-optional'], 'minor'],
    [['field-added-optional', 'field-removed'], 'major'],
    [['relation-on-delete-changed'], 'minor'],
    [['index-added'], 'minor'],
  ];
  for (const [codes, bump] of cases) assert.equal(bumpFor(codes.map(change)), bump, codes.join(','));
  // A safe change that adds nothing: patch.
  assert.equal(
    bumpFor([{ code: 'field-added-optional', severity: 'safe' }].map((c) => ({ ...c, code: 'table-renamed' as DiffCode, severity: 'safe' as const }))),
    'patch',
  );
});

test('versions keep the shape the project uses: v1.0-style tags stay two-part', () => {
  const two = parseVersion('1.0')!;
  assert.equal(formatVersion(bumpVersion(two, 'minor')), '1.1');
  assert.equal(formatVersion(bumpVersion(two, 'major')), '2.0');
  assert.equal(formatVersion(bumpVersion(two, 'patch')), '1.1');
  const three = parseVersion('1.2.3')!;
  assert.equal(formatVersion(bumpVersion(three, 'patch')), '1.2.4');
  assert.equal(formatVersion(bumpVersion(three, 'minor')), '1.3.0');
  assert.equal(formatVersion(bumpVersion(three, 'major')), '2.0.0');
  assert.equal(parseVersion('1.x'), undefined);
});

test('latest version tag compares numerically and ignores other tags', () => {
  assert.equal(latestVersionTag(['schema-v1.9.0', 'schema-v1.10.0', 'v3.0.0', 'schema-vnext'], 'schema-v')!.tag, 'schema-v1.10.0');
  assert.equal(latestVersionTag(['v1.0', 'v1.1', 'v0.9'], 'v')!.tag, 'v1.1');
  assert.equal(latestVersionTag(['release-1'], 'v'), undefined);
});
