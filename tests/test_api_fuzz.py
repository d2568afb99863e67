"""Property-based fuzzing of the bank's HTTP API from its own OpenAPI schema (schemathesis + hypothesis).

Every operation the schema lists, test control included, gets examples generated from its declared
parameters and bodies (and, for the screens, their query strings). Whatever arrives, the bank answers
below 500, and every refusal from /api/ or /_test/ comes in the documented {reason, field, message} shape
with a Korean message. Bounded: a fixed number of examples per operation and a fixed seed, so a run takes
seconds and a failure replays.
"""

from __future__ import annotations

import re
from pathlib import Path

import schemathesis
from hypothesis import HealthCheck, Phase, given, settings

from mock_bank.bank import Bank
from mock_bank.settings import ServerSettings
from mock_bank.web.app import create_app

EXAMPLES_PER_OPERATION = 30
HANGUL = re.compile("[가-힣]")


Problem = str


def problems_of(case: schemathesis.Case) -> list[Problem]:
    response = case.call()
    where = f"{case.method} {case.formatted_path} {case.query or ''} {str(case.body)[:80]}"
    if response.status_code >= 500:
        return [f"{where}: {response.status_code}"]
    if response.status_code >= 400 and case.path.startswith(("/api/", "/_test/")):
        body = response.json()
        if not (isinstance(body, dict) and {"reason", "field", "message"} <= set(body)
                and HANGUL.search(str(body["message"]))):
            return [f"{where}: {response.status_code} not in the refusal shape: {body}"]
    return []


# schemathesis' own pytest plugin does not load under pytest 9, so each operation's strategy is drawn here.
def test_no_input_gets_a_server_error_or_a_shapeless_refusal(bank: Bank, database: Path) -> None:
    app = create_app(ServerSettings(database=database, test_control=True), bank)
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    found: list[Problem] = []
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) > 50, "the schema lost its operations"
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(max_examples=EXAMPLES_PER_OPERATION, deadline=None, derandomize=True, database=None,
                  phases=[Phase.explicit, Phase.generate], suppress_health_check=list(HealthCheck))
        def fuzz(case: schemathesis.Case) -> None:
            found.extend(problems_of(case))

        fuzz()
    assert found == []
