#!/usr/bin/env python3
"""Small reviewed edits to built-in entries: add aliases, or add sense declarations (via apply_senses).
Usage: edit_glossary.py SPEC.json, where SPEC is {"aliases": {id: [names]}, "dropAliases": {id: [names]}}."""
import json
import re
import sys
from pathlib import Path

G = Path(__file__).resolve().parent.parent / 'glossary'

def edit(entry_id, fn):
    for f in sorted(G.glob('*.yaml')):
        lines = f.read_text().split('\n')
        try:
            start = lines.index(f'  - id: {entry_id}')
        except ValueError:
            continue
        end = start + 1
        while end < len(lines) and not lines[end].startswith('  - id:'):
            end += 1
        fn(lines, start, end)
        f.write_text('\n'.join(lines))
        return
    print(f'{entry_id}: not found', file=sys.stderr)

# Plain scalars YAML would not read back as this string: numbers, booleans, null.
NOT_A_STRING = re.compile(r'^(?:[-+]?(?:\d[\d_]*(?:\.\d*)?(?:[eE][-+]?\d+)?|\.\d+|0x[0-9a-fA-F]+|0o[0-7]+|\.inf|\.nan)|true|false|yes|no|on|off|null|~)$', re.I)

def q(x):
    plain = not re.search(r'[:#\[\]{},&*!|>\'"%@`]', x) and x.strip() == x and not NOT_A_STRING.match(x)
    return x if plain else json.dumps(x, ensure_ascii=False)

def unflow(text):
    """The items of a one-line YAML flow list as these scripts write it (plain or JSON-quoted strings)."""
    inner = text.strip()[1:-1]
    return [json.loads(x) if x.startswith('"') else x for x in (y.strip() for y in re.findall(r'"(?:[^"\\]|\\.)*"|[^,]+', inner)) if x]

def add_aliases(lines, start, end, names):
    """Appends the names the entry's aliases do not list yet, so applying a spec twice changes nothing."""
    for i in range(start, end):
        m = re.match(r'^    aliases: (\[.*\])$', lines[i])
        if m:
            new = [n for n in dict.fromkeys(names) if n not in unflow(m.group(1))]
            if new:
                lines[i] = f'    aliases: [{m.group(1)[1:-1]}, {", ".join(q(n) for n in new)}]'
            return
    at = next(i for i in range(start, end) if lines[i].startswith('    category:'))
    lines.insert(at, f'    aliases: [{", ".join(q(n) for n in names)}]')

def drop_aliases(lines, start, end, names):
    for i in range(start, end):
        m = re.match(r'^    aliases: \[(.*)\]$', lines[i])
        if m:
            items = [x.strip() for x in re.findall(r'"[^"]*"|[^,]+', m.group(1))]
            keep = [x for x in items if x.strip('"') not in names]
            lines[i] = f'    aliases: [{", ".join(keep)}]' if keep else None
    lines[:] = [l for l in lines if l is not None]

if __name__ == '__main__':
    spec = json.loads(Path(sys.argv[1]).read_text())
    for eid, names in spec.get('aliases', {}).items():
        edit(eid, lambda l, s, e, n=names: add_aliases(l, s, e, n))
    for eid, names in spec.get('dropAliases', {}).items():
        edit(eid, lambda l, s, e, n=names: drop_aliases(l, s, e, n))
