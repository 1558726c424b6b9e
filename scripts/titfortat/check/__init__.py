"""Check: every data file and stored text in, a checked dataset or every problem out."""

from titfortat.check.checker import CheckResult, check

__all__ = ["CheckResult", "check"]
