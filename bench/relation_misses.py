"""Why relations are missed or wrong: are their two ends among the entities the build found?

    python bench/relation_misses.py tests/corpus/news/test/gold --input tests/corpus/news/test

A missed gold relation either lacks an end (the recogniser did not find its subject or object, so
no relation rule or model could state it) or has both ends found (the relation itself was not
read); a false relation either joins two entities the gold has, or one the gold lacks. Counts only,
per relation and in total, with the scorer's own matching (graph/evaluate.py), so that it can be
run on the frozen test split without reading what it gets wrong there.
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from graph.build import BuildReport, build_dataset  # noqa: E402
from graph.evaluate import GraphReader, load_gold, max_matching, same_entity, same_relation  # noqa: E402
from graph.pipeline import Pipeline  # noqa: E402


def counts(gold_dir: Path, articles: Path) -> tuple[Counter, Counter]:
    """(misses, false relations), each counted by (predicate, kind)."""
    reader = GraphReader(build_dataset(articles, Pipeline.load(), report=BuildReport()))
    misses, false = Counter(), Counter()
    for gold in load_gold(gold_dir):
        facts = reader.facts(gold.article)
        pairs = max_matching(gold.relations, facts.relations, same_relation)
        hit_gold, hit_found = {i for i, _ in pairs}, {j for _, j in pairs}
        for i, g in enumerate(gold.relations):
            if i not in hit_gold:
                ends = [any(same_entity(e, n) for n in facts.entities) for e in (g.subject, g.object)]
                misses[g.predicate, "both ends found" if all(ends) else "an end not found"] += 1
        for j, (s, p, o) in enumerate(facts.relations):
            if j not in hit_found:
                ends = [any(same_entity(e, n) for e in gold.entities) for n in (s, o)]
                false[p, "both ends in the gold" if all(ends) else "an end not in the gold"] += 1
    return misses, false


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("gold_dir", type=Path)
    p.add_argument("--input", "-i", type=Path, required=True, help="the articles the gold annotates")
    args = p.parse_args()
    for title, counter in zip(("missed gold relations", "false relations"), counts(args.gold_dir, args.input)):
        print(f"{title}: {sum(counter.values())}")
        totals = Counter()
        for (predicate, kind), n in sorted(counter.items()):
            print(f"  {predicate:13s} {kind:24s} {n}")
            totals[kind] += n
        for kind, n in sorted(totals.items()):
            print(f"  {'all':13s} {kind:24s} {n}")


if __name__ == "__main__":
    main()
