"""재발급 (CHECK-9) and what makes it necessary: a newer ID card (USE-4, CHECK-4), a closed account (CHECK-5)."""

from __future__ import annotations

from faker import Faker
from playwright.sync_api import expect
from pytest_bdd import given, parsers, then, when

from flows.reissue_journey import Reissue
from identities.customer import BankAccount, ResidentCard
from identities.registered_customer import RegisteredCustomer
from pages.certificate_management import ManagementScreen
from pages.components.remedies import Remedies
from support.control_client import ControlClient
from support.settings import KST

NEW_CARD_OFFICE = "서울특별시 마포구청장"


def own_resident_card(customer: RegisteredCustomer) -> ResidentCard:
    card = customer.identity.resident_card
    assert card is not None, "this customer was generated without a 주민등록증"
    return card


@given("고객이 주민등록증을 새로 발급받았다", target_fixture="new_resident_card")
@when("고객이 주민등록증을 새로 발급받는다", target_fixture="new_resident_card")
def resident_card_reissued(bank: ControlClient, customer: RegisteredCustomer) -> ResidentCard:
    """A new card issued today by the bank's clock; the ID registry learns of it, the certificate does not."""
    old = own_resident_card(customer)
    card = ResidentCard(old.name, old.rrn, bank.now().astimezone(KST).date(), NEW_CARD_OFFICE)
    bank.add_id_card(customer.customer_id, dict(card.registration()))
    return card


@given(parsers.parse('고객이 인증에 쓴 계좌를 해지하고 "{bank_name}" 계좌를 새로 만들었다'),
       target_fixture="new_account")
def account_replaced(bank: ControlClient, customer: RegisteredCustomer, identity_faker: Faker,
                     bank_name: str) -> BankAccount:
    old = customer.identity.account
    account: BankAccount = identity_faker.bank_account(bank=bank_name)
    bank.add_account(customer.customer_id, account.bank, account.number)
    bank.set_account_status(old.bank, old.digits, "closed")
    return account


@when("고객이 안내에 따라 인증서 재발급을 시작한다")
def reissue_as_advised(remedies: Remedies) -> None:
    remedies.reissue()


@when("재발급 절차를 마친다")
def finish_reissue(reissue: Reissue) -> None:
    reissue.complete()


@when("새 주민등록증으로 재발급 절차를 마친다")
def finish_reissue_with_new_card(reissue: Reissue, new_resident_card: ResidentCard) -> None:
    reissue.complete(card=new_resident_card)


@when("재발급 절차에서 해지된 계좌로 1원 입금을 요청한다")
def deposit_to_closed_account(reissue: Reissue) -> None:
    reissue.check_phone()
    reissue.request_deposit()


@when("새 계좌로 1원 입금 인증을 하고 재발급 절차를 마친다")
def finish_with_new_account(reissue: Reissue, new_account: BankAccount) -> None:
    reissue.check_account(new_account)
    reissue.finish()


@then("인증서 관리 화면의 \"신분증\" 항목에 고객 주민등록증의 발급일자가 보인다")
def own_card_shown(management_screen: ManagementScreen, customer: RegisteredCustomer) -> None:
    issued_on = own_resident_card(customer).issued_on.isoformat()
    expect(management_screen.fact("신분증")).to_have_text(f"주민등록증 (발급일자 {issued_on})")


@then("인증서 관리 화면의 \"신분증\" 항목에 새 주민등록증의 발급일자가 보인다")
def new_card_shown(management_screen: ManagementScreen, new_resident_card: ResidentCard) -> None:
    issued_on = new_resident_card.issued_on.isoformat()
    expect(management_screen.fact("신분증")).to_have_text(f"주민등록증 (발급일자 {issued_on})")


@then("인증서 관리 화면의 \"인증 계좌\" 항목에 새 계좌의 끝자리가 보인다")
def new_account_shown(management_screen: ManagementScreen, new_account: BankAccount) -> None:
    expect(management_screen.fact("인증 계좌")).to_have_text(f"{new_account.bank} 끝자리 {new_account.digits[-4:]}")
