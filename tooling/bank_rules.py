"""The bank's rules (features/bank_rules.toml): what each one says, where it lives, what pins it, how to break it.

People read the TOML; `make mutations` breaks each rule by its mutations, tests/test_bank_rules.py checks that
every rule has a mutation and a scenario that exists, and `make coverage` lists the rules beside guide items.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

DEFAULT_INVENTORY = Path(__file__).resolve().parents[1] / "features" / "bank_rules.toml"
STEPS_SUITE = "steps"


class InventoryError(Exception):
    """The inventory cannot be read as written; the message names the rule and the field."""


@dataclass(frozen=True)
class Mutation:
    """One way the rule breaks, in the shape of a real bug: `original` replaced by `broken` in `path`."""

    bug: str
    path: str
    original: str
    broken: str


@dataclass(frozen=True)
class Rule:
    id: str
    says: str
    guide: str
    where: str
    # pytest arguments selecting what pins the rule, run in `suite` (the features, or a unit test file).
    checked_by: tuple[str, ...]
    mutations: tuple[Mutation, ...]
    suite: str = STEPS_SUITE
    # Only for rules no scenario can see from outside: why a unit test pins it instead.
    why_not_a_scenario: str = ""

    @property
    def by_scenario(self) -> bool:
        return self.suite == STEPS_SUITE


class Inventory:
    def __init__(self, rules: list[Rule]) -> None:
        self.rules = rules

    def __iter__(self) -> Iterator[Rule]:
        return iter(self.rules)

    def __len__(self) -> int:
        return len(self.rules)

    @property
    def mutations(self) -> int:
        return sum(len(rule.mutations) for rule in self.rules)

    def by_guide_item(self) -> dict[str, list[Rule]]:
        grouped: dict[str, list[Rule]] = {}
        for rule in self.rules:
            grouped.setdefault(rule.guide, []).append(rule)
        return grouped


def _text(entry: dict[str, object], key: str, where: str) -> str:
    value = entry.get(key)
    if not isinstance(value, str) or not value:
        raise InventoryError(f"{where}: '{key}' must be a non-empty string")
    return value


def _rule(entry: dict[str, object]) -> Rule:
    rule_id = _text(entry, "id", "a rule")
    checked_by = entry.get("checked_by", [])
    if not isinstance(checked_by, list) or not all(isinstance(arg, str) for arg in checked_by):
        raise InventoryError(f"{rule_id}: 'checked_by' must be a list of pytest arguments")
    raw_mutations = entry.get("mutation", [])
    if not isinstance(raw_mutations, list):
        raise InventoryError(f"{rule_id}: 'mutation' must be [[rule.mutation]] tables")
    mutations = tuple(Mutation(_text(m, "bug", rule_id), _text(m, "path", rule_id), _text(m, "original", rule_id),
                               str(m.get("broken", ""))) for m in raw_mutations)
    suite = str(entry.get("suite", STEPS_SUITE))
    why = str(entry.get("why_not_a_scenario", ""))
    if suite != STEPS_SUITE and not why:
        raise InventoryError(f"{rule_id}: a rule pinned by a unit test says why no scenario can (why_not_a_scenario)")
    return Rule(rule_id, _text(entry, "says", rule_id), _text(entry, "guide", rule_id), _text(entry, "where", rule_id),
                tuple(checked_by), mutations, suite, why)


def load_inventory(path: Path = DEFAULT_INVENTORY) -> Inventory:
    try:
        data = tomllib.loads(path.read_text("utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise InventoryError(f"{path}: {error}") from error
    rules = [_rule(entry) for entry in data.get("rule", [])]
    seen: set[str] = set()
    for rule in rules:
        if rule.id in seen:
            raise InventoryError(f"rule {rule.id} is listed twice")
        seen.add(rule.id)
    return Inventory(rules)


_TOKEN = re.compile(r"\(|\)|[^\s()]+")


def keyword_matches(expression: str, name: str) -> bool:
    """pytest's -k on one test name: words match as case-insensitive substrings, joined by and/or/not/()."""
    words = []
    for token in _TOKEN.findall(expression):
        if token in ("and", "or", "not", "(", ")"):
            words.append(token)
        else:
            words.append(str(token.lower() in name.lower()))
    # Only True/False, the three operators and parentheses are left, so eval reads nothing but them.
    return bool(eval(" ".join(words), {"__builtins__": {}}, {}))


def selects(rule: Rule, scenarios: Iterable[dict[str, str | None]]) -> list[str]:
    """The node ids the rule's checked_by picks from a scenario index (fixtures/options.py --scenario-index) or,
    for a unit test suite, from collected node ids given as {"nodeid", "name"}."""
    args = list(rule.checked_by)
    features = {args[i + 1] for i, arg in enumerate(args[:-1]) if arg == "--feature-file"}
    keyword = next((args[i + 1] for i, arg in enumerate(args[:-1]) if arg == "-k"), "")
    chosen = []
    for scenario in scenarios:
        nodeid, name = str(scenario["nodeid"]), str(scenario["name"])
        if rule.by_scenario and features and scenario.get("feature") not in features:
            continue
        if not rule.by_scenario and not nodeid.startswith(rule.suite + "::"):
            continue
        if keyword and not keyword_matches(keyword, name):
            continue
        chosen.append(nodeid)
    return chosen
