"""Course 1, week 2: solving systems by elimination, as row operations.

Elimination writes the system as its augmented matrix [A | b] and applies
elementary row operations - swap two rows, scale a row by a non-zero number, add a
multiple of one row to another - each named (R₂ ← R₂ - 4R₁), until the matrix is
in reduced row echelon form and the solution can be read off. Every operation keeps
the solution set; the lines change, their common point does not.
"""

from __future__ import annotations

from symbolic_mlmath.publish.topic import Topic, run_file

TOPIC = "c1w2-elimination"
TITLE = "Solving systems by elimination"

_ROW_OPS = {"row_swap", "row_scale", "row_add_multiple"}


def _states(d):
    """The augmented matrix before and after each row operation of a derivation, each
    titled as the text names its operation (R₂ ← R₂ - 4R₁)."""
    from symbolic_mlmath.render.formats import TEXT
    from symbolic_mlmath.render.templates import template_of

    out = []
    for s in d.steps:
        if s.rule.value == "write_augmented":
            out.append(("[A | b]", s.after))
        elif s.rule.value in _ROW_OPS:
            out.append((template_of(s).instance(s, TEXT), s.after))
    return out


def _lines_per_step(states, point, names):
    """One panel per augmented matrix: the lines its rows describe."""
    import numpy as np

    from symbolic_mlmath.core.numeric import to_numpy
    from symbolic_mlmath.core.plot import new_figure

    fig = new_figure(size=(3.1 * len(states), 3.4))
    fig.clf()
    axes = np.atleast_1d(fig.subplots(1, len(states), sharey=True))
    px, py = (float(v) for v in point)
    xs = np.linspace(px - 4, px + 4, 50)
    for ax, (title, M) in zip(axes, states, strict=True):
        for k, (a, b, c) in enumerate(to_numpy(M)):
            if b != 0:
                ax.plot(xs, (c - a * xs) / b, color=f"C{k}", label=f"row {k + 1}")
            else:
                ax.axvline(c / a, color=f"C{k}", label=f"row {k + 1}")
        ax.plot([px], [py], "ko")
        ax.set_xlim(px - 4, px + 4)
        ax.set_ylim(py - 4, py + 4)
        ax.set_title(title, fontsize=9)
        ax.set_xlabel(f"${names[0]}$")
    axes[0].set_ylabel(f"${names[1]}$")
    axes[0].legend(fontsize=7, loc="lower left")
    fig.tight_layout()
    return fig


def _numeric_solution(A, b):
    import numpy as np

    from symbolic_mlmath.core.numeric import to_numpy

    return np.linalg.solve(to_numpy(A), to_numpy(b).ravel())


