"""Nice data for the statistics worksheet generators: whole deviations that sum to zero
(with a chosen sum of squares), and whole data with a chosen mean and standard deviation.

Examples
========
>>> import random
>>> d = nice_data(random.Random(0), 5, 10, 2)
>>> sum(d) / 5, sum((x - 10) ** 2 for x in d) / 4
(10.0, 4.0)
"""

from __future__ import annotations

import random

__all__ = ["deviations", "nice_data"]


def deviations(rng: random.Random, n: int, s: int | None = None, spread: int = 4) -> list[int]:
    """``n`` whole deviations summing to 0 (with squares summing to (n − 1)s² when ``s``).

    Examples
    ========
    >>> d = deviations(random.Random(0), 4, 2)
    >>> sum(d), sum(x * x for x in d)
    (0, 12)
    """
    target = None if s is None else (n - 1) * s * s
    lim = max(spread, 2 * (s or 1))
    for _ in range(20000):
        d = [rng.randint(-lim, lim) for _ in range(n - 1)]
        d.append(-sum(d))
        if abs(d[-1]) <= 2 * lim and (target is None or sum(x * x for x in d) == target):
            return d
    raise ValueError(f"no deviations found for n={n}, s={s}")


def nice_data(rng: random.Random, n: int, mean: int, s: int | None = None,
              spread: int = 4) -> list[int]:
    """Whole data with the given whole ``mean`` (and sample sd ``s`` when given), shuffled."""
    d = [mean + x for x in deviations(rng, n, s, spread)]
    rng.shuffle(d)
    return d
