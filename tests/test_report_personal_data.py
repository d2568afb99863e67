"""The results scan catches a planted unmasked RRN or account number; masking makes evidence pass it."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import zipfile
from datetime import date
from pathlib import Path

import pytest

from identities import Customer, seeded_faker
from support.personal_data import find, known_values, mask, mask_error_messages
from support.trace_masking import mask_trace
from tooling.personal_data_scan import scan

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def customer() -> Customer:
    generated: Customer = seeded_faker(20251125, date(2025, 11, 25)).customer(bank="KB국민")
    return generated


def clean_results(folder: Path, customer: Customer) -> None:
    """What a run writes: masked values, and 13-digit timestamps as JSON numbers."""
    folder.mkdir()
    result = {"name": "발급", "status": "passed", "start": 1801011234567, "stop": 1801011234999,
              "steps": [{"name": "고객", "parameters": [{"name": "customer", "value": repr(customer)}]}]}
    (folder / "a-result.json").write_text(json.dumps(result, ensure_ascii=False), "utf-8")
    (folder / "b-attachment.txt").write_text(customer.masked_summary(), "utf-8")
    (folder / "c-attachment.png").write_bytes(b"\x89PNG\r\n" + customer.rrn.encode())  # pixels are not text


def test_a_clean_results_folder_passes(tmp_path: Path, customer: Customer) -> None:
    clean_results(tmp_path / "results", customer)
    count, leaks = scan([tmp_path / "results"])
    assert count == 3
    assert leaks == []


def test_a_planted_unmasked_rrn_is_caught_and_reported_masked(tmp_path: Path, customer: Customer) -> None:
    results = tmp_path / "results"
    clean_results(results, customer)
    hyphenated = f"{customer.rrn[:6]}-{customer.rrn[6:]}"
    (results / "d-attachment.txt").write_text(f"주민등록번호: {hyphenated}", "utf-8")
    (results / "e-result.json").write_text(json.dumps({"description": f"rrn {customer.rrn}"}), "utf-8")

    _, leaks = scan([results])

    assert sorted((Path(leak.where).name, leak.finding.kind) for leak in leaks) == [
        ("d-attachment.txt", "주민등록번호"), ("e-result.json", "주민등록번호")]
    assert all(customer.rrn[7:] not in str(leak) for leak in leaks)
    assert f"{customer.rrn[:6]}-{customer.rrn[6]}******" in {leak.finding.masked for leak in leaks}


def test_a_full_account_number_inside_an_attached_zip_is_caught(tmp_path: Path, customer: Customer) -> None:
    results = tmp_path / "results"
    clean_results(results, customer)
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as trace:
        trace.writestr("trace.trace", json.dumps({"type": "input", "value": customer.account.number}))
    (results / "f-attachment.zip").write_bytes(archive.getvalue())

    _, leaks = scan([results])

    assert [(leak.where.endswith("f-attachment.zip!trace.trace"), leak.finding.kind) for leak in leaks] == [
        (True, "계좌번호")]


def test_the_script_exits_non_zero_on_a_leak(tmp_path: Path, customer: Customer) -> None:
    results = tmp_path / "results"
    clean_results(results, customer)
    script = [sys.executable, str(ROOT / "scripts" / "scan_personal_data.py"), str(results)]
    assert subprocess.run(script, capture_output=True, timeout=60).returncode == 0
    (results / "g-attachment.txt").write_text(customer.rrn, "utf-8")
    done = subprocess.run(script, capture_output=True, text=True, timeout=60)
    assert done.returncode == 1
    assert customer.rrn not in done.stdout + done.stderr


def test_a_file_that_is_only_an_rrn_is_read_as_text_not_as_a_json_number(tmp_path: Path) -> None:
    (tmp_path / "a-attachment.txt").write_text("9906012123551", "utf-8")
    (tmp_path / "b-result.json").write_text(json.dumps({"start": 9906012123551}), "utf-8")  # a timestamp
    _, leaks = scan([tmp_path])
    assert [(Path(leak.where).name, leak.finding.masked) for leak in leaks] == [("a-attachment.txt", "9906012******")]


def test_things_that_only_look_like_numbers_are_not_findings() -> None:
    assert find("2026-11-25T22:38:28 uuid 12345678-1234-1234-1234-123456789012 phone 010-1234-5678") == []
    assert find("9013451234567") == []  # month 13 is no date
    assert find("customer_id='7711031792403e06'") == []  # a hex id that happens to start with a date
    assert find("900101-1******, 123456-**-***234") == []


def test_masking_covers_known_values_and_anything_shaped_like_them(customer: Customer) -> None:
    text = (f"{customer.rrn} / {customer.account.digits} / {customer.account.number} / {customer.phone} "
            f"/ 800101-2345678")
    masked = mask(text, known_values(customer))
    assert find(masked) == []
    assert customer.account.digits not in masked and customer.phone not in masked
    assert "800101-2******" in masked


def test_a_failure_message_and_the_error_it_came_from_are_masked(customer: Customer) -> None:
    try:
        try:
            raise KeyError(customer.account.number)
        except KeyError as lookup:
            raise AssertionError(f"textbox \"주민등록번호\": {customer.rrn[:6]}-{customer.rrn[6:]}") from lookup
    except AssertionError as failure:
        mask_error_messages(failure, known_values(customer))
        assert failure.__cause__ is not None
        texts = [str(failure), str(failure.__cause__)]
    assert not [finding for text in texts for finding in find(text)]
    assert customer.account.number not in texts[1]
    assert texts[0].startswith('textbox "주민등록번호": ') and texts[0].endswith("******")


def test_a_trace_loses_its_images_and_personal_numbers_but_keeps_its_timestamps(customer: Customer) -> None:
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as trace:
        trace.writestr("trace.trace", "\n".join([
            json.dumps({"type": "before", "wallTime": 1801011234567}),
            json.dumps({"type": "input", "params": {"value": customer.account.number}}),
        ]))
        trace.writestr("resources/page.html", f"<input value='{customer.rrn}'>")
        trace.writestr("resources/card.png", b"\x89PNG\r\n" + customer.rrn.encode())

    with zipfile.ZipFile(io.BytesIO(mask_trace(archive.getvalue(), known_values(customer)))) as masked:
        assert sorted(masked.namelist()) == ["resources/page.html", "trace.trace"]
        events = [json.loads(line) for line in masked.read("trace.trace").decode().splitlines()]
        html = masked.read("resources/page.html").decode()
    assert events[0]["wallTime"] == 1801011234567
    assert customer.account.number not in json.dumps(events) and customer.rrn not in html
