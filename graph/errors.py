"""Errors a store raises; the CLI and API turn them into one clear message."""


class StoreError(Exception):
    """A store could not do what was asked (unreadable file, unreachable server)."""


class NotFound(KeyError):
    """An id that the store does not hold."""

    def __init__(self, kind: str, ident: str) -> None:
        super().__init__(f"no {kind} with id {ident!r}")
        self.kind = kind
        self.ident = ident

    def __str__(self) -> str:
        return self.args[0]


class Changed(StoreError):
    """The store changed (a document, a correction) while a rebuild of it was being prepared."""
