#!/usr/bin/env python3
"""One-off edit of the built-in glossary (kept for the record): adds senses, notIn and verb fields to existing
entries. Inserts YAML lines after an entry's `category:` line, leaving the rest of the file byte for byte."""
import json
import re
import sys
from pathlib import Path

G = Path(__file__).resolve().parent.parent / 'glossary'

def flow(items):
    return '[' + ', '.join(json.dumps(x, ensure_ascii=False) if re.search(r'[:#\[\]{},&*!|>\'"%@`]', x) or x.strip() != x else x for x in items) + ']'

def sense_yaml(senses):
    out = ['    senses:']
    for s in senses:
        out.append(f'      - surface: {flow([s["surface"]])[1:-1]}')
        if s.get('compounds'):
            out.append(f'        compounds: {flow(s["compounds"])}')
        if s.get('cues'):
            out.append(f'        cues: {flow(s["cues"])}')
        if s.get('default'):
            out.append('        default: true')
    return out

def apply(entry_id, senses=None, not_in=None, verb=None):
    for f in sorted(G.glob('*.yaml')):
        lines = f.read_text().split('\n')
        try:
            start = lines.index(f'  - id: {entry_id}')
        except ValueError:
            continue
        end = start + 1
        while end < len(lines) and not lines[end].startswith('  - id:'):
            end += 1
        body = lines[start:end]
        if any(l.startswith(('    senses:', '    notIn:', '    verb:')) for l in body):
            print(f'{entry_id}: already edited', file=sys.stderr)
            return
        cat = next(i for i in range(start, end) if lines[i].startswith('    category:'))
        add = []
        if verb:
            add.append(f'    verb: {verb}')
        if senses:
            add += sense_yaml(senses)
        if not_in:
            add.append(f'    notIn: {flow(not_in)}')
        lines[cat + 1:cat + 1] = add
        f.write_text('\n'.join(lines))
        return
    print(f'{entry_id}: not found', file=sys.stderr)

if __name__ == '__main__':
    spec = json.loads(Path(sys.argv[1]).read_text())
    for e in spec:
        apply(e['id'], e.get('senses'), e.get('notIn'), e.get('verb'))
