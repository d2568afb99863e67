"""이체: the form, the 이체 확인 screen where the customer signs with the certificate, and the result."""

from __future__ import annotations

from playwright.sync_api import Locator, Page

from pages.components.keypad import SecureKeypad
from pages.components.messages import Messages
from pages.components.remedies import Remedies
from pages.replayed_requests import BankAnswer

# A tampered app: the customer's own key, unlocked with the right PIN, signs a transfer of 1원 instead of the
# one on screen, and sends that signature as the answer for this transfer.
SIGN_OTHER_CONTENT = """async (pin) => {
  const transferId = document.getElementById("signing").dataset.transferId;
  const record = Device.load();
  const { content } = await Device.postJson(`/api/transfers/${transferId}/pin`, { serial: record.serial, pin });
  const key = await Device.unlock(record, "pin", Device.pinSecret(pin));
  const signature = await Device.signText(key, content.replace(/"amount_krw":\\d+/, '"amount_krw":1'));
  const response = await fetch(`/api/transfers/${transferId}/signature`, {
    method: "POST", body: JSON.stringify({ serial: record.serial, signature }),
    headers: { "Content-Type": "application/json", "X-App-Version": Device.installedVersion() },
  });
  return { status: response.status, text: await response.text() };
}"""


class TransferScreen:
    def __init__(self, page: Page) -> None:
        self._page = page
        self.messages = Messages(page)
        self.bank = page.get_by_label("받는 분 은행", exact=True)
        self.account_number = page.get_by_label("받는 분 계좌번호", exact=True)
        self.amount = page.get_by_label("이체 금액(원)", exact=True)
        self._next = page.get_by_role("button", name="다음", exact=True)

    def open(self) -> None:
        self._page.goto("/transfer")
        self.amount.wait_for()

    def visit(self) -> None:
        """Open the screen without expecting the form: a customer no longer signed in gets the bank's message."""
        self._page.goto("/transfer")

    def request(self, bank: str, account_number: str, amount: int) -> None:
        self.bank.select_option(bank)
        self.account_number.fill(account_number)
        self.amount.fill(f"{amount:,}")
        self._next.click()
        self._page.wait_for_load_state()


class TransferConfirmScreen:
    def __init__(self, page: Page) -> None:
        self._page = page
        self.messages = Messages(page)
        self.remedies = Remedies(page)
        self.heading = page.get_by_role("heading", name="이 내용으로 이체할까요?")
        self.keypad = SecureKeypad(page, "인증서 비밀번호")
        signing_idle = page.get_by_role("region", name="전자서명: 인증서 비밀번호 6자리를 입력해 주세요").and_(
            page.locator("[aria-busy=false]"))
        self._settled = page.get_by_role("heading", name="이체가 완료되었습니다").or_(signing_idle)

    def fact(self, label: str) -> Locator:
        """받는 분, 받는 은행, 받는 계좌, 금액."""
        return self._page.get_by_label(label, exact=True)

    def fields_asked(self) -> list[str]:
        """The names of every input the screen offers, once it is shown: what it asks the customer to give."""
        self.heading.wait_for()
        names: list[str] = self._page.locator("input, select, textarea, [role=textbox]").evaluate_all(
            "fields => fields.map(field => (field.labels && field.labels[0] ? field.labels[0].textContent : '')"
            " + ' ' + (field.getAttribute('aria-label') || '') + ' ' + (field.name || ''))")
        return [name.strip() for name in names]

    def send_signature_of_other_content(self, pin: str) -> BankAnswer:
        """What a tampered app could send: a real signature by the customer's key, over other content."""
        self.heading.wait_for()
        answer: dict[str, object] = self._page.evaluate(SIGN_OTHER_CONTENT, pin)
        return BankAnswer(int(str(answer["status"])), str(answer["text"]))

    def sign_with_pin(self, pin: str) -> None:
        """전자서명: ends on the result screen, or here with a refusal."""
        self.heading.wait_for()
        self.keypad.enter(pin)
        self._settled.wait_for()


class TransferDoneScreen:
    def __init__(self, page: Page) -> None:
        self.heading = page.get_by_role("heading", name="이체가 완료되었습니다")
        self.signed_by = page.get_by_label("서명한 인증서", exact=True)
