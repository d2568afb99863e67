"""What the bank's ID step makes of your own photo of a test ID card, without a browser or a running bank.

Run: .venv/bin/python scripts/check_id_photo.py PHOTO [PHOTO ...]
Prints, per photo, what the bank measures (brightness, sharpness, clutter), whether the photo standard
refuses it and why, and what the code strip holds (the RRN masked), or why it cannot be read. Exits 1 if
any photo would be refused.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from identities import rrn
from mock_bank.errors import BankError
from mock_bank.services.id_check import PhotoStandard
from mock_bank.services.id_reader import measure_quality, read_card


def verdict(photo: bytes) -> tuple[bool, str]:
    """Whether the bank would take the photo, and a line that says what it measured and read."""
    standard = PhotoStandard()
    try:
        quality = measure_quality(photo)
        measured = (f"brightness {quality.brightness:.0f} (at least {standard.min_brightness:.0f}), "
                    f"sharpness {quality.sharpness:.3f} (at least {standard.min_sharpness}), "
                    f"clutter {quality.clutter:.3f} (at most {standard.max_clutter})")
        problems = standard.problems(quality)
        fields = read_card(photo)
    except BankError as error:
        return False, f"refused: {error}"
    read = f"the strip reads a {fields.kind} card of {fields.name}, {rrn.mask(fields.rrn)}, issued {fields.issued_on}"
    if problems:
        return False, f"refused for {', '.join(problems)}: {measured}; {read}"
    return True, f"accepted: {measured}; {read}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("photos", nargs="+", type=Path)
    accepted = True
    for path in parser.parse_args(argv).photos:
        ok, line = verdict(path.read_bytes())
        accepted &= ok
        print(f"{path}: {line}")
    return 0 if accepted else 1


if __name__ == "__main__":
    sys.exit(main())
