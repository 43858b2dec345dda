"""LLM backend and ranker benchmark (not a test). Prints one table row per measurement.

    python benchmarks/bench_llm.py --backend llamacpp --size 1.5b      # load, prefill, decode, RSS
    python benchmarks/bench_llm.py --backend transformers              # first start (dequantise) and cached start
    python benchmarks/bench_llm.py --rank --backend llamacpp           # the LLM ranker on 8 real candidates
    python benchmarks/bench_llm.py --rank --baseline                   # ... and list mode, same process
    python benchmarks/bench_llm.py --pair                              # LLM rewriter + ranker per turn: one
                                                                       # shared llama.cpp context vs two

Run each backend in its own process (RSS is the process peak). Note the machine load: the figures
in the docs say under what CPU contention they were taken (`uptime` load average is printed).
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
for _k, _v in {"HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1", "HF_HUB_DISABLE_TELEMETRY": "1", "TOKENIZERS_PARALLELISM": "false"}.items():
    os.environ.setdefault(_k, _v)

PROMPT_WORDS = (
    "Toy Story (1995); animation, children's, comedy; 81 min; rating 8.2. GoldenEye (1995); action, "
    "adventure, thriller; 130 min; rating 7.2. Four Rooms (1995); thriller; 98 min; rating 6.7. "
)

# Languages alternate, as requests from different users do (a per-language prompt prefix would be
# evicted from llama.cpp's single KV cache at every switch).
QUERIES = [
    ("en", "a funny animated movie for kids"),
    ("zh", "适合孩子看的搞笑动画片"),
    ("en", "a tense thriller, not too long"),
    ("zh", "紧张刺激的惊悚片，不要太长"),
    ("en", "a classic drama with great reviews"),
    ("zh", "评分高的经典剧情片"),
    ("en", "something romantic from the 80s"),
    ("zh", "八十年代的科幻冒险片"),
    ("en", "a scary horror film, nothing for kids"),
    ("zh", "轻松的爱情喜剧"),
    ("en", "an epic adventure, long is fine"),
    ("zh", "不要动画片，来点犯罪片"),
]

def rss_gb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e6  # ru_maxrss is KiB on Linux


def load_avg() -> str:
    return " ".join(f"{x:.1f}" for x in os.getloadavg())


def make(backend: str, size: str):
    if backend == "llamacpp":
        from lm.llamacpp import LlamaCppLLM

        return LlamaCppLLM(size=size)
    from lm.hf import TransformersLLM

    return TransformersLLM(size)


def count_tokens(llm, text: str) -> int:
    if hasattr(llm, "tokenize_count"):
        return llm.tokenize_count(text)
    _, tok = llm.load()
    return len(tok(text, add_special_tokens=False)["input_ids"])


def bench_speed(backend: str, size: str, prompt_tokens: int, gen_tokens: int) -> dict:
    llm = make(backend, size)
    t0 = time.perf_counter()
    llm.load()
    load_s = time.perf_counter() - t0
    words = PROMPT_WORDS
    while count_tokens(llm, words) < prompt_tokens:
        words += PROMPT_WORDS
    messages = [
        {"role": "system", "content": "You are a helpful assistant."},
        {"role": "user", "content": words + "\nWrite a long essay comparing these films."},
    ]
    from lm import GenerateOptions

    n_prompt = count_tokens(llm, messages[0]["content"] + messages[1]["content"])
    start = time.perf_counter()
    first = None
    text = ""
    for piece in llm.stream(messages, GenerateOptions(max_tokens=gen_tokens)):
        if first is None:
            first = time.perf_counter()
        text += piece
    end = time.perf_counter()
    n_gen = count_tokens(llm, text)
    return {
        "backend": backend,
        "size": size,
        "loaded_from": getattr(llm, "loaded_from", "gguf"),
        "load_s": round(load_s, 2),
        "prompt_tokens": n_prompt,
        "prefill_tok_s": round(n_prompt / (first - start), 1),
        "gen_tokens": n_gen,
        "decode_tok_s": round((n_gen - 1) / (end - first), 1) if n_gen > 1 else None,
        "rss_gb": round(rss_gb(), 2),
        "threads": os.environ.get("RECSYS_LLM_THREADS") or os.cpu_count(),
        "load_avg": load_avg(),
    }


def list_ranker(llm, top: int | None):
    """The previous default, list mode (every candidate in one prompt), for a same-process baseline."""
    from recommender.rank import LLMRanker

    return LLMRanker(llm, timeout_s=120, mode="list", **({"max_candidates": top} if top else {}))


def pct(values: list[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100) of a small sample."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q / 100 * len(ordered) + 0.5) - 1))]


def bench_rank(
    backend: str, size: str, n_candidates: int, queries: int, baseline: bool = False, top: int | None = None, mode: str = "item"
) -> dict:
    from recommender.rank import LLMRanker

    llm = make(backend, size)
    t0 = time.perf_counter()
    llm.load()
    load_s = time.perf_counter() - t0
    # The LLM reorders the top `top` (default: the ranker's own default) of `n_candidates` cards.
    ranker = LLMRanker(llm, timeout_s=120, mode=mode, **({"max_candidates": top} if top else {}))
    # Prefix reuse: the 1st warm() prefills the fixed system prompt; a 2nd one on the same Llama
    # object finds it in the KV cache (llama-cpp-python's prefix match) and takes ~one token's time.
    t0 = time.perf_counter()
    ranker.warm()
    warm_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    ranker.warm()
    warm2_s = time.perf_counter() - t0
    print(json.dumps({"warm_s": round(warm_s, 2), "warm_again_s": round(warm2_s, 2), "load_avg": load_avg()}), flush=True)
    out = {"backend": backend, "size": size, "load_s": round(load_s, 2), "warm_s": round(warm_s, 2),
           "warm_again_s": round(warm2_s, 2), "threads": getattr(llm, "n_threads", None),
           "llm_ranked_top": ranker.max_candidates, "mode": mode}
    out.update(run_queries(ranker, n_candidates, queries, mode))
    if baseline:
        base = list_ranker(llm, top)
        base.warm()  # its own fixed prefix, so both modes start from a warm cache
        old = run_queries(base, n_candidates, queries, "list (baseline)")
        out["baseline_list_mode"] = old
        out["speedup_total_p50"] = round(old["total_p50_s"] / out["total_p50_s"], 2)
        out["speedup_first_p50"] = round(old["first_reason_p50_s"] / out["first_reason_p50_s"], 2)
    out["rss_gb"] = round(rss_gb(), 2)
    return out


def run_queries(ranker, n_candidates: int, queries: int, label: str) -> dict:
    from catalog.item import Item
    from recommender.grounding import is_grounded
    from chat.instruction import Instruction
    from recommender.types import Candidate

    with open(ROOT / "tests" / "data" / "tiny_movies.jsonl", encoding="utf-8") as f:
        items = [Item(**json.loads(line)) for line in f]
    firsts, totals, rows = [], [], []
    for qi, (lang, text) in enumerate(QUERIES[:queries]):
        # A different window of the catalog per query, so the model sees varied candidates.
        window = (items * 2)[qi * 3 :][:n_candidates]
        cands = [Candidate(item=it, score=1 - i / 20) for i, it in enumerate(window)]
        first = None
        for u in ranker.rank(Instruction(language=lang), cands, instruction_text=text):
            if u.reasons and first is None:
                first = u.elapsed_s
        firsts.append(first if first is not None else float("nan"))
        totals.append(u.elapsed_s)
        grounded = sum(is_grounded(r, next(c.item for c in cands if c.item.id == i)) for i, r in u.reasons.items())
        rows.append(
            {
                "prompt": label,
                "lang": lang,
                "query": text,
                "first_reason_s": round(firsts[-1], 2),
                "total_s": round(u.elapsed_s, 2),
                "reasons": len(u.reasons),
                "refused": u.refused,
                "grounded": grounded,
                "ranked_by": u.ranked_by,
                "notes": u.notes,
                "top3": [next(c.item.title for c in cands if c.item.id == i) for i in u.order[:3]],
                "reasons_by_title": {next(c.item.title for c in cands if c.item.id == i): r for i, r in u.reasons.items()},
                "load_avg": load_avg(),
            }
        )
        print(json.dumps(rows[-1], ensure_ascii=False), flush=True)
    return {
        "candidates": n_candidates,
        "queries": len(rows),
        "first_reason_p50_s": round(statistics.median(firsts), 2),
        "first_reason_p95_s": round(pct(firsts, 95), 2),
        "total_p50_s": round(statistics.median(totals), 2),
        "total_p95_s": round(pct(totals, 95), 2),
        "total_max_s": round(max(totals), 2),
        "ranked_by_llm": sum(r["ranked_by"] == "llm" for r in rows),
        "grounded_share": round(sum(r["grounded"] for r in rows) / max(1, sum(r["reasons"] for r in rows)), 2),
        # model reasons shown / model reasons written (the rest were refused by recommender.grounding)
        "kept_share": round(sum(r["reasons"] for r in rows) / max(1, sum(r["reasons"] + r["refused"] for r in rows)), 2),
        "reasons_per_list": round(statistics.mean(r["reasons"] for r in rows), 1),
        "load_avg": load_avg(),
    }


def bench_pair(size: str, turns: int) -> dict:
    """Turns of (LLM rewriter, then LLM ranker), first with both on one llama.cpp context (each
    evicts the other's cached prefix), then with the rewriter on `second_context()`; same process."""
    from catalog.item import Item
    from chat.instruction import CatalogVocab, Instruction
    from chat.rewriter import LLMRewriter
    from chat.state import DialogueState
    from lm.llamacpp import LlamaCppLLM
    from recommender.rank import LLMRanker
    from recommender.types import Candidate

    with open(ROOT / "tests" / "data" / "tiny_movies.jsonl", encoding="utf-8") as f:
        items = [Item(**json.loads(line)) for line in f]
    vocab = CatalogVocab(genres=sorted({g for it in items for g in it.genres}))
    llm = LlamaCppLLM(size=size)
    llm.load()
    out: dict = {"size": size, "turns": turns}
    for label, rewriter_llm in [("one shared context", llm), ("second context for the rewriter", llm.second_context())]:
        rewriter, ranker = LLMRewriter(rewriter_llm, timeout=120), LLMRanker(llm, timeout_s=120)
        ranker.warm()
        rewriter.rewrite("warm-up: a comedy", DialogueState(), vocab)  # the rewriter's own prefix
        times = []
        for qi, (lang, text) in enumerate((QUERIES * 2)[:turns]):
            window = (items * 2)[qi * 3 :][:8]
            t0 = time.perf_counter()
            rewriter.rewrite(text, DialogueState(), vocab)
            for _ in ranker.rank(Instruction(language=lang), [Candidate(item=it) for it in window], instruction_text=text):
                pass
            times.append(time.perf_counter() - t0)
            print(json.dumps({"setup": label, "lang": lang, "turn_s": round(times[-1], 2), "load_avg": load_avg()}, ensure_ascii=False), flush=True)
        out[label] = {"turn_p50_s": round(statistics.median(times), 2), "turn_max_s": round(max(times), 2), "rss_gb": round(rss_gb(), 2)}
    out["speedup_p50"] = round(out["one shared context"]["turn_p50_s"] / out["second context for the rewriter"]["turn_p50_s"], 2)
    out["load_avg"] = load_avg()
    return out


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--backend", choices=["llamacpp", "transformers"], default="llamacpp")
    p.add_argument("--size", default="1.5b")
    p.add_argument("--prompt-tokens", type=int, default=600)
    p.add_argument("--gen-tokens", type=int, default=150)
    p.add_argument("--rank", action="store_true", help="benchmark the LLM ranker instead")
    p.add_argument("--candidates", type=int, default=8, help="cards in the list (the UI shows 8)")
    p.add_argument("--top", type=int, default=None, help="how many the LLM reorders (default: LLMRanker's)")
    p.add_argument("--queries", type=int, default=12)
    p.add_argument("--baseline", action="store_true", help="with --rank: also list mode (the previous default), same process")
    p.add_argument("--mode", choices=["item", "list"], default="item", help="with --rank: the ranker's mode")
    p.add_argument("--pair", action="store_true", help="LLM rewriter + ranker turns: shared context vs two")
    p.add_argument("--turns", type=int, default=4, help="with --pair")
    a = p.parse_args()
    if a.pair:
        out = bench_pair(a.size, a.turns)
    elif a.rank:
        out = bench_rank(a.backend, a.size, a.candidates, a.queries, a.baseline, a.top, a.mode)
    else:
        out = bench_speed(a.backend, a.size, a.prompt_tokens, a.gen_tokens)
    print(json.dumps(out, ensure_ascii=False))


if __name__ == "__main__":
    main()
