// Temporary draft checker for glossary authors: schema + per-file sanity. Usage: node scripts/check-draft.cjs glossary/x.yaml...
const fs = require('fs');
const YAML = require('yaml');
const Ajv = require('ajv');
const schema = require('../glossary/glossary.schema.json');
const validate = new Ajv({ allErrors: true }).compile(schema);
let bad = 0;
const ids = new Map(), terms = new Map();
for (const f of process.argv.slice(2)) {
  const doc = YAML.parseDocument(fs.readFileSync(f, 'utf8'));
  if (doc.errors.length) { for (const e of doc.errors) console.log(`${f}: ${e.message}`); bad++; continue; }
  const data = doc.toJS();
  if (!validate(data)) { for (const e of validate.errors) console.log(`${f}: ${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`); bad++; }
  for (const e of data.entries || []) {
    if (ids.has(e.id)) { console.log(`${f}: duplicate id ${e.id}`); bad++; }
    ids.set(e.id, f);
    for (const t of [e.en, e.zh, e.abbr, ...(e.aliases || [])].filter(Boolean)) {
      const k = t.toLowerCase().replace(/[\s\-]+/g, ' ');
      if (terms.has(k) && terms.get(k) !== e.id) { console.log(`${f}: term "${t}" of ${e.id} also belongs to ${terms.get(k)}`); bad++; }
      terms.set(k, e.id);
      if (/^\p{Script=Han}$/u.test(t)) { console.log(`${f}: one-character Han term "${t}" in ${e.id}`); bad++; }
    }
    for (const l of ['en', 'zh']) if (!e.definition || !e.definition[l] || !e.definition[l].trim()) { console.log(`${f}: ${e.id} lacks definition.${l}`); bad++; }
  }
}
for (const f of process.argv.slice(2)) {
  const data = YAML.parse(fs.readFileSync(f, 'utf8'));
  for (const e of (data && data.entries) || []) for (const r of e.related || []) if (!ids.has(r)) console.log(`${f}: ${e.id} related "${r}" not among the checked files (fine if another file defines it)`);
}
console.log(`${ids.size} entries, ${bad} problems`);
process.exit(bad ? 1 : 0);
