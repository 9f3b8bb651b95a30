"""Largest-remainder apportionment (Hamilton's method), as DESIGN.md §6 fixes it.

Each scope gets floor(count × w / 100); the seats left go to the largest remainders, ties to
the scope that comes first by code. Exact rational arithmetic, so 33.3 + 33.3 + 33.4 never
drifts by a float's last bit.
"""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction


def hamilton(count: int, weights: Mapping[str, float]) -> dict[str, int]:
    """Seats per key; ``weights`` are percentages summing to 100."""
    if count < 0:
        raise ValueError("count must not be negative")
    exact = {key: Fraction(str(weight)) for key, weight in weights.items()}
    total = sum(exact.values(), Fraction(0))
    if total <= 0:
        raise ValueError("weights must sum to more than zero")
    quotas = {key: Fraction(count) * w / total for key, w in exact.items()}
    seats = {key: int(q) for key, q in quotas.items()}  # floor: quotas are non-negative
    left = count - sum(seats.values())
    by_remainder = sorted(quotas, key=lambda key: (-(quotas[key] - seats[key]), key))
    for key in by_remainder[:left]:
        seats[key] += 1
    return {key: seats[key] for key in sorted(seats)}
