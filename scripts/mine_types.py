#!/usr/bin/env python3
"""Mines role nouns for source typing from PolNeAR training speakers.

usage: python3 scripts/mine_types.py [TRAIN.jsonl] > src/lexicon/types/mined_roles.txt

Reads the gold speaker spans of ../shared/eval/polnear-train.jsonl (or the
given file) and keeps the head noun of descriptions such as "a Democratic
strategist", "the speechwriter", "many backers": a determiner or quantifier
first, lower-case head last, with an agent-noun ending (-er, -or, -ist...). Plurals are folded to the singular. Only single
words seen at least MIN_COUNT times, not already in the hand-written lists of
src/lexicon/types/ (roles, groups, documents, institutions) and not in the
stop list below, are printed. No sentence or phrase of the corpus is copied:
the output is a list of common English nouns.
"""
import collections
import json
import os
import re
import sys

MIN_COUNT = 2
HERE = os.path.dirname(os.path.abspath(__file__))
TYPES = os.path.join(HERE, "..", "src", "lexicon", "types")
DETERMINERS = {
    "a", "an", "the", "one", "another", "some", "many", "several", "most", "other", "two", "three", "few",
    "these", "those", "this", "that", "his", "her", "their", "its", "our", "both", "all", "any", "each",
}
# heads that are not people: time words, abstract nouns, things
STOP = {
    "way", "time", "thing", "things", "fact", "idea", "point", "issue", "question", "part", "rest", "end", "case",
    "number", "lot", "kind", "sort", "world", "country", "nation", "state", "city", "race", "election", "campaign",
    "debate", "night", "day", "week", "year", "years", "month", "months", "moment", "news", "story", "stories",
    "message", "answer", "response", "evidence", "record", "numbers", "results", "result", "polling", "data",
    "site", "show", "book", "film", "ad", "ads", "video", "speech", "statement", "interview", "remarks", "reports",
    "others", "majority", "minority", "percent", "share", "half", "bunch", "pair", "couple", "same", "latter",
    "former", "first", "last", "public", "press", "media", "group", "team", "party", "panel", "committee",
    "centrist", "leftist", "rightist", "populist", "socialist", "nationalist", "moderate",
}
NUMBERS = {"three", "seven", "eleven", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"}
# agent-noun endings: keeps people ("backer", "centrist", "speechwriter"), drops things
PERSON_ENDINGS = ("er", "or", "ist", "ian", "ant", "ent", "ee", "man", "woman", "eon")


def words_of(path):
    out = set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.split("#")[0].strip()
            if not line or line.startswith("["):
                continue
            out.add(line.split("|")[0].strip().lower())
    return out


def singular(w):
    if w.endswith("men"):
        return w[:-3] + "man"
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith("sses") or w.endswith("ches") or w.endswith("shes"):
        return w[:-2]
    if w.endswith("s") and not w.endswith("ss"):
        return w[:-1]
    return w


def main(argv):
    train = argv[1] if len(argv) > 1 else os.path.join(HERE, "..", "..", "shared", "eval", "polnear-train.jsonl")
    known = set()
    for name in ("roles.txt", "groups.txt", "documents.txt", "institutions.txt", "titles.txt"):
        known |= words_of(os.path.join(TYPES, name))
    known_singular = {singular(w) for w in known} | known
    counts = collections.Counter()
    with open(train, encoding="utf-8") as f:
        for line in f:
            doc = json.loads(line)
            text = doc["text"]
            for a in doc.get("attributions", []):
                sp = a.get("speaker")
                if not sp:
                    continue
                toks = re.findall(r"[A-Za-z][A-Za-z'-]*", text[sp[0]:sp[1]])
                if len(toks) < 2 or len(toks) > 5 or toks[0].lower() not in DETERMINERS:
                    continue
                head = toks[-1]
                if not head.islower() or len(head) < 4 or head.endswith("ly") or "'" in head:
                    continue
                w = singular(head)
                if w in STOP or head in STOP or w in known_singular or head in known:
                    continue
                if len(w) < 5 or not w.endswith(PERSON_ENDINGS) or w.endswith("ment") or w in NUMBERS:
                    continue
                counts[w] += 1
    print("# Role nouns mined by scripts/mine_types.py from the heads of gold speaker")
    print("# descriptions in PolNeAR training articles (determiner first, lower-case head),")
    print(f"# seen at least {MIN_COUNT} times and not in the hand-written lists. Regenerate with:")
    print("#   python3 scripts/mine_types.py > src/lexicon/types/mined_roles.txt")
    print("# Format: role|kind (kind unknown: read the affiliation).")
    for w, n in sorted(counts.items()):
        if n >= MIN_COUNT:
            print(f"{w}|unknown")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
