"""Extraction throughput: characters of normalized text per second over the bundled corpus.

Run: `python benchmarks/extraction_speed.py [--rounds N]`. It reads every seed once,
then times normalization and extraction separately over N rounds (the lexicon is
loaded before timing), and prints characters per second for each stage and for both.
"""

from __future__ import annotations

import argparse
import time

from parkgraph.corpus import seeds_dir
from parkgraph.graph.facts import DocumentInfo
from parkgraph.loaders.extractor import Extractor
from parkgraph.loaders.normalize import normalize
from parkgraph.loaders.sources import read_document


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()
    raws = [read_document(p) for p in sorted(seeds_dir().iterdir())]
    extractor = Extractor()
    infos = [DocumentInfo(id=r.id, source=r.source) for r in raws]

    start = time.perf_counter()
    for _ in range(args.rounds):
        texts = [normalize(r.text).text for r in raws]
    normalize_s = time.perf_counter() - start

    start = time.perf_counter()
    for _ in range(args.rounds):
        for text, info in zip(texts, infos, strict=True):
            extractor.extract(text, info)
    extract_s = time.perf_counter() - start

    raw_chars = sum(len(r.text) for r in raws) * args.rounds
    chars = sum(len(t) for t in texts) * args.rounds
    print(f"documents: {len(raws)} x {args.rounds} rounds, {chars // args.rounds} normalized chars a round")
    print(f"normalize: {raw_chars / normalize_s:,.0f} raw chars/s")
    print(f"extract:   {chars / extract_s:,.0f} chars/s")
    print(f"both:      {chars / (normalize_s + extract_s):,.0f} chars/s")


if __name__ == "__main__":
    main()
