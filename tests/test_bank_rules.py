"""The rule inventory (features/bank_rules.toml) fits the code and the features: every rule has a mutation whose
code occurs exactly once, and scenarios (or, with a reason, unit tests) that exist. `make mutations` would find a
moved mutation only minutes into its run; this finds it in seconds."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from support.guide_catalog import load_catalog
from tooling.bank_rules import Rule, load_inventory, selects

ROOT = Path(__file__).resolve().parent.parent
INVENTORY = load_inventory()
RULES = list(INVENTORY)


def test_the_inventory_lists_well_over_sixty_rules_each_with_a_mutation() -> None:
    assert len(INVENTORY) > 60
    assert all(rule.mutations for rule in INVENTORY), [rule.id for rule in INVENTORY if not rule.mutations]


def test_every_rule_names_a_guide_item_of_the_catalog() -> None:
    catalog = load_catalog()
    assert [rule.id for rule in INVENTORY if rule.guide not in catalog] == []


@pytest.mark.parametrize("rule", RULES, ids=[rule.id for rule in RULES])
def test_each_mutation_breaks_code_that_occurs_exactly_once(rule: Rule) -> None:
    for mutation in rule.mutations:
        assert (ROOT / mutation.path).read_text("utf-8").count(mutation.original) == 1, mutation.bug
        assert mutation.broken != mutation.original


def collected(suite: str, *extra: str) -> list[str]:
    done = subprocess.run([sys.executable, "-m", "pytest", suite, "--collect-only", "-q", "-p", "no:xdist", *extra],
                          cwd=ROOT, capture_output=True, text=True, timeout=300, check=True)
    return [line for line in done.stdout.splitlines() if "::" in line]


def test_every_rules_checks_select_something_that_exists(tmp_path: Path) -> None:
    """A rule whose scenario was renamed or removed would be 'pinned' by nothing."""
    index = tmp_path / "scenarios.json"
    collected("steps", "--scenario-index", str(index))
    scenarios = json.loads(index.read_text("utf-8"))
    units = [{"nodeid": nodeid, "name": nodeid.partition("::")[2]} for nodeid in collected("tests")]
    nothing = [rule.id for rule in RULES if not selects(rule, scenarios if rule.by_scenario else units)]
    assert nothing == []
    assert all(rule.why_not_a_scenario for rule in RULES if not rule.by_scenario)


def test_the_keyword_reading_agrees_with_pytests_own() -> None:
    """selects() reads -k as pytest does, checked against pytest on one feature with and/or/not."""
    rule = next(rule for rule in RULES if rule.id == "PHONE-RRN-FRONT7")
    ours = selects(rule, [{"nodeid": f"steps/test_features.py::{name}", "name": name,
                           "feature": "features/failure_checklist.feature"}
                          for name in (line.partition("::")[2] for line in
                                       collected("steps", "--feature-file", "features/failure_checklist.feature"))])
    assert sorted(ours) == sorted(collected("steps", *rule.checked_by))
    assert len(ours) == 2
