"""jdgen.collector: the cyclic collector is off while a command starts and back on where a batch begins."""

from __future__ import annotations

import gc
from datetime import date

import pytest

from jdgen import collector


@pytest.fixture
def restored(monkeypatch):
    threshold, enabled = gc.get_threshold(), gc.isenabled()
    monkeypatch.setattr(collector, "_paused", False)
    yield
    gc.set_threshold(*threshold)
    gc.enable() if enabled else gc.disable()


def test_a_paused_collector_comes_back_at_the_batch_threshold(restored):
    gc.enable()
    gc.set_threshold(700, 10, 10)
    collector.pause_for_start_up()
    assert not gc.isenabled()
    collector.batch_begins()
    assert gc.isenabled() and gc.get_threshold() == (collector.BATCH_THRESHOLD, 10, 10)
    collector.batch_begins()  # a second batch changes nothing
    assert gc.isenabled()


def test_a_collector_someone_else_turned_off_stays_off(restored):
    gc.disable()
    collector.pause_for_start_up()
    collector.batch_begins()
    assert not gc.isenabled()


def test_a_library_caller_keeps_its_own_settings(restored):
    gc.enable()
    gc.set_threshold(100_000, 5, 5)
    collector.batch_begins()  # never paused: nothing to undo
    assert gc.isenabled() and gc.get_threshold() == (100_000, 5, 5)


def _builtin(tmp_path):
    from jdgen.catalog.root import discover

    return discover(cwd=tmp_path, environ={})  # no catalog here: the built-in one


@pytest.mark.parametrize("work", ["lint", "validate", "profiles", "render all"])
def test_batch_work_turns_the_collector_back_on(restored, tmp_path, work):
    from jdgen.lint import engine, validate
    from jdgen.postings.batch import RenderRequest, deliver

    catalog = _builtin(tmp_path)
    gc.enable()
    collector.pause_for_start_up()
    if work == "lint":
        engine.lint(catalog, as_of=date(2026, 12, 4), jobs=1)
    elif work == "validate":
        validate.validate(catalog)
    elif work == "profiles":
        catalog.profiles()
    else:
        deliver(catalog, RenderRequest(all_roles=True, output=str(tmp_path / "out")), jobs=1)
    assert gc.isenabled()


def test_rendering_one_posting_leaves_the_collector_off(restored, tmp_path):
    from jdgen.postings.batch import RenderRequest, deliver

    catalog = _builtin(tmp_path)
    gc.enable()
    collector.pause_for_start_up()
    delivered = deliver(catalog, RenderRequest(query="AIMLAM.GEN.P4"), jobs=1)
    assert delivered.stdout.startswith(b"#")
    assert not gc.isenabled()
