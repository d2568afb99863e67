"""The full account number never comes back from the bank, not even into the field it was typed in."""

from __future__ import annotations

from conftest import Screens


def test_a_refused_deposit_form_shows_only_the_last_digits(screens: Screens) -> None:
    screens.verify_phone()
    typed = screens.person.account[:-1]  # one digit short: refused for its length
    answer = screens.post("/issue/account/deposit", bank=screens.person.account_bank, account_number=typed)
    assert answer.status_code == 400
    assert typed not in answer.text
    assert f"끝자리 {typed[-4:]}" in answer.text
    assert f"<option selected>{screens.person.account_bank}</option>" in answer.text


def test_the_screen_after_the_deposit_keeps_the_bank_and_masks_the_number(screens: Screens) -> None:
    screens.send_deposit()
    page = screens.client.get("/issue/account")
    assert screens.person.account not in page.text
    assert f"끝자리 {screens.person.account[-4:]}" in page.text
    assert f"<option selected>{screens.person.account_bank}</option>" in page.text
