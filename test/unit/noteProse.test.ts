import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { matchNoteProse, proseJson, proseOfNote, proseText, revivedProse, type ProseJson } from '../../src/core/noteProse';
import { scanDocument } from '../../src/core/scanner';
import { fixture, termsGlossary } from './helpers';

describe('note prose (what the notes index keeps)', () => {
  const glossary = termsGlossary();
  const same = (text: string) => {
    const r = proseOfNote(text);
    assert.ok('prose' in r, 'scanned');
    assert.deepEqual(matchNoteProse(r.prose, glossary.matcher), scanDocument(text, glossary).occurrences);
  };

  it('re-matching the stored prose gives exactly the occurrences of a full scan', () => {
    for (const f of ['llm-s1.md', 'traps.md']) same(fixture('notes', f));
    same('# 推理\n\n部署后推理。\n\n## 二\n\n思维链让模型推理，数学推理。\n');
    same('\ufeff# CoT\r\n\r\nLLMs 与 LoRA-based CoT’s\r\n- 思维链\n  - `CoT` *CoT*s\n');
  });

  it('holds for random Markdown made of glossary names and syntax', () => {
    const piece = fc.constantFrom('LoRA', 'CoT', '思维链', 'chain of thought', 's', ' ', '\n', '\r\n', '`', '*', '# ', '- ', '> ', '[', '](x)', '$', 'x', '-', 'Flora', '指令微调', '\n\n', '推理', '数学推理', '部署', '。', '## ');
    fc.assert(fc.property(fc.array(piece, { maxLength: 60 }), (parts) => same(parts.join(''))), { seed: 7, numRuns: 200 });
  });

  it('keeps its text as UTF-16 code units, lone surrogates and long pieces included, and as JSON a string', () => {
    const text = `# CoT \ud83e\n\n${'思维链与 LoRA。'.repeat(2000)} \udc00CoT\n`;
    same(text);
    const r = proseOfNote(text);
    assert.ok('prose' in r);
    assert.ok(proseText(r.prose).includes('\ud83e') && proseText(r.prose).includes('\udc00CoT'));
    const json = JSON.parse(JSON.stringify({ prose: r.prose }, proseJson)) as { prose: ProseJson };
    assert.equal(typeof json.prose.text, 'string');
    assert.deepEqual(revivedProse(json.prose), r.prose);
  });

  it('says why a note is skipped', () => {
    const r = proseOfNote('a\u0000b');
    assert.ok('skip' in r && /NUL/.test(r.skip));
  });
});
