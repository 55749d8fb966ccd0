"""Extraction throughput: characters of normalized text per second, over the bundled corpus and over
large documents made from it.

Run: `python benchmarks/extraction_speed.py [--rounds N] [--sizes 256K,1M,2M,4M] [--one-line]`.
Times are CPU seconds of the process (`clock`).

1. It reads every seed once, then times normalization and extraction separately over N rounds (the
   lexicon is loaded before timing), and prints characters per second for each stage and for both.
2. It builds one document of each size (UTF-8 bytes) from the seeds' normalized paragraphs, shuffled
   anew each time round (seeded, so every run reads the same text), times normalizing and extracting
   it once, and prints characters per second at each size and how much longer the largest took than
   the 1 MiB one: a stage that grows faster than the text shows there. `--one-line` removes the
   line breaks first, as scraped text often arrives.
"""

from __future__ import annotations

import argparse
import random
import time
from collections.abc import Sequence

from parkgraph.corpus import seeds_dir
from parkgraph.graph.facts import DocumentInfo
from parkgraph.loaders import lexical, mentions, recognition
from parkgraph.loaders.extractor import Extractor
from parkgraph.loaders.normalize import normalize
from parkgraph.loaders.sources import RawDocument, read_document

UNITS = {"K": 2**10, "M": 2**20}

clock = time.process_time
"""CPU seconds of this process, not wall time: the figures are per core (the model runs on one thread,
see `lexical._analyzer`), and other work on a busy machine moves them far less."""


class LexicalClock:
    """Time spent in the lexical analyzer (the LAC model), so the rule stages' own speed shows apart: it
    stands in for `analyze` in every module that calls it."""

    CALLERS = (mentions, recognition)

    def __init__(self) -> None:
        self.seconds = 0.0
        self.analyze = lexical.analyze
        for module in self.CALLERS:
            module.analyze = self

    def __call__(self, *args: object, **kwargs: object) -> list:
        start = clock()
        try:
            return self.analyze(*args, **kwargs)
        finally:
            self.seconds += clock() - start

    def lap(self) -> float:
        seconds, self.seconds = self.seconds, 0.0
        return seconds


CLOCK = LexicalClock()


def size_in_bytes(text: str) -> int:
    """`256K` or `4M` in bytes."""
    return int(float(text[:-1]) * UNITS[text[-1].upper()]) if text[-1:].upper() in UNITS else int(text)


def large_document(paragraphs: Sequence[str], size: int, seed: int = 0) -> str:
    """At least `size` bytes of UTF-8 text: the paragraphs again and again, in a new order each time."""
    rng = random.Random(seed)
    chosen: list[str] = []
    total = 0
    while total < size:
        order = list(paragraphs)
        rng.shuffle(order)
        for paragraph in order:
            chosen.append(paragraph)
            total += len(paragraph.encode("utf-8")) + 1
            if total >= size:
                break
    return "\n".join(chosen)


def seed_rounds(raws: list[RawDocument], extractor: Extractor, rounds: int) -> None:
    infos = [DocumentInfo(id=r.id, source=r.source) for r in raws]
    start = clock()
    for _ in range(rounds):
        texts = [normalize(r.text).text for r in raws]
    normalize_s = clock() - start

    CLOCK.lap()
    start = clock()
    for _ in range(rounds):
        for text, info in zip(texts, infos, strict=True):
            extractor.extract(text, info)
    extract_s = clock() - start
    lexical_s = CLOCK.lap()

    raw_chars = sum(len(r.text) for r in raws) * rounds
    chars = sum(len(t) for t in texts) * rounds
    print(f"documents: {len(raws)} x {rounds} rounds, {chars // rounds} normalized chars a round")
    print(f"normalize: {raw_chars / normalize_s:,.0f} raw chars/s")
    print(f"extract:   {chars / extract_s:,.0f} chars/s")
    print(
        f"  of it the lexical analyzer {lexical_s / extract_s:.0%}; the rule stages alone:"
        f" {chars / (extract_s - lexical_s):,.0f} chars/s"
    )
    print(f"both:      {chars / (normalize_s + extract_s):,.0f} chars/s")


def large_documents(raws: list[RawDocument], extractor: Extractor, sizes: list[str], one_line: bool) -> None:
    paragraphs = [line for r in raws for line in normalize(r.text).text.split("\n") if line.strip()]
    shape = "one line" if one_line else "lines as written"
    print(f"\nlarge documents ({shape}), from {len(paragraphs)} paragraphs of the seeds:")
    print(
        f"{'size':>6} {'chars':>10} {'normalize/s':>12} {'extract/s':>10} {'extract s':>10} {'rules/s':>10}"
    )
    seconds: dict[str, float] = {}
    for label in sizes:
        text = large_document(paragraphs, size_in_bytes(label))
        if one_line:
            text = text.replace("\n", "")
        start = clock()
        normalized = normalize(text).text
        normalize_s = clock() - start
        CLOCK.lap()
        start = clock()
        extractor.extract(normalized, DocumentInfo(id=label, source=f"{label}.txt"))
        seconds[label] = clock() - start
        rules_s = seconds[label] - CLOCK.lap()
        print(
            f"{label:>6} {len(normalized):>10,} {len(text) / normalize_s:>12,.0f} "
            f"{len(normalized) / seconds[label]:>10,.0f} {seconds[label]:>10.2f} "
            f"{len(normalized) / rules_s:>10,.0f}"
        )
    largest = sizes[-1]
    if "1M" in seconds and largest != "1M":
        print(f"extract time {largest} / 1M: {seconds[largest] / seconds['1M']:.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--sizes", default="256K,1M,2M,4M", help="document sizes, comma-separated")
    parser.add_argument("--one-line", action="store_true", help="remove the line breaks first")
    args = parser.parse_args()
    raws = [read_document(p) for p in sorted(seeds_dir().iterdir())]
    extractor = Extractor()
    seed_rounds(raws, extractor, args.rounds)
    sizes = [s.strip() for s in args.sizes.split(",") if s.strip()]
    if sizes:
        large_documents(raws, extractor, sizes, args.one_line)


if __name__ == "__main__":
    main()
