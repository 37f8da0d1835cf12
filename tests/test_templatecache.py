"""generator/site/templatecache.py: compiled templates kept in Jinja's bytecode cache."""

from __future__ import annotations

import jinja2

from generator.site import templatecache
from generator.site.templatecache import template_cache


class Counting(jinja2.Environment):
    compiled = 0

    def compile(self, *args, **kwargs):
        Counting.compiled += 1
        return super().compile(*args, **kwargs)


def environment(cache, templates) -> Counting:
    return Counting(loader=jinja2.DictLoader(templates), autoescape=True, bytecode_cache=cache)


def test_a_template_compiled_once_is_loaded_from_the_cache_and_renders_the_same(tmp_path):
    templates = {"page.html": "<p>{{ text }}</p>{% for i in items %}{{ i }},{% endfor %}"}
    cache = templatecache._Cache(str(tmp_path))
    Counting.compiled = 0
    first = environment(cache, templates).get_template("page.html").render(text="<b>", items=[1, 2])
    assert Counting.compiled == 1 and list(tmp_path.iterdir())
    second = environment(cache, templates).get_template("page.html").render(text="<b>", items=[1, 2])
    assert Counting.compiled == 1  # loaded, not compiled
    assert first == second == environment(None, templates).get_template("page.html").render(text="<b>", items=[1, 2])
    templates["page.html"] = "<div>{{ text }}</div>"  # an edited template is compiled again
    assert environment(cache, templates).get_template("page.html").render(text="x") == "<div>x</div>"
    assert Counting.compiled == 3


def test_a_cache_folder_that_cannot_be_written_is_skipped(tmp_path):
    cache = templatecache._Cache(str(tmp_path / "gone"))
    env = environment(cache, {"a.html": "{{ 1 + 1 }}"})
    assert env.get_template("a.html").render() == "2"


def test_no_private_folder_means_no_cache(monkeypatch):
    def unsafe(self):
        raise RuntimeError("cannot create or use a private cache folder")

    monkeypatch.setattr(jinja2.FileSystemBytecodeCache, "_get_default_cache_dir", unsafe)
    assert template_cache() is None


def test_the_default_cache_is_jinjas_own_folder():
    cache = template_cache()
    assert cache is not None and cache.directory == jinja2.FileSystemBytecodeCache().directory
