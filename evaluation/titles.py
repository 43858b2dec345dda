"""Title recognition over the whole catalog: every film named in the forms people type, read by the rules.

`python -m evaluation.titles` builds, for each film of the catalog, one message per form below, reads it
with the rule reader (no index, no model) and counts the films it finds (as a reference, or as a film
seen, loved or hated). A film with a twin title under another id (MovieLens lists some films twice, and
remakes share a title) counts as found when the twin is. The messages are generated, not hand-picked, so
the figure measures the general capability rather than a list of examples.

| form | message |
|---|---|
| exact | something like {Title} |
| lower | anything like {title}? |
| no_article | something like {title without its leading the/a/an} |
| loved | i loved {title}, more like that pls |
| watched | we watched {title} last night and loved it. anything similar? |
| slip_like | something like {title with one letter dropped} |
| slip_loved | i loved {slip}, more like that pls |
| slip_seen | already seen {slip}. what else? |
| slip_in_zh | 看过{slip}了 推荐点类似的 |
| zh | 有没有类似《{Chinese title}》的电影 (films with a Chinese title in the alias list) |
| zh_bare | 想看{Chinese title}那种的 |

The slip drops one inner letter of a word of six letters or more (a seeded choice; titles with no such
word are left out of the slip forms).

Example:
    python -m evaluation.titles                # MovieLens, prints the table and a few misses per form
    python -m evaluation.titles --misses 0 --forms slip_like,slip_in_zh
"""
from __future__ import annotations

import argparse
import random
import re
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator

from catalog.loaders import load_catalog
from chat.parser import RuleRewriter
from chat.state import DialogueState
from recommender.pipeline import catalog_vocab

FORMS = ("exact", "lower", "no_article", "loved", "watched", "slip_like", "slip_loved", "slip_seen",
         "slip_in_zh", "zh", "zh_bare")


def slip(title: str, rng: random.Random) -> str | None:
    """`title` with one inner letter of one of its long words dropped, or None when it has no such word.
    Example: slip("crimson tide", rng) -> "crimsn tide" (which word and letter depend on rng)."""
    words = title.split()
    long = [i for i, w in enumerate(words) if len(w) >= 6 and w.isalpha()]
    if not long:
        return None
    i = rng.choice(long)
    j = rng.randrange(1, len(words[i]) - 1)
    words[i] = words[i][:j] + words[i][j + 1:]
    return " ".join(words)


def messages(title: str, chinese: list[str], rng: random.Random) -> Iterator[tuple[str, str]]:
    """(form, message) for one film called `title` (no year), with its Chinese titles."""
    low = title.lower()
    yield "exact", f"something like {title}"
    yield "lower", f"anything like {low}?"
    yield "no_article", "something like " + re.sub(r"^(?:the|a|an) ", "", low)
    yield "loved", f"i loved {low}, more like that pls"
    yield "watched", f"we watched {low} last night and loved it. anything similar?"
    slipped = slip(low, rng)
    if slipped is not None:
        yield "slip_like", f"something like {slipped}"
        yield "slip_loved", f"i loved {slipped}, more like that pls"
        yield "slip_seen", f"already seen {slipped}. what else?"
        yield "slip_in_zh", f"看过{slipped}了 推荐点类似的"
    for name in chinese[:1]:
        yield "zh", f"有没有类似《{name}》的电影"
        yield "zh_bare", f"想看{name}那种的"


def run(catalog_spec: str = "movielens", forms: Iterable[str] = FORMS, seed: int = 7
        ) -> tuple[Counter, Counter, dict[str, list[tuple[str, list[str]]]]]:
    """(messages per form, films found per form, misses per form as (message, titles found instead))."""
    catalog = load_catalog(catalog_spec)
    vocab = catalog_vocab(catalog)
    reader = RuleRewriter()
    rng = random.Random(seed)
    wanted = set(forms)
    total, found = Counter(), Counter()
    misses: dict[str, list[tuple[str, list[str]]]] = defaultdict(list)
    for item in catalog:
        chinese = [a for a in catalog.aliases.get(item.id, []) if re.search(r"[\u4e00-\u9fff]", a)]
        for form, text in messages(item.title, chinese, rng):
            if form not in wanted:
                continue
            ins = reader.rewrite(text, DialogueState(), vocab)
            got = set(ins.reference_ids) | {m.item_id for m in ins.mentions}
            total[form] += 1
            twins = {g for g in got if (other := catalog.get(g)) is not None and other.title == item.title}
            if item.id in got or twins:
                found[form] += 1
            else:
                misses[form].append((text, [catalog.get(g).title for g in got if catalog.get(g) is not None]))
    return total, found, misses


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m evaluation.titles", description=__doc__.split("\n\n")[0])
    p.add_argument("--catalog", default="movielens")
    p.add_argument("--forms", default=",".join(FORMS), help=f"comma-separated, from {', '.join(FORMS)}")
    p.add_argument("--seed", type=int, default=7, help="seed of the slips")
    p.add_argument("--misses", type=int, default=5, help="misses to print per form (seeded sample)")
    args = p.parse_args(argv)
    forms = [f.strip() for f in args.forms.split(",") if f.strip()]
    unknown = sorted(set(forms) - set(FORMS))
    if unknown:
        p.error(f"unknown form(s) {', '.join(unknown)}; choose from {', '.join(FORMS)}")
    t0 = time.perf_counter()
    total, found, misses = run(args.catalog, forms, args.seed)
    print(f"Title recognition on {args.catalog} ({time.perf_counter() - t0:.0f} s, rule reader)\n")
    print("| form | films found | of | share |\n|---|---|---|---|")
    for form in forms:
        if total[form]:
            print(f"| {form} | {found[form]} | {total[form]} | {found[form] / total[form]:.1%} |")
    rng = random.Random(args.seed)
    for form in forms:
        if args.misses and misses[form]:
            print(f"\nmissed ({form}):")
            for text, instead in rng.sample(misses[form], min(args.misses, len(misses[form]))):
                print(f"  {text!r} -> {instead or 'nothing'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
