"""Every answer carries the bank's security headers; screens are never cached, static files may be; and no
screen needs an inline script, which the Content-Security-Policy would refuse to run."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from tests.screen_templates import TEMPLATES, start_tags

EXPECTED = {"x-frame-options": "DENY", "x-content-type-options": "nosniff", "referrer-policy": "same-origin"}


@pytest.mark.parametrize("path", ["/", "/issue/terms", "/certificate-centre", "/api/nowhere", "/_test/clock",
                                  "/static/app.css"])
def test_every_answer_carries_the_security_headers(client: TestClient, path: str) -> None:
    headers = client.get(path, follow_redirects=False).headers
    assert {name: headers.get(name) for name in EXPECTED} == EXPECTED
    policy = headers["content-security-policy"]
    assert "frame-ancestors 'none'" in policy
    assert "script-src 'self'" in policy and "unsafe-inline'" not in policy.split("script-src")[1].split(";")[0]


def test_screens_are_not_cached_and_static_files_are_kept_for_an_hour(client: TestClient) -> None:
    assert client.get("/").headers["cache-control"] == "no-store"
    # Without a lifetime a browser revalidates a freshly checked-out file on every screen (six 304s each).
    assert client.get("/static/app.css").headers["cache-control"] == "max-age=3600"


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda path: path.name)
def test_no_screen_has_an_inline_script(template: Path) -> None:
    inline = [tag for tag, attrs in start_tags(template)
              if (tag == "script" and "src" not in attrs) or any(name.startswith("on") for name in attrs)]
    assert inline == [], f"{template.name}: {inline}"
