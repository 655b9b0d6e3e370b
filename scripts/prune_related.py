#!/usr/bin/env python3
"""Drops `related` ids that name no entry (after drafts were merged or entries removed), keeping the rest of each file byte for byte."""
import re
from pathlib import Path
G = Path(__file__).resolve().parent.parent / 'glossary'
ids = set()
for f in G.glob('*.yaml'):
    ids |= set(re.findall(r'^  - id: (\S+)$', f.read_text(), re.M))
n = 0
for f in sorted(G.glob('*.yaml')):
    out = []
    for line in f.read_text().split('\n'):
        m = re.match(r'^(    related: \[)(.*)(\])$', line)
        if m:
            items = [x.strip() for x in m.group(2).split(',') if x.strip()]
            keep = [x for x in items if x in ids]
            n += len(items) - len(keep)
            line = f'{m.group(1)}{", ".join(keep)}{m.group(3)}' if keep else None
        if line is not None:
            out.append(line)
    f.write_text('\n'.join(out))
print(f'dropped {n} dangling related ids')
