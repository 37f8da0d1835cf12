"""generator/cache.py: per-file results reused only while file, override and code are unchanged."""

from __future__ import annotations

from generator.cache import ResultCache, code_fingerprint
from generator.cachelock import NO_CACHE, CacheAccess
from generator.records import Sidecar, Source


def _cache(directory, fingerprint: str = "code1") -> ResultCache:
    return ResultCache(CacheAccess(directory, writable=True), fingerprint, object)


def _source(sha: str = "a" * 64, override: dict | None = None) -> Source:
    return Source(file="x.txt", sha256=sha, size=1, sidecar=Sidecar("x.yml", **override) if override else None)


def test_round_trip_and_hit_count(tmp_path):
    cache = _cache(tmp_path)
    assert cache.get(_source()) is None
    cache.put(_source(), {"articles": [1, 2]})
    assert cache.get(_source()) == {"articles": [1, 2]}
    assert cache.hits == 1


def test_changed_content_override_or_code_misses(tmp_path):
    _cache(tmp_path).put(_source(), "old")
    assert _cache(tmp_path).get(_source(sha="b" * 64)) is None
    assert _cache(tmp_path).get(_source(override={"region": "鹿城区"})) is None
    assert _cache(tmp_path, "code2").get(_source()) is None


def test_corrupt_entry_is_recomputed_not_fatal(tmp_path):
    cache = _cache(tmp_path)
    cache.put(_source(), "ok")
    for entry in tmp_path.glob("*.marshal"):
        entry.write_bytes(b"not an entry")
    assert cache.get(_source()) is None


def test_disabled_cache_stores_nothing(tmp_path):
    cache = ResultCache(NO_CACHE, "code1")
    cache.put(_source(), "x")
    assert cache.get(_source()) is None


def test_code_fingerprint_is_stable():
    assert code_fingerprint() == code_fingerprint()
    assert len(code_fingerprint()) == 64


def test_prune_keeps_only_what_this_build_used(tmp_path):
    first = _cache(tmp_path)
    first.put(_source(), "kept")
    first.put(_source(sha="b" * 64), "old version of an edited seed")
    (tmp_path / "pages").mkdir()  # another cache beside it is left alone
    second = _cache(tmp_path)
    assert second.get(_source()) == "kept"
    second.put(_source(sha="c" * 64), "new")
    assert second.prune() == 1
    third = _cache(tmp_path)
    assert third.get(_source()) == "kept" and third.get(_source(sha="c" * 64)) == "new"
    assert third.get(_source(sha="b" * 64)) is None
    assert (tmp_path / "pages").is_dir()


def test_inputs_fingerprint_follows_a_catalogue_outside_the_package(tmp_path):
    """A config may point the catalogue elsewhere; editing it must invalidate per-file results."""
    from generator.cache import inputs_fingerprint
    from generator.settings import Settings
    catalogue = tmp_path / "metrics.yml"
    catalogue.write_text("metrics: []\n", "utf-8")
    settings = Settings(catalogue=catalogue)
    before = inputs_fingerprint(settings)
    assert before == inputs_fingerprint(settings) and before != code_fingerprint()
    catalogue.write_text("metrics: [{key: x, name: 水库, theme: t, unit: 座}]\n", "utf-8")
    assert inputs_fingerprint(settings) != before


def test_a_file_name_that_is_not_utf8_has_a_key(tmp_path):
    """decode.py keeps undecodable bytes of a name as surrogates; the key must not crash on them."""
    cache = _cache(tmp_path)
    source = Source(file="\udcff\udcfe.txt", sha256="a" * 64, size=1)
    cache.put(source, "x")
    assert cache.get(source) == "x" and len(cache.key(source)) == 64


def test_entries_of_the_former_json_format_are_pruned_not_read(tmp_path):
    (tmp_path / ("e" * 64 + ".json")).write_bytes(b'digest-cache 1 ' + b"e" * 64 + b' 2 x\n{}')
    cache = _cache(tmp_path)
    cache.put(_source(), "new")
    assert cache.prune() == 1 and [p.suffix for p in tmp_path.iterdir()] == [".marshal"]


def test_the_payload_format_and_python_are_in_the_key(tmp_path, monkeypatch):
    from generator import cache as cache_mod
    before = _cache(tmp_path).key(_source())
    monkeypatch.setattr(cache_mod, "PAYLOAD_FORMAT", cache_mod.PAYLOAD_FORMAT + " another")
    assert _cache(tmp_path).key(_source()) != before
