"""Hostile inputs beside the seeds: nothing outside seeds/ is published, no input stops the
build, every case is listed in `sources` or warned, and the seeds' own pages do not change.

The corpus is generated here (links, loops, FIFOs, odd names, alias bombs, bad sidecar fields);
each case is a function that creates its files in a seeds folder.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import jsonschema
import pytest

from generator.read.decode import display_name, read_sources
from generator.records import SourceStatus
from generator.settings import Settings
from helpers import ROOT, build_site, load_digest, write_config

MARKER = "HOSTILE-MARKER-7f3a"  # placed in every file that must never reach site/
EPOCH = {"SOURCE_DATE_EPOCH": "1764028800"}  # 2025-11-25
SCHEMA = json.loads((ROOT / "generator" / "schema" / "digest.schema.json").read_text("utf-8"))


def _text(n: int) -> bytes:
    """A small page of its own (distinct bytes, so no case is a duplicate of another)."""
    return f"测试稿件第{n}号\n\n这是第{n}段说明文字，没有提到任何地方，用来检验输入处理。\n".encode("utf-8")


def _outside(seeds: Path) -> Path:
    """A file beside seeds/ that links point at, like ../.git/config in a checkout."""
    git = seeds.parent / ".git"
    git.mkdir(exist_ok=True)
    (git / "config").write_text(f"[http]\n\textraheader = AUTHORIZATION: basic {MARKER}\n", encoding="utf-8")
    return git / "config"


def _alias_bomb() -> str:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 10):
        prev, cur = chr(ord("a") + i - 1), chr(ord("a") + i)
        lines.append(f"{cur}: &{cur} [" + ",".join([f"*{prev}"] * 9) + "]")
    return "\n".join(lines) + "\ntitle: *j\n"


def _page_with(name: str, n: int, sidecar_name: str, sidecar: str | bytes):
    def make(seeds: Path) -> None:
        (seeds / name).write_bytes(_text(n))
        data = sidecar.encode("utf-8") if isinstance(sidecar, str) else sidecar
        (seeds / sidecar_name).write_bytes(data)
    return make


def _link(name: str, target):
    def make(seeds: Path) -> None:
        os.symlink(target(seeds) if callable(target) else target, seeds / name)
    return make


def _loop(seeds: Path) -> None:
    os.symlink("loop2.txt", seeds / "loop1.txt")
    os.symlink("loop1.txt", seeds / "loop2.txt")


def _folder(seeds: Path) -> None:
    (seeds / "folder.txt").mkdir()
    (seeds / "folder.txt" / "inner.txt").write_text(MARKER, encoding="utf-8")


def _fifo(seeds: Path) -> None:
    os.mkfifo(seeds / "pipe.txt")


def _raw_name(raw: bytes, n: int):
    def make(seeds: Path) -> None:
        with open(os.path.join(os.fsencode(seeds), raw), "wb") as handle:
            handle.write(_text(n))
    return make


def _nul_text(seeds: Path) -> None:
    body = ("正文段落，没有地名。" * 30 + "\n\n") * 40  # NULs past the binary sniff window
    (seeds / "nul.txt").write_bytes(("带控制字符的稿件\n\n" + body).encode("utf-8") + b"\x00\x01\x1b[31m\x00tail\n")


def _case_sensitive(seeds: Path) -> None:
    (seeds / "upper.txt").write_bytes(_text(20))
    (seeds / "UPPER.YML").write_text("title: 大写附注的标题\n", encoding="utf-8")


def _two_sidecars(seeds: Path) -> None:
    (seeds / "twice.txt").write_bytes(_text(21))
    (seeds / "twice.yml").write_text("title: 甲\n", encoding="utf-8")
    (seeds / "twice.yaml").write_text("title: 乙\n", encoding="utf-8")


# name -> (make, files it must list in sources, a word each listing's warnings must contain)
CASES = {
    "link_git_config": (_link("notes.txt", lambda s: os.path.relpath(_outside(s), s)), ["notes.txt"], "link"),
    "link_etc_passwd": (_link("passwd.txt", "/etc/passwd"), ["passwd.txt"], "link"),
    "link_absolute_outside": (_link("abs.txt", lambda s: str(_outside(s))), ["abs.txt"], "link"),
    "link_dangling": (_link("dangling.txt", "nowhere.txt"), ["dangling.txt"], "link"),
    "link_loop": (_loop, ["loop1.txt", "loop2.txt"], "link"),
    "sidecar_link": (lambda s: ((s / "sl.txt").write_bytes(_text(22)),
                                os.symlink(os.path.relpath(_outside(s), s), s / "sl.yml")), ["sl.yml"], "link"),
    "folder_named_txt": (_folder, ["folder.txt"], "folder"),
    "fifo": (_fifo, ["pipe.txt"], "FIFO"),
    "hidden": (lambda s: (s / ".hidden.txt").write_text(MARKER, encoding="utf-8"), [".hidden.txt"], "hidden"),
    "name_not_utf8": (_raw_name(b"bad\xff\xfe.txt", 1), ["bad\\xff\\xfe.txt"], ""),
    "name_with_newline": (_raw_name(b"forged\nWARNING -  fake.txt", 2), ["forged\\x0aWARNING -  fake.txt"], ""),
    "nul_in_text": (_nul_text, ["nul.txt"], "control"),
    "alias_bomb": (_page_with("bomb.txt", 3, "bomb.yml", _alias_bomb()), ["bomb.txt"], "alias"),
    "sidecar_30mb": (_page_with("big.txt", 4, "big.yml", b"title: x\n" + b"#" * 30_000_000), ["big.txt"], "limit"),
    "year_inf": (_page_with("inf.txt", 5, "inf.yml", "year: .inf\n"), ["inf.txt"], "year"),
    "year_true": (_page_with("true.txt", 6, "true.yml", "year: true\n"), ["true.txt"], "year"),
    "year_99999": (_page_with("y99999.txt", 7, "y99999.yml", "year: 99999\n"), ["y99999.txt"], "year"),
    "title_mapping": (_page_with("map.txt", 8, "map.yml", "title: {a: 1}\n"), ["map.txt"], "title"),
    "region_wrong_parents": (_page_with("wrong.txt", 9, "wrong.yml", "region: 广东省 广州市 蒸湘区\n"),
                             ["wrong.txt"], "region"),
    "url_javascript": (_page_with("js.txt", 10, "js.yml", "url: javascript:alert(1)\n"), ["js.txt"], "url"),
    "date_impossible": (_page_with("date.txt", 11, "date.yml", "date: 2025-02-30\n"), ["date.txt"], "date"),
    "sidecar_deep_nesting": (_page_with("deep.txt", 12, "deep.yml", "title: " + "[" * 20000), ["deep.txt"], "YAML"),
    "sidecar_not_utf8": (_page_with("gb.txt", 13, "gb.yml", "title: 标题\n".encode("gb18030")), ["gb.txt"], "UTF-8"),
    "sidecar_upper_case": (_case_sensitive, ["upper.txt"], ""),
    "yml_and_yaml": (_two_sidecars, ["twice.txt"], "twice.yaml and twice.yml"),
    "orphan_sidecar": (lambda s: (s / "orphan.yml").write_text(f"title: {MARKER}\n", encoding="utf-8"),
                       ["orphan.yml"], "sidecar"),
}
QUIET = {"name_not_utf8", "name_with_newline", "sidecar_upper_case"}  # read normally, no warning expected
NEEDS_GAZETTEER = {"region_wrong_parents"}  # warned when the article is located, not when read


def _make_case(seeds: Path, case: str) -> None:
    CASES[case][0](seeds)


# --------------------------------------------------------------------------- reading, case by case

@pytest.mark.parametrize("case", sorted(CASES))
def test_each_case_is_listed_or_warned_in_seconds(tmp_path, case):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    _make_case(seeds, case)
    # CPU seconds of this process, not wall time: reading is in-process, and on a shared
    # machine (or beside another xdist worker) the wall clock measures the neighbours.
    start = time.process_time()
    sources = {s.file: s for s in read_sources(seeds, Settings())}
    assert time.process_time() - start < 10
    _, files, word = CASES[case]
    for name in files:
        source = sources[name]
        if case in QUIET | NEEDS_GAZETTEER:
            assert source.status == SourceStatus.OK
            continue
        assert source.warnings, f"{case}: no warning for {name}"
        assert all(w.file == name and w.hint for w in source.warnings)
        assert any(word.lower() in (str(w)).lower() for w in source.warnings), [str(w) for w in source.warnings]
    for source in sources.values():
        assert MARKER not in source.text
        source.file.encode("utf-8")  # every name is printable and encodable
        assert "\n" not in source.file


def test_nothing_but_regular_files_is_read(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for case in CASES:
        _make_case(seeds, case)
    sources = read_sources(seeds, Settings())
    by = {s.file: s for s in sources}
    for name in ("notes.txt", "passwd.txt", "abs.txt", "dangling.txt", "loop1.txt", "loop2.txt", "sl.yml"):
        assert by[name].status == SourceStatus.LINK and by[name].text == "" and by[name].sha256 == ""
    assert by["folder.txt"].status == by["pipe.txt"].status == SourceStatus.NOT_A_FILE
    assert by[".hidden.txt"].status == SourceStatus.HIDDEN
    assert by["orphan.yml"].status == SourceStatus.ORPHAN_SIDECAR
    assert by["sl.txt"].sidecar is None  # its sidecar is a link: not applied
    assert by["upper.txt"].sidecar.title == "大写附注的标题"
    assert by["twice.txt"].sidecar is None
    assert "\x00" not in by["nul.txt"].text and "\x1b" not in by["nul.txt"].text and "tail" in by["nul.txt"].text
    assert [s.file for s in sources] == sorted(s.file for s in sources)


def test_sidecar_fields_refused_and_region_parents_checked(tmp_path):
    from generator.read.locate import locate_articles
    from generator.records import ArticleDraft, Section
    from generator.resources import load_resources

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for case in ("year_inf", "region_wrong_parents"):
        _make_case(seeds, case)
    by = {s.file: s for s in read_sources(seeds, Settings())}
    assert by["inf.txt"].sidecar.year is None
    gaz = load_resources(Settings()).gazetteer
    draft = ArticleDraft(source="wrong.txt", title="题", sections=[Section(None, ["没有地名的正文。"])])
    (article,) = locate_articles([draft], gaz, by["wrong.txt"])
    assert article.region.name != "蒸湘区"
    assert any("region" in w.message and "wrong.yml" in w.message for w in article.draft.warnings)


# --------------------------------------------------------------------------- the whole build

def _seeds_only(work: Path) -> Path:
    seeds = work / "seeds"
    shutil.copytree(ROOT / "seeds", seeds)
    return seeds


@pytest.fixture(scope="module")
def builds(tmp_path_factory, seeds_site):
    clean_site = seeds_site  # seeds/ alone, built --strict
    work = tmp_path_factory.mktemp("hostile")
    seeds = _seeds_only(work)
    for case in CASES:
        _make_case(seeds, case)
    config = write_config(work, seeds)
    site = work / "site"
    start = time.monotonic()
    proc = build_site(config, site, env=EPOCH)  # raises unless it exits 0
    seconds = time.monotonic() - start
    strict = {quiet: subprocess.run([sys.executable, "-m", "mkdocs", "build", *quiet, "--strict", "-f", str(config),
                                     "-d", str(work / "strict-site")], capture_output=True, text=True,
                                    env={**os.environ, **EPOCH}, cwd=work, timeout=900)
              for quiet in ((), ("-q",))}
    return {"clean": clean_site, "site": site, "log": proc.stdout + proc.stderr, "strict": strict,
            "digest": load_digest(site), "seconds": seconds}


@pytest.mark.slow
@pytest.mark.parametrize("quiet", [(), ("-q",)])
def test_build_exits_zero_and_strict_fails_on_data_warnings(builds, quiet):
    strict = builds["strict"][quiet]
    assert strict.returncode != 0
    output = strict.stdout + strict.stderr
    assert "[digest]" in output and "strict mode" in output


@pytest.mark.slow
def test_every_case_is_listed_with_a_warning(builds):
    digest = builds["digest"]
    jsonschema.validate(digest, SCHEMA)
    sources = {s["file"]: s for s in digest["sources"]}
    for case, (_, files, word) in CASES.items():
        for name in files:
            assert name in sources, f"{case}: {name} not listed"
            if case not in QUIET:
                assert any(word.lower() in w.lower() for w in sources[name]["warnings"]), (case, sources[name])


@pytest.mark.slow
def test_seed_article_pages_are_byte_identical_to_a_clean_build(builds):
    clean = sorted(p.relative_to(builds["clean"]) for p in (builds["clean"] / "articles").rglob("index.html"))
    assert len(clean) >= 5
    for path in clean:
        assert (builds["site"] / path).read_bytes() == (builds["clean"] / path).read_bytes(), path


@pytest.mark.slow
def test_nothing_from_outside_seeds_or_unread_files_is_published(builds):
    passwd = Path("/etc/passwd").read_text(encoding="utf-8", errors="replace").splitlines()
    needle = next((line for line in passwd if line.startswith("root:")), "root:x:0:0")
    for path in builds["site"].rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            assert MARKER.encode() not in data, path
            assert needle.encode() not in data, path
            assert b"\x00" not in data or path.suffix in (".gz", ".png", ".ico", ".woff", ".woff2"), path


@pytest.mark.slow
def test_log_lines_cannot_be_forged_by_a_file_name(builds):
    lines = builds["log"].splitlines()
    assert not any(line.startswith("WARNING -  fake.txt") for line in lines)
    assert any(display_name("forged\nWARNING -  fake.txt") in line for line in lines)


@pytest.mark.slow
def test_sidecar_named_in_upper_case_is_applied(builds):
    titles = {a["title"] for a in builds["digest"]["articles"]}
    assert "大写附注的标题" in titles
    assert MARKER not in titles


@pytest.mark.slow
def test_hostile_build_takes_seconds_per_case(builds):
    assert builds["seconds"] < 60 + 10 * len(CASES) / 4  # generous: a shared 2-core machine
