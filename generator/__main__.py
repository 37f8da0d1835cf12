"""Run the generator's stages without MkDocs and print what they found.

    python -m generator [--seeds-dir DIR] [--json FILE] [--quiet] [any setting as --name VALUE]
    python -m generator summary ...                   the same, named
    python -m generator STAGE PATH [settings]         one stage's records as JSON, for a file or a folder

STAGE is read, split, locate, figures, digest or index: the tool to see why a page was read wrong.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from generator import build, digest, typedjson
from generator.cache import ResultCache
from generator.cachelock import NO_CACHE
from generator.mkdocs.progress import make_progress
from generator.read.figures import trust
from generator.read.decode import display_name, read_sources
from generator.records import Digest, FileResult, Source
from generator.resources import Resources, load_resources
from generator.search import index
from generator.settings import Settings, add_cli_options
from generator.site.typeset import typeset_digest

SUMMARY_HELP = ("读取输入文本，拆分稿件，识别地区，提取数据，并打印摘要（文件、稿件、地区、数据、警告数）。"
                "网站本身由 `mkdocs build` 生成，运行的是同样的步骤。 / "
                "Read seed pages, split them into articles, locate regions, extract figures, "
                "and print a summary (files, articles, regions, figures, warnings). "
                "The site itself is built by `mkdocs build`, which runs the same stages.")


def _per_file(stage: Callable[[Source, Resources], object]) -> Callable[[list[Source], Settings, Resources], list]:
    """A per-file stage's output for each readable source: [{"file": ..., "<stage>": ...}]."""
    def run(sources: list[Source], settings: Settings, resources: Resources) -> list:
        return [{"file": s.file, "warnings": [str(w) for w in s.warnings], "result": typedjson.to_json(stage(s, resources))}
                for s in sources if s.status in build.READABLE]
    return run


def _split(source: Source, resources: Resources):
    return build.split_page(build.clean_page(source, resources), resources)


def _locate(source: Source, resources: Resources):
    return build.locate_articles(_split(source, resources), source, resources)


def _figures(source: Source, resources: Resources):
    return build.extract_figures(_locate(source, resources), source, resources)


def _digest(sources: list[Source], settings: Settings, resources: Resources) -> Digest:
    results = build.process_sources([s for s in sources if s.status in build.READABLE], settings, resources,
                                    None, ResultCache(NO_CACHE, "", FileResult))
    return digest.build_digest(sources, results, settings, resources.cues)


def _index(sources: list[Source], settings: Settings, resources: Resources) -> list:
    """The search index files: JSON ones as data, the others by size."""
    files = index.build_search(typeset_digest(_digest(sources, settings, resources)), resources,
                               settings.search_one_file_bytes)
    return [{"path": f.path, "bytes": len(f.content),
             **({"json": json.loads(f.content)} if f.path.endswith(".json") else {})} for f in files]


# name -> (Chinese / English help, what it prints)
STAGES: dict[str, tuple[str, Callable[[list[Source], Settings, Resources], object]]] = {
    "read": ("解码并清理：每个文件的文本块及其角色（标题、正文、署名、图片说明……） / "
             "decode and clean: each file's blocks and their roles (title, paragraph, byline, caption...)",
             _per_file(build.clean_page)),
    "split": ("拆分稿件：每个文件的稿件草稿（标题、小节、作者、图片说明） / "
              "split: each file's article drafts (title, sections, authors, captions)", _per_file(_split)),
    "locate": ("识别地区与年份：每篇稿件的地区、年份及依据 / "
               "locate: each article's region and year, with the evidence", _per_file(_locate)),
    "figures": ("提取数据：每个文件的数据（指标、数值、单位、时期、原文） / "
                "figures: each file's figures (measure, value, unit, period, quote)", _per_file(_figures)),
    "digest": ("汇总：数据契约 digest.json 的内容 / digest: the data contract, as in data/digest.json",
               lambda sources, settings, resources: digest.to_contract(_digest(sources, settings, resources))),
    "index": ("搜索索引：生成的索引文件（JSON 文件给出内容） / "
              "index: the search index files (JSON ones with their content)", _index),
}


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m generator", description=SUMMARY_HELP)
    _summary_options(parser)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND",
                                     help="不写则为 summary / summary when none is given")
    _summary_options(commands.add_parser("summary", help="打印摘要（默认） / print the summary (the default)",
                                         description=SUMMARY_HELP))
    for name, (text, _) in STAGES.items():
        sub = commands.add_parser(name, help=text, description=text + "。以 JSON 输出 / printed as JSON.")
        sub.add_argument("path", type=Path, help="一个输入文件或一个目录 / one page file or a folder of them")
        add_cli_options(sub)
    return parser


def _summary_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", type=Path, help="另将数据契约写入此文件 / also write the digest (data contract) "
                                                  "to this file")
    parser.add_argument("--quiet", action="store_true", help="只打印摘要行 / only the summary line")
    add_cli_options(parser)


def main(argv: list[str] | None = None) -> int:
    args = make_parser().parse_args(argv)
    options = vars(args)
    if options["workers"] is None:
        options["workers"] = 1  # one page or a few: worker processes cost more than they save
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    if args.command in STAGES:
        return stage(args)
    return summary(args)


def stage(args: argparse.Namespace) -> int:
    """Print one stage's records for args.path (a file: with its sidecar, as in a folder)."""
    path: Path = args.path
    if not path.exists():
        print(f"error: {path} does not exist; give a page file or a folder of them", file=sys.stderr)
        return 2
    folder = path if path.is_dir() else path.parent
    settings = Settings.from_options({**vars(args), "seeds_dir": str(folder.resolve())}, Path.cwd())
    sources = read_sources(settings.seeds_dir, settings)
    if not path.is_dir():
        sources = [s for s in sources if s.file == display_name(path.name)]
    _, run = STAGES[args.command]
    data = run(sources, settings, load_resources(settings))
    print(json.dumps(data, ensure_ascii=False, indent=1))
    return 0


def summary(args: argparse.Namespace) -> int:
    settings = Settings.from_options(vars(args), Path.cwd())
    if not settings.seeds_dir.is_dir():
        print(f"error: {settings.seeds_dir} is not a folder; pass --seeds-dir DIR with the page texts",
              file=sys.stderr)
        return 2
    resources = load_resources(settings)
    update, close = make_progress(logging.getLogger("generator"))
    try:
        data = build.read_digest(settings, resources, progress=update)
    finally:
        close()
    if not args.quiet:
        _print_details(data)
    print(f"{len(data.sources)} files, {len(data.articles)} articles, {len(data.regions)} regions, "
          f"{len(data.figures)} figures, {len(data.warnings)} warnings")
    if args.json:
        args.json.write_bytes(digest.contract_json(digest.to_contract(data)))
    return 0


def _print_details(data: Digest) -> None:
    for source in data.sources:
        count = sum(1 for a in data.articles if a.source == source.file)
        print(f"{source.file}: {source.status.value}, {source.encoding or '-'}, {count} articles")
    regions = Counter(a.region.name for a in data.articles)
    for article in data.articles:
        figures = sum(1 for f in data.figures if f.article == article.id)
        print(f"  [{article.region.name}] {article.title} ({article.year or '?'}; "
              f"{len(article.paragraphs)} paragraphs, {figures} figures)")
    print("regions: " + ", ".join(f"{name} ({n})" for name, n in sorted(regions.items())))
    if data.withheld:
        print(trust.note(data.withheld).lstrip("; "))
    for warning in data.warnings:
        print(f"warning: {warning}")


if __name__ == "__main__":
    sys.exit(main())
