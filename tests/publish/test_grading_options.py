"""Options of the class generator and the batch grader are user text: read through the
text door, a one-line InputError for a bad one, never a TypeError or a hang."""

from __future__ import annotations

import pytest

from symbolic_mlmath.core.errors import InputError
from symbolic_mlmath.publish.classroom import make_class
from symbolic_mlmath.publish.grading import grade_file


@pytest.mark.parametrize(("kwargs", "words"), [
    ({"seed": "__import__('os')"}, "seed"),
    ({"seed": "-1"}, "seed"),
    ({"students": "0"}, "students"),
    ({"students": "10**10**10"}, "students"),
    ({"slip_rate": "2"}, "slip_rate"),
    ({"slip_rate": "-0.1"}, "slip_rate"),
    ({"items": ["det_answer", "no_such_item"]}, "no_such_item"),
])
def test_bad_class_options_are_one_line_errors(kwargs, words):
    with pytest.raises(InputError) as err:
        make_class(**{"students": 2, **kwargs})
    assert words in str(err.value) and "\n" not in str(err.value)


def test_class_options_as_text_give_the_same_class():
    a = make_class(3, seed=5, items=("det_answer",), slip_rate=0.5)
    b = make_class("3", seed="5", items=("det_answer",), slip_rate="1/2")
    assert [p.submission for p in a] == [p.submission for p in b]


@pytest.mark.parametrize("jobs", ["two", "0", "1e9", "__import__('os')"])
def test_bad_jobs_is_a_one_line_error(tmp_path, jobs):
    sub = tmp_path / "s.jsonl"
    sub.write_text('{"id": "a", "task": "det", "inputs": {"matrix": "[[1]]"}, "answer": "1"}\n')
    with pytest.raises(InputError) as err:
        grade_file(sub, tmp_path / "out", jobs=jobs)
    assert "jobs" in str(err.value)


def test_worksheet_options_are_user_text():
    from symbolic_mlmath.publish.worksheet import make_worksheet

    a = make_worksheet(["c1w4-determinants"], 2, 7)
    b = make_worksheet("c1w4-determinants", "2", "7", difficulty=" Medium ")
    assert [p.answer for p in a.problems] == [p.answer for p in b.problems]
    assert a.to_text(answers="yes", detail="Overview") == a.to_text(answers=True,
                                                                     detail="overview")
    for kwargs, words in (({"count": "__import__('os')"}, "count"), ({"count": "0"}, "count"),
                          ({"seed": "-3"}, "seed"), ({"difficulty": "extreme"}, "difficulty"),
                          ({"size": "99"}, "size")):
        with pytest.raises(InputError) as err:
            make_worksheet(["c1w4-determinants"], **{"count": 1, **kwargs})
        assert words in str(err.value)
    with pytest.raises(InputError):
        a.to_text(detail="everything")
