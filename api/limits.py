"""The most bytes of request body a route reads: refused with 413 before the rest is read.

A limit checked after `await request.body()` comes too late: the body is in memory by then (a
150 MiB chunked body to any route grew the server by 300 MB). This middleware sits in front of every
route: a declared `Content-Length` over the limit is refused before the first byte is read, and a
chunked body is counted as it arrives and refused the moment it passes the limit.
"""

from __future__ import annotations

from collections.abc import Mapping

from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

__all__ = ["BodyLimit"]


class BodyLimit:
    """ASGI middleware: `default` bytes for every route, `larger` for the (method, path) pairs named."""

    def __init__(self, app: ASGIApp, default: int, larger: Mapping[tuple[str, str], int]) -> None:
        self.app = app
        self.default = default
        self.larger = dict(larger)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        where = f"{scope['method']} {scope['path']}"
        limit = self.larger.get((scope["method"], scope["path"]), self.default)
        declared = _content_length(scope)
        received = 0

        async def limited() -> Message:
            nonlocal received
            if declared is not None and declared > limit:
                raise _too_large(where, limit)
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise _too_large(where, limit)
            return message

        await self.app(scope, limited, send)


def _content_length(scope: Scope) -> int | None:
    for name, value in scope.get("headers", []):
        if name == b"content-length" and value.isdigit():
            return int(value)
    return None


def _too_large(where: str, limit: int) -> HTTPException:
    most = f"{limit / 2**20:.1f} MiB" if limit >= 2**20 else f"{limit / 2**10:.1f} KiB"
    return HTTPException(413, f"the request body is too large: {where} reads at most {most}")
