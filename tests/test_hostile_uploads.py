"""Uploads and bodies a hostile client sends (issue 12): a 4xx with Korean words, never a 500, nothing lost.

A PNG whose header claims 20000x20000 pixels, a file part larger than the upload limit, NaN and Infinity in
test control's JSON, and addresses or methods the bank does not have.
"""

from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from PIL import Image

from conftest import Screens, dump
from mock_bank.services.sessions import Stage

ALERT_PHOTO_TOO_LARGE = "사진이 너무 큽니다. 8MB, 5천만 화소 이하의 사진을 올려 주세요."


def png_claiming(width: int, height: int) -> bytes:
    """A few hundred bytes whose header says width x height: decoded, it would be gigabytes."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\0" * 1024)) + \
        chunk(b"IEND", b"")


@pytest.fixture
def on_id_screen(screens: Screens) -> Screens:
    return screens.verify_account()


def upload(screens: Screens, photo: bytes) -> tuple[int, str]:
    answer = screens.client.post("/issue/id/photo", files={"id_photo": ("id.png", photo, "image/png")},
                                 follow_redirects=False)
    return answer.status_code, answer.text


@pytest.mark.parametrize("size", [(20_000, 20_000), (12_000, 12_000)], ids=["bomb", "144-megapixels"])
def test_a_photo_with_too_many_pixels_is_refused_before_it_is_decoded(on_id_screen: Screens, database: Path,
                                                                      size: tuple[int, int]) -> None:
    before = dump(database)
    status, page = upload(on_id_screen, png_claiming(*size))
    assert status == 413
    assert ALERT_PHOTO_TOO_LARGE in page
    assert dump(database) == before
    assert on_id_screen.session().stage is Stage.ACCOUNT_VERIFIED


def test_a_file_part_over_the_upload_limit_is_refused(on_id_screen: Screens, database: Path) -> None:
    buffer = io.BytesIO()
    Image.new("L", (64, 64), 200).save(buffer, "PNG")
    oversized = buffer.getvalue() + b"\0" * (on_id_screen.bank.rules.max_upload_bytes + 1)
    before = dump(database)
    status, page = upload(on_id_screen, oversized)
    assert status == 413
    assert ALERT_PHOTO_TOO_LARGE in page
    assert dump(database) == before


@pytest.mark.parametrize("body", ['{"seconds": NaN}', '{"seconds": Infinity}', '{"seconds": -Infinity}'])
def test_nan_and_infinity_in_test_control_are_refused_in_the_banks_shape(client: TestClient, body: str) -> None:
    answer = client.post("/_test/clock/advance", content=body, headers={"content-type": "application/json"})
    assert answer.status_code == 422
    assert answer.json() == {"reason": "invalid_input", "field": "seconds", "message": "입력값을 확인해 주세요."}


def test_an_unknown_api_address_and_method_answer_in_korean(client: TestClient) -> None:
    missing = client.get("/api/nowhere")
    assert (missing.status_code, missing.json()["reason"]) == (404, "not_found")
    assert missing.json()["message"] == "요청한 화면이나 기능을 찾을 수 없습니다."
    wrong_method = client.get("/api/login/pin")
    assert (wrong_method.status_code, wrong_method.json()["reason"]) == (405, "method_not_allowed")


def test_an_unknown_screen_shows_the_refusal_screen(client: TestClient) -> None:
    answer = client.get("/issue/nowhere")
    assert answer.status_code == 404
    assert "요청한 화면이나 기능을 찾을 수 없습니다." in answer.text
