"""Pausing Python's cycle collector while a large, short-lived pile of objects is built.

Extraction makes hundreds of thousands of small objects (mentions, spans, matches) that live until
the document is done and form no cycles worth collecting; the collector's generational passes still
walk them again and again, which cost a fifth of the rule stages' time on a 1 MiB document and grew
faster than the document. Paused for the length of the work, the collector runs as usual after it.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_holders = 0
_was_enabled = False


@contextmanager
def collection_paused() -> Iterator[None]:
    """The cycle collector off while any thread is inside; back as it was when the last one leaves."""
    global _holders, _was_enabled
    with _lock:
        if _holders == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _holders += 1
    try:
        yield
    finally:
        with _lock:
            _holders -= 1
            if _holders == 0 and _was_enabled:
                gc.enable()
