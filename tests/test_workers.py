"""jdgen.workers: what starting worker processes leaves behind in the process that started them."""

from __future__ import annotations

import gc

import pytest

from jdgen import workers


def _start() -> None:
    workers.ignore_interrupts()


def _double(chunk: list) -> list:
    return [2 * item for item in chunk]


def _run(items: list) -> list:
    return [value for chunk in workers.in_order(items, 2, initializer=_start, initargs=(), run_chunk=_double,
                                                 single_process="--jobs 1") for value in chunk]


@pytest.fixture
def thawed():
    gc.unfreeze()
    yield
    gc.unfreeze()


def test_workers_give_results_in_order_and_leave_nothing_frozen(thawed):
    kept = [object() for _ in range(10)]  # objects alive while the workers start: frozen for them
    assert _run(list(range(40))) == [2 * n for n in range(40)]
    assert gc.get_freeze_count() == 0
    assert kept


def test_objects_the_caller_froze_stay_frozen(thawed):
    gc.freeze()
    frozen = gc.get_freeze_count()
    assert frozen > 0
    assert _run([1, 2, 3]) == [2, 4, 6]
    assert gc.get_freeze_count() == frozen


def test_free_memory_is_given_back_before_forking_where_the_c_library_can(monkeypatch):
    import ctypes

    trimmed = []

    class Library:
        def malloc_trim(self, pad):
            trimmed.append(pad)
            return 1

    monkeypatch.setattr(ctypes, "CDLL", lambda name: Library())
    assert _run([5]) == [10]
    assert trimmed == [0]
    monkeypatch.setattr(ctypes, "CDLL", lambda name: object())  # a C library without malloc_trim
    workers._return_free_memory()

    def refuse(name):
        raise OSError("no such library")

    monkeypatch.setattr(ctypes, "CDLL", refuse)
    assert _run([6]) == [12]  # the workers start as before
    assert trimmed == [0]
