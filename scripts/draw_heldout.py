#!/usr/bin/env python3
"""Draws a held-out half: per repository of ../shared/corpus, the first four of a random sample (fixed seed) of the
notes not labelled yet, with 3,000-14,000 characters outside fenced code, not README/index/summary files.
Usage: draw_heldout.py SEED, with eval/notes.json as it was before the half was added. Session 5: seed 20261203 on
`git show 1b1daca~1:eval/notes.json` (that half is now dev4); session 6: seed 20261205 on the notes.json of commit
7dd9ea8 (now dev5); session 7: seed 20261206 on the notes.json of commit 7cbf62c (now dev6); session 8: seed 20261207 on the notes.json
of commit bd08e63; session 9: seed 20261208 on the notes.json of commit 0dd29c8, skipping near-copies (a note whose name
minus a leading number is a labelled note's in the same folder); session 10: seed 20261209 on the notes.json of
commit 64c709e; session 12: seed 20261210 on the notes.json of commit 5cddb58 (now dev10); session 13: seed 20261211 on the notes.json
of commit 5d6280c (now dev11), then seed 20261212 on the notes.json of commit 55b9334; session 14: seed 20261213 on the notes.json of commit 3c04cc3
(split heldout2), then
seed 20261214 on the notes.json of commit b13b8c2 (split heldout3). Prints the corpus paths."""
import json
import os
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / 'shared' / 'corpus'

def prose_len(text):
    return len(re.sub(r'```.*?```', '', text, flags=re.S))

def copy_key(rel):
    """Folder and name without a leading chapter number: two notes with one key are copies of one chapter (a labelled
    note shares its own key, so this also skips the labelled notes)."""
    folder, name = os.path.split(rel)
    return folder, re.sub(r'^\d+[-_. ]*', '', name)

def main(seed):
    used = {n['file'] for n in json.loads((ROOT / 'eval' / 'notes.json').read_text())['notes']}
    copies = {copy_key(rel) for rel in used}
    random.seed(seed)
    for repo in sorted(p.name for p in CORPUS.iterdir() if p.is_dir()):
        cands = []
        for dp, _, fn in os.walk(CORPUS / repo):
            for f in fn:
                rel = os.path.relpath(os.path.join(dp, f), CORPUS)
                if not f.endswith('.md') or copy_key(rel) in copies or re.match(r'(?i)(readme|index|summary)', f):
                    continue
                if 3000 <= prose_len((CORPUS / rel).read_text(encoding='utf-8', errors='replace')) <= 14000:
                    cands.append(rel)
        cands.sort()
        for rel in random.sample(cands, min(len(cands), 20))[:4]:
            print(rel)

if __name__ == '__main__':
    main(int(sys.argv[1]))
