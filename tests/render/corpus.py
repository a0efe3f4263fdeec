"""A corpus of problems that reaches every linear-algebra task and its special cases.

Used by the rendering tests: every entry is solved and rendered in every format at
every detail level.
"""

from __future__ import annotations

import tempfile
from functools import cache
from pathlib import Path

CORPUS: list[tuple[str, dict]] = [
    ("solve_system", {"equations": ["5a + b = 17", "4a - 3b = 6"]}),
    ("solve_system", {"equations": ["a + b = 10", "2a + 2b = 20"]}),
    ("solve_system", {"equations": ["x + y = 1", "x + y = 2"]}),
    ("solve_system", {"equations": ["x1 + 4x3 = 1", "x2 - 3x3 = 1"]}),
    ("solve_system", {"equations": ["2x + y - z = 8", "-3x - y + 2z = -11", "-2x + y + 2z = -3"]}),
    ("solve_system", {"equations": ["x + y + z = 1", "2x + 2y + 2z = 2", "x - y = 0"]}),
    ("classify_system", {"equations": ["x + y = 4", "2x - y = 1"]}),
    ("classify_system", {"equations": ["x + y = 4", "2x + 2y = 1"]}),
    ("det", {"matrix": [[2, 1, 5], [1, 2, 1], [2, 1, 3]], "method": "cofactor"}),
    ("det", {"matrix": [[2, 1, 5], [1, 2, 1], [2, 1, 3]], "method": "sarrus"}),
    ("det", {"matrix": [[0, 1, 2], [1, 0, 3], [4, -3, 8]], "method": "elimination"}),
    ("det", {"matrix": [[2, 1, 0, 3], [1, 3, 2, 1], [0, 2, 4, 1], [3, 1, 1, 2]]}),
    ("det", {"matrix": [[1, 0, 2, -1], [3, 0, 0, 5], [2, 1, 4, -3], [1, 0, 5, 0]]}),
    ("det", {"matrix": [["a", 1], [1, "a"]]}),
    ("det", {"matrix": [[7]]}),
    ("singular", {"matrix": [[1, 2], [2, 4]]}),
    ("singular", {"matrix": [[1, 2], [3, 4]]}),
    ("rank", {"matrix": [[1, 2, 3], [2, 4, 6], [1, 0, 1]]}),
    ("rank", {"matrix": [[0, 0], [0, 0]]}),
    ("ref", {"matrix": [[0, 2, 4], [1, 1, 1]]}),
    ("rref", {"matrix": [[2, 4, 6], [1, 3, 5], [3, 1, 2]]}),
    ("rref", {"matrix": [[1, 2, 3], [2, 4, 7]], "augmented": True}),
    ("matmul", {"A": [[1, 2], [3, 4]], "B": [[0, 1], [1, 0]]}),
    ("vector_add", {"u": [1, 2], "v": [3, -1], "op": "2u-3v"}),
    ("vector_add", {"u": [1, 2, 3], "v": [3, -1, 0]}),
    ("dot", {"u": [1, 2, 3], "v": [4, -5, 6]}),
    ("angle", {"u": [1, 0], "v": [1, 1]}),
    ("projection", {"u": [3, 4], "v": [1, 0]}),
    ("norm", {"v": [3, -4, 12]}),
    ("norm", {"v": [3, -4, 12], "ord": "1"}),
    ("norm", {"v": [3, -4, 12], "ord": "inf"}),
    ("linear_transform", {"matrix": [[1, 2], [0, 1]], "v": [3, 1]}),
    ("linear_transform", {"transform": ["3*v1", "0", "-2*v2"], "vars": "v1, v2"}),
    ("inverse", {"matrix": [[2, 1], [5, 3]], "method": "formula"}),
    ("inverse", {"matrix": [[2, 1, 0], [1, 1, 0], [1, 0, 1]]}),
    ("det_product", {"A": [[1, 2], [3, 4]], "B": [[0, 1], [1, 1]]}),
    ("det_inverse", {"matrix": [[1, 2], [3, 1]]}),
    ("basis_span", {"vectors": [[1, 0, 1], [0, 1, 1], [1, 1, 2]]}),
    ("basis_span", {"vectors": [[1, 0], [0, 1]], "space": "R^2"}),
    ("independent", {"vectors": [[1, 2], [2, 4]]}),
    ("independent", {"vectors": [[1, 0, 0], [0, 1, 0]]}),
    ("charpoly", {"matrix": [[2, 1], [1, 2]]}),
    ("eigenvalues", {"matrix": [[2, 0, 0], [1, 3, 0], [4, -2, 1]]}),
    ("eigenvalues", {"matrix": [[0, -1], [1, 0]]}),
    ("eigenvalues", {"matrix": [[1, 1], [1, 0]]}),
    ("eigenvectors", {"matrix": [[2, 1], [1, 2]]}),
    ("eigenvectors", {"matrix": [[4, 1], [-1, 2]]}),
    ("diagonalize", {"matrix": [[4, 1], [2, 3]]}),
    ("diagonalize", {"matrix": [[2, 1], [0, 2]]}),
    ("pca", {"data": [[1, 2], [3, 3], [4, 6], [6, 7], [6, 9]]}),
    ("pca", {"data": [[0, 0], [2, 2], [4, 4]], "components": 1}),
    ("steady_state", {"matrix": [[0.9, 0.5], [0.1, 0.5]]}),
]


@cache
def topic_of(path: Path):
    """The topic of one derivation file (figures in a temporary folder), built once per
    test session."""
    import matplotlib

    matplotlib.use("Agg")
    from symbolic_mlmath.publish.topic import load_topic

    out = Path(tempfile.mkdtemp(prefix="mlmath-render-")) / path.stem
    return load_topic(path, out_dir=out)


def topic_derivations(path: Path) -> tuple:
    """The derivations of one derivation file, built once per test session."""
    return tuple(topic_of(path).derivations)
