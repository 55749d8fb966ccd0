"""Imported only by the fork server of `parkgraph load --jobs` (see `workers.py`): it reads the lexicon
once there, so each worker forked from it starts with the lexicon in memory instead of parsing it again
(about 0.4 s a worker). A lexicon that cannot be read is left to the worker, which reports it as the
loading process does."""

from __future__ import annotations

from contextlib import suppress

from parkgraph.loaders.lexicon import LexiconError, load_lexicon

with suppress(LexiconError):
    load_lexicon()
