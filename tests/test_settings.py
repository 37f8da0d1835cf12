"""generator/settings.py: every setting is configurable in mkdocs.yml and documented."""

from __future__ import annotations

import inspect
import re

import yaml

from generator import plugin, settings
from helpers import ROOT


def test_every_setting_is_a_plugin_option_with_a_docstring():
    options = dict(plugin.DigestConfig._schema)
    source = inspect.getsource(settings.Settings)
    for name in settings.Settings.names():
        assert name in options, f"{name} cannot be set in mkdocs.yml"
        # The line after the field is its docstring (the documentation of the option).
        assert re.search(rf"^\s+{name}: .*\n\s+\"\"\"\S", source, re.M), f"{name} has no docstring"


def test_project_config_uses_known_options_only():
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    block = next(p["digest"] for p in config["plugins"] if isinstance(p, dict) and "digest" in p)
    assert set(block) <= set(settings.Settings.names())
