"""Binds every feature file under features/ to the steps; the only module that calls scenarios()."""

from __future__ import annotations

from pytest_bdd import scenarios

scenarios(".")
