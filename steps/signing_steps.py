"""전자서명 of a transfer (USE-2): asking for it, signing it with the PIN, and checking the signature ourselves."""

from __future__ import annotations

import base64
import re
from datetime import datetime

import pytest
from playwright.sync_api import expect
from pytest_bdd import parsers, then, when

from identities.registered_customer import RegisteredCustomer
from pages.replayed_requests import BankAnswer
from pages.transfer_screens import TransferConfirmScreen, TransferDoneScreen, TransferScreen
from steps.issued_certificates import latest_certificate
from support.certificates import CertificateCheckFailed, load_pem_chain, verify_client_certificate
from support.control_client import ControlClient
from support.signatures import verify_signed_content


@when(parsers.parse('고객이 다른 고객의 계좌로 "{amount:d}"원 이체를 요청한다'))
def request_transfer(transfer_screen: TransferScreen, other_customer: RegisteredCustomer, amount: int) -> None:
    account = other_customer.identity.account
    transfer_screen.open()
    transfer_screen.request(account.bank, account.number, amount)


@when("고객이 이체 화면을 연다")
def open_transfer(transfer_screen: TransferScreen) -> None:
    transfer_screen.visit()


@when("고객이 인증서 비밀번호로 이체에 전자서명한다")
def sign_transfer(transfer_confirm_screen: TransferConfirmScreen, customer: RegisteredCustomer) -> None:
    transfer_confirm_screen.sign_with_pin(customer.secrets.pin)


@when("변조된 앱이 고객의 인증서로 화면과 다른 이체 내용에 서명해 보낸다", target_fixture="bank_answer")
def send_forged_signature(transfer_confirm_screen: TransferConfirmScreen, customer: RegisteredCustomer) -> BankAnswer:
    return transfer_confirm_screen.send_signature_of_other_content(customer.secrets.pin)


@then(parsers.parse('이체 확인 화면의 "{label}" 항목에 "{text}" 표시가 보인다'))
def confirmation_shows(transfer_confirm_screen: TransferConfirmScreen, label: str, text: str) -> None:
    expect(transfer_confirm_screen.fact(label)).to_have_text(text)


@then("이체 확인 화면에 받는 분 이름과 계좌번호는 가려져 보인다")
def recipient_masked(transfer_confirm_screen: TransferConfirmScreen, other_customer: RegisteredCustomer) -> None:
    name, digits = other_customer.identity.name, other_customer.identity.account.digits
    # Recognisable but not spelled out: first and last letter of the name, the ends of the number.
    expect(transfer_confirm_screen.fact("받는 분")).to_have_text(re.compile(rf"^{name[0]}\*+{name[-1]}$"))
    expect(transfer_confirm_screen.fact("받는 계좌")).to_have_text(re.compile(rf"^{digits[:3]}\*+{digits[-3:]}$"))


@then("이체 완료 화면이 보인다")
def transfer_done(transfer_done_screen: TransferDoneScreen) -> None:
    expect(transfer_done_screen.heading).to_be_visible()


@then(parsers.parse('은행에 남은 전자서명은 "{count:d}"건이다'))
def signature_count(bank: ControlClient, customer: RegisteredCustomer, count: int) -> None:
    assert len(bank.signatures(customer.customer_id)) == count


@then("은행에 남은 전자서명은 서명한 인증서의 공개키로 검증된다")
@then("유효기간 안에 한 전자서명은 지금도 서명한 인증서의 공개키로 검증된다")
def signatures_verify(bank: ControlClient, customer: RegisteredCustomer) -> None:
    records = bank.signatures(customer.customer_id)
    assert records, "the bank kept no signed transfer"
    for record in records:
        (certificate,) = load_pem_chain(record["pem"])
        verify_signed_content(record["content"], base64.b64decode(record["signature"]), certificate)


@then("서명한 인증서는 서명한 시각에 모의 은행의 루트 인증서까지 검증된다")
def signer_verified_when_signed(bank: ControlClient, customer: RegisteredCustomer) -> None:
    chain = bank.ca_chain()
    for record in bank.signatures(customer.customer_id):
        verify_client_certificate(record["pem"], chain.issuing_pem, chain.root_pem,
                                  datetime.fromisoformat(record["signed_at"]))


@then(parsers.parse('서명된 내용은 다른 고객에게 "{amount:d}"원을 보내는 이체이다'))
def signed_content(bank: ControlClient, customer: RegisteredCustomer, other_customer: RegisteredCustomer,
                   amount: int) -> None:
    (record,) = bank.signatures(customer.customer_id)
    (certificate,) = load_pem_chain(record["pem"])
    content = verify_signed_content(record["content"], base64.b64decode(record["signature"]), certificate)
    recipient = other_customer.identity
    assert (content["to_name"], content["to_account"], content["amount_krw"]) == (
        recipient.name, recipient.account.digits, amount)


@then("하네스가 지금 시각으로 검증해도 서명한 인증서는 통과하지 못한다")
def signer_invalid_now(bank: ControlClient, customer: RegisteredCustomer) -> None:
    chain = bank.ca_chain()
    with pytest.raises(CertificateCheckFailed):
        verify_client_certificate(latest_certificate(bank, customer).pem, chain.issuing_pem, chain.root_pem,
                                  bank.now())


# REQ-NOCARD holds after issuance too: the guide promises the phone alone for using the certificate as well.
@then("이체 확인 화면은 보안카드나 OTP 번호를 묻지 않는다")
def no_security_card_on_transfer(transfer_confirm_screen: TransferConfirmScreen) -> None:
    asked = transfer_confirm_screen.fields_asked()
    assert asked, "the transfer confirmation asked for nothing, not even the PIN"
    assert [field for field in asked if "보안카드" in field or "OTP" in field] == [], asked
