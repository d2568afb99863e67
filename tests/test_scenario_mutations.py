"""make mutations can apply every deliberate break it lists: each one's code is still where it says, once."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from scenario_mutations import MUTATIONS, Mutation  # noqa: E402


@pytest.mark.parametrize("mutation", MUTATIONS, ids=[mutation.rule for mutation in MUTATIONS])
def test_the_mutations_code_occurs_once_where_it_says(mutation: Mutation) -> None:
    # make mutations stops at the first one whose code moved; this finds them all without a browser.
    source = (ROOT / mutation.path).read_text("utf-8")
    assert source.count(mutation.original) == 1
    assert mutation.broken != mutation.original


@pytest.mark.parametrize("mutation", MUTATIONS, ids=[mutation.rule for mutation in MUTATIONS])
def test_the_mutations_checks_exist(mutation: Mutation) -> None:
    assert (ROOT / mutation.suite).exists()
    arguments = list(mutation.scenarios)
    for index, argument in enumerate(arguments[:-1]):
        if argument == "--feature-file":
            assert (ROOT / arguments[index + 1]).exists()


def test_each_rule_is_named_once() -> None:
    rules = [mutation.rule for mutation in MUTATIONS]
    assert len(rules) == len(set(rules))
