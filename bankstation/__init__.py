"""BankStation (题库工作站): offline question-bank workstation."""

__version__ = "0.1.0"
