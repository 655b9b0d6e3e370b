import * as assert from 'node:assert/strict';
import { entryLabel, fullName, primaryName, secondaryName } from '../../src/core/labels';

describe('entry labels (one home for every display name)', () => {
  const cot = { en: 'chain of thought', zh: '思维链', abbr: 'CoT' };
  const gpt = { en: 'GPT', abbr: 'GPT' };
  const rope = { en: 'rotary position embedding', abbr: 'RoPE' };

  it('copies 中文（English, Abbreviation）', () => {
    assert.equal(entryLabel(cot), '思维链（chain of thought, CoT）');
    assert.equal(entryLabel(rope), 'rotary position embedding (RoPE)');
    assert.equal(entryLabel(gpt), 'GPT');
  });

  it('shows the Chinese name first unless the language is English', () => {
    assert.equal(primaryName(cot), '思维链');
    assert.equal(primaryName(cot, 'en'), 'chain of thought');
    assert.equal(secondaryName(cot), 'chain of thought (CoT)');
    assert.equal(secondaryName(cot, 'en'), '思维链 · CoT');
    assert.equal(secondaryName(gpt), '');
    assert.equal(fullName(rope), 'rotary position embedding · RoPE');
  });
});
