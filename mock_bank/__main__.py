"""`python -m mock_bank --port N --db PATH [--test-control] [--public-url URL]` serves the mock bank."""

from __future__ import annotations

import argparse
import logging
from pathlib import Path

import uvicorn

from mock_bank.settings import ServerSettings
from mock_bank.web.app import create_app


def parse_settings(argv: list[str] | None = None) -> ServerSettings:
    parser = argparse.ArgumentParser(prog="python -m mock_bank", description="Serve the KB스타뱅킹 mock bank.")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--db", type=Path, default=Path("mock_bank.sqlite3"), help="SQLite file (created if absent)")
    parser.add_argument("--test-control", action="store_true", help="mount the /_test API used by the harness")
    parser.add_argument("--public-url", default="",
                        help="the address certificates point to for the CRL, CA certificate and OCSP "
                             "(default: http://HOST:PORT, where the bank serves)")
    args = parser.parse_args(argv)
    try:
        return ServerSettings(host=args.host, port=args.port, database=args.db, test_control=args.test_control,
                              public_url=args.public_url)
    except ValueError as error:
        parser.error(str(error))


def main() -> None:
    settings = parse_settings()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    uvicorn.run(create_app(settings), host=settings.host, port=settings.port, log_level="warning")


if __name__ == "__main__":
    main()
