"""Counts gold names that page-chrome removal makes unreachable, by the check that removed them.

Run from the repository: `python scripts/boilerplate_loss.py --gold GOLD_DIR CORPUS_DIR [--totals-only]`.
A gold entity name or alias that occurs in a document's cleaned text before `drop_boilerplate` and
no longer occurs after it is a fact the filter took away from extraction; each is put down to the
check whose dropped piece held it (`other` when no single dropped piece held it whole). With
`--totals-only` (for held-out documents) only the totals are printed, never names or documents.
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from parkgraph.loaders.evaluation import load_gold
from parkgraph.loaders.normalize import (
    drop_boilerplate,
    remove_mojibake,
    remove_pinyin_glosses,
    to_simplified,
    unify_line_endings,
    unify_punctuation,
)
from parkgraph.loaders.sources import read_document


def before_boilerplate(text: str) -> str:
    """The text as `normalize` hands it to `drop_boilerplate` (the same steps, in the same order)."""
    text = remove_pinyin_glosses(unify_line_endings(text))
    return unify_punctuation(remove_mojibake(to_simplified(text)))


def gold_names(doc: dict) -> set[str]:
    """Every name and alias of every gold entity."""
    names = (name for entity in doc["entities"] for name in [entity["name"], *entity.get("aliases", [])])
    return {name for name in names if name}


def lost_names(text: str, names: set[str]) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(name, check) for each name in `text` that the boilerplate filter removes entirely, and for
    each dropped piece that held a name still found elsewhere (a mention, maybe a fact, gone)."""
    before = before_boilerplate(text)
    dropped: list[tuple[str, str]] = []
    after = drop_boilerplate(before, dropped)
    lost, thinned = [], []
    for name in sorted(name for name in names if name in before):
        holders = [check for check, piece in dropped if name in piece]
        if name not in after:
            lost.append((name, holders[0] if holders else "other"))
        else:
            thinned.extend((name, check) for check in holders)
    return lost, thinned


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, required=True)
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--totals-only", action="store_true", help="print no names or documents")
    args = parser.parse_args()
    gold = load_gold(args.gold)
    totals: Counter[str] = Counter()
    thinned_totals: Counter[str] = Counter()
    reachable = 0
    for path in sorted(args.corpus.glob("*.txt")):
        if path.name not in gold:
            continue
        text = read_document(path).text
        names = gold_names(gold[path.name])
        reachable += sum(name in before_boilerplate(text) for name in names)
        lost, thinned = lost_names(text, names)
        totals.update(check for _, check in lost)
        thinned_totals.update(check for _, check in thinned)
        if not args.totals_only:
            for name, check in lost:
                print(f"{path.name}\tlost\t{check}\t{name}")
            for name, check in thinned:
                print(f"{path.name}\tmention\t{check}\t{name}")
    print(f"gold names in the text before the filter: {reachable}")
    print(f"lost by the filter: {sum(totals.values())}")
    for check, count in totals.most_common():
        print(f"  {check}: {count}")
    print(f"dropped pieces holding a name still found elsewhere: {sum(thinned_totals.values())}")
    for check, count in thinned_totals.most_common():
        print(f"  {check}: {count}")


if __name__ == "__main__":
    main()
