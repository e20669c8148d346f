"""Two renders into one folder, and a render killed mid-batch, never leave a broken posting.

Outputs are written to a temporary file in the target folder and renamed over the target
(``jdgen.filesystem.writing.OutputFolder.write``), so a reader sees a whole old file or a whole new one.
These tests run real processes (``python -m jdgen``) to prove it:

* two identical batch renders started together into the same folder both succeed, and
  every file is complete and byte-identical to a single-process render;
* a batch killed with SIGKILL leaves only complete files (temporary ``.NAME.*.tmp``
  files may remain, since nothing can clean up after SIGKILL; they are hidden files).
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from jdgen.resources import builtin_catalog

DATE = "2026-11-23"
BATCH = ["render", "--all", "--all-companies", "-f", "md,docx", "--date", DATE]
TEMPORARY = re.compile(r"^\..+\.tmp$")

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="uses SIGKILL and POSIX rename semantics")


def environment(cache: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("JDGEN_CATALOG", "SOURCE_DATE_EPOCH")}
    env["JDGEN_CACHE_DIR"] = str(cache)
    env["NO_COLOR"] = "1"
    return env


def start(catalog: Path, out: Path, cache: Path, *extra: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "jdgen", *BATCH, "-o", str(out), *extra], cwd=catalog,
                            env=environment(cache), stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def finish(process: subprocess.Popen, timeout: float = 120) -> tuple[int, str, str]:
    out, err = process.communicate(timeout=timeout)
    return process.returncode, out.decode("utf-8", "replace"), err.decode("utf-8", "replace")


def visible(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if not p.name.startswith(".")}


def temporaries(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


def reference(catalog: Path, out: Path, cache: Path) -> dict[str, bytes]:
    """A single-process render of the whole batch: what every file must equal."""
    code, stdout, err = finish(start(catalog, out, cache))
    assert code == 0, err
    files = visible(out)
    assert files and not temporaries(out), temporaries(out)
    assert sorted(stdout.split()) == sorted(str(out / name) for name in files), stdout
    return files


def expected_names(catalog: Path) -> set[str]:
    codes = sorted(p.stem for p in (catalog / "roles").rglob("*.yaml"))
    slugs = sorted(p.stem for p in (catalog / "companies").glob("*.yaml"))
    return {f"{code}.{slug}.{ext}" for code in codes for slug in slugs for ext in ("md", "docx")}


def assert_complete(name: str, data: bytes, expected: bytes) -> None:
    if name.endswith(".md"):
        assert data.endswith(b"\n"), f"{name} does not end with a newline"
    assert hashlib.sha256(data).hexdigest() == hashlib.sha256(expected).hexdigest(), f"{name} differs from a single-process render"


def test_two_renders_into_one_folder(catalog, tmp_path):
    from io import BytesIO

    import docx

    expected = reference(catalog, tmp_path / "reference", tmp_path / "cache-reference")
    assert set(expected) == expected_names(catalog)

    out, cache = tmp_path / "shared", tmp_path / "cache-shared"  # both share a fresh cache too
    first, second = start(catalog, out, cache), start(catalog, out, cache)
    results = [finish(first), finish(second)]
    for code, _, err in results:
        assert code == 0, err
        assert "Traceback" not in err and "internal error" not in err, err

    assert temporaries(out) == [], "temporary files left behind"
    written = visible(out)
    assert set(written) == set(expected)
    for name, data in written.items():
        assert_complete(name, data, expected[name])
        if name.endswith(".docx"):
            document = docx.Document(BytesIO(data))
            assert document.paragraphs, name


def big_catalog(root: Path, count: int = 60) -> Path:
    """The built-in catalog with AIMLAM.GEN.P4 copied into ``count`` codes of their own focus, each
    with P4's German text (Lindenhof publishes in German)."""
    shutil.copytree(builtin_catalog(), root)
    profile = (root / "roles" / "AIMLAM.GEN.P4.yaml").read_text(encoding="utf-8")
    german = (root / "translations" / "de" / "AIMLAM.GEN.P4.yaml").read_text(encoding="utf-8")
    shutil.rmtree(root / "roles")
    shutil.rmtree(root / "translations")
    (root / "roles").mkdir()
    (root / "translations" / "de").mkdir(parents=True)
    focuses = ["GEN"] + [f"F{i:02d}" for i in range(1, count)]
    for focus in focuses:
        text = profile.replace("AIMLAM.GEN.P4", f"AIMLAM.{focus}.P4")
        text, n = re.subn(r"(?m)^focus:\n  code: GEN\n  name: .*\n", f"focus:\n  code: {focus}\n  name: Focus {focus}\n", text)
        assert n == 1
        (root / "roles" / f"AIMLAM.{focus}.P4.yaml").write_text(text, encoding="utf-8")
        (root / "translations" / "de" / f"AIMLAM.{focus}.P4.yaml").write_text(
            german.replace("AIMLAM.GEN.P4", f"AIMLAM.{focus}.P4"), encoding="utf-8")
    lines = ["schema_version: 1", "functions:", "  - code: AIMLAM",
             "    name: Artificial Intelligence / Machine Learning (AI/ML) Engineer", "    focuses:"]
    for focus in focuses:
        lines += [f"      - code: {focus}", f"        name: Focus {focus}"]
    (root / "taxonomy.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return root


def wait_for_first_file(folder: Path, process: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and process.poll() is None:
        if folder.is_dir() and any(not p.name.startswith(".") for p in folder.iterdir()):
            return
        time.sleep(0.005)


@pytest.mark.parametrize("delay", [0.0, 0.3])
def test_killed_batch_leaves_only_complete_files(tmp_path, delay):
    catalog = big_catalog(tmp_path / "big")
    expected = reference(catalog, tmp_path / "reference", tmp_path / "cache-reference")
    assert set(expected) == expected_names(catalog) and len(expected) == 60 * 2 * 2

    out = tmp_path / "killed"
    process = start(catalog, out, tmp_path / "cache-killed")
    wait_for_first_file(out, process)  # startup (imports) takes ~0.3 s; then write for `delay` more
    time.sleep(delay)
    assert process.poll() is None, "the batch finished before it could be killed; make the catalog bigger"
    process.send_signal(signal.SIGKILL)
    process.communicate(timeout=30)
    assert process.returncode == -signal.SIGKILL

    written = visible(out)
    assert written, "nothing was written before the kill"
    assert len(written) < len(expected), "the batch was not killed mid-way"
    for name, data in written.items():
        assert name in expected, f"unexpected file {name}"
        assert_complete(name, data, expected[name])
    for name in temporaries(out):  # only jdgen's own temporary files may be left, and they are hidden
        assert TEMPORARY.match(name), name
        assert name[1:].split(".tmp")[0].rsplit(".", 1)[0] in expected, name
