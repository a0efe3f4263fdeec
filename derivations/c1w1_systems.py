"""Course 1, week 1: systems of linear equations in two and three variables.

Every equation in two unknowns is a line; a solution of the system is a point on
every line. Two lines meet once, never (parallel) or everywhere (the same line),
so a system has a unique solution, none, or infinitely many. In three unknowns the
equations are planes. Each system is solved by elimination with steps, classified
by ranks, checked against SymPy's ``linsolve`` and numerically with numpy.
"""

from __future__ import annotations

from symbolic_mlmath.publish.topic import Topic, run_file

TOPIC = "c1w1-systems"
TITLE = "Systems of linear equations in two and three variables"


def _numeric_kind(A, b) -> str:
    """unique / infinite / none, from numpy's floating-point ranks."""
    import numpy as np

    from symbolic_mlmath.core.numeric import to_numpy

    An, bn = to_numpy(A), to_numpy(b).reshape(-1, 1)
    ra = int(np.linalg.matrix_rank(An))
    rab = int(np.linalg.matrix_rank(np.hstack([An, bn])))
    if rab > ra:
        return "none"
    return "unique" if ra == An.shape[1] else "infinite"


def _check_solution(t: Topic, label: str, d, A, b) -> None:
    """Cross-check a solve_system result with linsolve, and numerically."""
    import numpy as np
    from sympy import linsolve

    from symbolic_mlmath.core.numeric import as_function, to_numpy

    xs = list(d.variables)
    (point,) = linsolve((A, b), xs)
    t.cross_check(f"{label}: solution equals SymPy's linsolve", d.result,
                  dict(zip(xs, point, strict=True)))
    free = [x for x in xs if d.result[x] == x]
    if not free:
        t.numeric_check(f"{label}: numpy.linalg.solve", d.result,
                        dict(zip(xs, np.linalg.solve(to_numpy(A), to_numpy(b).ravel()),
                                 strict=True)))
        return
    # infinitely many: every choice of the free variables must satisfy A x = b
    f = as_function([d.result[x] for x in xs], free)
    rng = np.random.default_rng(0)
    worst = 0.0
    for _ in range(5):
        vals = np.asarray(f(*rng.uniform(-10, 10, len(free))), dtype=float)
        worst = max(worst, float(np.max(np.abs(to_numpy(A) @ vals - to_numpy(b).ravel()))))
    t.numeric_check(f"{label}: residual |A x - b| at random free values (lambdify)", 0, worst)


