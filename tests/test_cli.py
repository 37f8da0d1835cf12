"""`python -m generator`: help, a summary of a seeds folder, and a clear error for a missing folder."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import ROOT

SUMMARY = re.compile(r"(\d+) files, (\d+) articles, (\d+) regions, (\d+) figures, (\d+) warnings")


def _run(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=600)


def test_help_lists_the_options(tmp_path):
    proc = _run("--help", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    for option in ("--seeds-dir", "--json", "--quiet"):
        assert option in proc.stdout
    assert "mkdocs build" in proc.stdout  # says how the site itself is built


@pytest.fixture(scope="module")
def summary(tmp_path_factory):
    work = tmp_path_factory.mktemp("cli")
    seeds = work / "my seeds"
    seeds.mkdir()
    chosen = sorted((ROOT / "seeds").glob("*.txt"))[:2]
    for path in chosen:
        shutil.copy(path, seeds / path.name)
    (seeds / "blank.txt").write_text("\n\n", "utf-8")
    out = work / "digest.json"
    proc = _run("--seeds-dir", str(seeds), "--json", str(out), cwd=work)
    return {"proc": proc, "digest": json.loads(out.read_text("utf-8")) if out.is_file() else None,
            "seeds": seeds, "work": work, "chosen": chosen}


def test_summary_prints_all_counts(summary):
    proc = summary["proc"]
    assert proc.returncode == 0, proc.stderr
    match = SUMMARY.search(proc.stdout)
    assert match, proc.stdout[-2000:]
    files, articles, regions, figures, warnings = map(int, match.groups())
    assert files == 3
    assert articles >= 2 and regions >= 1 and figures >= 1
    assert warnings >= 1  # blank.txt


def test_summary_counts_match_the_json(summary):
    files, articles, regions, figures, warnings = map(int, SUMMARY.search(summary["proc"].stdout).groups())
    digest = summary["digest"]
    assert (files, articles, regions, figures, warnings) == (
        len(digest["sources"]), len(digest["articles"]), len(digest["regions"]),
        len(digest["figures"]), len(digest["warnings"]))


def test_summary_names_each_file_and_the_warning(summary):
    out = summary["proc"].stdout
    for path in summary["chosen"]:
        assert path.name in out
    assert re.search(r"blank\.txt: empty", out), out[-2000:]
    assert re.search(r"warning: .*blank\.txt", out)


def test_quiet_prints_only_the_summary(summary):
    proc = _run("--seeds-dir", str(summary["seeds"]), "--quiet", cwd=summary["work"])
    assert proc.returncode == 0, proc.stderr
    lines = [line for line in proc.stdout.splitlines() if line.strip()]
    assert len(lines) == 1 and SUMMARY.fullmatch(lines[0].strip()), proc.stdout


def test_missing_seeds_folder_exits_2_and_says_what_to_do(tmp_path):
    missing = tmp_path / "no-such-folder"
    proc = _run("--seeds-dir", str(missing), cwd=tmp_path)
    assert proc.returncode == 2
    assert str(missing) in proc.stderr
    assert "--seeds-dir" in proc.stderr  # tells the user which option to fix
    assert not SUMMARY.search(proc.stdout)


def test_seeds_that_is_a_file_exits_2(tmp_path):
    not_a_folder = tmp_path / "page.txt"
    not_a_folder.write_text("蒸湘区", "utf-8")
    proc = _run("--seeds-dir", str(not_a_folder), cwd=tmp_path)
    assert proc.returncode == 2 and "--seeds-dir" in proc.stderr
