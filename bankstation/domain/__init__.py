"""Pure domain model: dataclasses and rules, no I/O and no third-party imports."""