def build(t: Topic) -> None:
    import numpy as np
    from sympy import linsolve, symbols

    from symbolic_mlmath.core.numeric import to_numpy
    from symbolic_mlmath.core.plot import plot_lines_2d, plot_planes_3d
    from symbolic_mlmath.linalg.systems import system_matrices

    t.text(r"""
        A **linear equation** in the unknowns $a, b$ is one like $a + b = 10$: each unknown
        appears only to the first power, multiplied by a number. Its solutions form a
        **line** in the $(a, b)$ plane. A **system** of equations asks for the points on
        *every* line at once.

        The course opens with sentences about the price of apples and bananas:
        *an apple and a banana cost 10; an apple and two bananas cost 12.*
        Elimination writes the system as the augmented matrix $[A \mid b]$ and uses row
        operations until each unknown can be read off.
    """)
    a, b = symbols("a b")
    eqs1 = ["a + b = 10", "a + 2b = 12"]
    d1 = t.solve("solve_system", equations=eqs1, heading="Apples and bananas: one solution")
    A1, b1, _, eq_objs1 = system_matrices(d1.inputs["equations"], d1.variables)
    _check_solution(t, "apples and bananas", d1, A1, b1)
    t.figure("unique", plot_lines_2d(eq_objs1, (a, b), point=(d1.result[a], d1.result[b])),
             "Two lines with different slopes meet in exactly one point: (8, 2).")

    t.text(r"""
        Three things can happen with two lines, and so with a system of two equations:

        * the lines cross: **exactly one solution** (the system is *complete*,
          *non-singular*);
        * the lines are parallel and distinct: **no solution** (*contradictory*,
          *singular*);
        * the lines are the same line: **infinitely many solutions** (*redundant*,
          *singular*).

        The classification does not need the solution: elimination gives the ranks of
        $A$ and of $[A \mid b]$. If $\operatorname{rank} A < \operatorname{rank}[A \mid b]$ a
        row reads $0 = c$ with $c \ne 0$ and there is no solution; if both ranks equal
        the number of unknowns there is exactly one; otherwise some unknowns are free.
    """)
    for label, eqs, name, caption in (
        ("redundant system", ["a + b = 10", "2a + 2b = 20"], "infinite",
         "The second equation is twice the first: the two lines coincide, every point "
         "on them is a solution."),
        ("contradictory system", ["a + b = 10", "2a + 2b = 24"], "none",
         "Parallel lines never meet: $a + b$ cannot be 10 and 12 at once."),
    ):
        d = t.solve("classify_system", equations=eqs, heading=f"How many solutions? A {label}")
        A, bb, _, eq_objs = system_matrices(d.inputs["equations"], d.variables)
        t.cross_check(f"{label}: ranks by SymPy give {d.result}", d.result,
                      _sympy_kind(A, bb))
        t.numeric_check(f"{label}: ranks by numpy.linalg.matrix_rank", d.result,
                        _numeric_kind(A, bb))
        fig = plot_lines_2d(eq_objs, (a, b), point=None, span=12.0)
        first, second = fig.axes[0].lines[:2]
        first.set_linewidth(5)
        first.set_alpha(0.5)
        second.set_linestyle("--")
        t.figure(name, fig, caption)
    d_inf = t.solve("solve_system", equations=["a + b = 10", "2a + 2b = 20"],
                    heading="Solving the redundant system: a whole line of solutions")
    A, bb, _, _ = system_matrices(d_inf.inputs["equations"], d_inf.variables)
    _check_solution(t, "redundant system, all solutions", d_inf, A, bb)
    t.text(r"""
        For the redundant system $b$ is **free**: every value of $b$ gives the solution
        $a = 10 - b$. The contradictory system has no solution; solving it ends at a row
        $0 = 4$.
    """)
    d_none = t.solve("solve_system", equations=["a + b = 10", "2a + 2b = 24"],
                     heading="Solving the contradictory system: no solution")
    A, bb, xs, _ = system_matrices(d_none.inputs["equations"], d_none.variables)
    t.cross_check("contradictory system: linsolve finds no solution either", d_none.result,
                  {} if not linsolve((A, bb), list(xs)) else None)

    t.text(r"""
        The first lab of the course solves $-x_1 + 3x_2 = 7$, $3x_1 + 2x_2 = 1$ with
        `numpy.linalg.solve`; here it is exactly, by elimination.
    """)
    d2 = t.solve("solve_system", equations=["-x1 + 3x2 = 7", "3x1 + 2x2 = 1"],
                 heading="The first lab's system")
    A2, b2, xs2, eq_objs2 = system_matrices(d2.inputs["equations"], d2.variables)
    _check_solution(t, "lab system", d2, A2, b2)
    t.figure("lab", plot_lines_2d(eq_objs2, xs2, point=tuple(d2.result[x] for x in xs2)),
             "The lab's system: the lines meet at (-1, 2).")

    t.text(r"""
        **Three unknowns.** An equation in $x_1, x_2, x_3$ is a **plane**; three planes
        usually meet in one point. The lab's $3 \times 3$ system
        $4x_1 - 3x_2 + x_3 = -10$, $2x_1 + x_2 + 3x_3 = 0$, $-x_1 + 2x_2 - 5x_3 = 17$:
    """)
    eqs3 = ["4x1 - 3x2 + x3 = -10", "2x1 + x2 + 3x3 = 0", "-x1 + 2x2 - 5x3 = 17"]
    d3 = t.solve("solve_system", equations=eqs3, heading="Three planes through one point")
    A3, b3, xs3, eq_objs3 = system_matrices(d3.inputs["equations"], d3.variables)
    _check_solution(t, "3x3 lab system", d3, A3, b3)
    t.figure("planes", plot_planes_3d(eq_objs3, xs3, point=tuple(d3.result[x] for x in xs3)),
             "Three planes through the single point (1, 4, -2).")

    t.text(r"""
        Three planes can also share a whole line. In the course's system
        $a + b + c = 10$, $a + b + 2c = 15$, $a + b + 3c = 20$ the differences of the
        equations all say $c = 5$, and then only $a + b = 5$ is left: infinitely many
        solutions, one free unknown. The coefficient matrix is singular — its first two
        columns are equal.
    """)
    d4 = t.solve("solve_system", heading="Three planes through one line",
                 equations=["a + b + c = 10", "a + b + 2c = 15", "a + b + 3c = 20"])
    A4, b4, _, _ = system_matrices(d4.inputs["equations"], d4.variables)
    _check_solution(t, "3x3 redundant system", d4, A4, b4)
    d5 = t.solve("classify_system", heading="Three planes with no common point",
                 equations=["a + b + c = 10", "a + b + 2c = 15", "a + b + 3c = 18"])
    A5, b5, _, _ = system_matrices(d5.inputs["equations"], d5.variables)
    t.cross_check("3x3 contradictory system: classification by SymPy ranks", d5.result,
                  _sympy_kind(A5, b5))
    t.numeric_check("3x3 contradictory system: numpy ranks", d5.result, _numeric_kind(A5, b5))
    t.text(r"""
        **Singular vs non-singular.** Whether a system has exactly one solution depends
        only on the coefficient matrix $A$, not on the right-hand side: a non-singular $A$
        gives one solution for every $b$, a singular $A$ gives none or infinitely many.
        That is why the next topic studies the matrix alone.
    """)
    d6 = t.solve("singular", matrix=A1, heading="Is the apples-and-bananas matrix singular?")
    t.cross_check("apples and bananas: singular? SymPy's det(A) == 0", d6.result, A1.det() == 0)
    t.numeric_check("apples and bananas: singular? numpy.linalg.det", d6.result,
                    bool(abs(np.linalg.det(to_numpy(A1))) < 1e-12))


def _sympy_kind(A, b) -> str:
    """unique / infinite / none from SymPy's own ranks."""
    ra = A.rank()
    rab = A.row_join(b).rank()
    if rab > ra:
        return "none"
    return "unique" if ra == A.cols else "infinite"


if __name__ == "__main__":
    raise SystemExit(run_file(__file__))
