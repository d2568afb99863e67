"""A Playwright trace with personal data masked in its text and its images left out, fit to attach."""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Sequence

from support.personal_data import mask

# Pictures cannot be masked by text rules, and the uploaded ID card images carry the full RRN in their code strip.
IMAGE_MAGIC = (b"\x89PNG", b"\xff\xd8\xff", b"RIFF", b"GIF8")


def _mask_json(value: object, known: Sequence[str]) -> object:
    if isinstance(value, str):
        return mask(value, known)
    if isinstance(value, list):
        return [_mask_json(item, known) for item in value]
    if isinstance(value, dict):
        return {key: _mask_json(item, known) for key, item in value.items()}
    return value  # numbers stay numbers: a timestamp must not be mistaken for an RRN and broken


def _mask_line(line: str, known: Sequence[str]) -> str:
    if not line.lstrip().startswith(("{", "[")):
        return mask(line, known)  # HTML, CSS or script: a bare number line must not be re-spelled as JSON
    try:
        parsed = json.loads(line)
    except ValueError:
        return mask(line, known)
    return json.dumps(_mask_json(parsed, known), ensure_ascii=False)


def mask_member(data: bytes, known: Sequence[str]) -> bytes | None:
    """The member masked; None for an image, which is dropped."""
    if data.startswith(IMAGE_MAGIC):
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return data  # fonts and other binaries: nothing a person could be identified by
    # Trace events are JSON lines; a resource may be one JSON document, HTML, CSS or script.
    try:
        whole = json.loads(text)
    except ValueError:
        return "\n".join(_mask_line(line, known) if line.strip() else line
                         for line in text.split("\n")).encode("utf-8")
    return json.dumps(_mask_json(whole, known), ensure_ascii=False).encode("utf-8")


def mask_trace(trace: bytes, known: Sequence[str]) -> bytes:
    masked = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(trace)) as source, \
            zipfile.ZipFile(masked, "w", compression=zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = mask_member(source.read(info), known)
            if data is not None:
                target.writestr(info.filename, data)
    return masked.getvalue()
