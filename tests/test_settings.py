"""generator/settings.py: one table of settings, and every place that lists them agrees with it."""

from __future__ import annotations

import argparse
from pathlib import Path


from generator.mkdocs import plugin
from generator import settings
from generator.settings import Settings
from helpers import ROOT, read_config


def test_every_setting_is_documented_in_both_languages():
    for f in settings.fields(Settings):
        assert f.metadata["zh"].strip() and f.metadata["en"].strip(), f.name


def test_plugin_config_offers_exactly_the_settings():
    assert [name for name, _ in plugin.DigestConfig._schema] == Settings.names()


def test_cli_help_offers_every_setting():
    parser = argparse.ArgumentParser()
    settings.add_cli_options(parser)
    text = parser.format_help()
    for name in Settings.names():
        assert "--" + name.replace("_", "-") in text


def test_readme_table_is_the_settings_table():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert settings.markdown_table() in readme, (
        "README.md's settings table differs from generator/settings.py: paste the output of "
        "`python -c 'from generator.settings import markdown_table; print(markdown_table())'`")


def test_project_config_uses_known_options_only():
    config = read_config()
    block = next(p["digest"] for p in config["plugins"] if isinstance(p, dict) and "digest" in p)
    assert set(block) <= set(Settings.names())


def test_options_resolve_paths_against_the_config_folder(tmp_path):
    chosen = Settings.from_options({"seeds_dir": "pages", "max_file_bytes": 10, "units": None}, tmp_path)
    assert chosen.seeds_dir == tmp_path / "pages"
    assert chosen.max_file_bytes == 10
    assert chosen.units == Settings().units  # None keeps the default
    assert chosen.cache_dir == tmp_path / ".cache" / "digest"


def test_empty_cache_dir_switches_the_cache_off(tmp_path):
    assert Settings.from_options({"cache_dir": ""}, tmp_path).cache_dir is None
    assert Settings.from_options({"cache_dir": "c"}, tmp_path).cache_dir == tmp_path / "c"
