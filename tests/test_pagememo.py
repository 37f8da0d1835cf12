"""The memo of finished pages: reused only for identical input, never stale, pruned."""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import yaml

from generator.mkdocs.pagememo import PageMemo
from helpers import ROOT, build_site, load_digest, write_config


@dataclass
class FakePage:
    url: str = "articles/a1/"
    title: str = "标题"
    meta: dict = field(default_factory=lambda: {"title": "标题"})
    toc: list = field(default_factory=list)


def test_key_changes_with_every_input_of_the_page():
    memo = PageMemo(None)
    base = memo.key("site", FakePage(), "body-inputs")
    assert memo.key("site", FakePage(), "body-inputs") == base
    variants = [FakePage(url="articles/a2/"), FakePage(title="别的"), FakePage(meta={"title": "别的"}),
                FakePage(toc=["x"])]
    keys = {memo.key("site", page, "body-inputs") for page in variants}
    keys |= {memo.key("other site", FakePage(), "body-inputs"), memo.key("site", FakePage(), "other body")}
    assert base not in keys and len(keys) == len(variants) + 2


def test_put_get_prune(tmp_path):
    memo = PageMemo(tmp_path)
    memo.put("k1", "<html>一</html>")
    memo.put("k2", "<html>二</html>")
    again = PageMemo(tmp_path)  # the next build
    assert again.has("k1") and again.get("k1") == "<html>一</html>" and again.hits == 1
    assert again.get("missing") is None
    assert again.prune() == 1  # k2 was not used by this build
    assert sorted(p.name for p in tmp_path.iterdir()) == ["k1.html"]


def test_disabled_memo_stores_nothing(tmp_path):
    memo = PageMemo(None)
    memo.put("k", "x")
    assert memo.get("k") is None and not memo.has("k") and memo.prune() == 0


# ----------------------------------------------------------------------------- whole builds

def _generated_pages(site: Path) -> dict[str, str]:
    digest = load_digest(site)
    urls = [a["url"] for a in digest["articles"]] + [r["url"] for r in digest["regions"]]
    return {url: (site / url / "index.html").read_text(encoding="utf-8") for url in urls}


@pytest.mark.slow
def test_memoised_pages_follow_config_theme_and_seed_changes(tmp_path, seeds_build):
    seeds, theme = tmp_path / "seeds", tmp_path / "theme"
    shutil.copytree(ROOT / "seeds", seeds)
    # The per-file results of the session's seeds build spare the first build reading the
    # seeds again; its memo entries are of another theme folder, so no page is a memo hit.
    shutil.copytree(seeds_build.cache, tmp_path / "cache")
    shutil.copytree(ROOT / "theme_overrides", theme)
    config = write_config(tmp_path, seeds)
    settings = yaml.safe_load(config.read_text(encoding="utf-8"))
    settings["theme"]["custom_dir"] = str(theme)
    config.write_text(yaml.safe_dump(settings, allow_unicode=True, sort_keys=False), encoding="utf-8")
    memo_dir = tmp_path / "cache" / "pages"

    build_site(config, tmp_path / "site1")
    first = _generated_pages(tmp_path / "site1")
    entries = len(list(memo_dir.iterdir()))
    assert entries >= len(first)

    # A config change reaches every memoised page; a seed edit reaches its article.
    settings["site_name"] = "改名后的站点"
    config.write_text(yaml.safe_dump(settings, allow_unicode=True, sort_keys=False), encoding="utf-8")
    seed = sorted(seeds.glob("*.txt"))[0]
    text = seed.read_text(encoding="utf-8")
    # a body paragraph: long, a full sentence, not a byline (■…) or a photo credit (…摄)
    paragraph = next(line for line in text.splitlines()
                     if len(line) > 80 and line.endswith("。") and not line.startswith("■") and "摄" not in line)
    seed.write_text(text.replace(paragraph, paragraph + "备忘测试句子在此。"), encoding="utf-8")
    build_site(config, tmp_path / "site2")
    second = _generated_pages(tmp_path / "site2")
    assert all("改名后的站点" in html for html in second.values())
    assert any("备忘测试句子在此" in html for html in second.values())
    assert len(list(memo_dir.iterdir())) == entries  # the old entries were pruned

    # A theme template change reaches every memoised page too.
    main = theme / "main.html"
    block = "\n{% block footer %}{{ super() }}<!-- theme-edit-marker -->{% endblock %}\n"
    main.write_text(main.read_text(encoding="utf-8") + block, encoding="utf-8")
    build_site(config, tmp_path / "site3")
    assert all("theme-edit-marker" in html for html in _generated_pages(tmp_path / "site3").values())


def test_installed_theme_folders_are_named_by_their_version():
    # Material's templates (some 14,000 files) are not hashed on every build: its version stands for them.
    import material

    from generator.mkdocs.pagememo import _installed_packages

    templates = Path(material.__file__).resolve().parent / "templates"
    assert any(folder in templates.parents for folder in _installed_packages())
    assert not any(folder in (ROOT / "theme_overrides").resolve().parents for folder in _installed_packages())
