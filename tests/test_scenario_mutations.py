"""The mutation list (scripts/scenario_mutations.py) still fits the code: `make mutations` runs the whole suite,
so a mutation whose code moved would be found only then, minutes in."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent


def mutations_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("scenario_mutations", ROOT / "scripts" / "scenario_mutations.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


MUTATIONS = mutations_module().MUTATIONS


@pytest.mark.parametrize("mutation", MUTATIONS, ids=[mutation.rule for mutation in MUTATIONS])
def test_each_mutation_breaks_code_that_occurs_exactly_once(mutation: object) -> None:
    path, original, broken, suite = (getattr(mutation, name) for name in ("path", "original", "broken", "suite"))
    assert (ROOT / path).read_text("utf-8").count(original) == 1
    assert broken != original
    assert (ROOT / suite).exists()
