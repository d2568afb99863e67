"""scripts/check_id_photo.py tells a tester what the bank makes of their own photo, and fails on a refused one."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import pytest

from identities.card_photos import PhotoCondition, camera_frame
from identities.card_pose import Pose
from identities.customer import ResidentCard

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))

from check_id_photo import main

CARD = ResidentCard("김민준", "9003151234567", date(2020, 5, 1), "서울특별시 종로구청장")


def test_a_held_photo_is_accepted_and_a_dark_one_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    held, dark = tmp_path / "held.jpg", tmp_path / "dark.jpg"
    held.write_bytes(camera_frame(CARD, pose=Pose(fill=0.88, tilt=4, keystone=0.05)))
    dark.write_bytes(camera_frame(CARD, PhotoCondition.DARK))
    assert main([str(held)]) == 0
    assert main([str(held), str(dark)]) == 1
    out = capsys.readouterr().out
    assert "held.jpg: accepted" in out and "dark.jpg: refused for too dark" in out
    assert "900315-1******" in out and "9003151234567" not in out
