"""Requests that change something are refused when a browser says they come from another site."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

OWN = "http://testserver"


@pytest.mark.parametrize("headers", [{"origin": "http://other-site.test"}, {"origin": "null"},
                                     {"sec-fetch-site": "cross-site"}], ids=["other-origin", "null", "cross-site"])
def test_a_form_from_another_site_is_refused_on_screen(client: TestClient, headers: dict[str, str]) -> None:
    answer = client.post("/issue/start", data={"purpose": "new"}, headers=headers, follow_redirects=False)
    assert answer.status_code == 403
    assert "다른 사이트에서 보낸 요청은 처리할 수 없습니다." in answer.text
    assert "kb_issue" not in answer.cookies


def test_an_api_call_from_another_site_is_refused_in_the_refusal_shape(client: TestClient) -> None:
    answer = client.post("/api/login/challenge", json={"serial": "00"}, headers={"origin": "http://other-site.test"})
    assert (answer.status_code, answer.json()["reason"]) == (403, "cross_site_request")


@pytest.mark.parametrize("headers", [{}, {"origin": OWN}, {"sec-fetch-site": "same-origin"}],
                         ids=["no-origin", "own-origin", "same-origin"])
def test_the_banks_own_pages_and_other_clients_are_let_through(client: TestClient, headers: dict[str, str]) -> None:
    answer = client.post("/issue/start", data={"purpose": "new"}, headers=headers, follow_redirects=False)
    assert (answer.status_code, answer.headers["location"]) == (303, "/issue/terms")


def test_test_control_is_not_checked(client: TestClient) -> None:
    answer = client.post("/_test/clock/advance", json={"seconds": 1}, headers={"origin": "http://other-site.test"})
    assert answer.status_code == 200
