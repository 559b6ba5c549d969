import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { maskGeneratedSections, scanMarkers } from '../../src/docs/markers.js';
import { updateDocument } from '../../src/docs/update.js';

describe('docs markers', () => {
  const cases: { name: string; text: string; sections: string[]; problems: string[] }[] = [
    {
      name: 'model and schema sections',
      text: 'a\n<!-- steward:model User -->\nx\n<!-- /steward:model -->\n<!-- steward:schema -->\n<!-- /steward:schema -->\n',
      sections: ['model User @2', 'schema @5'],
      problems: [],
    },
    { name: 'tolerant spacing', text: '<!--steward:model   User-->\n<!--/steward:model-->', sections: ['model User @1'], problems: [] },
    {
      name: 'markers in fences and inline code are prose',
      text: '```\n<!-- steward:model X -->\n```\n`<!-- steward:model Y -->`\n',
      sections: [],
      problems: [],
    },
    { name: 'other features own other markers', text: '<!-- steward:changes -->\n- x\n<!-- /steward:changes -->\n', sections: [], problems: [] },
    { name: 'unclosed', text: 'a\n<!-- steward:model User -->\n', sections: [], problems: ['docs-marker-unclosed @2:1'] },
    { name: 'closing without opening', text: '<!-- /steward:model -->', sections: [], problems: ['docs-marker-unopened @1:1'] },
    {
      name: 'nested',
      text: '<!-- steward:model A -->\n<!-- steward:model B -->\n<!-- /steward:model -->',
      sections: ['model B @2'],
      problems: ['docs-marker-nested @2:1'],
    },
    {
      name: 'model without a name',
      text: '<!-- steward:model -->\n<!-- /steward:model -->',
      sections: [],
      problems: ['docs-marker-malformed @1:1', 'docs-marker-unopened @2:1'],
    },
    { name: 'mismatched closing', text: '<!-- steward:schema -->\n<!-- /steward:model -->', sections: [], problems: ['docs-marker-unopened @2:1'] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const scan = scanMarkers(c.text);
      assert.deepEqual(
        scan.sections.map((s) => `${s.kind}${s.name ? ` ${s.name}` : ''} @${s.line}`),
        c.sections,
      );
      assert.deepEqual(
        scan.problems.map((p) => `${p.code} @${p.line}:${p.column}`),
        c.problems,
      );
    });
  }

  it('maskGeneratedSections blanks generated text and keeps every line number', () => {
    const text = 'Design: User has `nickname`.\n<!-- steward:model User -->\n| `email` | `String` |\n<!-- /steward:model -->\nAfter.\n';
    const masked = maskGeneratedSections(text);
    assert.equal(masked.split('\n').length, text.split('\n').length);
    assert.equal(masked.length, text.length);
    assert.ok(!masked.includes('email'));
    assert.ok(masked.includes('nickname') && masked.includes('After.'));
  });

  it('updateDocument rewrites only between markers, keeps CRLF, and leaves broken documents alone', () => {
    const text = 'keep\r\n<!-- steward:model A -->\r\nold\r\n<!-- /steward:model -->\r\nkeep too\r\n';
    const u = updateDocument(text, () => '\nnew\n');
    assert.equal(u.text, 'keep\r\n<!-- steward:model A -->\r\nnew\r\n<!-- /steward:model -->\r\nkeep too\r\n');
    assert.deepEqual(
      u.sections.map((s) => s.stale),
      [true],
    );
    assert.equal(updateDocument(u.text, () => '\nnew\n').sections[0].stale, false);
    const broken = 'x\n<!-- steward:model A -->\nold\n<!-- /steward:model -->\n<!-- steward:model B -->\n';
    const b = updateDocument(broken, () => '\nnew\n');
    assert.equal(b.text, broken);
    assert.deepEqual(
      b.problems.map((p) => p.code),
      ['docs-marker-unclosed'],
    );
    const unknown = updateDocument('<!-- steward:model Ghost -->\n<!-- /steward:model -->', () => undefined);
    assert.deepEqual(
      unknown.problems.map((p) => `${p.code} @${p.line}`),
      ['docs-unknown-model @1'],
    );
  });
});

describe('audit and generated sections', () => {
  it('the audit reads no design claims from steward sections', async () => {
    const { extractDocClaims } = await import('../../src/audit/docs/extract.js');
    const table = '### User\n\n| Field | Type |\n| --- | --- |\n| `nickname` | String |\n';
    const plain = extractDocClaims('DESIGN.md', `# Design\n\n${table}`);
    assert.ok(plain.claims.length > 0, 'the same table outside markers is a claim');
    const generated = extractDocClaims('REF.md', `# Reference\n\n<!-- steward:model User -->\n${table}<!-- /steward:model -->\n`);
    assert.deepEqual(generated.claims, []);
  });
});
