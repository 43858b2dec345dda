"""Dialogue acts the rule reader recognises beyond constraints: moods, paging, films the user has
seen / loved / hated, what a question asks, people, and turns with nothing to act on.

Each reader takes the `Work` text of the parser, consumes what it understood (so those words are
never searched as free text: "lighter please" must not find *The Unbearable Lightness of Being*)
and returns a typed result. Words live in chat/lexicon.py.

Example:
    moods(Work.of("something lighter, less violent"), ["comedy", "war", "action"])
    # -> Moods(names=["lighter", "less violent"], prefer=["comedy"], avoid=["war", "action"])
"""
from __future__ import annotations

import re

from chat import rx
import unicodedata
from dataclasses import dataclass, field

from chat import lexicon as L
from chat import sentiment
from chat.instruction import CatalogVocab, ListPick, Mention, Opinion, QuestionKind
from chat.text import _CJK, Work, clauses, fold, negated
from chat.words import is_word


# --------------------------------------------------------------------------- moods
@dataclass
class Moods:
    names: list[str] = field(default_factory=list)
    prefer: list[str] = field(default_factory=list)
    avoid: list[str] = field(default_factory=list)


def moods(w: Work, genres: list[str]) -> Moods:
    """Mood words -> soft genre leanings (lexicon.MOODS), restricted to the catalog's genres.
    A negated mood turns its leaning around: "nothing sad" avoids what "sad" prefers."""
    out = Moods()
    allowed = set(genres)
    # A catalog genre written literally ("cozy mystery" in a books catalog) is a genre, not a mood.
    literal = [(m.start(), m.end()) for g in genres if " " in g
               for m in rx.finditer(rf"(?<![a-z]){re.escape(g.lower())}", w.low)]

    def add(mood: L.Mood, flipped: bool) -> None:
        prefer, avoid = (mood.avoid, mood.prefer) if flipped else (mood.prefer, mood.avoid)
        name = f"not {mood.name}" if flipped else mood.name
        if name not in out.names:
            out.names.append(name)
        out.prefer += [g for g in prefer if g in allowed and g not in out.prefer]
        out.avoid += [g for g in avoid if g in allowed and g not in out.avoid]

    for mood in L.MOODS:
        hits: list[tuple[int, int]] = []
        if mood.en:
            # (ASCII word edges: an English mood word typed inside Chinese counts too, "来点cozy的", "想看点dark一点的")
            hits += [(m.start(), m.end()) for m in rx.finditer(mood.en, w.low, flags=re.ASCII)]
        hits += [(s, e) for s, e, _ in w.find_zh(sorted(mood.zh, key=len, reverse=True))]
        for s, e in sorted(hits):
            if w.low[s:e].strip() == "" or any(a <= s < b for a, b in literal):
                continue  # consumed by a longer mood, or part of a literal genre
            # "太沉重", "too dark": a complaint, a wish for the other way ("lighter")
            before = w.low[max(0, s - 30):s]
            too = (bool(rx.search(L.MOOD_COMPLAINT_BEFORE, before))
                   or mood.name in L.COMPLAINED_OF_MOODS and bool(rx.search(L.MOOD_SAID_OF_LIST, before))) \
                and w.low[s:e].strip() not in L.VIEWER_STATE_WORDS
            # "不想看太血腥的", "don't want anything too dark": negated and "too" both turn it around (once)
            # "not depressing" in "films that aren't too long and not depressing": the words carry their own
            # negation, so one said before them does not turn the mood around again
            own = bool(rx.match(r"(?:not|nothing|less|no|without|never|non)\b", w.low[s:e]))
            add(mood, flipped=not mood.negates and not own and (negated(w.low, s) or too))
            w.consume(s, e)
    out.prefer = [g for g in out.prefer if g not in out.avoid]
    return out


def add_mood(out: Moods, name: str, genres: list[str]) -> None:
    """Add the named mood's leanings to `out` (when another reader found the words)."""
    mood = next(m for m in L.MOODS if m.name == name)
    allowed = set(genres)
    if name not in out.names:
        out.names.append(name)
    out.prefer += [g for g in mood.prefer if g in allowed and g not in out.prefer]
    out.avoid += [g for g in mood.avoid if g in allowed and g not in out.avoid and g not in out.prefer]


# --------------------------------------------------------------------------- paging
def paging(w: Work) -> bool:
    """True for "more", "other options", "show me different ones", "换一批", "还有别的吗"
    (consumed). "more like #1", "more recent" and "more westerns" with a new genre are no paging:
    the first two are read before this, the last keeps its genre words for the caller to weigh."""
    hit = False

    def on(m: re.Match) -> bool:
        nonlocal hit
        hit = True
        return True

    w.sub(L.PAGING_EN, on)
    if not hit and len(clauses(fold(w.text))) > 1:
        # a clause that only asks for others, after another: "seen #2. others?", "not #2, any others?"
        for s, e in clauses(w.low):
            m = rx.search(L.PAGING_BARE_EN, w.low[s:e].strip())
            if m is not None:
                w.consume(s, e)
                hit = True
    w.sub(L.PAGING_ZH_RX, on)  # "再看看别的", "整点不一样的"
    w.sub(L.PAGING_MIXED, on)  # "给我 more", "还有 others 吗"
    for s, e, _ in w.find_zh(sorted(L.PAGING_ZH, key=len, reverse=True)):
        if w.low[s:e].strip():
            w.consume(s, e)
            hit = True
    return hit


def paging_spans(w: Work) -> list[tuple[int, int]]:
    """Where `w` asks for more of the same ("show me a few more, please"), read on a copy: the
    spans `paging` would consume, left in `w` for the readers of counts."""
    copy = Work(text=w.text, low=w.low)
    paging(copy)
    return [m.span() for m in rx.finditer(r" +", copy.low) if w.low[m.start():m.end()].strip()]


def picked_card(low: str, cards: int) -> int | None:
    """The position of a card chosen by its number alone ("2", "i'll take #3", "number 4 pls"), when
    the list shown has that many cards; else None."""
    m = rx.match(L.PICKED_CARD_EN, low)
    n = int(m.group("n")) if m else 0
    return n if 0 < n <= cards else None


# --------------------------------------------------------------------------- titles in the text
@dataclass
class Spotted:
    mentions: list[Mention] = field(default_factory=list)
    reference_ids: list[str] = field(default_factory=list)
    reference_titles: list[str] = field(default_factory=list)
    unplaced: list[Mention] = field(default_factory=list)  # titles with no cue the rules know (hybrid asks)
    excluded: list[str] = field(default_factory=list)  # films turned down by name ("别再是蝙蝠侠了")


