"""Scan report files (and the zips inside them) for full RRNs and account numbers; findings name the file."""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from support.personal_data import Finding, find

IMAGE_MAGIC = (b"\x89PNG", b"\xff\xd8\xff", b"RIFF", b"GIF8")
ZIP_MAGIC = b"PK\x03\x04"


@dataclass(frozen=True)
class Leak:
    where: str  # 'reports/allure-results/x-attachment.zip!trace.trace'
    finding: Finding

    def __str__(self) -> str:
        return f"{self.where}: {self.finding.kind} {self.finding.masked}"


def _strings(value: object) -> Iterator[str]:
    """Every string in a JSON document, keys included; numbers are left out, a timestamp is no RRN."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)
    elif isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from _strings(item)


def _texts(data: bytes, name: str) -> Iterator[str]:
    """The text of a file to search: JSON strings, JSON lines' strings, or the plain text; nothing of a binary."""
    if data.startswith(IMAGE_MAGIC):
        return
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return
    try:
        document = json.loads(text)
    except ValueError:
        document = None
    # Only a document's numbers are left out: a file that is one bare number (an RRN written alone) is text.
    if isinstance(document, dict | list):
        yield from _strings(document)
        return
    for line in text.split("\n"):
        if line.lstrip().startswith(("{", "[")):
            try:
                yield from _strings(json.loads(line))
                continue
            except ValueError:
                pass
        yield line


def scan_bytes(data: bytes, where: str) -> list[Leak]:
    if data.startswith(ZIP_MAGIC):
        leaks: list[Leak] = []
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                for member in archive.infolist():
                    leaks += scan_bytes(archive.read(member), f"{where}!{member.filename}")
        except zipfile.BadZipFile:
            pass  # not a zip after all; it is binary either way
        return leaks
    return [Leak(where, finding) for text in _texts(data, where) for finding in find(text)]


def files_in(paths: Iterable[Path]) -> Iterator[Path]:
    for path in paths:
        if path.is_dir():
            yield from sorted(candidate for candidate in path.rglob("*") if candidate.is_file())
        elif path.is_file():
            yield path


def scan(paths: Iterable[Path]) -> tuple[int, list[Leak]]:
    """How many files were read, and every leak in them."""
    count, leaks = 0, []
    for path in files_in(paths):
        count += 1
        leaks += scan_bytes(path.read_bytes(), str(path))
    return count, leaks
