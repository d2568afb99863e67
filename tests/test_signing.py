"""전자서명 of a transfer: what is signed, and every reason the bank refuses a signature."""

from __future__ import annotations

import base64
import json
from datetime import timedelta

import pytest
from certificate_holders import GOOD_PIN, CertificateHolder, issue_to, p1363_sign

from conftest import Person
from mock_bank.bank import Bank
from mock_bank.errors import BankError, InputRejected, Reason
from mock_bank.services.sessions import Purpose
from mock_bank.services.signing import Transfer, canonical_json
from support.signatures import verify_signed_content

AMOUNT = 50_000


@pytest.fixture
def holder(bank: Bank, kim: Person) -> CertificateHolder:
    return issue_to(bank, kim)


@pytest.fixture
def transfer(bank: Bank, holder: CertificateHolder, lee: Person) -> Transfer:
    return bank.transfers.create(holder.person.customer_id, lee.account_bank, lee.account, AMOUNT)


def sign(bank: Bank, holder: CertificateHolder, transfer: Transfer) -> Transfer:
    customer = holder.person.customer_id
    content = bank.transfers.check_pin(transfer.id, customer, holder.serial, GOOD_PIN)
    return bank.transfers.sign(transfer.id, customer, holder.serial, p1363_sign(holder.key, content.encode()))


def refused(call: object, *args: object) -> Reason:
    with pytest.raises(BankError) as refusal:
        call(*args)  # type: ignore[operator]
    return refusal.value.reason


def test_the_content_is_canonical_json_naming_the_transfer(transfer: Transfer, lee: Person) -> None:
    content = json.loads(transfer.content)
    assert canonical_json(content) == transfer.content
    assert (content["to_name"], content["to_account"], content["amount_krw"]) == (lee.name, lee.account, AMOUNT)


def test_a_signed_transfer_is_kept_and_verifies_with_the_certificate(bank: Bank, holder: CertificateHolder,
                                                                     transfer: Transfer) -> None:
    signed = sign(bank, holder, transfer)
    assert signed.serial == holder.serial and signed.signed_at is not None
    (record,) = bank.transfers.signed(holder.person.customer_id)
    assert (record["content"], record["serial"], record["pem"]) == (transfer.content, holder.serial, holder.pem)
    verify_signed_content(record["content"], base64.b64decode(record["signature"]), holder.certificate)


def test_a_signature_needs_the_pin_first(bank: Bank, holder: CertificateHolder, transfer: Transfer) -> None:
    signature = p1363_sign(holder.key, transfer.content.encode())
    assert refused(bank.transfers.sign, transfer.id, holder.person.customer_id, holder.serial,
                   signature) is Reason.STEP_OUT_OF_ORDER


def test_a_signature_over_other_content_is_refused(bank: Bank, holder: CertificateHolder, transfer: Transfer) -> None:
    customer = holder.person.customer_id
    bank.transfers.check_pin(transfer.id, customer, holder.serial, GOOD_PIN)
    forged = p1363_sign(holder.key, transfer.content.replace(str(AMOUNT), "5000000").encode())
    assert refused(bank.transfers.sign, transfer.id, customer, holder.serial, forged) is Reason.SIGNATURE_BAD
    assert bank.transfers.signed(customer) == []


def test_after_expiry_the_signature_is_refused(bank: Bank, holder: CertificateHolder, transfer: Transfer) -> None:
    customer = holder.person.customer_id
    content = bank.transfers.check_pin(transfer.id, customer, holder.serial, GOOD_PIN)
    bank.clock.set(holder.certificate.not_valid_after_utc + timedelta(seconds=1))
    signature = p1363_sign(holder.key, content.encode())
    assert refused(bank.transfers.sign, transfer.id, customer, holder.serial, signature) is Reason.CERTIFICATE_EXPIRED
    assert refused(bank.transfers.check_pin, transfer.id, customer, holder.serial,
                   GOOD_PIN) is Reason.CERTIFICATE_EXPIRED
    assert bank.transfers.signed(customer) == []


def test_a_revoked_certificate_cannot_sign(bank: Bank, kim: Person, holder: CertificateHolder,
                                           transfer: Transfer) -> None:
    customer = holder.person.customer_id
    content = bank.transfers.check_pin(transfer.id, customer, holder.serial, GOOD_PIN)
    issue_to(bank, kim, Purpose.REISSUE)
    signature = p1363_sign(holder.key, content.encode())
    assert refused(bank.transfers.sign, transfer.id, customer, holder.serial, signature) is Reason.CERTIFICATE_REPLACED


def test_a_transfer_is_signed_once(bank: Bank, holder: CertificateHolder, transfer: Transfer) -> None:
    sign(bank, holder, transfer)
    assert refused(sign, bank, holder, transfer) is Reason.TRANSFER_DONE


def test_someone_elses_transfer_is_unknown(bank: Bank, holder: CertificateHolder, lee: Person,
                                           transfer: Transfer) -> None:
    assert refused(bank.transfers.check_pin, transfer.id, lee.customer_id, holder.serial,
                   GOOD_PIN) is Reason.TRANSFER_UNKNOWN


@pytest.mark.parametrize(("bank_name", "digits", "amount", "reason"), [
    ("신한", "110999999999", AMOUNT, Reason.TRANSFER_ACCOUNT_UNKNOWN),
    ("우리", "1002123456789", AMOUNT, Reason.TRANSFER_ACCOUNT_UNKNOWN),  # closed
    ("신한", "11098765432", AMOUNT, Reason.ACCOUNT_WRONG_LENGTH),
    ("신한", "110987654321", 10_000_001, Reason.TRANSFER_LIMIT),
    ("신한", "110987654321", 0, Reason.INVALID_INPUT),
])
def test_transfers_the_bank_refuses(bank: Bank, holder: CertificateHolder, lee: Person, bank_name: str,
                                    digits: str, amount: int, reason: Reason) -> None:
    assert refused(bank.transfers.create, holder.person.customer_id, bank_name, digits, amount) is reason


def test_the_limit_itself_is_allowed(bank: Bank, holder: CertificateHolder, lee: Person) -> None:
    bank.transfers.create(holder.person.customer_id, lee.account_bank, lee.account, 10_000_000)


def test_an_unknown_bank_is_malformed(bank: Bank, holder: CertificateHolder) -> None:
    with pytest.raises(InputRejected):
        bank.transfers.create(holder.person.customer_id, "없는은행", "123", AMOUNT)
