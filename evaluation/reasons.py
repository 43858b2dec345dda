"""The reasons audit: are the reasons shown on cards true, specific and in the user's language?

    python -m evaluation.reasons                    # template reasons only (no model), a few seconds a turn
    python -m evaluation.reasons --llm local        # with the local model writing reasons (minutes)
    python -m evaluation.reasons --llm local --out reports --sample 60

Plays the scripted EN/ZH conversations of `evaluation/reasons_script.yaml` through the real
pipeline (MovieLens, the rules reading every turn) and checks every reason on the final cards of
each turn with `recommender.grounding.problems` against the user's message: a false attribute, a
denied fact of the item, words against the pick or "already seen", an echo of the request, cut
off, repeating itself, the wrong language. It reports the counts by who wrote the reason (model /
template), the share of model reasons kept (shown / (shown + refused by the checker)) and the
LLM stage's timings per turn (first model reason, whole turn). `--sample N` also writes N random
(request, item, reason, problems) rows to label by hand, which measures the audit's own precision
(`--labels FILE`: a filled-in sample; the report then gives precision and recall of the audit).
"""
from __future__ import annotations

import argparse
import csv
import json
import random
import statistics
import time
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import yaml

SCRIPT = Path(__file__).with_name("reasons_script.yaml")


@dataclass
class Triple:
    turn: int
    request: str
    item_id: str
    title: str
    reason: str
    by: str
    problems: list[str] = field(default_factory=list)


@dataclass
class TurnTimes:
    first_reason_s: float | None
    total_s: float
    model_reasons: int
    refused: int
    lost: int = 0  # model reasons an update showed on a card that the final cards no longer carry


def conversations(path: Path = SCRIPT, limit: int | None = None) -> list[list[str]]:
    with open(path, encoding="utf-8") as f:
        convs = [[t.strip() for t in str(c).split(" | ") if t.strip()] for c in yaml.safe_load(f)]
    return convs[:limit] if limit else convs


def audit(recommender: Any, convs: list[list[str]], sessions: int = 1) -> tuple[list[Triple], list[TurnTimes]]:
    """Play `convs` and check every reason on the final cards of every turn. With `sessions` > 1,
    that many conversations play at once on the one recommender (threads, as browser sessions do),
    and each turn also records the model reasons it showed on the way and then lost."""
    from concurrent.futures import ThreadPoolExecutor

    def play(conv: list[str]) -> list[tuple[str, Any, TurnTimes]]:
        from chat.state import DialogueState

        state = DialogueState()
        out = []
        for text in conv:
            t0 = time.perf_counter()
            last = None
            shown: dict[str, str] = {}  # model reasons any update showed: item id -> reason
            for result in recommender.respond(state, text):
                last = result
                shown.update({r.item.id: r.reason for r in result.recommendations if r.reason_by == "model"})
            assert last is not None
            state = last.state
            final = {r.item.id: r.reason for r in last.recommendations}
            lost = sum(1 for i, reason in shown.items() if i in final and final[i] != reason)
            model = [r for r in last.recommendations if r.reason_by == "model"]
            out.append((text, last, TurnTimes(first_reason_s=last.timings.get("first_reason"),
                                              total_s=time.perf_counter() - t0, model_reasons=len(model),
                                              refused=last.reasons_refused, lost=lost)))
        return out

    if sessions > 1:
        with ThreadPoolExecutor(max_workers=sessions) as pool:
            played = list(pool.map(play, convs))
    else:
        played = [play(conv) for conv in convs]
    return _check(played)


def _check(played: list[list[tuple[str, Any, TurnTimes]]]) -> tuple[list[Triple], list[TurnTimes]]:
    from recommender.grounding import problems, written_problems

    triples: list[Triple] = []
    times: list[TurnTimes] = []
    n = 0
    for conv in played:
        for text, last, turn_times in conv:
            n += 1
            times.append(turn_times)
            for r in last.recommendations:
                triples.append(Triple(turn=n, request=text, item_id=r.item.id, title=r.item.title, reason=r.reason,
                                      by=r.reason_by, problems=problems(r.reason, r.item, text)
                                      + (written_problems(r.reason) if r.reason_by == "model" else [])))
    return triples, times


def _pct(xs: list[float], q: float) -> float:
    if not xs:
        return float("nan")
    xs = sorted(xs)
    return xs[min(len(xs) - 1, max(0, round(q * (len(xs) - 1))))]


def summary(triples: list[Triple], times: list[TurnTimes]) -> dict[str, Any]:
    out: dict[str, Any] = {"turns": len(times), "reasons": len(triples)}
    for by in ("model", "template"):
        rows = [t for t in triples if t.by == by]
        bad = [t for t in rows if t.problems]
        kinds = Counter(p.split(" [")[0] if not p.startswith(("genre ", "year ", "decade ", "runtime ", "rating "))
                        else "false " + p.split()[0] for t in bad for p in t.problems)
        out[by] = {"shown": len(rows), "with problems": len(bad), "kinds": dict(kinds)}
    shown = sum(t.model_reasons for t in times)
    refused = sum(t.refused for t in times)
    out["model reasons kept"] = shown / (shown + refused) if shown + refused else float("nan")
    firsts = [t.first_reason_s for t in times if t.first_reason_s is not None]
    totals = [t.total_s for t in times]
    out["first model reason p50 / p95 (s)"] = [round(statistics.median(firsts), 2) if firsts else None,
                                               round(_pct(firsts, 0.95), 2) if firsts else None]
    out["turn p50 / p95 (s)"] = [round(statistics.median(totals), 2), round(_pct(totals, 0.95), 2)]
    out["turns that lost shown model reasons"] = sum(1 for t in times if t.lost)
    out["turns with model reasons"] = sum(1 for t in times if t.model_reasons)
    return out


