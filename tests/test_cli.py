"""`python -m generator`: help, a summary of a seeds folder, a clear error for a missing folder, and
each stage as a subcommand printing its records as JSON (on a small composed page)."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.__main__ import STAGES, main
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


# ----------------------------------------------------------------------------- stage subcommands

_TITLE = "富源县生姜产业提质增效"
_PAGE = (f"{_TITLE}\n\n记者 赵一鸣\n\n"
         "2024年，富源县生姜种植面积达到2.5万亩，同比增长12.3%。\n\n"
         "全县生姜产值突破8亿元，带动农户增收。\n")
_OTHER = "另一版\n\n本报讯 今年以来，当地新建农村公路一百二十公里，惠及群众五万余人。\n"


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    folder = tmp_path_factory.mktemp("stages")
    (folder / "page.txt").write_text(_PAGE, "utf-8")
    (folder / "other.txt").write_text(_OTHER, "utf-8")
    return folder


def _stage(capsys, *argv: str):
    assert main(list(argv)) == 0
    return json.loads(capsys.readouterr().out)


def test_every_stage_is_a_subcommand_with_chinese_and_english_help(capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    top = capsys.readouterr().out
    for name in [*STAGES, "summary"]:
        assert re.search(rf"^\s+{name}\s", top, re.M), name
    for name in STAGES:
        with pytest.raises(SystemExit):
            main([name, "--help"])
        text = capsys.readouterr().out
        assert re.search(r"[\u4e00-\u9fff]", text) and re.search(r"\b(each|the)\b", text), name
        assert "--catalogue" in text and "path" in text  # the settings and the file or folder


def test_read_gives_the_blocks_and_their_roles(pages, capsys):
    (entry,) = _stage(capsys, "read", str(pages / "page.txt"))
    assert entry["file"] == "page.txt"
    blocks = entry["result"]["blocks"]
    assert blocks[0] == {**blocks[0], "kind": "title", "text": _TITLE}
    assert any(b["kind"] == "byline" and "赵一鸣" in b["text"] for b in blocks)
    assert entry["result"]["source"]["text"] == _PAGE


def test_split_gives_the_drafts(pages, capsys):
    (entry,) = _stage(capsys, "split", str(pages / "page.txt"))
    (draft,) = entry["result"]
    assert draft["title"] == _TITLE and draft["authors"] == ["赵一鸣"]
    assert [p for s in draft["sections"] for p in s["paragraphs"]] == [p.strip() for p in _PAGE.split("\n\n")[2:]]


def test_locate_gives_region_and_year_with_evidence(pages, capsys):
    (entry,) = _stage(capsys, "locate", str(pages / "page.txt"))
    (article,) = entry["result"]
    assert article["region"]["name"] == "富源县" and article["year"] == 2024
    assert "富源县" in article["region_evidence"] and "2024" in article["year_evidence"]
    assert article["url"] == f"articles/{article['id']}/"


def test_figures_quote_the_page(pages, capsys):
    (entry,) = _stage(capsys, "figures", str(pages / "page.txt"))
    figures = entry["result"]
    assert figures and all(f["quote"] in _PAGE for f in figures)
    area = next(f for f in figures if f["unit"] == "万亩")
    assert area["value"] == "2.5" and area["value_normalized"] == 25000 and area["paragraph"] == 1


def test_a_folder_gives_every_file(pages, capsys):
    entries = _stage(capsys, "split", str(pages))
    assert sorted(e["file"] for e in entries) == ["other.txt", "page.txt"]


def test_digest_is_the_data_contract(pages, capsys):
    data = _stage(capsys, "digest", str(pages))
    assert {s["file"] for s in data["sources"]} == {"other.txt", "page.txt"}
    assert any(a["title"] == _TITLE for a in data["articles"])
    assert data["figures"] and all(f["article"] in {a["id"] for a in data["articles"]} for f in data["figures"])


def test_index_lists_the_search_files(pages, capsys):
    files = _stage(capsys, "index", str(pages / "page.txt"))
    by_path = {f["path"]: f for f in files}
    main_index = next(f for p, f in by_path.items() if p.endswith("/index.json"))
    assert main_index["bytes"] > 0 and isinstance(main_index["json"], dict)
    assert any("富源" in json.dumps(f.get("json"), ensure_ascii=False) for f in files)


def test_a_missing_path_exits_2(tmp_path, capsys):
    assert main(["read", str(tmp_path / "nothing.txt")]) == 2
    assert "nothing.txt" in capsys.readouterr().err


def test_summary_is_the_default_command(pages, capsys):
    assert main(["summary", "--seeds-dir", str(pages), "--quiet"]) == 0
    named = capsys.readouterr().out
    assert main(["--seeds-dir", str(pages), "--quiet"]) == 0
    assert capsys.readouterr().out == named and SUMMARY.search(named)
