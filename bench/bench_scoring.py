"""Does numpy pay? The search index's BM25 scoring (generator/search/scoring.py) against the same
computation in plain Python, on the seeds' documents repeated to corpus size.

    .venv/bin/python bench/bench_scoring.py [--copies 1,83,833]

The seeds give 12 articles; 83 copies are about 1,000 articles, 833 about 10,000. Each copy
gives 30 % of its tokens a numbered variant, so the vocabulary grows with the corpus as real
text does. Both builders must give the same postings (checked). Prints seconds; asserts nothing.
Issue 16 kept numpy because of these figures (README of bench/).
"""

from __future__ import annotations

import argparse
import json
import math
import random
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path[:0] = [str(ROOT)]

import numpy as np  # noqa: E402
from lunr.builder import Builder  # noqa: E402

from generator.search import scoring  # noqa: E402

# Captures the documents build_index() passes to scoring.score during a seeds build (in the
# forked search writer, mkdocs/background.py).
_DUMP = """
import json, sys
import generator.search.index as ix
real, dump, site = ix.scoring.score, sys.argv[1], sys.argv[2]
def score(documents):
    docs = list(documents)
    with open(dump, "w", encoding="utf-8") as out:  # closed: a forked writer ends with os._exit
        json.dump(docs, out, ensure_ascii=False)
    return real(docs)
ix.scoring.score = score
import runpy
sys.argv = ["mkdocs", "build", "-q", "-d", site]
runpy.run_module("mkdocs", run_name="__main__")
"""


class PurePythonBuilder(Builder):
    """scoring.LeanBuilder without numpy: the same formula, order of float operations and rounding."""

    def __init__(self):
        super().__init__()
        self.pipeline.reset()
        self.search_pipeline.reset()
        self._term_ids: dict[str, int] = defaultdict()
        self._term_ids.default_factory = self._term_ids.__len__
        self._counts: list[Counter] = []  # per document x field: term -> frequency
        self._lengths: list[int] = []

    def add(self, doc, attributes=None):
        for name in self._fields:
            self._counts.append(Counter(map(self._term_ids.__getitem__, map(str.lower, doc[name]))))
            self._lengths.append(len(doc[name]))
        self.document_count += 1

    def postings(self) -> scoring.Postings:
        from lunr import __TARGET_JS_VERSION__

        fields = list(self._fields)
        nf, n, names = len(fields), self.document_count, list(self._term_ids)
        totals = [0.0] * nf
        for key, length in enumerate(self._lengths):
            totals[key % nf] += length
        average = [t / n if n else 0.0 for t in totals]
        df = [0] * len(names)
        for counts in self._counts:
            for t in counts:
                df[t] += 1
        k1, b = self._k1, self._b
        idf = [math.log(1 + abs((n - d + 0.5) / (d + 0.5))) for d in df]
        boosts = [float(self._fields[name].boost) for name in fields]
        per_term: list[list[int]] = [[] for _ in names]
        last = [0] * len(names)
        for key, counts in enumerate(self._counts):
            norm = k1 * (1 - b + b * (self._lengths[key] / average[key % nf]))
            boost = boosts[key % nf]
            for t, count in counts.items():
                tf = float(count)
                s = idf[t] * ((k1 + 1) * tf) / (norm + tf) * boost
                x = s * 1000
                rounded = round(x) if abs(x - math.floor(x) - 0.5) >= 1e-6 else round(round(s, 3) * 1000)
                per_term[t] += [key - last[t], rounded]
                last[t] = key
        order = sorted(range(len(names)), key=lambda i: names[i].encode("utf-16-be"))
        postings = [per_term[i] for i in order]
        bounds = np.cumsum([0] + [len(p) for p in postings])
        return scoring.Postings(version=__TARGET_JS_VERSION__, fields=tuple(fields), pipeline=(),
                                terms=[names[i] for i in order],
                                flat=np.array([x for p in postings for x in p], dtype=np.int32), bounds=bounds,
                                json_chars=[sum(map(len, map(str, p))) + len(p) + 1 for p in postings])



def _same(a: scoring.Postings, b: scoring.Postings) -> bool:
    return (a.terms, a.postings, a.json_chars) == (b.terms, b.postings, b.json_chars)


def seed_documents() -> list[dict]:
    with tempfile.TemporaryDirectory() as tmp:
        dump = Path(tmp) / "docs.json"
        subprocess.run([sys.executable, "-c", _DUMP, str(dump), str(Path(tmp) / "site")], cwd=ROOT, check=True,
                       env={"SOURCE_DATE_EPOCH": "1764028800", "NO_MKDOCS_2_WARNING": "1",
                            "PATH": "/usr/bin:/bin"})
        return json.loads(dump.read_text("utf-8"))


def timed(cls, docs: list[dict]) -> tuple[float, scoring.Postings]:
    started = time.process_time()
    builder = cls()
    builder.ref("id")
    for name, boost in scoring.BOOSTS.items():
        builder.field(name, boost=boost)
    for ref, fields in enumerate(docs):
        builder.add({"id": str(ref), **fields})
    postings = builder.postings()
    return time.process_time() - started, postings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", default="1,83,833")
    args = parser.parse_args(argv)
    code = "import time; t = time.process_time(); import numpy; print(time.process_time() - t)"
    seconds = float(subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout)
    print(f"numpy import in a fresh process: {seconds:.2f} s CPU, paid by every build")
    base = seed_documents()
    for copies in map(int, args.copies.split(",")):
        rnd = random.Random(copies)
        docs = [{k: [t + str(rnd.randrange(40)) if rnd.random() < 0.3 else t for t in v] for k, v in d.items()}
                if c else d for c in range(copies) for d in base]
        tokens = sum(len(v) for d in docs for v in d.values())
        lean_s, lean = timed(scoring.LeanBuilder, docs)
        pure_s, pure = timed(PurePythonBuilder, docs)
        print(f"x{copies}: {len(docs)} documents, {tokens} tokens, {len(lean.terms)} terms: "
              f"numpy {lean_s:.2f} s, pure Python {pure_s:.2f} s (CPU), same postings: {_same(lean, pure)}",
              flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