def precision(labelled: Path) -> dict[str, float]:
    """The audit against hand labels: rows with `bad` filled (1 = a bad reason, 0 = fine)."""
    with open(labelled, encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f, delimiter="\t") if r.get("bad", "").strip() in ("0", "1")]
    flagged = [r for r in rows if r["problems"].strip()]
    bad = [r for r in rows if r["bad"].strip() == "1"]
    tp = sum(1 for r in flagged if r["bad"].strip() == "1")
    return {"labelled": len(rows), "flagged": len(flagged), "bad by hand": len(bad),
            "precision": tp / len(flagged) if flagged else float("nan"),
            "recall": tp / len(bad) if bad else float("nan"),
            "agreement": sum((bool(r["problems"].strip()) == (r["bad"].strip() == "1")) for r in rows) / len(rows)
            if rows else float("nan")}


def markdown(s: dict[str, Any], llm: str, prec: dict[str, float] | None, sessions: int = 1) -> str:
    import os
    import platform

    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    lines = [f"# Reasons audit ({time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, {platform.machine()}, "
             f"{os.cpu_count()} cores, load {load:.1f}, LLM {llm})", "",
             f"{s['turns']} turns, {s['reasons']} (request, item, reason) triples"
             + (f", {sessions} conversations at once on one app." if sessions > 1 else "."), "",
             "| written by | shown | with a problem | problems |", "|---|---|---|---|"]
    for by in ("model", "template"):
        row = s[by]
        kinds = ", ".join(f"{k} {v}" for k, v in sorted(row["kinds"].items())) or "-"
        lines.append(f"| {by} | {row['shown']} | {row['with problems']} | {kinds} |")
    lines += ["", f"- model reasons kept (shown / written): {s['model reasons kept']:.1%}"
              if s["model reasons kept"] == s["model reasons kept"] else "- model reasons kept: - (no model)",
              f"- first model reason p50 / p95: {s['first model reason p50 / p95 (s)']} s",
              f"- whole turn p50 / p95: {s['turn p50 / p95 (s)']} s",
              f"- turns with model reasons: {s['turns with model reasons']}; turns that lost a model reason "
              f"shown on the way: {s['turns that lost shown model reasons']}"]
    if prec:
        lines += ["", "Audit against hand labels: " + ", ".join(
            f"{k} {v:.2f}" if isinstance(v, float) else f"{k} {v}" for k, v in prec.items())]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--llm", default="off", help="off (template reasons only), local, or another model spec")
    ap.add_argument("--limit", type=int, default=None, help="play only the first N conversations")
    ap.add_argument("--llm-timeout", type=float, default=None, help="the LLM stage's budget per turn (s)")
    ap.add_argument("--out", default=None, help="folder for reasons_audit.md / .json (and the sample)")
    ap.add_argument("--sample", type=int, default=0, help="write N random triples to label by hand")
    ap.add_argument("--labels", default=None, help="a labelled sample (TSV with a `bad` column): adds precision")
    ap.add_argument("--data-dir", default=None)
    ap.add_argument("--sessions", type=int, default=1,
                    help="play this many conversations at once on one app (threads): the audit under load")
    args = ap.parse_args(argv)

    from recommender.pipeline import Recommender

    kw = {"llm_timeout_s": args.llm_timeout} if args.llm_timeout else {}
    rec = Recommender.create("movielens", llm=args.llm, understand="rules", data_dir=args.data_dir, store=False,
                             progress=False, **kw)
    if rec.ranker is not None:
        rec.ranker.warm()
    triples, times = audit(rec, conversations(limit=args.limit), sessions=args.sessions)
    s = summary(triples, times)
    prec = precision(Path(args.labels)) if args.labels else None
    text = markdown(s, args.llm, prec, args.sessions)
    print(text)
    bad = [t for t in triples if t.problems]
    for t in bad[:20]:
        print(f"  [{t.by}] {t.request!r} -> {t.title}: {t.reason!r} {t.problems}")
    if args.out:
        out = Path(args.out)
        out.mkdir(parents=True, exist_ok=True)
        suffix = ("" if args.llm == "off" else "_llm") + (f"_{args.sessions}sessions" if args.sessions > 1 else "")
        (out / f"reasons_audit{suffix}.md").write_text(text, encoding="utf-8")
        (out / f"reasons_audit{suffix}.json").write_text(json.dumps(
            {"summary": s, "triples": [asdict(t) for t in triples], "turns": [asdict(t) for t in times]},
            ensure_ascii=False, indent=1), encoding="utf-8")
        if args.sample:
            rows = random.Random(0).sample(triples, min(args.sample, len(triples)))
            with open(out / f"reasons_sample{suffix}.tsv", "w", encoding="utf-8", newline="") as f:
                w = csv.writer(f, delimiter="\t")
                w.writerow(["request", "title", "by", "reason", "problems", "bad"])
                for t in rows:
                    w.writerow([t.request, t.title, t.by, t.reason, "; ".join(t.problems), ""])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
