// One-off: labels the curated map marked "no entry" (null) get the entries added since, where the scorer's own
// name rule (its name index) finds exactly such new entries. Usage: node out/eval/remap.js OLD_IDS_FILE
import * as fs from 'node:fs';
import * as path from 'node:path';
import { normalizeTerm } from '../src/core/text';
import { loadBuiltin, nameIndex, ROOT } from './evalNames';

const old = new Set(fs.readFileSync(process.argv[2], 'utf8').split('\n').filter(Boolean));
const byName = nameIndex(loadBuiltin());
const mapFile = path.join(ROOT, 'eval', 'concept-map.json');
const map = JSON.parse(fs.readFileSync(mapFile, 'utf8')) as Record<string, string[] | null>;
const labels = fs.readdirSync(path.join(ROOT, 'eval', 'labels')).flatMap((f) => JSON.parse(fs.readFileSync(path.join(ROOT, 'eval', 'labels', f), 'utf8')).concepts as { en: string; zh?: string; sense?: string; surfaces: string[] }[]);
let n = 0;
for (const c of labels) {
  const key = c.sense ? `${c.en} [${c.sense}]` : c.en;
  if (!(key in map) || map[key] !== null) continue;
  const ids = new Set<string>();
  for (const name of [c.en.replace(/\s*\(.*\)\s*$/, ''), c.en, c.zh, ...c.surfaces]) if (name) for (const id of byName.get(normalizeTerm(name, false)) ?? []) ids.add(id);
  const fresh = [...ids].filter((id) => !old.has(id));
  if (fresh.length && fresh.length === ids.size) {
    map[key] = fresh;
    n++;
    console.log(`${key} -> ${fresh.join(', ')}`);
  }
}
fs.writeFileSync(mapFile, JSON.stringify(map, null, 2) + '\n');
console.log(`${n} labels mapped to entries added since the map was written`);
