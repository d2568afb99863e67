"""`python -m mock_bank --port N --db PATH [--test-control] [--public-url URL] [--today YYYY-MM-DD]`: the mock bank."""

from __future__ import annotations

import argparse
import logging
import re
from datetime import date
from pathlib import Path

import uvicorn

from mock_bank.bank import StartError
from mock_bank.clock import EARLIEST, LATEST
from mock_bank.settings import ServerSettings
from mock_bank.web.app import create_app

_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def opening_day(text: str) -> date:
    """A --today value: a calendar day written YYYY-MM-DD, inside the range the clock can be set to."""
    # fromisoformat alone would also take '20270301' and week dates; one spelling keeps replays greppable.
    if not _ISO_DAY.fullmatch(text):
        raise argparse.ArgumentTypeError(f"{text!r} is not a day written YYYY-MM-DD, e.g. 2027-03-01")
    try:
        day = date.fromisoformat(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"{text!r} is not a day on the calendar: {error}") from None
    if not EARLIEST.date() <= day < LATEST.date():
        raise argparse.ArgumentTypeError(f"{text} is outside the clock's range, {EARLIEST.date()} to {LATEST.date()}")
    return day


def parse_settings(argv: list[str] | None = None) -> ServerSettings:
    parser = argparse.ArgumentParser(prog="python -m mock_bank", description="Serve the KB스타뱅킹 mock bank.")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--db", type=Path, default=Path("mock_bank.sqlite3"), help="SQLite file (created if absent)")
    parser.add_argument("--test-control", action="store_true", help="mount the /_test API used by the harness")
    parser.add_argument("--public-url", default="",
                        help="the address certificates point to for the CRL, CA certificate and OCSP "
                             "(default: http://HOST:PORT, where the bank serves)")
    parser.add_argument("--today", type=opening_day, default=None, metavar="YYYY-MM-DD",
                        help="open the bank's clock at 10:00 KST on this day, before a new CA is made "
                             "(default: real time)")
    args = parser.parse_args(argv)
    try:
        return ServerSettings(host=args.host, port=args.port, database=args.db, test_control=args.test_control,
                              public_url=args.public_url, today=args.today)
    except ValueError as error:
        parser.error(str(error))


def main() -> None:
    settings = parse_settings()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    try:
        app = create_app(settings)
    except StartError as error:
        raise SystemExit(f"mock bank: {error}") from None
    uvicorn.run(app, host=settings.host, port=settings.port, log_level="warning")


if __name__ == "__main__":
    main()
