"""Static step checks with pytest-bdd's own matching: undefined, ambiguous and unused steps, before any browser."""

from __future__ import annotations

import ast
import importlib
import inspect
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from pytest_bdd.steps import StepFunctionContext, step_function_context_registry

from support.feature_files import ScenarioCase, shown_path
from support.scenario_tags import classify


@dataclass(frozen=True)
class StepDefinition:
    context: StepFunctionContext
    location: str

    @property
    def signature(self) -> str:
        kind = self.context.type or "step"
        return f'@{kind}("{self.context.parser.name}") {self.context.step_func.__name__}'

    def matches(self, step_type: str, text: str) -> bool:
        if self.context.type is not None and self.context.type != step_type:
            return False
        return bool(self.context.parser.is_matching(text))


@dataclass(frozen=True, order=True)
class Problem:
    location: str
    message: str

    def __str__(self) -> str:
        return f"{self.location}: {self.message}"


def plugin_modules(conftest: Path) -> list[str]:
    """The `pytest_plugins` list of a conftest, read without importing it."""
    for node in ast.parse(conftest.read_text("utf-8")).body:
        if isinstance(node, ast.Assign) and any(
                isinstance(target, ast.Name) and target.id == "pytest_plugins" for target in node.targets):
            value = ast.literal_eval(node.value)
            return [value] if isinstance(value, str) else list(value)
    return []


def load_definitions(module_names: Iterable[str], root: Path) -> list[StepDefinition]:
    """Import the modules and keep the step definitions they registered with pytest-bdd, in source order."""
    names = {importlib.import_module(name).__name__ for name in module_names}
    found: list[StepDefinition] = []
    for context in list(step_function_context_registry.values()):
        func = context.step_func
        if func.__module__ not in names:
            continue
        source = inspect.getsourcefile(func)
        line = inspect.getsourcelines(func)[1]
        found.append(StepDefinition(context, f"{shown_path(Path(source or '?'), root)}:{line}"))
    return sorted(found, key=lambda definition: _location_key(definition.location))


def _location_key(location: str) -> tuple[str, int]:
    path, _, line = location.rpartition(":")
    return path, int(line) if line.isdigit() else 0


def check(cases: Iterable[ScenarioCase], definitions: list[StepDefinition]) -> list[Problem]:
    """Every problem once, sorted by place: feature lines for steps, step-module lines for unused definitions."""
    problems: set[Problem] = set()
    used: set[int] = set()
    for case in cases:
        manual = classify(case.tags).manual
        for scenario in case.rendered():
            for step in scenario.steps:
                matching = [index for index, definition in enumerate(definitions)
                            if definition.matches(step.type, step.name)]
                used.update(matching)
                where = f"{case.path}:{step.line_number}"
                if not matching and not manual:  # a manual scenario's steps are instructions for a person
                    problems.add(Problem(where, f'undefined step ({step.type}): "{step.name}"'))
                elif len(matching) > 1:
                    candidates = "; ".join(f"{definitions[index].signature} at {definitions[index].location}"
                                           for index in matching)
                    problems.add(Problem(where, f'ambiguous step ({step.type}): "{step.name}" matches {candidates}'))
    for index, definition in enumerate(definitions):
        if index not in used:
            problems.add(Problem(definition.location, f"unused step definition {definition.signature}"))
    return sorted(problems, key=lambda problem: (_location_key(problem.location), problem.message))
