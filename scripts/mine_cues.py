#!/usr/bin/env python3
"""Regenerates src/lexicon/cues.tsv from the PolNeAR training gold.

usage: python3 scripts/mine_cues.py [SHARED_DIR]   (default ../shared)

For every lower-cased word form, counts how often it stands inside a gold cue
span and how often it occurs at all in the training texts; keeps the forms that
are cues at least MIN_GOLD times. Only word forms and counts are written: no
sentence of the texts is kept. The engine reads the ratio as the cue's prior.
"""
import collections
import json
import os
import re
import sys

MIN_GOLD = 3
WORD = re.compile(r"[A-Za-z]+(?:['’][a-z]+)?")
# Function words never count as cue words on their own (they are part of
# multiword cues, which the engine lists by hand).
STOP = set("""a an the to of in on at for by with from as that this these those it its he she they we i you
his her their our my your and or but not no is are was were be been being has have had do does did will would
can could may might shall should also just only even still further then there here so than very more most
about into over after before up out off all any some such what which who whom whose when where why how
mr mrs ms dr said""".split()) - {"said"}


def main(shared):
    path = os.path.join(shared, "eval", "polnear-train.jsonl")
    gold, total = collections.Counter(), collections.Counter()
    for line in open(path, encoding="utf-8"):
        d = json.loads(line)
        text = d["text"]
        cue_chars = bytearray(len(text))
        for a in d["attributions"]:
            if a.get("cue"):
                s, e = a["cue"]
                cue_chars[s:e] = b"\x01" * (e - s)
        for m in WORD.finditer(text):
            w = m.group().lower().replace("’", "'")
            total[w] += 1
            if cue_chars[m.start()]:
                gold[w] += 1
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "lexicon", "cues.tsv")
    # every form of the hand-written verb list is kept too, so that a form that
    # is rarely a cue ("states", "point") gets its low ratio rather than a default
    verbs = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "lexicon", "reporting_verbs.txt")
    listed = set()
    for line in open(verbs, encoding="utf-8"):
        if line.strip() and not line.startswith("#"):
            listed.update(line.lstrip("!").split())
    keep = {w for w in gold if gold[w] >= MIN_GOLD and w not in STOP} | {w for w in listed if total[w] >= 5}
    rows = sorted(keep, key=lambda w: (-gold[w], w))
    with open(out, "w", encoding="utf-8") as f:
        f.write("# Cue word forms mined from the PolNeAR training gold by scripts/mine_cues.py.\n")
        f.write("# form<TAB>times inside a gold cue<TAB>times in the training texts. Regenerate, do not edit.\n")
        for w in rows:
            f.write(f"{w}\t{gold[w]}\t{total[w]}\n")
    print(f"wrote {len(rows)} forms to {os.path.normpath(out)}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared"))
