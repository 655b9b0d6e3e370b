import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildGlossary } from '../src/core/glossaryIndex';
import { revive } from '../src/core/precompiled';
import { scanDocument } from '../src/core/scanner';
import { sentenceAround } from '../src/core/senses';
const root = '/work/shared/corpus';
const held = new Set(JSON.parse(fs.readFileSync('eval/notes.json', 'utf8')).notes.filter((n: any) => n.split === 'heldout').map((n: any) => n.file));
const g = buildGlossary([{ builtin: true, files: revive(JSON.parse(fs.readFileSync('dist/glossary.json', 'utf8'))) }]);
const want = process.argv[2];
const files: string[] = [];
const walk = (d: string) => { for (const e of fs.readdirSync(d, { withFileTypes: true })) { const p = path.join(d, e.name); if (e.isDirectory()) walk(p); else if (p.endsWith('.md')) files.push(p); } };
walk(root);
let n = 0;
const per: Record<string, number> = {};
for (const f of files.sort()) {
  const rel = path.relative(root, f);
  if (held.has(rel)) continue;
  const text = fs.readFileSync(f, 'utf8');
  if (!text.includes(want)) continue;
  const occ = scanDocument(text, g).occurrences.filter((o) => o.text === want);
  for (const o of occ) {
    const k = `${o.entryId}/${o.senses?.by}`;
    per[k] = (per[k] ?? 0) + 1;
    const cls = process.argv[4]; if ((!cls || k === cls) && (per[k] <= Number(process.argv[3] ?? 5))) { const [s, e] = sentenceAround(text, o.start, o.end); console.log(`${k}\t${rel.slice(0, 50)}:${o.line}\t${text.slice(s, e).trim().slice(0, 140)}`); }
  }
}
console.log(per);
