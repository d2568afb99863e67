"""The certificate and the session's move to issued are stored together or not at all (issue 12's crash
window: the certificate row committed before the session moved, so a kill between the two left an active
certificate that no device received)."""

from __future__ import annotations

import pytest
from certificate_holders import GOOD_PIN, PATTERN, p1363_sign, spki
from cryptography.hazmat.primitives.asymmetric import ec

from conftest import Journey, Person
from mock_bank.bank import Bank
from mock_bank.services.sessions import Stage
from mock_bank.store import Store


class Killed(Exception):
    """Stands for the process dying at this point."""


def test_a_failure_after_the_certificate_and_before_the_session_leaves_neither(
        bank: Bank, kim: Person, monkeypatch: pytest.MonkeyPatch) -> None:
    journey = Journey(bank, kim)
    journey.verify_id()
    card = bank.store.latest_id_card(kim.customer_id, "resident")
    assert card is not None
    bank.sessions.complete(journey.at(Stage.ID_VERIFIED), Stage.ID_VERIFIED,
                           card={key: card[key] for key in ("kind", "name", "rrn", "issued_on", "licence_number")})
    bank.credentials.set_pin(journey.at(Stage.ID_VERIFIED), GOOD_PIN, GOOD_PIN)
    bank.credentials.set_pattern(journey.at(Stage.PIN_SET), PATTERN, PATTERN)
    session = journey.at(Stage.PATTERN_SET)
    challenge = bank.issuance.challenge(session)
    key = ec.generate_private_key(ec.SECP256R1())

    def dies(*_: object) -> None:
        raise Killed()

    monkeypatch.setattr(Store, "update_session", dies)
    with pytest.raises(Killed):
        bank.issuance.issue(session, challenge.id, spki(key), p1363_sign(key, challenge.nonce))
    monkeypatch.undo()
    assert bank.store.certificates_of(kim.customer_id) == []
    assert journey.reload().stage is Stage.PATTERN_SET
