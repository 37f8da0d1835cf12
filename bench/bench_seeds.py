"""The common case: `mkdocs build` of the seed pages, against a plain Material site of the same pages.

Runs, interleaved and repeated (median of --runs, default 5):
  ours cold   the project's site from seeds/ with an empty cache folder
  ours warm   the same build again, cache and page memo warm, nothing changed
  ours new    per-file results and page memo emptied, compiled resources kept
              (<cache>/resources/: a new or wiped site on a machine that built once)
  Material    a stock Material site (search plugin, lang zh: jieba segments) whose pages
              are the seeds' texts as Markdown, one page per seed file

    .venv/bin/python bench/bench_seeds.py [--runs 5] [--out bench/out/seeds]
    .venv/bin/python bench/bench_seeds.py --compare /tmp/old/.venv/bin/python   # before/after, interleaved

Each build is a fresh `python -m mkdocs build -q` process (imports included), after `sync`,
with its modules' bytecode compiled as an installed package has it (see bytecode_env).
Target (issue 16): ours <= 1.5 x Material, cold and warm. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import statistics
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path[:0] = [str(HERE), str(ROOT / "tests"), str(ROOT)]

from bench_build import EPOCH, REFERENCE_YML, measure  # noqa: E402
from helpers import write_config  # noqa: E402

from generator.read.decode import read_sources  # noqa: E402
from generator.settings import Settings  # noqa: E402


def write_reference(folder: Path) -> Path:
    """The seeds' texts as the Markdown pages of a stock Material site."""
    if folder.exists():
        shutil.rmtree(folder)
    docs = folder / "docs"
    docs.mkdir(parents=True)
    (docs / "index.md").write_text("# 参考站点\n", "utf-8")
    for n, source in enumerate(read_sources(ROOT / "seeds", Settings())):
        paragraphs = [line.strip() for line in (source.text or "").splitlines() if line.strip()]
        (docs / f"{n:02d}.md").write_text(f"# {source.file}\n\n" + "\n\n".join(paragraphs) + "\n", "utf-8")
    config = folder / "mkdocs.yml"
    config.write_text(REFERENCE_YML, "utf-8")
    return config


def bytecode_env(out: Path, python: str) -> dict[str, str]:
    """Where each python keeps its modules' bytecode during the bench: a folder of the bench's own
    (PYTHONPYCACHEPREFIX), filled by an untimed first build. pip compiles an installed package's
    modules (Material's, jieba's) at install time, and Python writes them for an editable install on
    its first import, unless PYTHONDONTWRITEBYTECODE is set, as it is on some machines: then the
    project's own modules would be compiled from source on every build and Material's would not.
    A folder of its own also leaves the compared checkout untouched."""
    name = hashlib.sha256(str(Path(python).absolute()).encode()).hexdigest()[:12]
    return {"PYTHONPYCACHEPREFIX": str(out / "pycache" / name), "PYTHONDONTWRITEBYTECODE": ""}


def build(config: Path, site: Path, python: str = sys.executable, out: Path | None = None) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the build and the processes it waited for)."""
    os.sync()  # a build must not pay for the previous one's disk write-back
    cmd = [python, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(site)]
    env = {"SOURCE_DATE_EPOCH": EPOCH, "NO_MKDOCS_2_WARNING": "1", **(bytecode_env(out, python) if out else {})}
    result = measure(cmd, config.parent, env)
    return result["seconds"], result["cpu_s"]


def empty_results(cache: Path) -> None:
    """Remove the cache's per-file results and page memo, keep compiled resources."""
    for path in cache.iterdir() if cache.is_dir() else ():
        if path.name != "resources":
            shutil.rmtree(path) if path.is_dir() else path.unlink()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--out", type=Path, default=HERE / "out" / "seeds")
    parser.add_argument("--compare", help="python of another checkout's venv (its generator), built in turn")
    args = parser.parse_args(argv)
    pythons = {"ours": sys.executable, **({"other": args.compare} if args.compare else {})}
    configs = {}
    for name in pythons:
        (args.out / name).mkdir(parents=True, exist_ok=True)
        configs[name] = write_config(args.out / name, ROOT / "seeds")
    reference = write_reference(args.out / "reference")
    out = args.out

    def cold(name: str, python: str) -> tuple[float, float]:
        shutil.rmtree(out / name / "cache", ignore_errors=True)
        return build(configs[name], out / name / "site", python, out)

    for name, python in pythons.items():  # untimed: compiles every module a build imports (bytecode_env)
        cold(name, python)
    build(reference, out / "reference" / "site", sys.executable, out)
    times: dict[str, list[tuple[float, float]]] = {}
    for run in range(args.runs):
        for name, python in pythons.items():
            times.setdefault(f"{name} cold", []).append(cold(name, python))
        times.setdefault("Material", []).append(build(reference, out / "reference" / "site", sys.executable, out))
        for name, python in pythons.items():
            times.setdefault(f"{name} warm", []).append(build(configs[name], out / name / "site", python, out))
        for name, python in pythons.items():
            empty_results(out / name / "cache")
            times.setdefault(f"{name} new", []).append(build(configs[name], out / name / "site", python, out))
        print(f"run {run + 1}: " + ", ".join(f"{k} {v[-1][0]:.2f} s" for k, v in times.items()), flush=True)
    # Wall time is what a maintainer waits; CPU time moves less when the machine is shared.
    for i, what in ((0, "wall"), (1, "CPU")):
        median = {k: statistics.median(t[i] for t in v) for k, v in times.items()}
        print(f"median {what}: " + ", ".join(f"{k} {v:.2f} s" for k, v in median.items()))
        for kind in median:
            if kind != "Material":
                print(f"  {kind} / Material ({what}): {median[kind] / median['Material']:.2f} (target <= 1.5)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