def spot(w: Work, vocab: CatalogVocab, shown: list[str], context: list[str] | tuple[str, ...] = (),
         before: Opinion | None = None, listed: tuple[int, Opinion] | None = None,
         words: list[tuple[int, int]] | None = None) -> Spotted:
    """Catalog titles written in the message (English titles, Chinese titles), read by the cues of
    their clause: seen / loved / hated -> a Mention; "like", "类似", "那种" -> a reference; loved and
    "something similar" -> both. Titles of the shown list are left to the feedback reader.
    A series named with a word of quantity ("the first two Godfathers", "星球大战三部曲") is every
    film it means, read by the same cues; `context`: ids the dialogue named before, whose series'
    members may be called by a short word ("Empire and Jedi too"). `before`: what the user last said
    of a film ("Army of Darkness too" after "seen Evil Dead II" is seen as well). `listed`: where a
    list of films read before ends, and what was said of it (`seen_run`). `words`: spans that are the
    request's own words, no title ("show me a few more" names no film "The Show"; `paging_spans`).

    Example: "我女儿超喜欢玩具总动员，还有类似的吗" -> Mention(Toy Story, loved) and reference Toy Story
    """
    out = Spotted()
    hits = [h for h in vocab.find_titles(w.text, None) if w.low[h[0]:h[1]].strip()]
    hits = sorted(hits + misspelt_titles(w, vocab, hits))
    hits = sorted(hits + short_zh_titles(w, vocab, hits))
    hits = [h for h in hits if not any(a <= h[0] and h[1] <= b for a, b in words or ())]
    series = [(s, e, ids) for s, e, ids in vocab.find_series(w.text, [*context, *(h[2] for h in hits)])
              if w.low[s:e].strip()]
    # a member's short word inside a whole title is that title's ("Army of Darkness" is no "Army" and "Darkness")
    series = [(s, e, ids) for s, e, ids in series if not any(a <= s and e <= b and e - s < b - a for a, b, _ in hits)]
    if series:
        # a series span holds its titles ("星球大战三部曲" holds 星球大战): one hit per film it means
        hits = [h for h in hits if all(h[1] <= s or h[0] >= e for s, e, _ in series)]
        hits = sorted(hits + [(s, e, i) for s, e, ids in series for i in ids])
    # films called by a part of the title ("Raiders and Last Crusade are my comfort movies"): taken
    # only with a cue of their own, below
    parts = [(s, e, i) for s, e, i in vocab.find_parts(w.text, None) if w.low[s:e].strip()
             and all(e <= a or s >= b for a, b, _ in hits) and i not in {h[2] for h in hits}]
    hits = sorted(hits + parts)
    if not hits:
        return out
    similar_anywhere = bool(rx.search(L.SIMILAR_ANAPHOR_EN, w.low)) or any(c in w.low for c in L.SIMILAR_ANAPHOR_ZH)
    spans = clauses(w.low)
    short = len(rx.findall(r"\w+", w.low)) <= 8
    low = w.low  # cues are read before anything is consumed: "seen X and Y" is about both
    consume: list[tuple[int, int]] = []
    verdicts: list[tuple[int, int]] = []  # later clauses that only said how a film was
    for_cards: list[tuple[int, int, str]] = []  # shown cards named by title, with the words after them: the feedback reader's
    like_list_end: int | None = None  # where the clause of the last film wished for "like" ends
    # where the last film with an opinion ends, and that opinion (`listed` at first)
    for s, e, item_id in hits:
        cs, ce = next(((a, b) for a, b in spans if a <= s < b), (0, len(low)))
        others = [(a, b) for a, b, _ in hits if (a, b) != (s, e)]
        others_blank = "".join(" " if any(a <= k < b for a, b in others) else ch for k, ch in enumerate(low))
        others_blank = _asides_of_others(others_blank, s, others)
        aside = next((m for m in rx.finditer(r"[(（][^()（）]{2,120}[)）]", low) if m.start() < s and e < m.end()), None)
        if aside is not None and others and not any(aside.start() < a < aside.end() for a, _b in others):
            # the film's own aside: "(the lost world was kinda bad tbh)" (not a list in brackets, "(pulp fiction,
            # reservoir dogs)", whose films share what is said around it)
            cs, ce = aside.start() + 1, aside.end() - 1
        clause = others_blank[cs:s] + " " + others_blank[e:ce]  # the clause without the titles' own words
        title = w.text[s:e]
        opinion: Opinion | None = None
        # "if you liked Unforgiven, ...": someone else's taste, supposed; the user's own verdict may follow
        clause = rx.sub(r"\bif (?:you|u|one|someone|people) (?:liked|loved|enjoyed|like|love|enjoy)\b", " ", clause)
        near = low[max([b for a, b in others if cs <= a and b <= s] + [cs]):s]
        own = _said_right_after(others_blank, e, ce) if others else ""
        own_verdict = ("hated" if _hated_cue(own) else "loved" if _loved_cue(own) or sentiment.verdict(own) == "loved"
                       else None) if own.strip() else None
        # (dev37) a film said to be so-so right after it keeps that, whatever the clause says of another
        # (a verdict taken back, "其实落水狗也就那样", is the reader of changed verdicts')
        lukewarm = own_verdict is None and bool(rx.match(L.LUKEWARM_ZH, others_blank[e:ce])) \
            and not rx.search(L.VERDICT_REVISED_ZH, low[cs:s])
        if own_verdict is not None:
            # "人鬼情未了也封神 西雅图夜未眠一般般", "scream was a banger but scream 2 was mid": among several films,
            # each has the verdict said right after it
            opinion = own_verdict
        elif lukewarm:
            opinion = "seen"  # "但是《这个杀手不太冷》一般", "真实的谎言还行吧": watched, neither loved nor hated
        elif _hated_cue(clause) and _loved_cue(clause) and others and _hated_cue(near) != _loved_cue(near):
            # (one film alone: "rewatched pulp fiction and it aged badly" is a letdown, below)
            # "we both hated pretty woman and loved groundhog day": each film has the verdict said right before it
            opinion = "hated" if _hated_cue(near) else "loved"
        elif _hated_cue(clause):
            opinion = "hated"
        elif _loved_cue(clause):
            opinion = "loved"
        elif _seen_cue(clause):
            opinion = "seen"
        if opinion is None:
            # "if you liked Unforgiven, what else would you watch? (I did, a lot)": an aside answers for the film
            nxt_hit = min([hs for hs, _he, _ in hits if hs >= e] + [len(low)])
            for aside in rx.finditer(r"\(([^()]{2,60})\)", low[e:nxt_hit]):
                inner = aside.group(1)
                opinion = ("hated" if _hated_cue(inner) else
                           "loved" if _loved_cue(inner) else
                           "seen" if _seen_cue(inner) else None)
                if opinion is not None:
                    break
        if opinion is None:
            # "full metal jacket is out, seen it", "Heat - already watched it": the next clause says it of this film
            nxt = _clauses_after(spans, ce, hits, low)[:1]
            if nxt and rx.match(_SEEN_IT_NEXT, low[nxt[0][0]:nxt[0][1]]):
                opinion = "seen"
        by_words = opinion is None
        if opinion is None and item_id not in shown and rx.search(L.UNLIKE_BEFORE, low[max(0, s - 24):s]):
            # "nothing like titanic", "不要像泰坦尼克号那样的" (no reference in force by that name): not the kind
            # wanted, and not itself either
            out.excluded += [item_id] if item_id not in out.excluded else []
            consume.append((s, e))
            continue
        let_go = negated(low, s, e) or rx.search(L.DROP_BEFORE_EN, low[max(0, s - 16):s])  # (dev33: "forget heat")
        if opinion is None and item_id not in shown and let_go and not rx.search(_ASKS_BACK_ZH, clause) \
                and not _cue(clause, L.SIMILAR_EN, L.SIMILAR_ZH):
            # "别再是蝙蝠侠了", "不要再推星球大战", "教父系列的就算了": no more of that film (its series
            # too, when it is the series' first film, as its name is the series'): left out, no verdict
            out.excluded += [i for i in _series_called(vocab, title, item_id) if i not in out.excluded]
            consume.append((s, e))
            continue
        # a verdict typed right after the title, a space before what follows: "泰坦尼克号看哭了 有类似的吗"
        # (another film named there is no verdict: "教父和异形都看过了" says nothing bad of 教父)
        # (or after a space: "看了小鬼当家 笑得不行 还有类似的吗")
        said_right_after = rx.match(r"\s?([\u4e00-\u9fff]{2,8})(?=\s|$)", others_blank[e:ce])
        said_right_after = said_right_after.group(1) if said_right_after and not _cue(
            said_right_after.group(1), _FRAME_EN, _FRAME_ZH) else ""
        if opinion in (None, "seen") and not lukewarm:
            # open-ended ways of saying it: "rewatched it a dozen times", "看得我想睡觉", "结局绝了"
            opinion = sentiment.verdict(clause) or (sentiment.verdict(said_right_after) if said_right_after else None) \
                or opinion
        turn = next(((a, b) for a, b in spans if a >= ce), None)
        if opinion is not None and turn is not None and rx.search(_CONTRAST, low[ce:turn[0]]) \
                and not any(turn[0] <= hs < turn[1] for hs, _he, _ in hits):
            # "everyone said X was a masterpiece but it put me to sleep": what follows "but" is the verdict
            later = low[turn[0]:turn[1]]
            said = ("hated" if _hated_cue(later) else
                    "loved" if _loved_cue(later) else sentiment.verdict(later))
            opinion = said or opinion
        inherited = False
        if opinion is None and listed is not None and rx.fullmatch(_LIST_JOIN, low[listed[0]:s]):
            opinion, inherited = listed[1], True  # "seen GoodFellas, Casino and the first two Godfathers"
        if opinion is None:
            # "Heat, Ronin and Casino all watched": the cue after the last film of a list is the list's
            k = hits.index((s, e, item_id))
            while k + 1 < len(hits) and (hits[k + 1][0] < hits[k][1] or rx.fullmatch(_LIST_JOIN, low[hits[k][1]:hits[k + 1][0]])):
                k += 1
            if k > hits.index((s, e, item_id)):
                ls, le, _ = hits[k]
                lcs, lce = next(((a, b) for a, b in spans if a <= ls < b), (0, len(low)))
                tail = low[le:lce]
                said = ("hated" if _hated_cue(tail) else "loved" if _loved_cue(tail)
                        else "seen" if _seen_cue(tail) else None)
                if said is not None:
                    opinion, inherited = said, True
        if opinion is None and rx.match(r"\s*(?:and|also|plus|&|as well as)\b", low[cs:s]):
            # "already seen it obviously, and dead man walkin": a clause joined by "and" to one with a cue
            prev = next(((a, b) for a, b in reversed(spans) if b <= cs and low[a:b].strip()), None)
            if prev is not None and not any(prev[0] <= hs < prev[1] for hs, _he, _ in hits):
                said = ("hated" if _cue(low[prev[0]:prev[1]], L.HATED_EN, ()) else
                        "loved" if _cue(low[prev[0]:prev[1]], L.LOVED_EN, ()) else
                        "seen" if _cue(low[prev[0]:prev[1]], L.SEEN_CUE_EN, ()) else None)
                if said is not None:
                    opinion, inherited = said, True
            elif prev is not None and _cue(low[prev[0]:prev[1]], L.SEEN_CUE_EN, ()) \
                    and not rx.search(r"\?", low[cs:ce]):
                # "they've seen toy story a million times, and the lion king": another film seen, whatever
                # else was said of the first
                opinion, inherited = "seen", True
        if opinion is None and before is not None and _cue(clause, _ALSO_EN, _ALSO_ZH) \
                and not rx.match(r"[\s,;:-]*(?:" + L.SIMILAR_ANAPHOR_EN + ")", low[ce:]) \
                and not _cue(clause, L.SIMILAR_EN + "|" + L.MODEL_AFTER_EN, L.SIMILAR_ZH) \
                and not rx.match(r"[\s,;:-]*(?:(?:that|this|the same)\s+)?(?:" + L.MODEL_AFTER_EN + ")", low[ce:]):
            # ("dead poets society too, same kind of vibe": a second film of the kind wanted, no verdict passed on)
            # (not "also 重庆森林 type stuff" after "my gf loves 霸王别姬": a film of the kind wanted, no verdict)
            opinion, inherited = before, True  # "Empire and Jedi too" after "I grew up on Star Wars"
            for a, b in _clauses_after(spans, ce, hits):  # "Army of Darkness too, seen it": said here, it wins
                later = low[a:b]
                if _cue(later, L.HATED_EN, L.HATED_ZH) or _cue(later, L.LOVED_EN, L.LOVED_ZH):
                    break
                if _cue(later, L.SEEN_CUE_EN, L.SEEN_CUE_ZH):
                    opinion = "seen"
                    break
        if opinion in (None, "seen") and not lukewarm:
            # "《风月俏佳人》看过了，不喜欢", "seen Heat. loved it": the verdict in the next clauses, up to
            # the next film named
            for a, b in _clauses_after(spans, ce, hits, low):
                later = low[a:b]
                if rx.match(_VERDICT_ON_ANOTHER, later):
                    break  # "loved forest gump, hated titanic": that verdict has a film of its own
                if _hated_cue(later):
                    opinion = "hated"
                    break
                if _loved_cue(later):
                    opinion = "loved"
                    break
                said = sentiment.verdict(later)
                if said is not None:
                    opinion = said
                    break
        bare = clause
        for a, b in sentiment.cue_spans(clause):  # "like a hundred times" asks for nothing like it
            bare = bare[:a] + " " * (b - a) + bare[b:]
        similar = _cue(bare, L.SIMILAR_EN, L.SIMILAR_ZH)
        if rx.search(L.COMPARED_BEFORE_ZH, low[cs:s]) and rx.match(L.COMPARED_AFTER_ZH, low[e:ce]):
            opinion, similar = None, True  # "比《阿甘正传》轻松一点的": the film is the measure, no verdict on it
        if not similar and like_list_end is not None and rx.fullmatch(_LIST_GO_ON, clause) \
                and rx.fullmatch(r"[\s,;/&]*", low[like_list_end:cs]):
            similar = True  # "think Fargo, Raising Arizona, The Big Lebowski": the list of examples goes on
        # what follows up to the next film named: "Heat is a masterpiece, already seen it"
        nxt = min([hs for hs, _he, _ in hits if hs >= e] + [len(low)])
        around = clause + " " + low[ce:nxt]
        if by_words and opinion is not None and _cue(clause, _FRAME_EN, _FRAME_ZH) \
                and not (said_right_after and sentiment.verdict(said_right_after) == opinion):
            opinion = None  # "异形那样的也行": a wish for films like it, not a verdict on it
            # (a verdict typed right after the title, a space before the wish, is one: 看哭了 above)
        if (s, e, item_id) in parts and opinion is None and not similar:
            continue  # a part of a title with nothing saying it is a film: a word
        if item_id in shown and opinion is None and similar and rx.search(L.ONES_ZH, w.text):
            pass  # "类似《引鹅入室》那样的": ones like that card, within the request in force (a reference)
        elif item_id in shown and not inherited and (opinion is None or opinion == "loved" and not rx.search(L.PAST_EN, around)
                                 and not _seen_cue(around)
                                                                   and not _cue(around, L.FAN_EN, L.FAN_ZH)
                                                                   # "event horizon? not my thing", "Congo looks awful":
                                                                   # how a card looks, no word of having watched it
                                                                   or opinion == "hated" and around.isascii()
                                                                   and not rx.search(L.PAST_EN, around)
                                                                   and not _seen_cue(around)):
            # ("辛德勒的名单封神 勇敢的心还不错 英国病人真的看不下去": the card and what is said right after it stay
            # for that reader, even where no comma parts it from another film's clause)
            nxt_hit = min([hs for hs, _he, _ in hits if hs >= e] + [ce])
            after = low[e:nxt_hit]
            if _hated_cue(after) or _loved_cue(after) or sentiment.verdict(after) is not None:
                for_cards.append((s, nxt_hit, item_id))  # ("沉默的羔羊也是" says nothing of its own: no card kept)
            continue  # "Heat is perfect": feedback on the shown card, read by the feedback reader
        if opinion is not None:
            listed = (e, opinion)
            out.mentions.append(Mention(item_id=item_id, title=title, opinion=opinion))
            verdicts += _verdict_clauses(low, spans, ce, hits, vocab)
            if _CJK.search(clause) and not similar and not any(r in clause for r in _ASKS_ZH) \
                    and not any(a < ce and cs < b for a, b, _ in series if (a, b) != (s, e)) \
                    and not any(word in clause for word in _WHO_WATCHES_ZH):  # "我女儿超喜欢X": who watches stays
                # "泰坦尼克号剧情太拖沓", "侏罗纪公园太吓人了": the clause's words describe the film (剧情 is
                # its plot, not the genre wished for); it asks for nothing
                verdicts.append((cs, ce))
            if opinion == "loved" and (similar or similar_anywhere) or opinion == "seen" and similar_anywhere:
                out.reference_ids.append(item_id)
                out.reference_titles.append(title)
        elif similar or (short and not chatty(w.low)):  # "good morning!" is no wish for *Good Morning*
            out.reference_ids.append(item_id)
            out.reference_titles.append(title)
            like_list_end = ce if similar else None
        else:
            out.unplaced.append(Mention(item_id=item_id, title=title))
            continue
        consume.append((s, e))
        if low[s - 1:s] in "《“\"" and low[e:e + 1] in "》”\"" and s > 0:
            consume.append((s - 1, e + 1))  # the quotes around it too
        for cue_en in (L.HATED_EN, L.LOVED_EN, L.SEEN_CUE_EN, L.FAN_EN):  # "is a classic" is about the film, not a period
            consume += [(cs + m.start(), cs + m.end()) for m in rx.finditer(cue_en, low[cs:ce])]
        for word in (*L.HATED_ZH, *L.LOVED_ZH, *L.SEEN_CUE_ZH, *L.FAN_ZH):  # "看过了" is said of the film, not searched
            consume += [(cs + m.start(), cs + m.end()) for m in rx.finditer(re.escape(word), low[cs:ce])]
        if opinion is not None or not similar:
            # ("阿甘正传和肖申克这种 感人一点的": the words of a film wanted describe the films asked for)
            consume += [(cs + a, cs + b) for a, b in sentiment.cue_spans(low[cs:ce])]  # "看了八百遍"
    for ss, se, _ids in series:
        # "教父三部曲都看过了，第三部有点拉胯": what is said of another film of the series asks for nothing
        for a, b in spans:
            later = low[a:b]
            if a >= se and rx.match(r"\s*(?:" + _OTHER_FILM + ")", later) and not any(a <= hs < b for hs, _he, _ in hits) \
                    and not (rx.search(_ASKS_EN, later) or any(r in later for r in _ASKS_ZH)):
                consume.append((a, b))
    # (a card a later verdict took in as a film seen, "七宗罪超好看 沉默的羔羊也是", is no longer kept for cards)
    kept = [(a, b) for a, b, i in for_cards if i not in {m.item_id for m in out.mentions}]
    for s, e in consume + verdicts:
        for a, b in _outside((s, e), kept):
            w.consume(a, b)
    return out


