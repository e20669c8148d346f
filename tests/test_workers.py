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


def test_workers_give_results_in_order_and_leave_nothing_frozen(thawed, monkeypatch):
    frozen_while_forking = []
    real = gc.freeze
    monkeypatch.setattr(gc, "freeze", lambda: (real(), frozen_while_forking.append(gc.get_freeze_count())))
    assert _run(list(range(40))) == [2 * n for n in range(40)]
    assert frozen_while_forking and frozen_while_forking[0] > 0  # what existed was frozen for the fork
    assert gc.get_freeze_count() == 0  # and handed back to the collector afterwards


def test_objects_the_caller_froze_stay_frozen(thawed):
    gc.freeze()
    frozen = gc.get_freeze_count()
    assert frozen > 0
    assert _run([1, 2, 3]) == [2, 4, 6]
    assert gc.get_freeze_count() == frozen
