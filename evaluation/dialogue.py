"""Dialogue understanding, measured on labelled conversations: `python -m evaluation.dialogue`.

The labelled set (evaluation/dialogues/, format in its README) was written independently of the
rule parser: 72 dialogues, 396 turns, half Chinese; `dev.yaml` is for development, `test.yaml`
is frozen (never used for tuning). Every dialogue is played turn by turn through the real
`Recommender` (MovieLens catalog, MiniLM + Chroma index), and after each turn the state is held
against the labels:

- act: the dialogue act of the turn (new, refine, more, feedback, seen, question, reset,
  smalltalk, unclear);
- the hard constraints in force (genres, not_genres, year_min/max, runtime_max, rating_min,
  mpaa): complete after every turn, a key left out must be unset; ranges accept any value;
- soft keys (prefer, avoid, like, excluded, liked, disliked), per-turn keys (k, positions of
  feedback, what a question is about and asks, new_items on paging, keep_list);
- end-to-end: every shown item satisfies the labelled hard constraints and exclusions.

Modes: `rules` (the rule reader alone), `llm` (the language model reads every turn, the rules
only as its fallback), `hybrid` (the rules answer first; the model reads the turns the rules are
unsure of, and its reading replaces theirs). Latency: the first list (what the rules give at
once) and the understood list (after the model's reading, where it was asked), p50/p95 over turns.

    python -m evaluation.dialogue                         # rules, dev and test
    python -m evaluation.dialogue --modes rules,hybrid,llm --llm llamacpp --split test
    python -m evaluation.dialogue --split dev --show-failures   # what went wrong, turn by turn
"""
from __future__ import annotations

import argparse
import json
import platform
import sys
import time
from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import yaml

DIALOGUES = Path(__file__).resolve().parent / "dialogues"
REPORTS = Path(__file__).resolve().parent.parent / "reports"
MODES = ("rules", "llm", "hybrid")
HARD = ("genres", "not_genres", "year_min", "year_max", "runtime_max", "rating_min", "mpaa")


@dataclass(frozen=True)
class TurnCase:
    say: str
    act: str
    expect: Mapping[str, Any]
    lang: str


@dataclass(frozen=True)
class DialogueCase:
    id: str
    lang: str
    turns: tuple[TurnCase, ...]


def load_dialogues(split: str) -> list[DialogueCase]:
    """The labelled dialogues of one part: "dev" (dev.yaml, dev2.yaml, ...) or "test" (test.yaml)."""
    raw = []
    for path in sorted(DIALOGUES.glob(f"{split}*.yaml")):
        with open(path, encoding="utf-8") as f:
            raw += yaml.safe_load(f)
    return [DialogueCase(d["id"], d["lang"], tuple(
        TurnCase(t["say"], t["act"], t.get("expect") or {}, t.get("lang", d["lang"])) for t in d["turns"]))
        for d in raw]


# --------------------------------------------------------------------------- checking
def _in(value: Any, want: Any) -> bool:
    """A labelled number or range {ge, le} against the system's value (None = unset)."""
    if isinstance(want, Mapping):
        return value is not None and want.get("ge", -1e9) <= value <= want.get("le", 1e9)
    return value == want


@dataclass
class TurnOutcome:
    dialogue: str
    turn: int
    say: str
    act_want: str
    act_got: str
    checks: dict[str, bool] = field(default_factory=dict)
    shown: int = 0
    shown_ok: int = 0
    first_s: float = 0.0
    understood_s: float = 0.0
    model_asked: bool = False
    got: dict[str, Any] = field(default_factory=dict)

    @property
    def right(self) -> bool:
        return self.act_want == self.act_got and all(self.checks.values())


