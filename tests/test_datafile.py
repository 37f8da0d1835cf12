"""generator/lexicon/datafile.py: YAML data files read with libyaml's safe loader."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from generator.lexicon.datafile import read_yaml


def test_read_yaml_gives_what_the_safe_loader_gives(tmp_path):
    path = tmp_path / "d.yml"
    path.write_text("a: [1, 2.5, 甲]\nb: {c: null, d: '0123'}\n", "utf-8")
    assert read_yaml(path) == yaml.safe_load(path.read_text("utf-8"))
    path.write_text("!!python/object:os.system x\n", "utf-8")
    with pytest.raises(yaml.YAMLError):
        read_yaml(Path(path))