def _outside(span: tuple[int, int], kept: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The parts of `span` outside every range in `kept`. Example: (0, 20) less [(5, 9)] -> [(0, 5), (9, 20)]"""
    parts = [span]
    for ka, kb in kept:
        parts = [p for a, b in parts for p in ((a, min(b, ka)), (max(a, kb), b)) if p[1] > p[0]]
    return parts


# A clause that only goes on with a list of films: "..., Raising Arizona", "or The Big Lebowski."
_LIST_GO_ON = r"[\s,;/&.!?]*(?:(?:and|or|plus|maybe|even)\s+)?(?:the\s+)?[\s.!?]*"

# Who watches ("女儿", "孩子"): said with a film, still a wish for films for them.
_WHO_WATCHES_ZH = next(m.zh for m in L.MOODS if m.name == "family")
# "没有类似X的吗", "有没有X": a question about the film, not a refusal of it.
_ASKS_BACK_ZH = r"有没有|没有.*吗|吗[\s?？]*$"


def _series_called(vocab: CatalogVocab, title: str, item_id: str) -> list[str]:
    """The films "X" means when the user turns X down: X's whole series when X is its first film
    ("蝙蝠侠" -> the four Batman films), else X alone. Example: -> ["403", "231", "29", "254"]"""
    probe = f"{title}系列" if _CJK.search(title) else f"{title} series"
    for s, e, ids in vocab.find_series(probe, [item_id]):
        if s == 0 and ids and ids[0] == item_id:
            return list(ids)
    return [item_id]


# A film named as the measure of a wish: "X那样的", "like X", "类似X".
_FRAME_EN = r"\b(?:like|similar to|along the lines of|in the vein of)\b|-style\b|\bstyle\b|-(?:ish|esque)\b"
_FRAME_ZH = ("那样", "那种", "这种", "这样的", "一样", "类似", "差不多", "风格", "一类")
# A turn of thought between two clauses: the second one's verdict is the user's.
_CONTRAST = r"\b(?:but|however|though)\b|但是|不过|可是|但"
# Between two films of one list: "X, Y and Z", "X和Y".
_LIST_JOIN = r"[\s,;、，]*(?:(?:and|or|&|plus|n|\+|as well as|和|跟|与|及|还有)[\s,、，]*)?"
# "too", "as well": a clause that says of its films what the last turn said of another.
_ALSO_EN = r"\b(?:too|as well|also)\b"
_ALSO_ZH = ("也", "同样")


# A run of capitalised words, as a title is written: "Tomorow Never Dies", "Shawshank Redemtion".
_CAPITALISED_RUN = re.compile(r"(?<![\w'])[A-Z][A-Za-z'-]+(?:\s+(?:(?:of|the|and|a|an|in|on|to|for|with|at|from)\s+)*"
                              r"(?:[A-Z][A-Za-z'-]*|\d{1,4}))+")
MISSPELT_TITLE_MIN = 0.9  # fuzzy score (0..1) a misspelt title needs


def misspelt_titles(w: Work, vocab: CatalogVocab, taken: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Titles written with a slip, found as a run of capitalised words holding a word that is no
    English word, matched fuzzily (score >= MISSPELT_TITLE_MIN): "Tomorow Never Dies was meh".
    A run of real words ("Good Morning Everyone") is left alone: no slip, no guess.
    Example: -> [(0, 18, "<id of Tomorrow Never Dies>")]"""
    out: list[tuple[int, int, str]] = []
    for m in _CAPITALISED_RUN.finditer(w.text):
        s, e = m.start(), m.end()
        if any(a < e and s < b for a, b, _ in taken) or not w.low[s:e].strip():
            continue
        words = m.group(0).split()
        if all(is_word(t.strip("'-")) or t.isdigit() for t in words):
            continue
        for skip in (0, 1):  # "Loved Tomorow Never Dies": the run may start with a word of the sentence
            if len(words) - skip < 2:
                break
            start = s if skip == 0 else s + m.group(0).index(words[1], len(words[0]))
            hits = vocab.match_title(w.text[start:e])
            if hits:
                item_id, score = hits[0]
                score = score / 100.0 if score > 1 else score
                if score >= MISSPELT_TITLE_MIN:
                    out.append((start, e, str(item_id)))
                    break
    return out


# A two-character Chinese title (教父, 异形) is only a title beside a cue ("超爱教父", "教父和异形都看过",
# "异形那样的"): alone it is too often a word.
_SHORT_BEFORE_ZH = r"(?:喜欢|爱看|超爱|最爱|看过|看了|看完|刷过|讨厌|类似|像|和|跟|与|、|还有|以及)$"
_SHORT_AFTER_ZH = (r"^(?:我|我们|孩子|他|她)?(?:都|也|早就|已经|刚)?(?:看过|看了|看完|刷过|[二三四五两几n\d]刷|那种|那样|一样|这种|系列|和|跟|与|、|"
                   r"差不多|三部曲|[1-9一二三四五]和|[1-9]|是哪|哪年|多长|多久|讲什么|讲啥|讲的|几分|评分|怎么样|好看吗|好看不|"
                   r"是谁|谁导|谁演|值得|"
                   # dev33: a love said right after the film: "异形超爱的", "异形我很喜欢", "大白鲨爱死了" (not "爱情")
                   r"(?:真的|真)?(?:很|超|最|特别|非常|巨|贼|太)(?:爱|喜欢)|爱死|好看|神作)")


# ... or first of films listed by spaces and said seen: "闪灵 惊魂记都看过了", "教父 异形 都刷过"
_SHORT_LISTED_ZH = (r"\s+(?:[^\s，。,]{2,10}\s+){0,3}[^\s，。,]{2,10}?\s*(?:我|我们)?(?:都|也|早就|已经)?"
                    r"(?:看过|看了|看完|刷过|[二三四五两几n\d]刷|刷了?[二三四五两几好多n\d]+遍)")


def short_zh_titles(w: Work, vocab: CatalogVocab, taken: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Two-character Chinese titles beside a cue word, which the title spotter leaves alone outside 《》.
    Example: "超爱教父" -> [(2, 4, "<id of The Godfather>")]"""
    out: list[tuple[int, int, str]] = []
    text = w.text
    known: dict[str, str | None] = {}  # each two characters asked once (a long paste repeats them)
    for m in rx.finditer(r"(?=([\u4e00-\u9fff]{2}))", text):
        s, e = m.start(), m.start() + 2
        if any(a < e and s < b for a, b, _ in [*taken, *out]) or not w.low[s:e].strip():
            continue
        if not (rx.search(_SHORT_BEFORE_ZH, text[max(0, s - 3):s]) or rx.match(_SHORT_AFTER_ZH, text[e:e + 9].lstrip()[:6])
                or rx.match(_SHORT_LISTED_ZH, text[e:e + 16])):
            continue
        chunk = text[s:e]
        if chunk not in known:
            if len(known) >= _SHORT_PROBES:
                break
            found = vocab.find_titles(f"《{chunk}》", None)
            known[chunk] = found[0][2] if found and found[0][:2] == (1, 3) else None
        if known[chunk] is not None:
            out.append((s, e, known[chunk]))
    return out


_SHORT_PROBES = 60  # two-character chunks looked up in one message at most (a 2,000-character paste stays fast)


# Words that ask for something: a clause with one is a request, whatever else it says.
_ASKS_EN = (r"\b(?:something|anything|recommend\w*|suggest\w*|want|wanna|looking for|show|give me|find|need|any|some|"
            r"more|other|others|another|similar|like (?:it|that|this|those)|please|pls)\b|\?")
_ASKS_ZH = ("推荐", "想看", "来点", "来几部", "找", "有没有", "还有", "再", "别的", "其他", "类似", "要", "吗", "？")


# A clause that starts with a film said to be some way: "contact was boring af", "and heat is a classic".
_LEAD_FILM_EN = (r"\W*(?:and\s+|but\s+|while\s+|whereas\s+|tho\s+)?(?P<t>(?!(?:it|that|this|they|these|those|he|she|we|i|you|"
                 r"the (?:\w+ )?(?:one|ones|film|movie)|the (?:first|second|third|fourth|fifth|last))\b)[a-z0-9][^,;]{1,60}?)\s+"
                 r"(?:was|is|were|felt|looked|got)\b")


def _leads_with_a_film(clause: str, vocab: CatalogVocab) -> bool:
    """True when `clause` starts with a catalog film (nearly its whole title) said to be some way."""
    m = rx.match(_LEAD_FILM_EN, clause)
    return m is not None and len(m.group("t")) >= 3 and _listed_title(vocab, m.group("t").strip())


# A clause whose verdict names its own film: "..., hated titanic", "and loved casino" (not "loved it").
_VERDICT_ON_ANOTHER = (r"\W*(?:and\s+|but\s+|also\s+|plus\s+)?(?:i\s+|we\s+)?(?:really\s+|absolutely\s+|totally\s+|kinda\s+)?"
                       r"(?:loved|hated|liked|disliked|enjoyed|adored|seen|watched|saw|couldn'?t stand)\s+"
                       r"(?!(?:it|that|this|them|both|all|those|these|em|'em|one|too|so|a lot|lots|every|the whole)\b)[a-z0-9]")
# A clause that only says the film just named was seen: "seen it", "already watched that one lol"
_SEEN_IT_NEXT = (r"\W*(?:(?:i'?ve|we'?ve|i|we)\s+)?(?:already\s+|just\s+|both\s+)?(?:seen|saw|watched)\s+(?:it|that(?: one)?)\b"
                 r"(?:\s+(?:already|before|twice|lol|btw|fyi|tbh|too))*\W*$")


def _clauses_after(spans: list[tuple[int, int]], after: int,
                   hits: list[tuple[int, int, str]], low: str = "") -> list[tuple[int, int]]:
    """The clause spans from `after` on, up to (not including) the next clause that names a film
    (by its title, or by its place: "第三部")."""
    out: list[tuple[int, int]] = []
    for a, b in spans:
        if a < after:
            continue
        if any(a <= hs < b for hs, _he, _ in hits) or rx.search(_OTHER_FILM, low[a:b]):
            break  # "教父三部曲都看过了，第三部有点拉胯": that verdict is the third's, not the trilogy's
        out.append((a, b))
    return out


# A clause about another film, by its place in a series or list: "第三部", "the third one".
_OTHER_FILM = (r"第\s*[一二三四五六七八九十两\d]{1,2}\s*(?:部|个|集)|\bthe (?:first|second|third|fourth|fifth|last) "
               r"(?:one|film|movie)\b")


def _verdict_clauses(low: str, spans: list[tuple[int, int]], after: int,
                     hits: list[tuple[int, int, str]], vocab: CatalogVocab | None = None) -> list[tuple[int, int]]:
    """The clauses after a film's own (up to the next film named) that only say how it was: "看过了，
    超好笑", "big fan of Platoon, best war film ever made": their words ("好笑", "war") describe the
    film and ask for nothing, so they are consumed. A clause that asks ("any more?") is left."""
    out: list[tuple[int, int]] = []
    for a, b in _clauses_after(spans, after, hits, low):
        later = low[a:b]
        if rx.search(_ASKS_EN, later) or any(r in later for r in _ASKS_ZH) or rx.match(_VERDICT_ON_ANOTHER, later) \
                or vocab is not None and _leads_with_a_film(later, vocab) or _refuses_a_genre(later):
            break  # a request, a verdict on a film of its own ("seen toy story, hated babe", "contact was boring"),
            # or a kind of film refused ("喜欢银翼杀手，恐怖片绝对不看", "loved heat, no horror though")
        if _hated_cue(later) or _loved_cue(later) \
                or _cue(later, L.FAN_EN, L.FAN_ZH) or sentiment.verdict(later) is not None:
            out.append((a, b))
        else:
            break
    return out


def _refuses_a_genre(clause: str) -> bool:
    """True when a clause turns a genre down ("恐怖片绝对不看", "no horror though", "but nothing romantic"): a
    wish of its own, never a verdict on the film named before it."""
    from catalog.genres import says  # the genre vocabulary (read once, cached there)

    for lang in ("zh", "en"):
        for words in says(lang).values():
            for word in words:
                pattern = re.escape(word) if lang == "zh" else rf"\b{word}\b"
                for m in rx.finditer(pattern, clause):
                    if negated(clause, m.start(), m.end()):
                        return True
    return False


def has_verdict(text: str, opinion: Opinion) -> bool:
    """True when `text` says the user loved (or hated) a film: a cue word or the sentiment reader.
    Example: has_verdict("saw it like 10 times lol", "loved") -> True"""
    if opinion == "hated":
        return _hated_cue(text) or sentiment.verdict(text) == "hated"
    return _loved_cue(text) or sentiment.verdict(text) == "loved"


def _cue(text: str, en: str, zh: tuple[str, ...]) -> bool:
    # an English word against Chinese has no \b: "都love", "超hate的" are read with a space between
    spaced = rx.sub(r"(?<=[\u4e00-\u9fff])(?=[a-z])|(?<=[a-z])(?=[\u4e00-\u9fff])", " ", text)
    return bool(rx.search(en, spaced)) or any(word in text for word in zh)


def denied_love_zh(text: str) -> bool:
    """A Chinese love word with a negation right before it: "不太喜欢", "没那么爱看", "不是很喜欢", "谈不上好看"."""
    return any(rx.search(L.LOVE_DENIED_BEFORE_ZH, text[max(0, m.start() - 5):m.start()])
               for word in L.LOVED_ZH for m in rx.finditer(re.escape(word), text))


def _said_right_after(blanked: str, end: int, clause_end: int) -> str:
    """The words said of a film right after its title, up to a pause or the next film: "也封神" in
    "人鬼情未了也封神 西雅图夜未眠一般般", " was a banger " in "scream was a banger but scream 2 was mid"
    (`blanked`: the message with the other titles blanked). English needs a verb of being first
    ("hated pretty woman and loved groundhog day": the words after a film are the next one's)."""
    after = blanked[end:clause_end]
    zh = rx.match(r"\s?([\u4e00-\u9fff]{1,12})(?=\s|$|[，,。；;！!])", after)
    if zh:
        return zh.group(1)
    en = rx.match(r"\s*(?:was|is|were|are|'s|has been|have been)\b(?:(?!\bbut\b|\band\b)[^,;.!?])*", after)
    return en.group(0) if en else ""


def _asides_of_others(blanked: str, s: int, others: list[tuple[int, int]]) -> str:
    """`blanked` with each aside in brackets that holds another film, and not the film at `s`, blanked too:
    the words in it are that film's. "we just binged the jurassic park films (the lost world was kinda bad tbh)":
    "bad" is The Lost World's, not Jurassic Park's. (dev37)"""
    for m in rx.finditer(r"[(（][^()（）]{2,120}[)）]", blanked):
        if not m.start() <= s < m.end() and any(m.start() <= a < m.end() for a, _b in others):
            blanked = blanked[:m.start()] + " " * (m.end() - m.start()) + blanked[m.end():]
    return blanked


def _hated_cue(text: str) -> bool:
    """The user did not like the film: a hated cue, or a love word denied ("大白鲨不太喜欢")."""
    return _cue(rx.sub(L.HEDGED_HATE_EN, " ", text), L.HATED_EN, L.HATED_ZH) or denied_love_zh(text)


def _loved_cue(text: str) -> bool:
    if rx.search(r"[\u4e00-\u9fff]", text) and rx.search(sentiment.ASKS_ZH, text.strip()) \
            and not rx.search(L.SIMILAR_ASKED_ZH, text.strip()):
        return False  # "泰坦尼克号好看不", "值得看吗": a question about the film, no verdict on it
        # (a question for films like it is none: "最喜欢的是低俗小说 有类似的吗")
    if _cue(text, L.LOVED_EN, L.LOVED_ZH):
        return True
    # watched many times says loved, unless the times are a complaint ("看了两次都没看懂", "看了好几遍了 有点腻")
    return bool(rx.search(L.REWATCH_ZH, text)) and not _hated_cue(text) \
        and not rx.search(r"没看懂|看不懂|没懂|不懂|腻|烦|够了|受够|才看|被迫|陪", text)


def _seen_cue(text: str) -> bool:
    """A cue that the user watched the film; "没看过", "还没看", "从没看过" say they did not."""
    if rx.search(L.REWATCH_ZH, text):
        return True  # "刷了n遍", "二刷了"
    if rx.search(L.WATCHED_THEN_ZH, text) and not any(c in text for c in L.SIMILAR_ZH):
        return True  # "上次看", "我爸天天在家放": watched at a time told ("小时候看的狮子王那种" asks for films like it)
    return bool(rx.search(L.SEEN_CUE_EN, text)) or any(
        m for word in L.SEEN_CUE_ZH for m in rx.finditer(re.escape(word), text)
        if not rx.search(L.NOT_SEEN_BEFORE_ZH, text[max(0, m.start() - 3):m.start()]))


# --------------------------------------------------------------------------- seen / loved / hated
def mentions(w: Work, vocab: CatalogVocab) -> list[Mention]:
    """Films the user says they watched, loved or hated, resolved to catalog ids (consumed).

    English: "I just watched Heat and loved it", "we already saw Titanic", "seen Scream already",
    "I hated Titanic". Chinese: "刚看完《肖申克的救赎》，很喜欢", "泰坦尼克号看过了", "讨厌泰坦尼克号".
    A title that is not in the catalog is left as text (the caller says so)."""
    found: list[Mention] = []

    def add(title: str, opinion: Opinion, span: tuple[int, int]) -> bool:
        title = title.strip(" \"'“”‘’《》「」.,!?，。！？").strip()
        title = rx.sub(r"^(?:the movie|the film|movie|film)\s+", "", title, flags=re.I)
        if len(title) < 2 or title.lower() in _NOT_TITLES:
            return False
        item_id = _best_title(vocab, title)
        if item_id is None:
            return False
        for m in found:
            if m.item_id == item_id:
                if opinion != "seen":
                    m.opinion = opinion
                return True
        found.append(Mention(item_id=item_id, title=title, opinion=opinion))
        w.consume(*span)
        return True

    text, low = w.text, w.low
    for pattern, opinion in L.SEEN_EN:
        for m in list(rx.finditer(pattern, low)):
            t = m.group("t")
            if not t or low[m.start("t"):m.end("t")].strip() == "":
                continue
            raw = text[m.start("t"):m.end("t")]
            for cut in _title_prefixes(raw):
                # the verdict right after the film: "seen heat and loved it"
                said = _opinion_after(low, m.start("t") + len(cut), _opinion_after(low, m.end(), opinion), vocab)
                if add(cut, said, (m.start(), m.start("t") + len(cut))):
                    told, told_end = _story_verdict(low, m.start("t") + len(cut), vocab)
                    if told is not None and told == said:
                        w.consume(m.start("t") + len(cut), told_end)  # "the kids were screaming with laughter"
                    if pattern in L.CLAUSE_VERDICTS_EN and len(cut) == len(raw.rstrip()):
                        w.consume(m.start(), m.end())  # "..., x was way too long": a verdict, no runtime wished
                    break
    for pattern, opinion in L.SEEN_ZH:
        for m in list(rx.finditer(pattern, low)):
            raw = text[m.start("t"):m.end("t")]
            for cut in _zh_title_prefixes(raw):
                if add(cut, _opinion_after(low, m.end(), opinion), (m.start(), m.end())):
                    break
    # A bare catalog title written in 《》 with a seen/opinion cue anywhere in its clause
    for cs, ce in clauses(low):
        clause = low[cs:ce]
        cue = next((op for cue_re, op in L.SEEN_CUES if rx.search(cue_re, clause)), None)
        if cue is None:
            continue
        for m in rx.finditer(r"《([^》]{1,40})》|\"([^\"]{1,60})\"|“([^”]{1,60})”", low[cs:ce]):
            s = cs + m.start()
            add(text[s + 1:cs + m.end() - 1], cue, (s, cs + m.end()))
    return found


def seen_run(w: Work, vocab: CatalogVocab) -> tuple[list[Mention], int | None, tuple[int, int] | None]:
    """Films listed after a seen cue, in any case: "seen scream and the craft", "watched heat, casino
    and fargo already" (consumed), and where the list ends in the text (a film named after it with
    no cue of its own, "...and the first two Godfathers", is on the same list), and the cue's span
    when it is left for such films to read. Only a list of two or more: one film after a cue is the
    title spotter's."""
    out: list[Mention] = []
    end: int | None = None
    cue: tuple[int, int] | None = None
    for pattern, opinion in L.SEEN_EN:
        for m in list(rx.finditer(pattern, w.low)):
            listed = title_list(w.text, m.start("t"), vocab) if w.low[m.start("t"):m.end("t")].strip() else []
            ids = [_best_title(vocab, title) for _, _, title in listed]
            if len(listed) < 2 or None in ids:
                continue
            said = _opinion_after(w.low, listed[-1][1], opinion)
            end = listed[-1][1]
            # "seen Men in Black, and Mars Attacks! is my guilty pleasure": a verdict after the list is
            # the last film's, or every film's when it says so ("..., loved them both")
            after = rx.split(r"[.;]", w.low[end:], maxsplit=1)[0]
            # only the first clause after the list, and only when it names no other film: "seen x and y,
            # z is my fav" loves z, not y; "seen x, y was fun, z was boring" says each film's own verdict
            parts = after.split(",")
            k = next((n for n, part in enumerate(parts) if part.strip()), None)
            if k is not None:
                at = end + sum(len(x) + 1 for x in parts[:k])
                first = w.text[at:at + len(parts[k])].strip()
                names = any(len(cut) >= 3 and _listed_title(vocab, cut) for cut in _title_prefixes(first)
                            if cut.lower() not in L.FILLER_EN) or rx.match(_VERDICT_ON_ANOTHER, first.lower())
                after = "" if names else w.low[end:at + len(parts[k])]
            verdict = ("hated" if _cue(after, L.HATED_EN, ()) else "loved" if _cue(after, L.LOVED_EN, ())
                       else "seen" if rx.match(L.LUKEWARM_EN, after) else sentiment.verdict(after))
            every = bool(rx.search(r"\b(?:them|both|all|those|these)\b", after))
            # "loved heat and fargo, casino was boring tho": the verdict is on the film that leads its own
            # clause, not the last one listed; the listed films keep the cue's opinion
            lead = rx.match(r"\s*[,;]\s*(?:but|and|though|tho|while|whereas)?\s*(?P<t>[^,;]+?)\s+"
                            r"(?:was|were|is|felt|got)\b", after) if verdict is not None else None
            lead_id = None
            if lead is not None and not every:
                named = lead.group("t")
                lead_id = _best_title(vocab, named) if len(named) >= 3 and (
                    _listed_title(vocab, named) or _part_title(vocab, named)) else None
            if lead_id is not None and lead_id not in ids:
                out.append(Mention(item_id=str(lead_id), title=w.text[end + lead.start("t"):end + lead.end("t")],
                                   opinion=verdict))
                w.consume(end, end + len(after))  # the clause is that film's verdict
                verdict = None
            if verdict is not None and not rx.search(_ASKS_EN, after):
                w.consume(end, end + len(after))  # it says how the films were, it asks for nothing
            for n, ((a, b, title), item_id) in enumerate(zip(listed, ids)):
                own = verdict if verdict is not None and (every or n == len(listed) - 1) else said
                if item_id not in {x.item_id for x in out}:
                    out.append(Mention(item_id=str(item_id), title=title, opinion=own))
                w.consume(a, b)
            rest = rx.split(r"[.;!?]", w.low[end:], maxsplit=1)[0]
            if _list_tail([t for t in rx.findall(r"[\w']+|[,&]", rest) if t not in _LIST_SEPARATORS]):
                w.consume(m.start(), m.start("t"))  # the cue is the list's
                w.consume(end, end + len(rest))  # and the closer ("obvs", "already") too
            else:
                cue = (m.start(), m.start("t"))
    return out, end, cue


def seen_list(w: Work, vocab: CatalogVocab) -> list[Mention]:
    """Films listed before a seen cue that ends the message, in any case: "alien and aliens also
    seen", "heat, casino both watched" (consumed). Read before the title spotter, which would take
    the cue for the films it finds and leave the others without one."""
    out: list[Mention] = []
    spans: list[tuple[int, int]] = []
    opinion: Opinion = "seen"
    m = rx.search(L.SEEN_AFTER_EN, w.low)
    if m is not None and rx.search(r"\b(?:seen|watched|saw|done)\s+(?:it|that)\b", w.low[m.end("t"):]) \
            and rx.search(r",|\b(?:is|was|are|were)\b", m.group("t")):
        m = None  # "it" is one film, named in a clause of its own: "X is a classic, already seen it" (the spotter's)
    if m is None:
        # "heat and casino were both amazing", "con air and the rock were awful": a list, then its verdict
        for pattern, said in ((L.LOVED_LIST_AFTER_EN, "loved"), (L.HATED_LIST_AFTER_EN, "hated")):
            m = rx.search(pattern, w.low)
            if m is not None and rx.match(r"\s*(?:was|is)\b", w.low[m.end("t"):]) and \
                    not rx.search(r"\band\b|&", m.group("t")):
                m = None  # "saw x, y was great": a singular verdict after commas is the last film's alone
            if m is not None:
                opinion = said
                break
    if m is None:
        return []
    start = m.start("t")
    # one film with "and" in its title ("four weddings and a funeral was boring") is no list of two
    split = r"(?:(?<=\band )|(?<=&)|(?<=,)|^)\s*(?P<p>[^,&]+?)(?=\s*(?:,|&|\band\b|$))"
    if _listed_title(vocab, w.text[start:m.end("t")].strip()):
        split = r"^\s*(?P<p>.+?)\s*$"
    for part in rx.finditer(split, w.low[start:m.end("t")]):
        a, b = start + part.start("p"), start + part.end("p")
        title = w.text[a:b].strip()
        item_id = _best_title(vocab, title) if len(title) >= 2 else None
        if item_id is not None and item_id not in {x.item_id for x in out}:
            out.append(Mention(item_id=item_id, title=title, opinion=opinion))
            spans.append((a, b))
    if opinion != "seen" and len(out) < 2:
        return []  # one film and a verdict: the title spotter reads it, with the words around it
    for a, b in spans:
        w.consume(a, b)
    if out and opinion == "seen":
        w.consume(m.end("t"), m.end())  # the cue ("ive seen", "seen it 100 times") asks for nothing
    return out


_LIST_SEPARATORS = frozenset((",", "&", "and", "or", "plus", "n", "+"))  # "seen jaws n alien": a casual "and"
# Words after a verdict that point back, never a title: "loved it", "seen them both".
_NOT_TITLES = frozenset(("it", "that", "this", "them", "those", "these", "both", "all", "one", "that one", "this one",
                         "them all", "it too", "all of them"))
# Words that may close a list of films: "watched heat, casino and fargo already", "... last week".
_LIST_TAIL = frozenset(("already", "too", "both", "all", "as", "well", "last", "week", "month", "year", "recently",
                        "twice", "before", "ages", "ago", "lol",
                        # "... a million times", "... like 50 times by now", "... over and over", "... last weekend"
                        "million", "billion", "zillion", "gazillion", "hundred", "thousand", "dozen", "many", "several",
                        "multiple", "countless", "thrice", "once", "x", "over", "repeatedly", "by", "now", "weekend",
                        "yesterday", "night", "years", "months", "weeks", "days", "heart", "death", "lmao", "haha", "tbh",
                        # slang closers: "... obvs", "... ofc", "... tho"
                        "obvs", "obv", "obviously", "ofc", "tho", "ngl", "fr", "lolol", "xd", "duh",
                        # "... this month", "... the other day", "... this past week" (dev35)
                        "this", "past", "the", "other", "day", "earlier", "lately", "again", "finally"))


def _list_tail(words: list[str]) -> bool:
    """Words that may close a list of films and name none: "already", "a million times", "like 50 times",
    up to the end of the sentence or to a comma ("loved clerks and mallrats lol, kevin smith is the best")."""
    if all(t in _LIST_TAIL or t in L.FILLER_EN or t.isdigit() for t in words):
        return True
    # "... recently if that helps", "... this month so i need a laugh": a clause of its own after the tail words
    opener = next((n for n, t in enumerate(words) if t in L.LIST_CLOSED_BY_EN), None)
    if opener is not None and all(t in _LIST_TAIL or t in L.FILLER_EN or t.isdigit() or t == "," for t in words[:opener]):
        return True
    comma = words.index(",") if "," in words else 0
    if comma > 0 and all(t in L.SPEECH_TAIL_EN for t in words[:comma]):
        return True
    # a time of life, to the end of the sentence or to a comma: "... aladdin as a kid", "... when i was little, now ..."
    life = words[:comma] if comma > 0 else words
    return bool(life) and life[0] in ("as", "growing", "when", "back", "in", "over", "during") and all(t in L.LIFE_TAIL_EN for t in life)


MISSPELT_WORD_MIN = 0.9  # fuzzy score for a one-word title typed with a slip ("aladin": 0.92)


def _listed_title(vocab: CatalogVocab, title: str) -> bool:
    """A part of a list is a film only when it is (nearly) a title as it stands: "aladdin and beauty"
    is no *Beauty and the Beast*, which a lenient fuzzy match would say."""
    hits = vocab.match_title(title)
    if not hits:
        return False
    score = hits[0][1] / 100.0 if hits[0][1] > 1 else hits[0][1]
    # one word with a slip that is no English word is that film: "seen toy story and aladin", "titanc"
    slip = len(title) >= 5 and title.isalpha() and not is_word(title.lower())
    return score >= (MISSPELT_WORD_MIN if slip else 0.95)


def title_list(text: str, start: int, vocab: CatalogVocab) -> list[tuple[int, int, str]]:
    """Catalog titles listed from `start` to the end of the sentence, in any case, each part ending
    at a comma, "and", "&", "or" or "plus": [(start, end, title as written)], longest title first at
    each step, so "beauty and the beast" stays one film. It stops at the first part that is no title.
    Example: title_list("seen scream and the craft", 5, vocab) -> [(5, 11, "scream"), (16, 25, "the craft")]"""
    end = len(text)
    stop = rx.search(r"[.;!?]|\s+-\s+", text[start:])
    if stop:
        end = start + stop.start()
    tokens = [(m.start(), m.end()) for m in rx.finditer(r"[^\s,&]+|[,&]", text[start:end])]
    tokens = [(start + a, start + b) for a, b in tokens]
    words = [text[a:b].lower() for a, b in tokens]
    out: list[tuple[int, int, str]] = []
    skipped = False  # a part just passed over as a film the catalog lacks
    i = 0
    while i < len(tokens):
        while i < len(tokens) and words[i] in _LIST_SEPARATORS:
            i += 1
        if out and i < len(tokens) and words[i] in _VERDICT_VERBS:
            break  # "loved heat, hated the truth about cats and dogs": a verdict of its own starts another list
        found = None
        for j in range(min(len(tokens), i + 8), i, -1):
            if j < len(tokens) and words[j] not in _LIST_SEPARATORS and not _list_tail(words[j:]):
                continue  # a part ends at a separator, or at the end of the sentence ("fargo already")
            part = words[i:j]
            if all(t in L.FILLER_EN or t in _LIST_SEPARATORS for t in part) or part[-1] in _LIST_SEPARATORS:
                continue
            title = text[tokens[i][0]:tokens[j - 1][1]]
            if len(title) >= 3 and (_listed_title(vocab, title) or _part_title(vocab, title)
                                    or head_title(vocab, title)):
                found = (tokens[i][0], tokens[j - 1][1], title, j)
                break
            dated = _with_own_year(vocab, title)
            if dated is not None:  # "heat 1995", "fargo (96)": the film and its own year, the span holds both
                found = (tokens[i][0], tokens[j - 1][1], dated, j)
                break
        if found is None:
            # "seen schindlers list, saving private ryan and platoon": a film the catalog lacks, between two
            # it has, is passed over (once in a row); the list goes on after it
            k = _unknown_film_part(words, i) if out and not skipped else None
            if k is None:
                break
            skipped, i = True, k
            continue
        out.append(found[:3])
        skipped = False
        i = found[3]
    return out


# Verbs that start a clause of their own inside a list of films, with its own verdict
_VERDICT_VERBS = frozenset(("loved", "hated", "liked", "disliked", "enjoyed", "adored", "seen", "watched", "saw"))
# Words that make a part of a list something said, not a film's name: "seen heat, loved it and casino"
_NOT_IN_A_NAME = frozenset(("it", "that", "this", "them", "was", "is", "were", "are", "i", "we", "he", "she", "they",
                            "loved", "hated", "liked", "seen", "watched", "saw", "but", "not", "no", "love", "hate",
                            "like", "also", "too", "already", "want", "something", "anything", "more", "please", "pls"))


def _unknown_film_part(words: list[str], i: int) -> int | None:
    """Where a part of a list that names no catalog film ends (at "and", "&", "or", "plus" or a comma,
    with one to five words of a name), or None when the part says something instead."""
    k = i
    while k < len(words) and words[k] not in _LIST_SEPARATORS:
        if words[k] in _NOT_IN_A_NAME or words[k] in L.FILLER_EN and words[k] not in ("the", "a", "an") or k - i >= 5:
            return None
        k += 1
    return k if i < k < len(words) else None


def _with_own_year(vocab: CatalogVocab, part: str) -> str | None:
    """The title of a part of a list that is a film typed with its own year ("heat 1995" -> "heat"), or None."""
    hits = vocab.find_titles(part, None)
    if len(hits) != 1 or hits[0][0] != 0 or hits[0][1] != len(part.rstrip()):
        return None
    bare = rx.sub(r"\s*\(?\s*'?\d{2}(?:\d{2})?\s*\)?\s*$", "", part)
    return bare if bare != part and len(bare) >= 3 else None


def _opinion_after(low: str, end: int, default: Opinion, vocab: CatalogVocab | None = None) -> Opinion:
    """"watched Heat and loved it" -> loved; "看过了，很喜欢" -> loved; "...and hated it" -> hated;
    with `vocab`, "we put on jumanji and the kids were screaming with laughter" -> loved (the story's verdict)."""
    tail = low[end:end + 40]
    if rx.match(L.LOVED_AFTER, tail):
        return "loved"
    if rx.match(L.HATED_AFTER, tail):
        return "hated"
    if default == "seen" and vocab is not None:
        return _story_verdict(low, end, vocab)[0] or default
    return default


def _story_verdict(low: str, end: int, vocab: CatalogVocab) -> tuple[Opinion | None, int]:
    """What the rest of an English sentence after a film says of it, up to a wish, another verb of
    watching or the sentence's end: (verdict or None, where those words end). "... with my roommate last
    night, we turned it off after 20 min" -> hated; "... and the kids were screaming with laughter" -> loved;
    "... so something funny please" -> None (a wish says nothing of the film); "... and carrie, groundhog day is
    my favourite" -> None (up to the next film named, whose verdict that is)."""
    rest = low[end:]
    if not rest.isascii():
        return None, end
    stop = rx.search(r"[.!?;]|\b(?:and then|anyway|tonight)\b|" + L.STORY_WISH_EN, rest)
    said = rest[:stop.start()] if stop else rest
    said = said[:min([s for s, _e, _i in vocab.find_titles(said, None)] + [len(said)])]
    pieces = said.split(",")
    for n, piece in enumerate(pieces[1:], 1):
        if rx.match(_VERDICT_ON_ANOTHER, piece) or _leads_with_a_film(piece, vocab):
            said = ",".join(pieces[:n])  # "..., hated titanic", "..., casino was boring": a film of its own
            break
    if not said.strip():
        return None, end
    found = sentiment.verdict(said)
    return (found, end + len(said)) if found is not None else (None, end)


def _title_prefixes(raw: str) -> list[str]:
    """Candidate titles after a cue, longest first: "Heat and loved it" -> "Heat and loved it",
    "Heat and loved", ..., "Heat". Stops at sentence punctuation."""
    raw = rx.split(r"[.,;!?]|\s+-\s+|\s+but\s+", raw, maxsplit=1)[0]  # "but" joins clauses, not a title's words
    words = raw.split()
    return [" ".join(words[:n]) for n in range(min(len(words), 8), 0, -1)]


def _zh_title_prefixes(raw: str) -> list[str]:
    raw = rx.split(r"[，。,.;；！？!?、]", raw, maxsplit=1)[0]
    raw = rx.sub(r"^[了过完的]+", "", raw)
    return [raw[:n] for n in range(min(len(raw), 16), 1, -1)]


def _part_title(vocab: CatalogVocab, title: str) -> str | None:
    """The film a name said after a cue calls by a distinctive part of its title, the part being the whole
    name: "butch cassidy" -> Butch Cassidy and the Sundance Kid, "raiders" -> Raiders of the Lost Ark
    (catalog.Catalog.parts_in)."""
    parts = vocab.find_parts(title.title(), None)  # said after a cue: the capital a bare part needs is implied
    if len(parts) == 1 and parts[0][0] == 0 and parts[0][1] == len(title):
        return str(parts[0][2])
    return None


def head_title(vocab: CatalogVocab, title: str) -> str | None:
    """The film a name said after a cue calls by the first words of its title: "four weddings",
    "ace ventura", "shawshank" (catalog.Catalog.title_head). One word only when it is no English word:
    "sleepless" is a word, not *Sleepless in Seattle*."""
    words = rx.findall(r"[a-z0-9]+", title.lower())
    words = words[1:] if words[:1] in (["the"], ["a"], ["an"]) else words
    if not words or len(words) == 1 and is_word(words[0]):
        return None
    found = vocab.head_title(title)
    return str(found) if found is not None else None


def _best_title(vocab: CatalogVocab, title: str) -> str | None:
    hits = vocab.match_title(title)
    if not hits:
        return _part_title(vocab, title) or head_title(vocab, title)
    item_id, score = hits[0]
    score = score / 100.0 if score > 1 else score
    need = 0.99 if _CJK.search(title) else (0.9 if len(title) < 8 else 0.86)
    return str(item_id) if score >= need else _part_title(vocab, title) or head_title(vocab, title)


# --------------------------------------------------------------------------- questions
def question_kind(text: str) -> QuestionKind:
    """What a question asks. Example: "how long is the second one?" -> "runtime"."""
    low = text.lower()
    if rx.search(L.GENRE_QUESTION_ZH, text):
        return "genre"
    for kind, en, zh in L.QUESTION_KINDS:
        if (en and rx.search(en, low)) or any(word in text for word in zh):
            return kind
    return "other"


def is_question(text: str) -> bool:
    """A question about an item rather than a request ("is the third one any good?", "多长")."""
    low = text.lower().strip()
    return bool(rx.match(L.QUESTION_START_EN, low) or rx.search(L.QUESTION_ANYWHERE_EN, low)
                or any(word in text for word in L.QUESTION_WORDS_ZH) or rx.search(L.QUESTION_FORM_ZH, text)
                or rx.search(L.GENRE_QUESTION_ZH, text) or rx.search(L.ATTRIBUTE_QUESTION_ZH, text)
                or rx.search(L.FACT_QUESTION_ZH, text))


# --------------------------------------------------------------------------- people
def people(w: Work) -> list[str]:
    """Names after "directed by", "starring", "with actor", "films by", or before "导演的 / 主演的"."""
    names: list[str] = []

    def on(m: re.Match) -> bool:
        name = w.text[m.start("name"):m.end("name")].strip()
        if _CJK.search(name):
            if rx.search(L.NOT_A_NAME_ZH, name):
                return False  # "八十年代及以后拍的", "最近几年拍的": when it was made, read by the year rules
            name = rx.sub(L.NAME_LEAD_ZH, "", name)
            if len(name) < 2:
                return False
        if name and name not in names:
            names.append(name)
        return True

    w.sub(L.PEOPLE_EN, on)
    w.sub(L.PEOPLE_ZH, on)
    w.sub(L.PEOPLE_WITH_EN, on)
    w.sub(_KNOWN_EN, on)
    for start, end, name in sorted(w.find_zh(L.PEOPLE_KNOWN_ZH), key=lambda x: (x[0], -(x[1] - x[0]))):
        if w.low[start:end] == name and name not in names:
            names.append(name)
            w.consume(start, end)
    return [n if _CJK.search(n) or n != n.lower() else " ".join(p[:1].upper() + p[1:] for p in n.split()) for n in names]


# the longest name first, so "robert de niro" is one person, not "de niro" inside it
_KNOWN_EN = r"\b(?P<name>" + "|".join(re.escape(n) for n in sorted(L.PEOPLE_KNOWN_EN, key=len, reverse=True)) + r")\b"


def accepts(text: str) -> bool:
    """A card or film taken ("we'll watch the 3rd", "ok the first one then", "going with #2",
    "就第二部吧"): the user chose, the list stays. `text`: lower-cased."""
    return bool(rx.search(L.ACCEPT_EN, text) or rx.search(L.ACCEPT_MORE_EN, text) or rx.search(L.ACCEPT_NOW_EN, text)
                or any(a in text for a in L.ACCEPT_ZH) or rx.search(L.ACCEPT_ZH_RX, text))


def without_accept(text: str) -> str:
    """`text` with the words that take a card blanked: "第三个绝绝子 就它了" -> "第三个绝绝子 "."""
    for pattern in (L.ACCEPT_EN, L.ACCEPT_MORE_EN, L.ACCEPT_NOW_EN, L.ACCEPT_ZH_RX, L.ACK_LEAD_EN, L.ACK_LEAD_ZH):
        text = rx.sub(pattern, " ", text)
    for a in L.ACCEPT_ZH:
        text = text.replace(a, " ")
    return text


def competing_tastes(text: str) -> bool:
    """Two or more people's wishes in one message ("my gf wants a romcom, i want action", "我老婆想看爱情片，
    我想看动作片"): a compromise is asked for. "I" and "we" count as one person."""
    low = text.lower()
    who = {("me" if m.group("who") in ("i", "we", "我") else m.group("who"))
           for pattern in (L.TASTE_HOLDER_EN, L.TASTE_HOLDER_ZH) for m in rx.finditer(pattern, low)}
    return len(who) >= 2


def question_topic(text: str) -> str | None:
    """What a question about a card asks beyond its facts: "where", "kids", "scary", "violent", or None.
    Example: question_topic("is the 2nd on netflix?") -> "where"."""
    low = text.lower()
    for topic, pattern in L.QUESTION_TOPICS_EN.items():
        if rx.search(pattern, low):
            return topic
    for topic, pattern in L.QUESTION_TOPICS_ZH.items():
        if rx.search(pattern, low):
            return topic
    return None


def list_pick(low: str) -> ListPick | None:
    """A question that picks a card by a fact ("which of these is the shortest?", "哪部评分最高") or asks
    the assistant to pick one ("which one should i watch?", "你最推荐哪一部": the best rated); None for
    anything else. `low`: the folded message."""
    m = rx.search(L.PICK_EN, low) or rx.search(L.PICK_ZH, low)
    if m is None:
        if rx.search(L.PICK_RECOMMEND_EN, low) or rx.search(L.PICK_RECOMMEND_ZH, low):
            # "which one should i watch?", "你最推荐哪一部": the assistant's pick, the best rated card
            return ListPick(by="rating", highest=True, word="best")
        return None
    word = next(g for g in m.groups() if g)
    by, highest, genres = L.PICKS[word]
    return ListPick(by=by, highest=highest, genres=list(genres), word=word)


def runner_up(low: str) -> bool:
    """Whether the message asks for the second of a pick ("and the runner-up?", "第二推荐呢", "第二名呢")."""
    return bool(rx.search(L.RUNNER_UP_EN, low) or rx.search(L.RUNNER_UP_ZH, low))


def compare_pick(low: str, positions: list[int], n_cards: int) -> ListPick | None:
    """Cards compared by a fact ("which is better, #1 or #3?", "第一部和第三部哪个短", "2 or 5, which is
    shorter?"): the pick among `positions` (1-based cards named; two bare numbers joined by "or" /
    "和" count too), or None. `low`: the folded message; `n_cards`: how many cards are shown."""
    for m in rx.finditer(L.TWO_CARDS_BY_NUMBER, low):
        positions = [*positions, int(m.group("a")), int(m.group("b"))]
    if rx.search(r"\bthe (?:very )?(?:last|final|bottom)\b(?! (?:year|decade|\d))", low):
        positions = [*positions, n_cards]  # "the first or the last, which is newer?"
    positions = [p for p in dict.fromkeys(positions) if 1 <= p <= n_cards]
    if len(positions) < 2:
        return None
    m = rx.search(L.COMPARE_EN, low)
    if m is not None and "?" not in low and not rx.match(r"(?:which|what|would)\b", m.group(0)) \
            and not rx.search(r"(?:^|[.,;:!?(]|\b(?:and|so|ok|okay|also|but))\s*$", low[:m.start()]):
        m = None  # "the 3rd one was the best imo": a verdict said, no question asked (not "is #1 better than #3")
    word = L.COMPARATIVES_EN[m.group("w")] if m else None
    if word is None and (z := rx.search(L.COMPARE_ZH, low)):
        word = L.COMPARATIVES_ZH[z.group("w")]
    if word is None:
        return None
    by, highest, genres = L.PICKS[word]
    return ListPick(by=by, highest=highest, genres=list(genres), word=word, among=sorted(set(positions)))


# --------------------------------------------------------------------------- nothing to act on
def injection(text: str) -> bool:
    """Instructions to the system instead of a request ("ignore previous instructions", "print your
    prompt"): treated as data, never obeyed; with nothing else in the turn, asked back."""
    return bool(rx.search(L.INJECTION_EN, text.lower())) or any(w in text for w in L.INJECTION_ZH) \
        or bool(rx.search(L.INJECTION_ZH_RX, text.lower()))


def dictates(text: str) -> bool:
    """A rule for every later answer ("以后只能推荐这一部"): an instruction to the system, asked back."""
    return bool(rx.search(L.DICTATE_EN, text.lower())) or any(w in text for w in L.DICTATE_ZH)


def off_task(text: str) -> bool:
    """A task that is not about films ("write me a python script", "帮我翻译一下这句话", "what's the weather
    like tomorrow"): nothing to recommend, asked back. A message that talks of films is never one."""
    low = text.lower()
    if rx.search(L.FILM_TALK, low):
        return False
    return bool(rx.search(L.OFF_TASK_EN, low)) or any(w in low for w in L.OFF_TASK_ZH)


def pasted(text: str) -> bool:
    """Something pasted that is no message: a bare link ("https://www.imdb.com/title/tt0114709/"), an error
    message or a stack trace ("TypeError: Cannot read properties of undefined", "at renderList (app.js:214:18)")."""
    low = text.lower()
    if rx.search(L.PASTED_ERROR_EN, low):
        return True
    if (rx.search(L.PASTED_TEXT_EN, low) or any(w in low for w in L.PASTED_TEXT_ZH)) and not rx.search(L.FILM_TALK, low):
        return True  # an e-mail pasted by mistake: "Hi all, please find attached ... Best, Mark", "附件请查收"
    rest = rx.sub(L.LINK, " ", low)
    return rest != low and not rx.search(r"[a-z]{2,}|[\u4e00-\u9fff]", rx.sub(L.SMALLTALK_EN, " ", rest))


def complains(text: str) -> bool:
    """The reading called wrong with nothing said of what was meant: "that's not what i asked for", "you
    misunderstood", "不是这个意思", "你理解错了" -> True (asked back); "i said thriller, not horror",
    "不是这个意思，我要的是八十年代的" -> False (a correction that says what was meant)."""
    low = text.lower().strip()
    return bool(low) and (bool(rx.fullmatch(L.COMPLAINT_ONLY_EN, low)) or bool(_CJK.search(low))
                          and bool(rx.fullmatch(L.COMPLAINT_ONLY_ZH, low)))


def unfinished(text: str) -> bool:
    """Only words that hold the floor, nothing said yet: "额 那个 就是", "um so like", "idk something like"
    -> True; "something funny" -> False."""
    low = text.lower().strip()
    if not low or not rx.search(r"[a-z\u4e00-\u9fff]", low):
        return False
    if rx.fullmatch(L.FILLER_ONLY_ZH, low) and _CJK.search(low):
        return True
    return bool(rx.search(r"[a-z]", low)) and (bool(rx.fullmatch(L.FILLER_ONLY_EN, low)) and rx.search(
        r"\b(?:um+|uh+|er+|hm+|idk|dunno|so|like|well|i mean)\b", low) is not None
        or bool(rx.fullmatch(L.FILLER_ONLY_EN + r"\b(?:something|anything)\s+(?:kinda |sorta |kind of |sort of )?"
                             r"(?:like|with|about|similar to)\W*", low)))


def life_talk(text: str) -> bool:
    """A line about the user's day that asks for no film: "my cat is sick", "work was rough today", "anyone
    there", "今天下雨了" -> True; "i'm bored", "surprise me", "my wife likes romance" -> False."""
    low = text.lower()
    if rx.search(L.FILM_TALK, low) or rx.search(L.REQUEST_EN, low) or rx.search(L.PICK_ASKED_EN, low) \
            or any(w in low for w in (*L.REQUEST_ZH, *L.PICK_ASKED_ZH)):
        return False
    if _CJK.search(low):
        return any(w in low for w in L.LIFE_TALK_ZH)
    return bool(rx.search(L.LIFE_TALK_EN, low))


def dismisses(text: str) -> bool:
    """Said after a line that asked for nothing, "never mind" drops that line, not the request in force:
    "lol ok never mind. seen the first two" -> True; "never mind, start over" -> False."""
    low = text.lower()
    if not (rx.search(L.DISMISS_EN, low) or any(d in low for d in L.DISMISS_ZH)):
        return False
    rest = rx.sub(L.DISMISS_EN, " ", low)
    for word in L.DISMISS_ZH:
        rest = rest.replace(word, " ")
    return not rx.search(L.RESET_EN, rest) and not any(r in rest for r in L.RESET_ZH)


def nonsense(text: str) -> bool:
    """Keyboard mashing, interjections or bare punctuation: "asdfgh", "hmm", "???", "嗯嗯"."""
    low = text.lower().strip()
    if not low:
        return False
    if rx.fullmatch(L.INTERJECTION_EN, low) or rx.fullmatch(L.INTERJECTION_ZH, low):
        return True
    if rx.fullmatch(r"(?:\s*" + L.EMOTICON + r")+\s*", text.strip()):
        return False  # ":)", "^^", "xD": a smile, small talk
    if not any(ch.isalnum() for ch in low):
        # "???", "...", "🤔🤔", "🤷": puzzled; other emoji alone ("👍", "😂") are small talk
        marks = [ch for ch in low if not ch.isspace() and ch not in L.EMOJI_JOINERS]
        return all(unicodedata.category(ch).startswith("P") or ch in L.PUZZLED_EMOJI for ch in marks)
    if not any(ch.isalnum() for ch in rx.sub(L.SMALLTALK_EN, " ", low)):
        return False  # "k thx": short, but small talk
    latin = rx.findall(r"[a-z]+", low)
    cjk = _CJK.findall(low)
    if cjk:
        return babble_zh(low) or _zh_mash(low)
    known = [t for t in latin if (len(t) > 1 or t in ("a", "i")) and (is_word(t) or t in L.FILLER_EN)]
    return bool(latin) and not known or word_salad(low)


def _zh_mash(low: str) -> bool:
    """Chinese mashing: a run of one character or of digits with a few characters that ask for nothing
    ("啊啊啊123木头人", "嗷嗷嗷嗷abc", "1111的的的") -> True; "啊啊啊好想看恐怖片" -> False."""
    run = rx.search(L.ZH_MASH_RUN, low)
    if not run or any(word in low for word in L.REQUEST_ZH):
        return False
    if run.group(1) and run.group(1) in L.ZH_CHAT_REPEAT and not rx.sub(r"[\W_]+", "", low.replace(run.group(0), "")):
        return False  # "好好好", "对对对": chat said over and over, nothing else
    rest = rx.sub(L.ZH_MASH_RUN, "", low)
    rest = rx.sub(r"[\W\d_a-z]+", "", rest)
    return len(rest) <= L.ZH_MASH_REST


# Words that tie a sentence together: a message of three or more words with none of them, nor any
# word of chat or of a request, strings things together and says nothing ("purple monkey dishwasher 42 lol").
_GLUE_EN = frozenset("""
i me my you your he she it its we they them this that these those there here what who how why when where
is are was were be been am do does did have has had will would can could should not no yes so but if
because as than then too very just really all some any every much many more most
""".split())


def babble_zh(text: str) -> bool:
    """Chinese babble: one short sound said over and over, no chat word in it. Example: "阿巴阿巴阿巴" ->
    True, "呜啦呜啦呜啦" -> True; "哈哈哈哈" (laughing), "好好好", "再来再来" -> False."""
    bare = rx.sub(r"[\s\W_]+", "", text)
    m = rx.fullmatch(r"([\u4e00-\u9fff]{1,3}?)\1{1,}", bare)
    if m is None or len(bare) < 4:
        return False
    unit = m.group(1)
    rest = unit
    for word in sorted((*L.SMALLTALK_ZH, *L.CHAT_ANCHOR_ZH, *L.PAGING_ZH, *L.REQUEST_ZH), key=len, reverse=True):
        rest = rest.replace(word, "")
    return bool(rest) and not any(ch in unit for ch in "看要来推找换片剧")


def word_salad(text: str) -> bool:
    """Words strung together with nothing to tie them, a chat word at most: "purple monkey dishwasher
    42 lol" -> True; "lol that's wild" / "haha love it" / "great picks" -> False."""
    low = text.lower()
    rest = rx.sub(L.SMALLTALK_EN, " ", low)
    words = rx.findall(r"[a-z0-9']+", rest)
    if len(words) < 3 or rest.strip() == low.strip() or rx.search(r"[<>{}()\[\];=/\\]", low):
        return False  # a chat word among them (else a phrase such as "romantic comedy nineties"), no code
    if any("'" in t or t in _GLUE_EN or t in L.FILLER_EN for t in words):
        return False
    return not rx.search(L.REQUEST_EN, low)


def chatty(text: str) -> bool:
    """Small talk around the request: a greeting, thanks, taking a pick, a question to the assistant,
    with no word asking for films. Example: "hey, how's it going?" -> True; "hi, something funny" -> False."""
    low = text.lower()
    if len(rx.findall(r"\w+", low)) > 14:
        return False
    if rx.search(L.PRAISE_ZH, low):  # "谢谢你 推荐得不错": praise for the picks, with thanks at most
        rest = rx.sub(L.PRAISE_ZH, " ", low)
        for word in sorted(L.SMALLTALK_ZH, key=len, reverse=True):
            rest = rest.replace(word, " ")
        if not any(ch.isalnum() for ch in rx.sub(r"[你我这那]|真是|真的|确实|果然", " ", rest)):
            return True
    if rx.search(L.BOT_PRAISE_ZH, low) or rx.search(L.WISHES_ZH, low):  # "你好可爱", "谢谢 新年快乐"
        return not any(r in low for r in L.REQUEST_ZH)
    if rx.search(L.ASSISTANT_QUESTION_EN, low):  # "do u even watch movies lol": about the assistant
        return not rx.search(r"\b(?:recommend\w*|suggest\w*|something|anything|looking for|give me|show me)\b", low)
    if rx.search(L.CHAT_ANCHOR_EN, low):
        return not rx.search(L.REQUEST_EN, low)
    if any(a in low for a in L.ASSISTANT_QUESTION_ZH):  # "你自己最喜欢什么电影": about the assistant
        return not any(r in low for r in ("推荐", "来点", "来几部", "想看", "找"))
    if any(a in low for a in L.CHAT_ANCHOR_ZH):
        return not any(r in low for r in L.REQUEST_ZH)
    return False
