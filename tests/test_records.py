"""The store's typed records (mock_bank/records.py) name exactly the columns of the rows they type: a column
added to a table without its record, or the other way round, fails here rather than at a KeyError."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from mock_bank.bank import Bank
from mock_bank.records import (
    AccountRow,
    CertificateRow,
    ChallengeRow,
    CustomerRow,
    IdCardRow,
    LoginRow,
    SessionRow,
    TransferRow,
)

TABLES = {"customers": CustomerRow, "accounts": AccountRow, "id_cards": IdCardRow, "sessions": SessionRow,
          "certificates": CertificateRow, "challenges": ChallengeRow, "logins": LoginRow, "transfers": TransferRow}


@pytest.mark.parametrize("table", TABLES)
def test_a_whole_row_record_names_every_column_of_its_table(bank: Bank, database: Path, table: str) -> None:
    with sqlite3.connect(database) as db:
        columns = {row[1] for row in db.execute(f"PRAGMA table_info({table})")}
    assert set(TABLES[table].__annotations__) == columns
