import assert from 'node:assert/strict';
import { test } from 'node:test';
import { textTable } from '../../src/diagnostics/text-table.js';

test('textTable pads each column to its widest cell, rules the header, trims line ends', () => {
  assert.equal(
    textTable(
      ['database', 'status'],
      [
        ['a.db', 'clean'],
        ['tenant-long.db', ''],
      ],
    ),
    ['database        status', '--------------  ------', 'a.db            clean', 'tenant-long.db'].join('\n') + '\n',
  );
  assert.equal(textTable(['x'], []), 'x\n-\n');
});
