"""The project's own checks, run by make targets and tests, not by scenarios: guide coverage, the step check, the
bank's rule inventory and the personal-data scan of results."""
