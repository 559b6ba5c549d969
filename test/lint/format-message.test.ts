import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatMessage } from '../../src/lint/rule.js';

describe('formatMessage', () => {
  it('fills every placeholder, spaces inside the braces allowed, the same name twice', () => {
    assert.equal(formatMessage('{{a}} and {{ b }}, again {{a}}.', { a: 'x', b: 2 }), 'x and 2, again x.');
  });

  it('keeps a placeholder whose name the data lacks', () => {
    assert.equal(formatMessage('Model {{model}} lacks {{field}}', { model: 'User' }), 'Model User lacks {{field}}');
  });

  it('a template that is only a placeholder, or has none', () => {
    assert.equal(formatMessage('{{message}}', { message: 'whole' }), 'whole');
    assert.equal(formatMessage('plain text', { message: 'unused' }), 'plain text');
    assert.equal(formatMessage('', {}), '');
  });

  it('a template used again with other data gives that data', () => {
    assert.equal(formatMessage('{{n}} found', { n: 1 }), '1 found');
    assert.equal(formatMessage('{{n}} found', { n: 'none' }), 'none found');
  });
});
