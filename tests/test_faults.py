"""Faults arranged through test control: SMS blocked or delayed, a broken screen until restart, the ID reader."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from conftest import Person, Screens, latest_sms_code
from mock_bank.bank import Bank
from mock_bank.services.faults import Faults, Screen, Until
from mock_bank.services.sessions import Stage
from mock_bank.settings import ServerSettings
from mock_bank.web.app import create_app

UNAVAILABLE = "일시적인 오류가 발생했습니다. 앱을 다시 시작한 후 시도해 주세요."


class TestFaultsService:
    def test_the_id_reader_fails_as_often_as_arranged(self) -> None:
        faults = Faults()
        assert faults.take_id_reader_failure() is False
        faults.fail_id_reader(2)
        assert [faults.take_id_reader_failure() for _ in range(3)] == [True, True, False]

    def test_restart_clears_only_faults_that_last_until_restart(self) -> None:
        faults = Faults()
        faults.break_screen(Screen.PHONE, Until.RESTART)
        faults.break_screen(Screen.ID, Until.CLEARED)
        faults.restart()
        faults.check_screen(Screen.PHONE)
        assert faults.snapshot()["screens"] == {"id": "cleared"}

    def test_reset_clears_everything(self) -> None:
        faults = Faults()
        faults.block_sms("010-1111-2222", True)
        faults.delay_sms("010-1111-2222", timedelta(seconds=5))
        faults.break_screen(Screen.TERMS, Until.CLEARED)
        faults.fail_id_reader(1)
        faults.reset()
        assert faults.snapshot() == {"screens": {}, "sms_blocked": [], "sms_delays": {}, "id_reader_failures": 0}


class TestBrokenScreen:
    def test_the_screen_answers_503_with_the_restart_advice(self, client: TestClient, screens: Screens) -> None:
        screens.agree()
        assert client.put("/_test/faults/screens/phone", json={}).json() == {"screen": "phone", "until": "restart"}
        page = client.get("/issue/phone")
        assert page.status_code == 503
        assert UNAVAILABLE in page.text
        posted = screens.post("/issue/phone/code-request", **screens.phone_form())
        assert posted.status_code == 503
        assert screens.session().stage.value == "terms_agreed"

    def test_other_screens_keep_working(self, client: TestClient, screens: Screens) -> None:
        client.put("/_test/faults/screens/account")
        screens.start()
        assert client.get("/issue/terms").status_code == 200

    def test_starting_issuance_again_is_the_restart_that_clears_it(self, client: TestClient,
                                                                    screens: Screens) -> None:
        screens.agree()
        client.put("/_test/faults/screens/phone")
        assert client.get("/issue/phone").status_code == 503
        screens.agree()
        assert client.get("/issue/phone").status_code == 200
        assert client.get("/_test/faults").json()["screens"] == {}

    def test_a_fault_until_cleared_survives_restart_until_deleted(self, client: TestClient,
                                                                  screens: Screens) -> None:
        client.put("/_test/faults/screens/phone", json={"until": "cleared"})
        screens.agree()
        assert client.get("/issue/phone").status_code == 503
        assert client.delete("/_test/faults/screens/phone").status_code == 204
        assert client.get("/issue/phone").status_code == 200

    def test_the_credentials_screen_fails_its_api_too(self, client: TestClient, screens: Screens) -> None:
        screens.verify_account().finish_step(Stage.ID_VERIFIED)
        client.put("/_test/faults/screens/credentials")
        answer = client.post("/api/issuance/pin", json={"pin": "258036", "confirmation": "258036"})
        assert answer.status_code == 503
        assert answer.json()["reason"] == "app_unavailable"
        assert answer.json()["message"] == UNAVAILABLE
        assert screens.session().stage.value == "id_verified"

    def test_the_id_screen_fails_though_its_routes_live_elsewhere(self, client: TestClient,
                                                                  screens: Screens) -> None:
        screens.verify_account()
        client.put("/_test/faults/screens/id")
        assert client.get("/issue/id").status_code == 503
        assert screens.post("/issue/id/confirm").status_code == 503

    def test_an_unknown_screen_is_refused(self, client: TestClient) -> None:
        assert client.put("/_test/faults/screens/home").status_code == 422


class TestSmsFaults:
    def test_a_blocked_phone_gets_nothing_even_after_unblocking(self, client: TestClient, screens: Screens,
                                                                bank: Bank, kim: Person) -> None:
        # The number as digits only names the same phone.
        client.put(f"/_test/phones/{kim.phone.replace('-', '')}/sms-block", json={"blocked": True})
        screens.request_sms()
        assert client.get(f"/_test/phones/{kim.phone}/sms").json() == {"messages": []}
        client.put(f"/_test/phones/{kim.phone}/sms-block", json={"blocked": False})
        assert client.get(f"/_test/phones/{kim.phone}/sms").json() == {"messages": []}
        bank.clock.advance(bank.rules.sms_request_cooldown)
        assert screens.post("/issue/phone/code-request", **screens.phone_form()).status_code == 303
        assert len(client.get(f"/_test/phones/{kim.phone}/sms").json()["messages"]) == 1

    def test_a_delayed_message_arrives_when_the_bank_clock_passes_the_delay(
            self, client: TestClient, screens: Screens, bank: Bank, kim: Person) -> None:
        assert client.put(f"/_test/phones/{kim.phone}/sms-delay", json={"seconds": 90}).json() == {"seconds": 90}
        screens.request_sms()
        inbox = f"/_test/phones/{kim.phone}/sms"
        bank.clock.advance(timedelta(seconds=89))
        assert client.get(inbox).json()["messages"] == []
        bank.clock.advance(timedelta(seconds=1))
        [message] = client.get(inbox).json()["messages"]
        assert message["delivered_at"] > message["sent_at"]

    def test_a_code_delayed_past_its_validity_is_expired_when_it_arrives(
            self, client: TestClient, screens: Screens, bank: Bank, kim: Person) -> None:
        client.put(f"/_test/phones/{kim.phone}/sms-delay", json={"seconds": 200})
        screens.request_sms()
        bank.clock.advance(timedelta(seconds=200))
        answer = screens.post("/issue/phone/code", code=latest_sms_code(bank, kim.phone))
        assert answer.status_code == 400
        assert "인증번호 입력 시간이 지났습니다" in answer.text

    @pytest.mark.parametrize("phone", ["123", "010-1234-567", "<b>"])
    def test_a_malformed_phone_is_refused(self, client: TestClient, phone: str) -> None:
        assert client.put(f"/_test/phones/{phone}/sms-delay", json={"seconds": 1}).status_code == 422


def test_the_id_reader_fault_is_taken_once(client: TestClient, bank: Bank) -> None:
    assert client.put("/_test/faults/id-reader", json={}).json() == {"failures": 1}
    assert bank.faults.take_id_reader_failure() is True
    assert bank.faults.take_id_reader_failure() is False


def test_reset_undoes_every_fault(client: TestClient, kim: Person) -> None:
    client.put(f"/_test/phones/{kim.phone}/sms-block", json={"blocked": True})
    client.put(f"/_test/phones/{kim.phone}/sms-delay", json={"seconds": 5})
    client.put("/_test/faults/screens/terms", json={"until": "cleared"})
    client.put("/_test/faults/id-reader", json={"failures": 3})
    assert client.post("/_test/reset").status_code == 204
    assert client.get("/_test/faults").json() == {
        "screens": {}, "sms_blocked": [], "sms_delays": {}, "id_reader_failures": 0}


def test_every_test_control_operation_is_documented(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    operations = [op for path, ops in paths.items() if path.startswith("/_test/") for op in ops.values()]
    assert len(operations) >= 15
    assert all(op.get("summary") for op in operations)


def test_test_control_is_absent_without_the_flag(tmp_path: Path) -> None:
    with TestClient(create_app(ServerSettings(database=tmp_path / "plain.sqlite3"))) as plain:
        assert plain.post("/_test/reset").status_code == 404
        assert not any(path.startswith("/_test") for path in plain.get("/openapi.json").json()["paths"])


@pytest.mark.parametrize("body", [{"now": "9999-12-31T00:00:00Z"}, {"now": "1970-01-01T00:00:00Z"},
                                  {"now": "2025-01-01T00:00:00"}, {"now": 5}])
def test_the_clock_cannot_be_set_out_of_range(client: TestClient, body: dict[str, object]) -> None:
    assert client.put("/_test/clock", json=body).status_code == 422


def test_the_clock_cannot_be_advanced_past_the_range(client: TestClient) -> None:
    twenty_years = {"seconds": 20 * 365 * 24 * 3600}
    answers = [client.post("/_test/clock/advance", json=twenty_years).status_code for _ in range(4)]
    assert answers == [200, 200, 200, 422]  # from 2025: 2045, 2065, 2085, then 2105 is past 2100


def test_the_inbox_reads_a_number_written_either_way(client: TestClient, screens: Screens, kim: Person) -> None:
    screens.request_sms()
    digits_only = kim.phone.replace("-", "")
    assert client.get(f"/_test/phones/{digits_only}/sms").json() == client.get(f"/_test/phones/{kim.phone}/sms").json()
    assert client.get("/_test/phones/not-a-phone/sms").status_code == 422
