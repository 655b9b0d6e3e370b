#!/usr/bin/env python3
"""One-off edit of the built-in glossary (kept for the record): adds senses, notIn and verb fields to existing
entries. Inserts YAML lines after an entry's `category:` line, leaving the rest of the file byte for byte."""
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from edit_glossary import edit, q  # noqa: E402

def flow(items):
    return '[' + ', '.join(q(x) for x in items) + ']'

def sense_yaml(senses):
    out = ['    senses:']
    for s in senses:
        out.append(f'      - surface: {q(s["surface"])}')
        if s.get('compounds'):
            out.append(f'        compounds: {flow(s["compounds"])}')
        if s.get('cues'):
            out.append(f'        cues: {flow(s["cues"])}')
        if s.get('default'):
            out.append('        default: true')
    return out

def apply(entry_id, senses=None, not_in=None, verb=None):
    def insert(lines, start, end):
        if any(l.startswith(('    senses:', '    notIn:', '    verb:')) for l in lines[start:end]):
            print(f'{entry_id}: already edited', file=sys.stderr)
            return
        cat = next(i for i in range(start, end) if lines[i].startswith('    category:'))
        add = [f'    verb: {verb}'] if verb else []
        if senses:
            add += sense_yaml(senses)
        if not_in:
            add.append(f'    notIn: {flow(not_in)}')
        lines[cat + 1:cat + 1] = add
    edit(entry_id, insert)

if __name__ == '__main__':
    spec = json.loads(Path(sys.argv[1]).read_text())
    for e in spec:
        apply(e['id'], e.get('senses'), e.get('notIn'), e.get('verb'))