class Checker:
    """Holds one turn's result against its labels. `titles` maps exact catalog titles to ids."""

    def __init__(self, catalog: Any) -> None:
        self.catalog = catalog
        self.by_title: dict[str, str] = {}
        for item in catalog:
            self.by_title.setdefault(item.display_title(), item.id)
            self.by_title.setdefault(item.title, item.id)

    def ids(self, titles: Sequence[str]) -> list[str]:
        out = []
        for t in titles:
            if t not in self.by_title:
                raise KeyError(f"label names {t!r}, which is no catalog title")
            out.append(self.by_title[t])
        return out

    def check(self, turn: TurnCase, result: Any, before: Any) -> dict[str, bool]:
        e, state, ins = turn.expect, result.state, result.instruction
        c = state.constraints
        soft = state.instruction.intention if state.instruction is not None else ins.intention
        out: dict[str, bool] = {}
        genres, prefer = set(e.get("genres", [])), set(e.get("prefer", []))
        out["genres"] = genres <= set(c.include_genres) <= genres | prefer
        not_genres, avoid = set(e.get("not_genres", [])), set(e.get("avoid", []))
        out["not_genres"] = not_genres <= set(c.exclude_genres) <= not_genres | avoid
        for key, value in (("year_min", c.min_year), ("year_max", c.max_year), ("runtime_max", c.max_runtime),
                           ("rating_min", c.min_rating)):
            out[key] = _in(value, e[key]) if key in e else value is None
        out["mpaa"] = set(c.mpaa) == set(e.get("mpaa", []))
        if "prefer" in e:
            out["prefer"] = prefer <= set(c.include_genres) | set(soft.genres)
        if "avoid" in e:
            out["avoid"] = avoid <= set(c.exclude_genres) | set(soft.avoid)
        if "like" in e:
            refs = set(ins.reference_ids) | set(state.reference_ids)
            out["like"] = set(self.ids(e["like"])) <= refs
        if "excluded" in e:
            ids = set(self.ids(e["excluded"]))
            out["excluded"] = ids <= set(c.exclude_ids) and not ids & set(state.last_list)
        if "liked" in e:
            out["liked"] = set(self.ids(e["liked"])) <= set(state.liked_ids)
        if "disliked" in e:
            out["disliked"] = set(self.ids(e["disliked"])) <= set(state.disliked_ids)
        if "k" in e:
            out["k"] = _in(ins.k, e["k"])
        shown_before = before.last_list
        for key, bucket in (("dislike_pos", set(state.disliked_ids) | set(c.exclude_ids)),
                            ("like_pos", set(state.liked_ids)),
                            ("more_like_pos", set(state.reference_ids) | set(ins.reference_ids))):
            if key in e:
                want = [shown_before[p - 1] for p in e[key] if 0 < p <= len(shown_before)]
                out[key] = len(want) == len(e[key]) and set(want) <= bucket
        if "about" in e:
            about = e["about"]
            if isinstance(about, int):
                want_id = shown_before[about - 1] if 0 < about <= len(shown_before) else None
            else:
                want_id = self.ids([about])[0]
            got_id = ins.question_item_id or (shown_before[ins.question_position - 1]
                                              if ins.question_position and 0 < ins.question_position <= len(shown_before)
                                              else None)
            out["about"] = want_id is not None and got_id == want_id
        if "asks" in e:
            out["asks"] = ins.question == e["asks"]
        if e.get("new_items"):
            out["new_items"] = bool(state.last_list) and not set(state.last_list) & set(before.shown_ids)
        if e.get("keep_list"):
            out["keep_list"] = state.last_list == shown_before
        return out

    def satisfies(self, turn: TurnCase, item_id: str) -> bool:
        """The shown item against the labelled hard constraints and exclusions (the loosest value of
        a range; an unknown value fails a constraint on it, as in `Filters.allows`)."""
        e, item = turn.expect, self.catalog.get(item_id)
        if item is None:
            return False
        genres = set(item.genres)
        if not set(e.get("genres", [])) <= genres or set(e.get("not_genres", [])) & genres:
            return False

        def bound(key: str, hi: bool) -> float | None:
            want = e.get(key)
            if want is None:
                return None
            return (want.get("le") if hi else want.get("ge")) if isinstance(want, Mapping) else want

        lo = bound("year_min", hi=False)
        hi = bound("year_max", hi=True)
        if (lo is not None or hi is not None) and item.year is None:
            return False
        if lo is not None and item.year < lo or hi is not None and item.year > hi:
            return False
        rt = bound("runtime_max", hi=True)
        if rt is not None and (item.runtime is None or item.runtime > rt):
            return False
        rating = bound("rating_min", hi=False)
        if rating is not None and (item.rating is None or item.rating < rating):
            return False
        if e.get("mpaa") and item.mpaa not in e["mpaa"]:
            return False
        return item_id not in set(self.ids(e.get("excluded", [])))