def build(t: Topic) -> None:
    import numpy as np
    from sympy import Matrix, linsolve

    from symbolic_mlmath.core.numeric import to_numpy
    from symbolic_mlmath.core.plot import plot_planes_3d
    from symbolic_mlmath.linalg.systems import system_matrices

    t.text(r"""
        **Elimination** is the method of school algebra, made systematic. Write the system
        as its **augmented matrix** $[A \mid b]$: one row per equation, one column per
        unknown, the right-hand sides last. Then use three **elementary row operations**,
        none of which changes the solutions:

        * swap two rows ($R_i \leftrightarrow R_j$);
        * multiply a row by a non-zero number ($R_i \leftarrow c\,R_i$);
        * add a multiple of one row to another ($R_i \leftarrow R_i + c\,R_j$).

        Each is undone by another of the same kind, so the new system has exactly the same
        solutions as the old one. Work column by column: make a **pivot** 1, clear the
        entries below it, then above it. When the left block is the identity, the last
        column is the solution.
    """)
    t.text("The course's example: $5a + b = 17$, $4a - 3b = 6$.")
    d1 = t.solve("solve_system", equations=["5a + b = 17", "4a - 3b = 6"],
                 heading="The course's example, row by row")
    A1, b1, xs1, _ = system_matrices(d1.inputs["equations"], d1.variables)
    (p1,) = linsolve((A1, b1), list(xs1))
    t.cross_check("solution equals SymPy's linsolve", d1.result, dict(zip(xs1, p1, strict=True)))
    t.numeric_check("solution equals numpy.linalg.solve", d1.result,
                    dict(zip(xs1, _numeric_solution(A1, b1), strict=True)))
    t.figure("lines_per_step",
             _lines_per_step(_states(d1), [d1.result[x] for x in xs1], [str(x) for x in xs1]),
             "The lines of the system after each row operation: they turn until they are "
             "$a = 3$ (vertical) and $b = 2$ (horizontal), always through the same point "
             "$(3, 2)$.")

    t.text(r"""
        The same reduction, applied to the augmented matrix alone (the `rref` task, also
        called `row_reduce`); it is SymPy's `Matrix.rref()` with every operation shown.
    """)
    aug = A1.row_join(b1)
    dr = t.solve("row_reduce", matrix=aug, augmented=True,
                 heading=r"The same reduction on $[A \mid b]$ alone")
    t.cross_check("rref of [A | b] equals Matrix.rref()", dr.result, aug.rref()[0])
    t.numeric_check("last column of the rref equals numpy.linalg.solve", dr.result[:, -1],
                    _numeric_solution(A1, b1))

    t.text(r"""
        **Three equations.** Same moves, one more column:
        $a + b + 2c = 12$, $3a - 3b - c = 3$, $2a - b + 6c = 24$.
    """)
    eqs3 = ["a + b + 2c = 12", "3a - 3b - c = 3", "2a - b + 6c = 24"]
    d3 = t.solve("solve_system", equations=eqs3, heading="Three equations in three unknowns")
    A3, b3, xs3, eq_objs3 = system_matrices(d3.inputs["equations"], d3.variables)
    (p3,) = linsolve((A3, b3), list(xs3))
    t.cross_check("3x3 solution equals SymPy's linsolve", d3.result,
                  dict(zip(xs3, p3, strict=True)))
    t.numeric_check("3x3 solution equals numpy.linalg.solve", d3.result,
                    dict(zip(xs3, _numeric_solution(A3, b3), strict=True)))
    t.figure("planes", plot_planes_3d(eq_objs3, xs3, point=tuple(d3.result[x] for x in xs3)),
             "The three planes of the system meet at (4, 2, 3).")

    t.text(r"""
        **Four equations** (the week 2 lab on Gaussian elimination):
        $2x_1 - x_2 + x_3 + x_4 = 6$, $x_1 + 2x_2 - x_3 - x_4 = 3$,
        $-x_1 + 2x_2 + 2x_3 + 2x_4 = 14$, $x_1 - x_2 + 2x_3 + x_4 = 8$.
    """)
    A4 = Matrix([[2, -1, 1, 1], [1, 2, -1, -1], [-1, 2, 2, 2], [1, -1, 2, 1]])
    b4 = Matrix([6, 3, 14, 8])
    d4 = t.solve("solve_system", A=A4, b=b4, heading="Four equations: the week 2 lab")
    xs4 = list(d4.variables)
    (p4,) = linsolve((A4, b4), xs4)
    t.cross_check("4x4 solution equals SymPy's linsolve", d4.result,
                  dict(zip(xs4, p4, strict=True)))
    t.numeric_check("4x4 solution equals numpy.linalg.solve", d4.result,
                    dict(zip(xs4, _numeric_solution(A4, b4), strict=True)))

    t.text(r"""
        **When elimination meets a zero row.** If a row of $A$ becomes all zeros, look at its
        right-hand side. A row $0 = 0$ is a redundant equation (a free unknown: infinitely
        many solutions); a row $0 = c$ with $c \ne 0$ is a contradiction (no solution).
        Below, $a + 2b + c = 4$, $2a + 4b + 3c = 9$, $a + 2b + 2c = 6$: the unknown $b$ has
        no pivot, and the last row ends as $0 = 1$.
    """)
    eqs5 = ["a + 2b + c = 4", "2a + 4b + 3c = 9", "a + 2b + 2c = 6"]
    d5 = t.solve("solve_system", equations=eqs5,
                 heading="A zero row that contradicts: no solution")
    A5, b5, xs5, _ = system_matrices(d5.inputs["equations"], d5.variables)
    t.cross_check("inconsistent 3x3: no solution, like linsolve", d5.result,
                  {} if not linsolve((A5, b5), list(xs5)) else None)
    An, bn = to_numpy(A5), to_numpy(b5).ravel()
    resid = np.linalg.lstsq(An, bn, rcond=None)[0]
    t.numeric_check("inconsistent 3x3: the least-squares point of numpy.linalg.lstsq "
                    "leaves a residual (no exact solution)", True,
                    bool(np.linalg.norm(An @ resid - bn) > 1e-6))
    t.text(r"""
        Changing the last right-hand side to $5$ makes the system consistent; then $b$ is a
        free unknown and every value of it gives a solution.
    """)
    eqs6 = ["a + 2b + c = 4", "2a + 4b + 3c = 9", "a + 2b + 2c = 5"]
    d6 = t.solve("solve_system", equations=eqs6,
                 heading="A zero row that repeats: infinitely many solutions")
    A6, b6, xs6, _ = system_matrices(d6.inputs["equations"], d6.variables)
    (p6,) = linsolve((A6, b6), list(xs6))
    t.cross_check("redundant 3x3: the family equals SymPy's linsolve", d6.result,
                  dict(zip(xs6, p6, strict=True)))
    from symbolic_mlmath.core.numeric import as_function

    f = as_function([d6.result[x] for x in xs6], [xs6[1]])
    worst = max(float(np.max(np.abs(to_numpy(A6) @ np.asarray(f(v), dtype=float)
                                     - to_numpy(b6).ravel())))
                for v in (-3.5, 0.0, 2.25, 10.0))
    t.numeric_check("redundant 3x3: |A x - b| for several values of the free b (lambdify)",
                    0, worst)


if __name__ == "__main__":
    raise SystemExit(run_file(__file__))
