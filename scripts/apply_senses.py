#!/usr/bin/env python3
"""Reviewed edits of the built-in glossary (kept for the record): adds senses, notIn and verb fields to existing
entries, leaving the rest of the file byte for byte. An entry that already declares senses or notIn gets the new
ones merged in: a new surface is appended, an existing surface gains the new compounds and cues (and `default`),
notIn gains the new words; `"default": false` on a surface takes its default away, `dropCues` on a surface removes those cues and `dropCompounds` those compounds. `dropAliases` removes names that become sense surfaces; `aliases` adds plain names."""
import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from edit_glossary import add_aliases, drop_aliases, edit, q, unflow  # noqa: E402

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

def read_senses(lines, start, end):
    """The senses block of an entry: (first line, line after it, parsed senses), or None."""
    try:
        at = next(i for i in range(start, end) if lines[i] == '    senses:')
    except StopIteration:
        return None
    senses, i = [], at + 1
    while i < end and lines[i].startswith('      '):
        m = re.match(r'^ {6}- surface: (.*)$', lines[i]) or re.match(r'^ {8}(compounds|cues|default): (.*)$', lines[i])
        if lines[i].startswith('      - surface: '):
            v = m.group(1)
            senses.append({'surface': json.loads(v) if v.startswith('"') else v})
        elif m.group(1) == 'default':
            senses[-1]['default'] = m.group(2) == 'true'
        else:
            senses[-1][m.group(1)] = unflow(m.group(2))
        i += 1
    return at, i, senses

def union(old, new):
    return old + [x for x in new if x not in old]

def merge(old, new):
    out = [dict(s) for s in old]
    for s in new:
        hit = next((o for o in out if o['surface'] == s['surface']), None)
        if hit is None:
            out.append(dict(s))
            continue
        for k in ('compounds', 'cues'):
            if s.get(k):
                hit[k] = union(hit.get(k, []), s[k])
        if s.get('dropCues'):
            hit['cues'] = [c for c in hit.get('cues', []) if c not in s['dropCues']]
        if s.get('dropCompounds'):
            hit['compounds'] = [c for c in hit.get('compounds', []) if c not in s['dropCompounds']]
        if s.get('default'):
            hit['default'] = True
        elif s.get('default') is False:
            hit.pop('default', None)
    return out

def after_category(lines, start, end):
    """The `category:` line of an entry, or the `verb:` line right after it."""
    cat = next(i for i in range(start, end) if lines[i].startswith('    category:'))
    return cat + 1 if lines[cat + 1].startswith('    verb:') else cat

def apply(entry_id, senses=None, not_in=None, verb=None, drop=None, add=None):
    def insert(lines, start, end):
        if drop:
            drop_aliases(lines, start, end, drop)
        if add:
            add_aliases(lines, start, end, add)
        if drop or add:
            end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith('  - id:')), len(lines))
        cat = after_category(lines, start, end)
        if verb and not any(l.startswith('    verb:') for l in lines[start:end]):
            lines.insert(cat + 1, f'    verb: {verb}')
            end += 1
        if senses:
            found = read_senses(lines, start, end)
            if found:
                a, b, old = found
                block = sense_yaml(merge(old, senses))
                lines[a:b] = block
                end += len(block) - (b - a)
            else:
                at = after_category(lines, start, end)
                block = sense_yaml(senses)
                lines[at + 1:at + 1] = block
                end += len(block)
        if not_in:
            at = next((i for i in range(start, end) if lines[i].startswith('    notIn: ')), None)
            if at is not None:
                lines[at] = f'    notIn: {flow(union(unflow(lines[at][len("    notIn: "):]), not_in))}'
            else:
                found = read_senses(lines, start, end)
                lines.insert(found[1] if found else after_category(lines, start, end) + 1, f'    notIn: {flow(not_in)}')
    edit(entry_id, insert)

if __name__ == '__main__':
    spec = json.loads(Path(sys.argv[1]).read_text())
    for e in spec:
        apply(e['id'], e.get('senses'), e.get('notIn'), e.get('verb'), e.get('dropAliases'), e.get('aliases'))
