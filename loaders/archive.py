"""ZIP archives of documents: the members worth reading, unpacked only once their sizes are known safe.

A ZIP file states each member's unpacked size in its central directory, and Python's `zipfile` never
unpacks a member past the size it states (a lying member fails its check instead). So adding up the
stated sizes before unpacking anything bounds the memory an archive can take, which is what stops a
zip bomb: a few kilobytes that would unpack to gigabytes are refused in one line, unopened.

Member names written by Chinese Windows tools are GBK without the UTF-8 flag, which `zipfile` reads
as code page 437; they are read again as UTF-8 or GB18030, whichever gives ASCII and CJK alone
(GBK bytes are often valid UTF-8 too, of Hebrew or Greek letters).
"""

from __future__ import annotations

import io
import zipfile
import zlib
from collections.abc import Collection, Iterator
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from parkgraph.loaders.document import SourceError

__all__ = ["MAX_ARCHIVE_DEPTH", "MAX_UNPACKED_BYTES", "Budget", "is_archive", "members", "unpacked_size"]

MAX_UNPACKED_BYTES = 100 * 2**20
"""What one archive given to a load may unpack to in all, archives inside it included: five of the
largest documents (`sources.MAX_DOCUMENT_BYTES`), far above a folder of articles and reports."""
MAX_ARCHIVE_DEPTH = 3
"""Archives inside archives are opened this deep; a deeper one is a mistake or an attack."""
MAX_MEMBERS = 10_000

_ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
_OFFICE_SUFFIXES = frozenset({".docx", ".docm", ".xlsx", ".xlsm", ".pptx", ".odt", ".ods", ".epub"})
_OFFICE_PART = "[Content_Types].xml"
"""Every Office Open XML file (Word, Excel, PowerPoint) is a ZIP with this part at its root."""
_UTF8_FLAG = 0x800
_ENCRYPTED_FLAG = 0x1


@dataclass
class Budget:
    """How many more bytes the archives of one load may unpack to."""

    left: int = field(default_factory=lambda: MAX_UNPACKED_BYTES)


def _names(data: bytes) -> list[str] | None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return archive.namelist()
    except Exception:  # a damaged ZIP directory fails in many ways (BadZipFile, NotImplementedError…)
        return None


def is_archive(suffix: str, data: bytes) -> bool:
    """A ZIP file that is not an Office document (those are ZIPs too, read by their own loaders)."""
    if not data.startswith(_ZIP_MAGIC) or suffix.lower() in _OFFICE_SUFFIXES:
        return False
    names = _names(data)
    return names is None or _OFFICE_PART not in names


def unpacked_size(archive: zipfile.ZipFile) -> int:
    return sum(info.file_size for info in archive.infolist())


def _name(info: zipfile.ZipInfo) -> str:
    if info.flag_bits & _UTF8_FLAG:
        return info.filename
    raw = info.filename.encode("cp437", errors="replace")
    for encoding in ("utf-8", "gb18030"):
        try:
            name = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        if all(char < "\x80" or char >= "\u2e80" for char in name):
            return name
    return info.filename


def _wanted(name: str, suffixes: Collection[str]) -> bool:
    """Documents only, as in a folder walk: no hidden files, no macOS resource forks."""
    path = PurePosixPath(name)
    hidden = any(part.startswith(".") or part == "__MACOSX" for part in path.parts)
    return not hidden and path.suffix.lower() in suffixes


def _unpack(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes | SourceError:
    if info.flag_bits & _ENCRYPTED_FLAG:
        return SourceError("is encrypted in the archive (a password is needed)")
    try:
        return archive.read(info)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError) as err:
        return SourceError(f"is damaged in the archive ({err})")
    except NotImplementedError as err:
        return SourceError(f"cannot be unpacked ({err})")


def members(
    data: bytes, suffixes: Collection[str], max_member: int, budget: Budget
) -> Iterator[tuple[str, bytes | SourceError]]:
    """The documents of a ZIP archive by name, in the archive's order: their bytes or why not.

    Raises a one-line `SourceError` before unpacking anything when the archive is damaged or its
    documents would unpack to more than the budget left; a member larger than `max_member`, encrypted
    or damaged is yielded as its error and the others still come.
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except Exception as err:  # a damaged ZIP directory fails in many ways (BadZipFile, NotImplementedError…)
        raise SourceError(f"is a damaged ZIP archive ({type(err).__name__}: {err})") from None
    with archive:
        chosen = [(name, info) for info in archive.infolist() if _wanted(name := _name(info), suffixes)]
        chosen = [(name, info) for name, info in chosen if not info.is_dir()]
        if len(chosen) > MAX_MEMBERS:
            raise SourceError(f"holds {len(chosen)} documents; the limit is {MAX_MEMBERS}")
        total = sum(info.file_size for _, info in chosen if info.file_size <= max_member)
        if total > budget.left:
            raise SourceError(
                f"would unpack to {total / 2**20:.1f} MiB; an archive may unpack to at most "
                f"{MAX_UNPACKED_BYTES // 2**20} MiB (a zip bomb?)"
            )
        budget.left -= total
        for name, info in chosen:
            if info.file_size > max_member:
                size, limit = info.file_size / 2**20, max_member / 2**20
                yield name, SourceError(f"is too large ({size:.1f} MiB; the limit is {limit:g} MiB)")
            else:
                yield name, _unpack(archive, info)
