"""Feature files read with pytest-bdd's own parser, as the cases a run executes: scenarios and Examples blocks."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from pytest_bdd.parser import Examples, Feature, FeatureParser, Scenario, ScenarioTemplate


@dataclass(frozen=True)
class ScenarioCase:
    """A scenario, or one Examples block of an outline: the unit that tags (and so guide items) attach to."""

    template: ScenarioTemplate
    examples: Examples | None
    path: str  # the feature file as written in reports: relative to the project root, '/'-separated

    @property
    def feature(self) -> Feature:
        return self.template.feature

    @property
    def line(self) -> int:
        """Where the case starts: the Examples block of an outline row, else the scenario."""
        if self.examples is not None and self.examples.line_number is not None:
            return self.examples.line_number
        return self.template.line_number

    @property
    def location(self) -> str:
        return f"{self.path}:{self.line}"

    @property
    def title(self) -> str:
        suffix = f" — {self.examples.name}" if self.examples is not None and self.examples.name else ""
        return f"{self.template.name}{suffix}"

    @property
    def tags(self) -> set[str]:
        return scenario_tags(self.template, self.examples)

    def rendered(self) -> list[Scenario]:
        """The scenarios pytest-bdd runs: one per Examples row, or the scenario itself."""
        if self.examples is None:
            return [self.template.render({})]
        return [self.template.render(context) for context in self.examples.as_contexts()]


def scenario_tags(template: ScenarioTemplate, examples: Examples | None = None) -> set[str]:
    """Feature, rule, scenario and Examples tags together, as pytest-bdd applies them to one test."""
    rule_tags = template.rule.tags if template.rule is not None else set()
    example_tags = examples.tags if examples is not None else set()
    return template.feature.tags | rule_tags | template.tags | example_tags


def examples_of(template: ScenarioTemplate, context: Mapping[str, str]) -> Examples | None:
    """The Examples block an outline's test was generated from, found by its row's values."""
    row = dict(context)
    for block in template.examples:
        if row in block.as_contexts():
            return block
    return None


def parse_feature(path: Path) -> Feature:
    return FeatureParser(str(path.parent), path.name).parse()


def shown_path(path: Path, root: Path) -> str:
    """Relative to the project root when inside it, as reports and editors show it."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def feature_paths(features_dir: Path) -> list[Path]:
    return sorted(features_dir.glob("**/*.feature"))


def scenario_cases(features_dir: Path, root: Path) -> Iterator[ScenarioCase]:
    for path in feature_paths(features_dir):
        feature = parse_feature(path)
        shown = shown_path(path, root)
        for template in feature.scenarios.values():
            blocks: list[Examples | None] = list(template.examples) or [None]
            for block in blocks:
                yield ScenarioCase(template, block, shown)
