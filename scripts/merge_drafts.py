#!/usr/bin/env python3
"""Appends the entries of reviewed draft files to the built-in glossary, each to its category's file, as text
(comments and layout kept). Usage: merge_drafts.py DRAFT.yaml... ; skips ids already in glossary/."""
import re
import sys
from pathlib import Path

G = Path(__file__).resolve().parent.parent / 'glossary'
existing = set()
for f in G.glob('*.yaml'):
    existing |= set(re.findall(r'^  - id: (\S+)$', f.read_text(), re.M))

def blocks(text):
    body = text.split('\n')
    start = next(i for i, l in enumerate(body) if l.startswith('entries:')) + 1
    cur = []
    for l in body[start:]:
        if l.startswith('  - id:') and cur:
            yield cur
            cur = []
        if l.startswith('  - ') or cur:
            cur.append(l)
    if cur:
        yield cur

added = {}
for d in sys.argv[1:]:
    for b in blocks(Path(d).read_text()):
        while b and not b[-1].strip():
            b.pop()
        m = re.match(r'  - id: (\S+)$', b[0])
        cat = next((re.match(r'    category: (\S+)', l).group(1) for l in b if l.startswith('    category:')), None)
        if not m or not cat or m.group(1) in existing:
            print(f'skipped {b[0]!r} ({"exists" if m and m.group(1) in existing else "malformed"})', file=sys.stderr)
            continue
        existing.add(m.group(1))
        f = G / f'{cat}.yaml'
        text = f.read_text()
        f.write_text(text.rstrip('\n') + '\n' + '\n'.join(b) + '\n')
        added[cat] = added.get(cat, 0) + 1
print(added)
