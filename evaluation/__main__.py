"""The evaluation's command line: `python -m evaluation` (see evaluation/run.py for the protocol).
"""
from __future__ import annotations

import argparse
import json
import logging
import os
import time
from pathlib import Path

from evaluation.data import (
    ALL_RANKERS,
    DEFAULT_RANKERS,
    PROTOCOLS,
    REPORTS,
    VARIANTS,
    load_data,
)
from evaluation.report import claims, write_reports
from evaluation.run import evaluate


# --------------------------------------------------------------------------- CLI
def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="python -m evaluation", description=__doc__.split("\n\n")[0])
    p.add_argument("--protocol", choices=["n19", "n9", "both"], default="both")
    p.add_argument("--variant", choices=[*VARIANTS, "all"], default="all")
    p.add_argument("--rankers", default=",".join(DEFAULT_RANKERS),
                   help=f"comma-separated, from {', '.join(ALL_RANKERS)} ('llm' needs --llm)")
    p.add_argument("--users", type=int, default=None, help="evaluate a fixed random sample of N users (default: all 943)")
    p.add_argument("--seed", type=int, default=0, help="first seed")
    p.add_argument("--seeds", type=int, default=3, help="how many seeds (seed, seed+1, ...) for the spread")
    p.add_argument("--llm", default="off", help="LLM spec for the 'llm' ranker, e.g. llamacpp (see lm.make_llm)")
    p.add_argument("--llm-users", type=int, default=50, help="users in the LLM's fixed sample")
    p.add_argument("--llm-timeout", type=float, default=120.0, help="seconds per LLM call before the fast order is kept")
    p.add_argument("--llm-mode", choices=["item", "list"], default="item",
                   help="item: the app's ranking (one call per candidate, final order of LLMRanker.rank); "
                        "list: one call scoring every candidate (LLMRanker.rank_ids)")
    p.add_argument("--llm-fusion", type=lambda v: [float(x) for x in v.split(",") if x.strip()], default=[],
                   help="item mode: fast weights to fuse with the model's order (LLM weight 1), e.g. 0,0.7,1.4,3; "
                        "one model pass, one 'llm, fast weight w' row each ('llm' = the app's default)")
    p.add_argument("--name", default="eval_movielens", help="file stem of the reports")
    p.add_argument("--sasrec-epochs", type=int, default=None,
                   help="most epochs for SASRec and GRU4Rec (default 60; early stopping ends sooner)")
    p.add_argument("--sasrec-weight", type=float, default=0.5,
                   help="weight of SASRec in the fast+sasrec fusion (fast has 1.0)")
    p.add_argument("--sasrec-per-seed", action="store_true", help="retrain SASRec for every seed (slower)")
    p.add_argument("--stage", choices=["test", "valid"], default="test",
                   help="'valid' scores the validation targets (for tuning without touching the test)")
    p.add_argument("--fast-weights", type=json.loads, default=None,
                   help='FastScorer weight overrides as JSON, e.g. \'{"collab": 0.4}\'')
    p.add_argument("--update-epochs", type=int, default=None,
                   help="before the test stage, continue the sequential models' training for this many passes "
                        "over the sequences with every user's validation target (default: "
                        "recommender.sequential.UPDATE_EPOCHS; 0 = off, the RecBole protocol)")
    p.add_argument("--out", type=Path, default=REPORTS, help="folder for the .md/.json/.png reports")
    return p.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    rankers = [r.strip() for r in args.rankers.split(",") if r.strip()]
    llm = None
    if args.llm.lower() not in ("", "off", "none"):
        from lm import make_llm

        llm = make_llm(args.llm)
        if "llm" not in rankers:
            rankers.append("llm")
    if args.sasrec_epochs is not None:
        os.environ["RECSYS_SASREC_EPOCHS"] = str(args.sasrec_epochs)
    t0 = time.perf_counter()
    data = load_data()
    report = evaluate(
        data,
        protocols=list(PROTOCOLS) if args.protocol == "both" else [args.protocol],
        variants=VARIANTS if args.variant == "all" else [args.variant],
        rankers=rankers,
        seeds=[args.seed + i for i in range(args.seeds)],
        users=args.users,
        llm_users=args.llm_users,
        llm=llm,
        sasrec_per_seed=args.sasrec_per_seed,
        fast_weights=args.fast_weights,
        stage=args.stage,
        sasrec_weight=args.sasrec_weight,
        llm_timeout_s=args.llm_timeout,
        llm_mode=args.llm_mode,
        llm_fusion=args.llm_fusion,
        update_epochs=args.update_epochs,
    )
    report["meta"]["total_s"] = round(time.perf_counter() - t0, 1)
    for path in write_reports(report, args.out, args.name):
        print(f"wrote {path}")
    print("\n".join(claims(report)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
