"""Reproducible builds: the same seeds give byte-identical sites (fresh or warm cache),
a removed seed leaves nothing behind, and `mkdocs build --strict` passes on the seeds.
"""

from __future__ import annotations

import filecmp
import shutil
from pathlib import Path

import pytest

from helpers import ROOT, build_site, load_digest, write_config

pytestmark = pytest.mark.slow

EPOCH = {"SOURCE_DATE_EPOCH": "1764028800"}


def _tree(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def _differences(a: Path, b: Path) -> list[str]:
    ta, tb = _tree(a), _tree(b)
    problems = [f"only in {a.name}: {n}" for n in sorted(set(ta) - set(tb))]
    problems += [f"only in {b.name}: {n}" for n in sorted(set(tb) - set(ta))]
    for name in sorted(set(ta) & set(tb)):
        if ta[name] != tb[name]:
            x, y = ta[name], tb[name]
            at = next((i for i in range(min(len(x), len(y))) if x[i] != y[i]), min(len(x), len(y)))
            problems.append(f"differs: {name} at byte {at}: {x[max(0, at - 60):at + 60]!r} vs {y[max(0, at - 60):at + 60]!r}")
    return problems


def _cache_state(cache: Path) -> dict[str, int]:
    """Entries by mtime; not the record of each site folder's pages (pagefiles.py), written by every build."""
    return {p.name: p.stat().st_mtime_ns for p in cache.rglob("*") if p.is_file() and p.parent.name != "sites"}


@pytest.fixture(scope="module")
def builds(tmp_path_factory, seeds_build):
    """Site A (the session's seeds site, cache a), site B (a copy of seeds/, cache b, fixed hash seed), then
    site C reusing cache a. All --strict. A and B differ in their seeds folder's path too."""
    work = tmp_path_factory.mktemp("determinism")
    seeds = work / "seeds"
    shutil.copytree(ROOT / "seeds", seeds)
    sites = {"a": seeds_build.site, "b": work / "site_b", "c": work / "site_c"}
    (work / "b").mkdir()
    # B with hash seeds of its own (the session's build has random ones): set and dict-of-set
    # orders must not reach the output.
    build_site(write_config(work / "b", seeds), sites["b"], "--strict", env={**EPOCH, "PYTHONHASHSEED": "7"})
    before = _cache_state(seeds_build.cache)
    build_site(seeds_build.config, sites["c"], "--strict", env=EPOCH)  # same config: reuses cache a
    return {"sites": sites, "cache_before": before, "cache_after": _cache_state(seeds_build.cache), "work": work}


def test_strict_build_of_the_seeds_passes(builds):
    # build_site raises when `mkdocs build --strict` exits non-zero; check it produced the site.
    site = builds["sites"]["a"]
    digest = load_digest(site)
    assert digest["articles"] and (site / "index.html").is_file()
    for article in digest["articles"]:
        assert (site / article["url"] / "index.html").is_file()


def test_two_fresh_builds_are_byte_identical(builds):
    a, b = builds["sites"]["a"], builds["sites"]["b"]
    assert len(_tree(a)) > 10
    assert _differences(a, b) == []


def test_warm_cache_build_is_byte_identical(builds):
    assert _differences(builds["sites"]["a"], builds["sites"]["c"]) == []
    # The warm build really took its per-file results from the cache: no entry was written.
    # (Editing generator/ code between the two builds changes every key: run on a quiet tree.)
    assert builds["cache_before"], "the first build wrote no cache entries"
    assert builds["cache_after"] == builds["cache_before"]


def test_filecmp_agrees(builds):
    """A second opinion on the comparison: filecmp (shallow=False) over the whole tree."""
    a, b = builds["sites"]["a"], builds["sites"]["b"]
    mismatches = []

    def walk(cmp: filecmp.dircmp, prefix: str = "") -> None:
        mismatches.extend(prefix + n for n in cmp.left_only + cmp.right_only + cmp.funny_files)
        _, diff, errors = filecmp.cmpfiles(cmp.left, cmp.right, cmp.common_files, shallow=False)
        mismatches.extend(prefix + n for n in diff + errors)
        for name, sub in cmp.subdirs.items():
            walk(sub, prefix + name + "/")

    walk(filecmp.dircmp(a, b))
    assert mismatches == []


def test_build_date_comes_from_source_date_epoch(builds):
    digest = load_digest(builds["sites"]["a"])
    assert digest["build_date"] == "2025-11-25"


@pytest.fixture(scope="module")
def removal(tmp_path_factory, seeds_build):
    """A site built from seeds/ (a copy of the session's, with its cache), then the last
    seed deleted and the site rebuilt into the same site dir."""
    work = tmp_path_factory.mktemp("removal")
    seeds = work / "seeds"
    shutil.copytree(ROOT / "seeds", seeds)
    config = write_config(work, seeds)
    site = work / "site"
    shutil.copytree(seeds_build.site, site)
    shutil.copytree(seeds_build.cache, work / "cache")
    before = load_digest(site)
    removed = sorted(p for p in seeds.iterdir() if p.suffix == ".txt")[-1]
    removed.unlink()
    (site / "assets" / "stale.js").write_text("old", encoding="utf-8")  # no build writes it
    (site / ".digest-old-site-1-dead").mkdir()  # as a killed build leaves its trash (sitetrash.py)
    build_site(config, site, env=EPOCH)
    after = load_digest(site)
    return {"site": site, "before": before, "after": after, "removed": removed.name}


def test_the_rebuild_leaves_no_old_file_and_no_trash_folder(removal):
    site = removal["site"]
    assert not (site / "assets" / "stale.js").exists()
    assert sorted(p.name for p in site.iterdir() if p.name.startswith(".")) == []


def test_removed_seed_loses_its_article_pages(removal):
    gone = [a for a in removal["before"]["articles"] if a["source"] == removal["removed"]]
    assert gone, "the removed seed had no articles to begin with"
    kept_ids = {a["id"] for a in removal["after"]["articles"]}
    for article in gone:
        if article["id"] in kept_ids:  # same id from another seed: not this article's page
            continue
        assert not (removal["site"] / article["url"]).exists(), article["url"]
    assert removal["removed"] not in {s["file"] for s in removal["after"]["sources"]}
    assert not any(a["source"] == removal["removed"] for a in removal["after"]["articles"])


def test_removed_seed_leaves_no_region_or_text_behind(removal):
    site = removal["site"]
    before_regions = {r["slug"]: r for r in removal["before"]["regions"]}
    after_regions = {r["slug"] for r in removal["after"]["regions"]}
    for slug, region in before_regions.items():
        if slug not in after_regions:
            assert not (site / region["url"]).exists(), region["url"]
    gone_titles = [a["title"] for a in removal["before"]["articles"]
                   if a["source"] == removal["removed"]
                   and a["title"] not in {b["title"] for b in removal["after"]["articles"]}]
    leftovers = []
    for path in site.rglob("*"):
        if path.is_file() and path.suffix in (".html", ".json", ".js", ".csv", ".xml", ".txt"):
            text = path.read_text("utf-8", errors="replace")
            leftovers += [(path.relative_to(site).as_posix(), t) for t in gone_titles if t in text]
    assert not leftovers, leftovers[:10]


def test_other_articles_survive_the_removal(removal):
    for article in removal["after"]["articles"]:
        assert (removal["site"] / article["url"] / "index.html").is_file(), article["url"]
    assert len(removal["after"]["articles"]) < len(removal["before"]["articles"])
