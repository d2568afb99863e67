"""Break the mock bank's rules one at a time and check that each rule's own scenarios fail.

A scenario is worth what it catches. The rules and their mutations are listed in features/bank_rules.toml. Each
mutation is applied in a throw-away clone of the committed tree, and the rule's `checked_by` scenarios run
against it. A mutation counts as caught only when one of them *fails* (an assertion, in JUnit a <failure>): a
crash while setting up (<error>), nothing selected, or a pass is not a catch. The rules' scenarios are first run
once on the intact tree, so a scenario that fails anyway cannot pass for a catch.

    make mutations                       every rule (about a quarter of an hour on two cores)
    make mutations ONLY=SMS              rules whose id or text contains SMS, for daily work
    make mutations ONLY=SMS,PIN          ... or any of several words
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from queue import Queue

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run as a file, the project's packages still import

from tooling.bank_rules import Inventory, Mutation, Rule, load_inventory  # noqa: E402

# Two clones, one mutation each at a time: on two cores a third only makes both slower.
PARALLEL = 2
# Up to this many rules, the intact run is rule by rule; beyond, a whole suite's run costs less.
FEW = 6


@dataclass(frozen=True)
class Outcome:
    rule: Rule
    mutation: Mutation
    caught_by: str | None  # the first scenario that failed on the broken rule
    seconds: float


class MutationBroken(Exception):
    """A mutation that cannot be judged: its code moved, or its scenarios do not pass on the intact rule."""


def failed_cases(junit: Path) -> tuple[list[str], list[str]]:
    """Names of the test cases that failed, and of those that errored, in a JUnit XML file."""
    try:
        root = ET.parse(junit).getroot()
    except (OSError, ET.ParseError):
        return [], []
    failed = [case.get("name", "") for case in root.iter("testcase") if case.find("failure") is not None]
    errored = [case.get("name", "") for case in root.iter("testcase") if case.find("error") is not None]
    return failed, errored


def run_checks(rule: Rule, clone: Path, junit: Path, workers: int = 0) -> subprocess.CompletedProcess[str]:
    parallel = ["-n", str(workers)] if workers else ["-p", "no:xdist"]
    return subprocess.run([sys.executable, "-m", "pytest", rule.suite, "-q", "-p", "no:cacheprovider", *parallel,
                           f"--junitxml={junit}", *rule.checked_by], cwd=clone, capture_output=True, text=True)


def check_intact(rules: list[Rule], clone: Path) -> None:
    """Every chosen rule's checks pass on the intact tree: rule by rule for a few, else each suite in one run."""
    junit = clone.parent / "intact.xml"
    if len(rules) <= FEW:
        for rule in rules:
            done = run_checks(rule, clone, junit)
            if done.returncode != 0:
                raise MutationBroken(f"{rule.id}: its checks fail on the intact tree:\n{done.stdout[-2000:]}")
        return
    for suite in sorted({rule.suite for rule in rules}):
        done = subprocess.run([sys.executable, "-m", "pytest", suite, "-q", "-p", "no:cacheprovider", "-n", "2",
                               f"--junitxml={junit}"], cwd=clone, capture_output=True, text=True)
        if done.returncode != 0:
            raise MutationBroken(f"{suite} does not pass on the intact tree:\n{done.stdout[-2000:]}")


def break_rule(rule: Rule, mutation: Mutation, clone: Path) -> Outcome:
    target = clone / mutation.path
    source = target.read_text("utf-8")
    if source.count(mutation.original) != 1:
        raise MutationBroken(f"{rule.id}: the code of '{mutation.bug}' moved in {mutation.path}; update the rule")
    started = time.monotonic()
    target.write_text(source.replace(mutation.original, mutation.broken), "utf-8")
    junit = clone.parent / "broken.xml"
    try:
        done = run_checks(rule, clone, junit)
    finally:
        target.write_text(source, "utf-8")
    if done.returncode == 5:
        raise MutationBroken(f"{rule.id}: checked_by selects nothing in {rule.suite}")
    failed, _errored = failed_cases(junit)
    return Outcome(rule, mutation, failed[0] if failed and done.returncode == 1 else None,
                   time.monotonic() - started)


def clone_tree(folder: Path, name: str) -> Path:
    clone = folder / name / "tree"
    clone.parent.mkdir()
    subprocess.run(["git", "clone", "--quiet", str(ROOT), str(clone)], check=True)
    # npm's packages are not in git; the screen checks need axe-core from them (make setup installs it).
    (clone / "node_modules").symlink_to(ROOT / "node_modules", target_is_directory=True)
    return clone


def chosen_rules(inventory: Inventory, only: str) -> list[Rule]:
    """Rules whose id, text or a mutation's bug contains any of the comma-separated words."""
    words = [word.strip().lower() for word in only.split(",")]

    def named(rule: Rule) -> bool:
        text = " ".join([rule.id, rule.says, *(mutation.bug for mutation in rule.mutations)]).lower()
        return any(word in text for word in words)

    return [rule for rule in inventory if named(rule)]


def report(outcome: Outcome) -> None:
    verdict = "caught  " if outcome.caught_by else "SURVIVED"
    by = f"  <- {outcome.caught_by}" if outcome.caught_by else ""
    print(f"{verdict} {outcome.seconds:5.1f}s  {outcome.rule.id}: {outcome.mutation.bug}{by}", flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", default="", help="only the rules whose id, text or mutation contains one of "
                                                   "these comma-separated words")
    args = parser.parse_args(argv)
    inventory = load_inventory()
    rules = chosen_rules(inventory, args.only)
    without = [rule.id for rule in rules if not rule.mutations]
    jobs = [(rule, mutation) for rule in rules for mutation in rule.mutations]
    with tempfile.TemporaryDirectory(prefix="kb-mutations-") as folder:
        clones = [clone_tree(Path(folder), f"clone-{index}") for index in range(PARALLEL)]
        try:
            check_intact(rules, clones[0])
            free: Queue[Path] = Queue()
            for clone in clones:
                free.put(clone)

            def in_a_free_clone(job: tuple[Rule, Mutation]) -> Outcome:
                clone = free.get()
                try:
                    outcome = break_rule(*job, clone)
                finally:
                    free.put(clone)
                report(outcome)
                return outcome

            with ThreadPoolExecutor(PARALLEL) as pool:
                outcomes = list(pool.map(in_a_free_clone, jobs))
        except MutationBroken as error:
            print(f"mutations: {error}", file=sys.stderr)
            return 2
    caught = sum(outcome.caught_by is not None for outcome in outcomes)
    print(f"{caught} of {len(outcomes)} mutations of {len(rules)} rules were caught by their own scenarios")
    for rule_id in without:
        print(f"mutations: rule {rule_id} has no mutation", file=sys.stderr)
    return 1 if caught < len(outcomes) or without else 0


if __name__ == "__main__":
    sys.exit(main())
