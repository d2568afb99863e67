"""The certificate and the session's move to issued are stored together or not at all (issue 12's crash
window: the certificate row committed before the session moved, so a kill between the two left an active
certificate that no device received)."""

from __future__ import annotations

import pytest
from certificate_holders import p1363_sign, ready_to_issue, spki
from cryptography.hazmat.primitives.asymmetric import ec

from conftest import Person
from mock_bank.bank import Bank
from mock_bank.services.sessions import Stage
from mock_bank.store import Store


class Killed(Exception):
    """Stands for the process dying at this point."""


def test_a_failure_after_the_certificate_and_before_the_session_leaves_neither(
        bank: Bank, kim: Person, monkeypatch: pytest.MonkeyPatch) -> None:
    session = ready_to_issue(bank, kim)
    challenge = bank.issuance.challenge(session)
    key = ec.generate_private_key(ec.SECP256R1())

    def dies(*_: object) -> None:
        raise Killed()

    monkeypatch.setattr(Store, "update_session", dies)
    with pytest.raises(Killed):
        bank.issuance.issue(session, challenge.id, spki(key), p1363_sign(key, challenge.nonce))
    monkeypatch.undo()
    assert bank.store.certificates_of(kim.customer_id) == []
    found = bank.sessions.find(session.id)
    assert found is not None and found.stage is Stage.PATTERN_SET
