"""Helpers the test harness uses to check the mock bank from outside."""
