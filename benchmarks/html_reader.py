"""Saved web pages: which reading of a page keeps the names its article gives, and how fast it reads.

Run: `python benchmarks/html_reader.py CORPUS_DIR [--glob 'c*.txt'] [--rounds N]`.

Each text document of CORPUS_DIR is set as the article of a saved news page in the three layouts of
`office.html_page` (HTML5 chrome elements; class-named divs; the article as `<br>` lines), amid a
menu, breadcrumb, byline, sidebar of headlines, related-articles list and a footer with copyright
and ICP line. Each page is read four ways and extracted like the text: by the hand-written rules
alone (`_TextExtractor`, the reader before trafilatura), by trafilatura alone (`main_content`), by
trafilatura with the page's `<h1>` put back, and by `html_to_text` (that, falling back to the rules
when trafilatura drops the page's sentences). For each it counts the (type, name) pairs the text
version gives that the page keeps, the pairs only the page gives, page lines that are not in the
source (chrome let through) and source lines missing from the page's text. Speed is pages read a
second through `HtmlLoader` (decoding included), best of `--rounds` in CPU time.
"""

from __future__ import annotations

import argparse
import dataclasses
import re
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import office

from parkgraph.loaders import sources
from parkgraph.loaders.pipeline import Pipeline
from parkgraph.loaders.sources import HtmlLoader, html_to_text, main_content, read_bytes


def rules(page: str) -> str:
    extractor = sources._TextExtractor()
    extractor.feed(page)
    extractor.close()
    return extractor.text()


def with_headline(page: str) -> str:
    extractor = sources._TextExtractor()
    extractor.feed(page)
    extractor.close()
    return f"{extractor.headline()}\n{main_content(page)}"


READINGS: dict[str, Callable[[str], str]] = {
    "rules": rules,
    "trafilatura": main_content,
    "trafilatura + <h1>": with_headline,
    "html_to_text (chosen)": lambda page: html_to_text(page)[0],
}


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def lines(text: str) -> list[str]:
    return [squeeze(line) for line in text.splitlines() if line.strip()]


@dataclasses.dataclass
class Tally:
    kept: int = 0
    extra: int = 0
    chrome_lines: int = 0
    lost_lines: int = 0


def measure(paths: Sequence[Path]) -> tuple[int, int, dict[tuple[str, str], Tally]]:
    """(names the texts give, source lines, tallies by reading and layout)."""
    pipeline = Pipeline()
    wanted = source_lines = 0
    tallies: dict[tuple[str, str], Tally] = {}
    for path in paths:
        text = path.read_text(encoding="utf-8")
        expected = {(e.type, e.name) for e in pipeline.extract_path(path).entities}
        wanted += len(expected)
        source, whole = lines(text), squeeze(text)
        source_lines += len(source)
        for layout in office.LAYOUTS:
            data = office.html_page(text, layout)
            raw = read_bytes(data, f"{path.stem}.html")
            for name, read in READINGS.items():
                found = read(data.decode())
                facts = pipeline.facts(dataclasses.replace(raw, text=found)) if found.strip() else None
                got = {(e.type, e.name) for e in facts.entities} if facts else set()
                tally = tallies.setdefault((name, layout), Tally())
                tally.kept += len(expected & got)
                tally.extra += len(got - expected)
                read_lines, read_whole = lines(found), squeeze(found)
                tally.chrome_lines += sum(line not in whole for line in read_lines)
                tally.lost_lines += sum(line not in read_whole for line in source)
    return wanted, source_lines, tallies


def pages_per_second(pages: Sequence[bytes], read: Callable[[bytes], object], rounds: int) -> float:
    best = float("inf")
    for _ in range(rounds):
        start = time.process_time()
        for data in pages:
            read(data)
        best = min(best, time.process_time() - start)
    return len(pages) / best


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--glob", default="*.txt")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)
    paths = sorted(args.corpus.glob(args.glob))
    wanted, source_lines, tallies = measure(paths)
    print(f"{len(paths)} documents, {wanted} names, {source_lines} lines; per layout:")
    for (name, layout), t in sorted(tallies.items()):
        print(
            f"  {name:22} {layout:7} names kept {t.kept}/{wanted} ({t.kept / wanted:.1%}), "
            f"only on the page {t.extra}; chrome lines {t.chrome_lines}, source lines lost {t.lost_lines}"
        )
    pages = [
        office.html_page(p.read_text(encoding="utf-8"), layout) for p in paths for layout in office.LAYOUTS
    ]
    fallen = sum(html_to_text(page.decode())[0] == rules(page.decode()) for page in pages)
    print(f"html_to_text read {fallen} of {len(pages)} pages by the rules (trafilatura dropped sentences)")
    loader = HtmlLoader()
    speeds = {
        "rules": lambda data: rules(data.decode()),
        "HtmlLoader": lambda data: loader.read(Path("page.html"), data),
    }
    for name, read in speeds.items():
        print(f"{name}: {len(pages)} pages, {pages_per_second(pages, read, args.rounds):.0f} pages/s")


if __name__ == "__main__":
    main()
