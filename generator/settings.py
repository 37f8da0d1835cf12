"""Settings of the generator: ONE table, from which everything else is derived.

Each field of `Settings` carries its documentation (Chinese and English) in its metadata.
From this one definition come:

- the MkDocs plugin options (`plugins: - digest:` in mkdocs.yml): `plugin_config_scheme()`;
- the command line's `--name VALUE` options and their help: `add_cli_options()`;
- the settings table in README.md: `markdown_table()` (tests/test_settings.py keeps it equal).

Paths are given relative to the folder of mkdocs.yml (or the working directory on the
command line); an empty `cache_dir` switches the cache off.
"""

from __future__ import annotations

import argparse
from dataclasses import MISSING, Field, dataclass, field, fields
from pathlib import Path
from typing import Any

PACKAGE_DIR = Path(__file__).parent


def _setting(default: Any, zh: str, en: str, *, kind: str | None = None) -> Any:
    """A field of Settings with its documentation. `kind` "path" / "optional_path" marks
    values resolved against the configuration's folder."""
    return field(default=default, metadata={"zh": zh, "en": en, "kind": kind or type(default).__name__})


@dataclass(frozen=True)
class Settings:
    seeds_dir: Path = _setting(
        Path("seeds"), "输入文本目录（可附同名 .yml 侧注文件）",
        "folder of page texts (sidecar NAME.yml files next to them)", kind="path")
    catalogue: Path = _setting(
        PACKAGE_DIR / "data" / "metrics.yml", "指标目录（规范名称、同义词、主题）",
        "metric catalogue (canonical names, synonyms, themes)", kind="path")
    units: Path = _setting(
        PACKAGE_DIR / "data" / "units.yml", "单位表与换算系数", "unit table and normalisation factors", kind="path")
    max_file_bytes: int = _setting(
        2_000_000, "超过此大小的文件只列出、不读取（一版报纸约 20 KB）",
        "larger files are listed with a warning, not read (a newspaper page is ~20 KB)")
    cache_dir: Path | None = _setting(
        Path(".cache/digest"), "按内容哈希缓存单个文件的结果和已生成的页面，只保留上次构建用到的；留空则不用缓存",
        "per-file results and finished pages by content hash, pruned to what the last build used; "
        "empty: no cache", kind="optional_path")
    workers: int = _setting(
        0, "并行进程数，0 = CPU 数，1 = 不开子进程", "worker processes, 0 = one per CPU, 1 = in-process")
    key_figures: int = _setting(6, "地区页的数据卡片数", "key-figure cards per region page")
    keywords: int = _setting(12, "地区页的关键词数", "keywords per region page")
    compare_matrix_max_regions: int = _setting(
        20, "地区数不超过此值时对比页为一张总表，否则每个指标一页",
        "up to this many regions the comparison is one table, else one page per metric")
    chart_max_bars: int = _setting(30, "指标页图表最多显示的地区数", "bars per metric chart")
    search_one_file_bytes: int = _setting(
        256 * 1024, "每类搜索数据不超过此大小时为一个文件，否则分片按需加载",
        "each kind of search data up to this size is one file; beyond, shards fetched on demand")

    @classmethod
    def names(cls) -> list[str]:
        return [f.name for f in fields(cls)]

    @classmethod
    def from_options(cls, options: dict[str, Any], root: Path) -> "Settings":
        """Settings from plugin or command-line options (None = default); paths relative to `root`."""
        values: dict[str, Any] = {}
        for f in fields(cls):
            value = options.get(f.name)
            if value is None:
                value = f.default
            kind = f.metadata["kind"]
            if kind == "optional_path":
                value = root / value if value is not None and str(value).strip() else None
            elif kind == "path":
                value = root / value  # an absolute default (the package's data) stays as it is
            values[f.name] = value
        return cls(**values)


def _default(f: Field) -> Any:
    return f.default if f.default is not MISSING else None


def _shown_default(f: Field) -> str:
    value = _default(f)
    if isinstance(value, Path):
        try:
            return value.relative_to(PACKAGE_DIR.parent).as_posix()
        except ValueError:
            return value.as_posix()
    return str(value)


def plugin_config_scheme() -> dict[str, Any]:
    """MkDocs config options, one per setting (all optional: None means the default)."""
    from mkdocs.config import config_options as c

    scheme = {}
    for f in fields(Settings):
        python_type = int if f.metadata["kind"] == "int" else str
        scheme[f.name] = c.Optional(c.Type(python_type))
    return scheme


def add_cli_options(parser: argparse.ArgumentParser) -> None:
    """`--name VALUE` for every setting, with its documentation as help."""
    group = parser.add_argument_group("settings (the same as under `plugins: - digest:` in mkdocs.yml)")
    for f in fields(Settings):
        python_type = int if f.metadata["kind"] == "int" else str
        group.add_argument("--" + f.name.replace("_", "-"), dest=f.name, type=python_type, default=None,
                           metavar=f.name.upper(),
                           help=f"{f.metadata['zh']} / {f.metadata['en']} (default: {_shown_default(f)})")


def markdown_table() -> str:
    """The settings table of README.md."""
    rows = ["| 设置 setting | 默认 default | 说明 / meaning |", "|---|---|---|"]
    for f in fields(Settings):
        rows.append(f"| `{f.name}` | `{_shown_default(f)}` | {f.metadata['zh']} / {f.metadata['en']} |")
    return "\n".join(rows) + "\n"