# --------------------------------------------------------------------------- playing
def play(recommender: Any, dialogue: DialogueCase, checker: Checker) -> Iterator[TurnOutcome]:
    """Play one dialogue through the recommender, turn by turn."""
    from chat.state import DialogueState

    state = DialogueState()
    for n, turn in enumerate(dialogue.turns, 1):
        before = state
        t0 = time.perf_counter()
        first_s = understood_s = None
        last = None
        asked = False
        for result in recommender.respond(state, turn.say):
            now = time.perf_counter() - t0
            if first_s is None:
                first_s = now
            if "understand" in result.timings and understood_s is None:
                asked = True  # the model read the turn: its reading (or "same") is in at this point
                understood_s = now
            last = result
        assert last is not None
        state = last.state
        outcome = TurnOutcome(dialogue.id, n, turn.say, turn.act, last.instruction.action,
                              checks=checker.check(turn, last, before), first_s=first_s or 0.0,
                              understood_s=understood_s if understood_s is not None else (first_s or 0.0),
                              model_asked=asked,
                              got={"constraints": state.constraints.model_dump(exclude_defaults=True,
                                                                               exclude={"exclude_ids"}),
                                   "intention": last.instruction.intention.model_dump(exclude_defaults=True),
                                   "question": last.instruction.question, "reply": last.reply[:160]})
        if state.last_list and state.last_list != before.last_list:
            outcome.shown = len(state.last_list)
            outcome.shown_ok = sum(checker.satisfies(turn, i) for i in state.last_list)
        yield outcome


def _pct(values: Sequence[float], q: float) -> float:
    if not values:
        return float("nan")
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]


def summarise(outcomes: Sequence[TurnOutcome]) -> dict[str, Any]:
    by_dialogue: dict[str, list[TurnOutcome]] = defaultdict(list)
    for o in outcomes:
        by_dialogue[o.dialogue].append(o)
    fields: dict[str, list[bool]] = defaultdict(list)
    for o in outcomes:
        fields["act"].append(o.act_want == o.act_got)
        for key, ok in o.checks.items():
            fields[key].append(ok)
    acts: dict[str, list[bool]] = defaultdict(list)
    for o in outcomes:
        acts[o.act_want].append(o.act_want == o.act_got)
    asked = [o for o in outcomes if o.model_asked]
    shown = sum(o.shown for o in outcomes)
    return {
        "dialogues": len(by_dialogue),
        "turns": len(outcomes),
        "dialogues_right": sum(all(o.right for o in ts) for ts in by_dialogue.values()) / max(len(by_dialogue), 1),
        "turns_right": sum(o.right for o in outcomes) / max(len(outcomes), 1),
        "act_accuracy": sum(fields["act"]) / max(len(fields["act"]), 1),
        "fields": {k: {"accuracy": sum(v) / len(v), "n": len(v)} for k, v in sorted(fields.items())},
        "acts": {k: {"accuracy": sum(v) / len(v), "n": len(v)} for k, v in sorted(acts.items())},
        "shown_items": shown,
        "shown_satisfying": sum(o.shown_ok for o in outcomes) / shown if shown else float("nan"),
        "first_list_p50_s": _pct([o.first_s for o in outcomes], 0.5),
        "first_list_p95_s": _pct([o.first_s for o in outcomes], 0.95),
        "understood_p50_s": _pct([o.understood_s for o in outcomes], 0.5),
        "understood_p95_s": _pct([o.understood_s for o in outcomes], 0.95),
        "model_asked_turns": len(asked),
        "understood_when_asked_p50_s": _pct([o.understood_s for o in asked], 0.5),
        "understood_when_asked_p95_s": _pct([o.understood_s for o in asked], 0.95),
    }


def evaluate(mode: str, split: str, *, llm: str = "off", data_dir: str | None = None,
             dialogues: Sequence[DialogueCase] | None = None, recommender: Any = None) -> tuple[dict[str, Any], list[TurnOutcome]]:
    """Play every dialogue of `split` in `mode`; returns (summary, per-turn outcomes)."""
    from recommender.pipeline import Recommender

    if mode not in MODES:
        raise ValueError(f"unknown mode {mode!r}: use one of {', '.join(MODES)}")
    if mode != "rules" and llm in ("", "off", "none"):
        raise ValueError(f"mode {mode!r} needs a model: pass --llm llamacpp (or another spec)")
    rec = recommender or Recommender.create(
        "movielens", llm=llm if mode != "rules" else "off", understand=mode, rank_with_llm=False,
        data_dir=data_dir, store=False, progress=False)
    checker = Checker(rec.catalog)
    outcomes: list[TurnOutcome] = []
    for d in dialogues if dialogues is not None else load_dialogues(split):
        outcomes.extend(play(rec, d, checker))
    return summarise(outcomes), outcomes


