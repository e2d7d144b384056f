"""make bench-search: relevance of the Kennislab search against the database defaults.

Imports the seed dumps (../shared/seeds) into a scratch database, builds the search index, and
runs the judged queries of ../shared/search/dev_judgments.json and
kennislab/search/judgments/extra.json through three systems:

  (a) Kennislab search: Dutch analysis, BM25 with field weights, all query words first;
  (b) plain FTS5: SQLite FTS5 (unicode61 tokenizer, no Dutch analysis), implicit AND, bm25;
  (c) Wagtail's database search as installed, on this database, operator AND.

Prints nDCG@10 and MRR@10 (relevant = grade ≥ 1) per system, per stratum, and with -v per query.
"""

from __future__ import annotations

import argparse
import io
import json
import math
import re
import sqlite3
import statistics
import sys
from pathlib import Path

from .common import out, setup_django

K = 10
REPO = Path(__file__).resolve().parents[2]
JUDGMENT_FILES = [
    ("dev", REPO.parent / "shared" / "search" / "dev_judgments.json"),
    ("extra", REPO / "kennislab" / "search" / "judgments" / "extra.json"),
]


def ndcg(ranked: list[str], grades: dict[str, int], k: int = K) -> float:
    dcg = sum((2 ** grades.get(t, 0) - 1) / math.log2(i + 2) for i, t in enumerate(ranked[:k]))
    ideal = sorted(grades.values(), reverse=True)[:k]
    idcg = sum((2**g - 1) / math.log2(i + 2) for i, g in enumerate(ideal))
    return dcg / idcg if idcg else 0.0


def reciprocal_rank(ranked: list[str], grades: dict[str, int], k: int = K) -> float:
    for i, title in enumerate(ranked[:k]):
        if grades.get(title, 0) >= 1:
            return 1.0 / (i + 1)
    return 0.0


def load_judgments(titles: list[str], extra_files=()) -> list[dict]:
    queries = []
    for source, path in [*JUDGMENT_FILES, *extra_files]:
        if not Path(path).exists():
            if source == "dev":
                continue
            raise SystemExit(f"judgment file not found: {path}")
        for query in json.loads(Path(path).read_text(encoding="utf-8"))["queries"]:
            grades = {}
            for prefix, grade in query["rel"].items():
                matches = [t for t in titles if t.startswith(prefix)]
                if len(matches) != 1:
                    raise SystemExit(f"{path}: prefix {prefix!r} matches {len(matches)} items")
                grades[matches[0]] = grade
            queries.append(
                {"q": query["q"], "grades": grades, "source": source,
                 "stratum": query.get("stratum", source)}
            )  # fmt: skip
    return queries


class PlainFTS5:
    """The baseline: the item texts in an in-memory FTS5 table, no analysis beyond unicode61."""

    def __init__(self, documents):
        self.db = sqlite3.connect(":memory:")
        self.db.execute(
            "CREATE VIRTUAL TABLE items USING fts5("
            "title, body, tokenize='unicode61 remove_diacritics 2')"
        )
        self.db.executemany("INSERT INTO items(title, body) VALUES (?, ?)", documents)

    def search(self, query: str) -> list[str]:
        words = re.findall(r"[^\W_]+", query)
        if not words:
            return []
        match = " ".join(f'"{word}"' for word in words)
        rows = self.db.execute(
            "SELECT title FROM items WHERE items MATCH ? ORDER BY bm25(items) LIMIT ?", (match, K)
        )
        return [row[0] for row in rows]


def wagtail_search(query: str) -> list[str]:
    from kennislab.content.models import ArticlePage

    try:
        return [p.title for p in ArticlePage.objects.live().search(query, operator="and")[:K]]
    except Exception:
        return []


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("-v", "--verbose", action="store_true", help="per-query table")
    parser.add_argument("--judgments", action="append", default=[], help="extra judgment file")
    args = parser.parse_args(argv)

    engine = setup_django("relevance")
    from django.core.management import call_command

    from kennislab.content.tests.seeds import seeds_dir
    from kennislab.search import indexer, service
    from kennislab.search.models import SearchDocument

    directory = seeds_dir()
    if directory is None:
        out("Seed dumps not found: set KENNISLAB_SEEDS.")
        sys.exit(1)
    call_command(
        "import_dump", *map(str, sorted(directory.glob("*.txt"))), "--no-progress",
        stdout=io.StringIO(),
    )  # fmt: skip
    indexer.rebuild()
    documents = list(SearchDocument.objects.filter(kind="article").values_list("title", "text"))
    titles = [title for title, _ in documents]
    queries = load_judgments(titles, [("file", path) for path in args.judgments])
    baseline = PlainFTS5(documents)

    systems = {
        "kennislab": lambda q: [r.title for r in service.search(q, limit=K).results],
        "plain FTS5": baseline.search,
        f"Wagtail ({engine})": wagtail_search,
    }
    scores = {name: {"ndcg": [], "rr": []} for name in systems}
    strata: dict[str, dict[str, list[float]]] = {}
    rows = []
    for query in queries:
        row = [query["q"][:44]]
        for name, run in systems.items():
            ranked = run(query["q"])
            value = ndcg(ranked, query["grades"])
            scores[name]["ndcg"].append(value)
            scores[name]["rr"].append(reciprocal_rank(ranked, query["grades"]))
            strata.setdefault(query["stratum"], {}).setdefault(name, []).append(value)
            row.append(f"{value:.2f}")
        rows.append(row)

    out(f"Search relevance — {len(titles)} seed items, {len(queries)} judged queries, {engine}")
    header = "".join(name.rjust(20) for name in systems)
    out(f"{'':28}{header}")
    for metric, label in (("ndcg", "nDCG@10"), ("rr", "MRR@10")):
        values = "".join(f"{statistics.mean(scores[n][metric]):20.3f}" for n in systems)
        out(f"{label:28}{values}")
    for stratum, by_system in sorted(strata.items()):
        count = len(next(iter(by_system.values())))
        values = "".join(f"{statistics.mean(by_system[n]):20.3f}" for n in systems)
        out(f"  {stratum + f' ({count})':26}{values}")
    gain = statistics.mean(scores["kennislab"]["ndcg"]) - statistics.mean(
        scores["plain FTS5"]["ndcg"]
    )
    out(f"{'kennislab − plain FTS5':28}{gain:+20.3f}")
    if args.verbose:
        out()
        for row in rows:
            out(f"{row[0]:46}" + "".join(cell.rjust(14) for cell in row[1:]))


if __name__ == "__main__":
    main()
