"""A document sent to the API: a multipart file or a JSON `{source, text}`, read into bytes and a name.

Both become what a file on disk would be, so an upload goes through the same
loaders (and is refused for the same reasons) as `parkgraph load`.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from fastapi import HTTPException, Request
from fastapi.exceptions import RequestValidationError
from pydantic import ValidationError
from starlette.datastructures import UploadFile

from parkgraph.api.schemas import TextUpload
from parkgraph.loaders.sources import MAX_DOCUMENT_BYTES

__all__ = ["MAX_UPLOAD_BYTES", "UPLOAD_REQUEST_BODY", "Upload", "invalid", "read_upload"]

MAX_UPLOAD_BYTES = 2 * MAX_DOCUMENT_BYTES + 2**20
"""The most an upload's body may hold (`api.limits.BodyLimit` refuses more unread): JSON escapes can
double a text, multipart adds headers."""

FILE_FIELD = "file"

UPLOAD_REQUEST_BODY: dict[str, Any] = {
    "required": True,
    "content": {
        "multipart/form-data": {
            "schema": {
                "type": "object",
                "required": [FILE_FIELD],
                "properties": {
                    FILE_FIELD: {
                        "type": "string",
                        "format": "binary",
                        "description": "a text or HTML file (UTF-8, GB18030/GBK or Big5), at most 20 MiB",
                    }
                },
            }
        },
        "application/json": {"schema": TextUpload.model_json_schema()},
    },
}
"""The OpenAPI request body of an upload: FastAPI cannot infer a body read from the request itself."""


class Upload(NamedTuple):
    data: bytes
    source: str
    field: str
    """The body field it came in, to name in an error."""


def invalid(field: str, message: str) -> RequestValidationError:
    """A 422 problem naming the body field at fault, as FastAPI's own validation gives."""
    return RequestValidationError(
        [
            {
                "loc": ("body", field),
                "msg": message,
                "type": "value_error",
                "ctx": {"error": ValueError(message)},
            }
        ]
    )


async def read_upload(request: Request) -> Upload:
    """The document in the request body; 415 or 422 problems when there is none to read (`BodyLimit`
    refuses a body over MAX_UPLOAD_BYTES as it arrives)."""
    media_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media_type in ("multipart/form-data", "application/x-www-form-urlencoded"):
        return await _from_form(request)
    if media_type == "application/json":
        return await _from_json(request)
    raise HTTPException(
        415, f"send the document as multipart/form-data (field `{FILE_FIELD}`) or as JSON {{source, text}}"
    )


async def _from_form(request: Request) -> Upload:
    async with request.form(max_files=1, max_fields=10) as form:
        file = form.get(FILE_FIELD)
        if not isinstance(file, UploadFile):
            raise invalid(FILE_FIELD, f"the form has no file field `{FILE_FIELD}`")
        return Upload(await file.read(), file.filename or "upload", FILE_FIELD)


async def _from_json(request: Request) -> Upload:
    body = await request.body()
    try:
        upload = TextUpload.model_validate_json(body)
    except ValidationError as exc:
        raise RequestValidationError(
            [{**error, "loc": ("body", *error["loc"])} for error in exc.errors(include_url=False)]
        ) from None
    return Upload(upload.text.encode("utf-8"), upload.source, "text")