# --------------------------------------------------------------------------- report
def table(results: Mapping[str, Mapping[str, Any]]) -> str:
    """A markdown table: one column per (mode, split)."""
    cols = list(results)
    rows = [("dialogues fully right", "dialogues_right", "{:.1%}"), ("turns fully right", "turns_right", "{:.1%}"),
            ("dialogue-act accuracy", "act_accuracy", "{:.1%}"),
            ("shown items satisfying the labelled constraints", "shown_satisfying", "{:.1%}"),
            ("first list p50 / p95 (s)", ("first_list_p50_s", "first_list_p95_s"), "{:.3f} / {:.3f}"),
            ("understood list p50 / p95 (s)", ("understood_p50_s", "understood_p95_s"), "{:.3f} / {:.3f}"),
            ("turns the model read", "model_asked_turns", "{}"),
            ("understood list when the model read, p50 / p95 (s)",
             ("understood_when_asked_p50_s", "understood_when_asked_p95_s"), "{:.2f} / {:.2f}")]
    out = ["| | " + " | ".join(cols) + " |", "|---" * (len(cols) + 1) + "|"]
    for label, key, fmt in rows:
        vals = []
        for c in cols:
            r = results[c]
            vals.append(fmt.format(*(r[k] for k in key)) if isinstance(key, tuple) else fmt.format(r[key]))
        out.append(f"| {label} | " + " | ".join(vals) + " |")
    for group, title in (("fields", "field accuracy"), ("acts", "act accuracy")):
        out += ["", f"| {title} | " + " | ".join(cols) + " |", "|---" * (len(cols) + 1) + "|"]
        for k in sorted({k for r in results.values() for k in r[group]}):
            vals = [f"{results[c][group][k]['accuracy']:.1%} (n={results[c][group][k]['n']})"
                    if k in results[c][group] else "" for c in cols]
            out.append(f"| {k} | " + " | ".join(vals) + " |")
    return "\n".join(out)


def failures(outcomes: Sequence[TurnOutcome]) -> str:
    lines = []
    for o in outcomes:
        if o.right:
            continue
        bad = [k for k, ok in o.checks.items() if not ok]
        act = "" if o.act_want == o.act_got else f" act {o.act_got} (want {o.act_want})"
        lines.append(f"{o.dialogue}#{o.turn} {o.say!r}:{act} {' '.join(bad)}\n    got {json.dumps(o.got, ensure_ascii=False)}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m evaluation.dialogue", description=__doc__.split("\n\n")[0])
    p.add_argument("--modes", default="rules", help=f"comma-separated, from {', '.join(MODES)}")
    p.add_argument("--split", default="both",
                   help="dev (every dev*.yaml), test, both, or one file's stem (dev4: the newest part, alone)")
    p.add_argument("--llm", default="off", help="the model for llm/hybrid, e.g. llamacpp (see lm.make_llm)")
    p.add_argument("--data-dir", default=None, help="data folder with the index (default: $RECSYS_DATA_DIR or ./data)")
    p.add_argument("--limit", type=int, default=None, help="only the first N dialogues of each part (a short run)")
    p.add_argument("--show-failures", action="store_true", help="print every turn that is not fully right")
    p.add_argument("--out", type=Path, default=None, help="write the figures as JSON and markdown here")
    args = p.parse_args(argv)
    from recommender.pipeline import Recommender

    splits = ["dev", "test"] if args.split == "both" else [args.split]
    for split in splits:
        if not any(DIALOGUES.glob(f"{split}*.yaml")):
            p.error(f"no dialogues for --split {split}: use dev, test, both or a file stem in {DIALOGUES.name}/")
    results: dict[str, dict[str, Any]] = {}
    for mode in [m.strip() for m in args.modes.split(",") if m.strip()]:
        rec = Recommender.create("movielens", llm=args.llm if mode != "rules" else "off", understand=mode,
                                 rank_with_llm=False, data_dir=args.data_dir, store=False, progress=True)
        for split in splits:
            cases = load_dialogues(split)[: args.limit]
            t0 = time.perf_counter()
            summary, outcomes = evaluate(mode, split, llm=args.llm, dialogues=cases, recommender=rec)
            summary["seconds"] = round(time.perf_counter() - t0, 1)
            results[f"{mode} / {split}"] = summary
            print(f"{mode} / {split}: {summary['dialogues_right']:.1%} of {summary['dialogues']} dialogues, "
                  f"{summary['turns_right']:.1%} of {summary['turns']} turns fully right "
                  f"({summary['seconds']} s)", file=sys.stderr)
            if args.show_failures:
                print(f"\n## failures: {mode} / {split}\n{failures(outcomes)}\n")
    meta = (f"{datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC, {platform.machine()}, "
            f"{len(__import__('os').sched_getaffinity(0))} cores, LLM {args.llm}")
    text = f"Dialogue understanding ({meta})\n\n{table(results)}\n"
    print(text)
    if args.out:
        args.out.mkdir(parents=True, exist_ok=True)
        (args.out / "eval_dialogue.json").write_text(json.dumps({"meta": meta, "results": results}, indent=1),
                                                     encoding="utf-8")
        (args.out / "eval_dialogue.md").write_text("# " + text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
