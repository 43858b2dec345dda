"""A loaded catalog: items by id, genre vocabulary, fuzzy title lookup, popularity.

Example:
    >>> cat = Catalog("demo", [Item(id="12", title="The Usual Suspects", year=1995)])
    >>> cat.match_title("usual suspects, the (1995)")
    [('12', 100.0)]
"""
from __future__ import annotations

import math
import re
from functools import lru_cache
import unicodedata
from collections.abc import Callable, Iterable, Iterator

from catalog.item import Item
from catalog.series import SeriesIndex

# Trailing articles as MovieLens / IMDb write them: "Usual Suspects, The" -> "The Usual Suspects".
ARTICLES = ("the", "a", "an", "les", "la", "le", "l'", "il", "el", "der", "die", "das", "los",
            "las", "lo", "i", "gli", "un", "une", "det", "den")
_TRAILING_ARTICLE = re.compile(
    r"^(?P<body>.+?),\s*(?P<art>" + "|".join(re.escape(a) for a in ARTICLES) + r")\s*(?P<rest>(\(.*\))?)\s*$",
    re.IGNORECASE,
)
_YEAR_PARENS = re.compile(r"\s*\((1[89]\d\d|20\d\d)(/[IVX]+)?\)\s*$")


def display_title(raw: str) -> str:
    """'Usual Suspects, The' -> 'The Usual Suspects'; 'City of Lost Children, The (Cité ...)' too.

    Only moves an article that ends the main title (before any parenthetical alternate title).
    """
    text = " ".join(raw.split())
    m = _TRAILING_ARTICLE.match(text)
    if not m:
        return text
    art = m.group("art")
    art = art if art.endswith("'") else art + " "
    art = art[0].upper() + art[1:]
    rest = m.group("rest")
    return (art + m.group("body") + (" " + rest if rest else "")).strip()


def strip_year(title: str) -> str:
    """'Toy Story (1995)' -> 'Toy Story'."""
    return _YEAR_PARENS.sub("", title).strip()


def norm_title(text: str) -> str:
    """Canonical key for comparing titles: no accents, case, punctuation, articles moved.

    Example: norm_title("Usual Suspects, The (1995)") == norm_title("the usual suspects") ==
    "the usual suspects".
    """
    text = display_title(strip_year(text))
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    text = text.replace("&", " and ")
    text = re.sub(r"['’`]", "", text)  # "Schindler's" -> "schindlers", not "schindler s"
    text = re.sub(r"[^\w]+", " ", text, flags=re.UNICODE)
    return " ".join(text.split())


def title_variants(title: str) -> list[str]:
    """Normalised keys a title may be known by: the whole, the main part, the parenthetical.

    'Seven (Se7en)' -> ['seven se7en', 'seven', 'se7en'];
    'Shall We Dance? (Shall We Dansu?)' -> [..., 'shall we dance', 'shall we dansu'];
    'Cyclo (a.k.a. Xich lo)' -> [..., 'cyclo', 'xich lo'].
    """
    base = strip_year(" ".join(title.split()))
    keys = [norm_title(base)]
    m = re.match(r"^(?P<main>[^()]+?)\s*\((?P<alt>[^()]+)\)\s*$", base)
    if m:
        keys.append(norm_title(m.group("main")))
        alt = re.sub(r"^(a\.?k\.?a\.?|aka)\s+", "", m.group("alt").strip(), flags=re.IGNORECASE)
        keys.append(norm_title(alt))
    # an English "A"/"The" is often dropped by users: "usual suspects" finds the film
    for key in list(keys):
        parts = key.split(" ", 1)
        if len(parts) == 2 and parts[0] in ("the", "a", "an"):
            keys.append(parts[1])
    out: list[str] = []
    for key in keys:
        if key and key not in out:
            out.append(key)
    return out


_CJK_CHAR = re.compile(r"[\u3400-\u9fff]")
_SEQUEL = frozenset(("ii", "iii", "iv", "vi", "vii", "viii"))
# A word of a Latin-script title: letters and digits, never Chinese characters, so "Lace是我最爱的"
# still ends in the word "lace" (Chinese titles are found as substrings).
_WORD = re.compile(r"(?:(?![\u3400-\u9fff])[^\W_])+", re.UNICODE)


def _norm_word(word: str) -> str:
    """One word of a title or a message, compared without case or accents."""
    word = unicodedata.normalize("NFKD", word)
    return "".join(ch for ch in word if not unicodedata.combining(ch)).lower()


# A title that reads as a number ("2001", "1941", "Seven", "187") is a film only where the words
# around it say so: "I loved 2001", "2001 was a masterpiece", not "films from 2001", "seven movies".
_NUMBER_WORD = re.compile(r"\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve", re.IGNORECASE)
_FILM_BEFORE = re.compile(r"(?:\b(?:loved?|liked?|hated?|adored?|enjoyed|seen|saw|watch(?:ed)?|rewatched|"
                          r"re-watched|that|about|is|was|think|thought|than)|[\"“《'‘])\s*$", re.IGNORECASE)
_FILM_AFTER = re.compile(r"^\s*(?:[\"”》'’:]|(?:was|is|were|has|had|bored|put|blew|made|still|remains|scared|"
                         r"holds|felt|looked|dragged|got|gets)\b)", re.IGNORECASE)
_NOT_FILM_BEFORE = re.compile(r"\b(?:in|from|since|before|after|until|till|of|between|to|pre|post|around|circa|"
                              r"year|under|over|top|only|just|give|show|recommend|with|and|or)\s*-?\s*$",
                              re.IGNORECASE)


# A two-character Chinese title ("异形", "教父") is a film where the words around say so: "异形那样的",
# "类似教父", "教父一类的", "教父看过了"; not inside other words ("异形怪物" stays text).
# A question about it counts too: "教父血腥吗", "异形恐怖么", "教父适合爸妈看吗", "那教父呢", "教父多少分".
_ZH_FILM_AROUND = re.compile(r"(?:类似|像|跟|和)\|(?=[^\u4e00-\u9fff]|那|这|一样|之类|看|我|也|都|的|系列)"
                             r"|\|(?:那样|那种|这种|这样|一样|之类|一类|那味|似的|看过|看了|我看|我们看|真|太|也|都|系列)"
                             r"|\|(?:吓人|恐怖|血腥|暴力|好笑|搞笑|感人|催泪|虐|烧脑|好看|适合|多长|多久|讲|哪年|几分|评分|"
                             r"怎么样|值得|值不值|小孩|孩子|会|呢|多少|有多|是哪|是谁|是什么|谁|什么|啥|哪)")


# A number in a title said the other way: "Twelve Monkeys" written "12 monkeys", "Apollo 13" as
# "apollo thirteen".
_NUMBER_NAMES = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
                 "fifteen sixteen seventeen eighteen nineteen twenty").split()
_NUMBER_OTHER_WAY = {**{w: str(n) for n, w in enumerate(_NUMBER_NAMES)}, **{str(n): w for n, w in enumerate(_NUMBER_NAMES)}}


_ZH_BEFORE_FILM = re.compile(r"(?:还有|和|跟|与|、|像|类似|看过|看了|刷过|推荐了)\s*$")


# (dev39) The words after a Latin title and a space that still say it is a film: "seven 看过了", "heat 那种的",
# "fargo 我早看过了" (only words of watching or of likeness: "heat 真的好看" is left to a capital or a cue)
_ZH_FILM_AFTER_SPACE = re.compile(r"\s+(?:我|我们|也|都|早就|早|已经)*(?:看过|看了|刷过|那样|那种|这种|这样|一样|之类|一类|系列)")


def _zh_names_film(text: str, start: int, end: int) -> bool:
    """True when a Latin word at text[start:end] sits in Chinese words that say it is a film:
    "还有fargo，超喜欢", "像heat那种", "seven和silence of the lambs都看过了", "seven 看过了"."""
    return bool(_ZH_FILM_AROUND.search(text[max(0, start - 2):start] + "|" + text[end:end + 3])
                or _ZH_FILM_AFTER_SPACE.match(text, end)
                or _ZH_BEFORE_FILM.search(text[max(0, start - 4):start])
                or re.match(r"\s*(?:和|跟|与|、)(?=\s*[^\s\u4e00-\u9fff《])", text[end:end + 4]))


def _film_context(text: str, start: int, end: int) -> bool:
    """True when a number at text[start:end] is said as a film's name (see _NUMBER_WORD)."""
    before, after = text[max(0, start - 24):start], text[end:end + 24]
    if _NOT_FILM_BEFORE.search(before) or re.match(r"^(?:'?s\b|-|年|\s*(?:minutes?|mins?|hours?|movies?|films?|"
                                                    r"years?|stars?|points?|ones?|more|or|to|and)\b)", after,
                                                    re.IGNORECASE):
        return False
    return bool(_FILM_BEFORE.search(before) or _FILM_AFTER.match(after))


@lru_cache(maxsize=16384)
def _sound(chars: str) -> tuple[str, ...]:
    from pypinyin import lazy_pinyin  # lazy: only Chinese text pays for it

    return tuple(lazy_pinyin(chars))


def _sounds_like(text: str, i: int, name: str) -> int:
    """How many characters of `text` from `i` are the Chinese title `name` typed with an input-method
    slip: the same sounds with other characters ("肖申克的就赎" for 肖申克的救赎), or, for titles of five
    characters or more, all but the last ("人鬼情为" for 人鬼情未了); 0 when not. The first character
    must be the title's own and half the characters right, so a sound alone names no film."""
    for n in (len(name), len(name) - 1 if len(name) >= 5 else 0):
        chunk = text[i:i + n]
        if n < 4 or len(chunk) < n or not _CJK_CHAR.search(chunk[-1]):
            continue
        same = sum(a == b for a, b in zip(chunk, name))
        if same * 2 >= n and _sound(chunk) == _sound(name[:n]):
            return n
    return 0


# Words a part of a title may not be made of alone: they name no film ("the first", "part two").
_COMMON_PARTS = frozenset("""the a an of and in on at to for with from part return returns back new story movie film
final last first second third man men day night one two three i ii iii iv v""".split())


def _title_parts(catalog: "Catalog") -> dict[tuple[str, ...], str]:
    """{words: item id} of the parts people call a long title by, where only one film has that part
    and no film is called just that: the subtitle ("The Wrath of Khan", "Judgment Day"), what follows
    "and the" ("Last Crusade", "Holy Grail"), and a long word before "of the" ("Raiders").
    Example: ("last", "crusade") -> id of Indiana Jones and the Last Crusade"""
    whole = {norm_title(item.title) for item in catalog}
    whole |= {v for item in catalog for v in title_variants(item.title)}
    owners: dict[tuple[str, ...], set[str]] = {}
    for item in catalog:
        title = re.sub(r"\s*\([^()]*\)\s*$", "", display_title(strip_year(item.title)))
        if _CJK_CHAR.search(title):
            continue
        parts: list[str] = []
        if ":" in title:
            parts.append(title.split(":", 1)[1])
        m = re.search(r"\band the (.+)$", title, re.IGNORECASE)
        if m:
            parts.append(m.group(1))
        m = re.match(r"^(\w{5,}) of the \w+", title)
        if m and len(title.split()) >= 4:
            parts.append(m.group(1))
        m = re.match(r"^([A-Z][\w'.-]+(?: [A-Z][\w'.-]+){1,2}) (?:and|&) the ", title)
        if m:
            parts.append(m.group(1))  # "Butch Cassidy" (and the Sundance Kid), where no other film starts so
        m = re.search(r"\s(?:over|on|of|in|under|from|at) the ((?:[\w'.-]+ )?[\w'.-]+ [\w'.-]+)$", title, re.IGNORECASE)
        if m and len(title.split()) >= 5:
            parts.append(m.group(1))  # "Cuckoo's Nest" (One Flew Over the ...), "River Kwai" (The Bridge on the ...)
        for part in parts:
            words = tuple(_norm_word(t) for t in _WORD.findall(part))
            if words and words[0] in ("the", "a", "an"):
                words = words[1:]
            if not words or all(w in _COMMON_PARTS or w.isdigit() for w in words) or " ".join(words) in whole:
                continue
            if len(words) == 1 and len(words[0]) < 6:
                continue
            for variant in dict.fromkeys([words, _possessive_joined(words)]):
                owners.setdefault(variant, set()).add(item.id)
    return {words: next(iter(ids)) for words, ids in owners.items() if len(ids) == 1}


def _possessive_joined(words: tuple[str, ...]) -> tuple[str, ...]:
    """The words of a part as typed without the apostrophe: ("cuckoo", "s", "nest") -> ("cuckoos", "nest")."""
    out: list[str] = []
    for w in words:
        if w == "s" and out:
            out[-1] += "s"
        else:
            out.append(w)
    return tuple(out)


# Words a title's head may not end on: "Sleepless in" or "Return of the" call no film.
_HEAD_STOP = frozenset("of the and a an in on at to for with from s or".split())


def _title_heads(catalog: "Catalog") -> dict[tuple[str, ...], str]:
    """{words: item id} of the first words people call a title by ("four weddings" for Four Weddings
    and a Funeral, "shawshank" for The Shawshank Redemption, "ace ventura" for Ace Ventura: Pet
    Detective): a head that starts one title only, or the part before the subtitle of a film and its
    sequel (the first of the two is meant); never a whole title, nor a single word under six letters.
    Example: ("four", "weddings") -> id of Four Weddings and a Funeral"""
    whole = {norm_title(item.title) for item in catalog}
    whole |= {v for item in catalog for v in title_variants(item.title)}
    owners: dict[tuple[str, ...], list[Item]] = {}
    for item in catalog:
        title = re.sub(r"\s*\([^()]*\)\s*$", "", display_title(strip_year(item.title)))
        if _CJK_CHAR.search(title):
            continue
        words = tuple(_norm_word(t) for t in _WORD.findall(title))
        if words and words[0] in ("the", "a", "an"):
            words = words[1:]
        for n in range(1, len(words)):
            head = words[:n]
            if head[-1] in _HEAD_STOP or all(w in _COMMON_PARTS or w.isdigit() for w in head) \
                    or (n == 1 and len(head[0]) < 6) or " ".join(head) in whole:
                continue
            if item not in owners.setdefault(head, []):
                owners[head].append(item)
    out: dict[tuple[str, ...], str] = {}
    for head, items in owners.items():
        if len(items) == 1:
            out[head] = items[0].id
        elif len(items) == 2 and all(":" in strip_year(it.title) and tuple(
                _norm_word(t) for t in _WORD.findall(strip_year(it.title).split(":", 1)[0])) in (head, ("the", *head))
                for it in items):
            out[head] = min(items, key=lambda it: (it.year or 9999, it.id)).id  # a film and its sequel: the first
    return out


def _head_words(catalog: "Catalog") -> dict[str, str]:
    """{word: item id} of the long head words no other title has, which people call a title by: "Shawshank"
    (The Shawshank Redemption), "Mulholland". Many are everyday words too ("Something", "Looking"): a
    reader offers them through `parts_in(rare=...)` only when its word list says they are no such word."""
    counts: dict[str, int] = {}
    for item in catalog:
        for word in {_norm_word(t) for t in _WORD.findall(strip_year(item.title))}:
            counts[word] = counts.get(word, 0) + 1
    whole = {norm_title(item.title) for item in catalog}
    heads: dict[str, str] = {}
    for item in catalog:
        m = re.match(r"^(?:(?:The|A|An) )?([A-Z][a-z]{6,})\s+\S", display_title(strip_year(item.title)))
        if m and counts.get(m.group(1).lower(), 0) == 1 and m.group(1).lower() not in whole:
            heads[m.group(1).lower()] = item.id
    return heads


def _plain_typed(name: str) -> str:
    """A title as typed without apostrophes before an s or dots in initials: "Schindler's List" ->
    "Schindlers List", "L.A. Confidential" -> "LA Confidential" (other titles come back unchanged)."""
    name = re.sub(r"(?<=[A-Za-z])['’]s\b", "s", name)
    return re.sub(r"\b(?:[A-Za-z]\.){2,}", lambda m: m.group(0).replace(".", ""), name)


class _TitleSpotter:
    """The catalog's titles indexed for spotting inside text (see Catalog.titles_in)."""

    def __init__(self, catalog: "Catalog") -> None:
        self.cjk: dict[str, list[tuple[str, str]]] = {}  # first character -> [(name, id)]
        self.words: dict[str, list[tuple[tuple[str, ...], bool, str]]] = {}  # first word -> [(words, single?, id)]
        self.years: dict[str, int] = {}  # item id -> year, for a one-word title typed with its year ("heat 1995")
        self.genres = {g.lower() for item in catalog for g in item.genres}  # "喜欢horror" names no film
        short = catalog.short_titles()
        for item in catalog:
            if item.year is not None:
                self.years[item.id] = item.year
            names = [strip_year(item.title), *catalog._aliases_of(item)]
            if item.id in short:
                names.append(strip_year(item.title).split(":", 1)[0])  # "2001", "Terminator 2"
            original = item.metadata.get("original_title")
            if isinstance(original, str):
                names.append(strip_year(original))
            m = re.match(r"^(?P<main>[^()]+?)\s*\((?P<alt>[^()]+)\)\s*$", strip_year(item.title))
            if m:
                names += [m.group("main"), m.group("alt")]
            # "Cats & Dogs" typed "cats and dogs", "Four Weddings and a Funeral" typed "four weddings & a funeral"
            names += [re.sub(r"\s*&\s*", " and ", n) for n in names if "&" in n]
            names += [re.sub(r"\s+and\s+", " & ", n) for n in names if re.search(r"\s+and\s+", n)]
            # typed without the apostrophe or the dots: "schindlers list", "my best friends wedding", "LA confidential"
            names += [_plain_typed(n) for n in names if _plain_typed(n) != n]
            for name in names:
                name = display_title(name.strip())
                if _CJK_CHAR.search(name):
                    self.cjk.setdefault(name[0], []).append((name, item.id))
                    continue
                words = tuple(_norm_word(t) for t in _WORD.findall(name))  # "Schindler's" -> schindler, s
                if words and words[0] in ("the", "a", "an") and len(words) > 1:
                    words = words[1:]
                if words:
                    self.words.setdefault(words[0], []).append((words, len(words) == 1, item.id))
                    other = tuple(_NUMBER_OTHER_WAY.get(t, t) for t in words)  # "12 Monkeys" for Twelve Monkeys
                    if other != words and len(other) > 1:
                        self.words.setdefault(other[0], []).append((other, False, item.id))

    def find(self, text: str) -> list[tuple[int, int, str]]:
        """Every title found in `text`, as (start, end, item id). Over the same characters a Chinese title
        typed exactly comes first, then one typed with a slip, then one cut short (威鲸闯天关 and
        威鲸闯天官 are Free Willy, not 威鲸闯天关2 less its last character), so that `titles_in` keeps it."""
        out: list[tuple[int, int, str]] = []
        slips: list[tuple[int, int, str]] = []
        cut: list[tuple[int, int, str]] = []
        for i, ch in enumerate(text):
            for name, item_id in self.cjk.get(ch, ()):
                if len(name) >= 4 and not text.startswith(name, i):
                    n = _sounds_like(text, i, name)
                    if n:
                        (slips if n == len(name) else cut).append((i, i + n, item_id))
                    continue
                if text.startswith(name, i) and (len(name) >= 3 or text[i - 1:i] == "《" and
                                                  text[i + len(name):i + len(name) + 1] == "》"
                                                  or _ZH_FILM_AROUND.search(text[max(0, i - 2):i] + "|"
                                                                            + text[i + len(name):i + len(name) + 3])):
                    out.append((i, i + len(name), item_id))
        tokens = [(m.group(0), m.start(), m.end()) for m in _WORD.finditer(text)]
        low = [_norm_word(t) for t, _, _ in tokens]
        for n, word in enumerate(low):
            for words, single, item_id in self.words.get(word, ()):
                if tuple(low[n:n + len(words)]) != words:
                    continue
                raw = tokens[n][0]
                if single and _NUMBER_WORD.fullmatch(raw):
                    s, e = tokens[n][1], tokens[n][2]
                    # "seven和silence of the lambs都看过了": a number word in lower case, in Chinese words that say
                    # it is a film ("和", "那种", "看过"), is that film
                    in_zh = raw.isalpha() and _zh_names_film(text, s, e)
                    if not in_zh and (not (raw[0].isdigit() or raw[0].isupper()) or not _film_context(text, s, e)):
                        continue  # "films from 2001", "seven movies": a year, a count
                elif single and not (len(raw) >= 4 and (raw[0].isupper() or re.search(r"[a-z]\d[a-z]", raw.lower()))
                                     and not _CJK_CHAR.search(raw)
                                     or len(raw) == 3 and raw.isupper() and raw.isalpha()  # "Heat", "se7en", "MIB"
                                     or 2 <= len(raw) <= 4 and raw.isupper() and raw[0].isalpha() and raw[-1].isdigit()):  # "T2"
                    year_end = self._own_year_after(text, tokens[n][2], item_id)
                    if year_end is None and len(raw) >= 4 and raw.isalpha() and raw.lower() not in self.genres \
                            and _zh_names_film(text, tokens[n][1], tokens[n][2]):
                        out.append((tokens[n][1], tokens[n][2], item_id))  # "还有fargo，超喜欢", "像heat那种"
                        continue
                    if year_end is None or len(raw) < 4 or _CJK_CHAR.search(raw):
                        continue
                    # "heat 1995", "fargo (96)": a lower-case word with the film's own year is that film
                    out.append((tokens[n - 1][1] if n > 0 and low[n - 1] in ("the", "a", "an") else tokens[n][1],
                                year_end, item_id))
                    continue
                elif single and n + 1 < len(tokens) and tokens[n + 1][0][:1].isupper() and len(tokens[n + 1][0]) > 1 \
                        and not tokens[n + 1][0].isupper() and not text[tokens[n][2]:tokens[n + 1][1]].strip():
                    continue  # "with Michael Douglas": a first name, not the film *Michael* ("Titanic AGAIN" is a film)
                start = tokens[n][1]
                if n > 0 and low[n - 1] in ("the", "a", "an"):
                    start = tokens[n - 1][1]
                out.append((start, tokens[n + len(words) - 1][2], item_id))
        return out + slips + cut

    def _own_year_after(self, text: str, end: int, item_id: str) -> int | None:
        """Where the film's own year, written right after its title, ends ("heat 1995", "fargo (96)",
        "fargo '96"); None when no year follows or it is another year."""
        m = _YEAR_AFTER.match(text, end)
        year = self.years.get(item_id)
        if m is None or year is None:
            return None
        digits = m.group("py") or m.group("y")
        return m.end() if int(digits) == (year if len(digits) == 4 else year % 100) else None


_YEAR_AFTER = re.compile(r"\s*(?:\(\s*'?(?P<py>\d{4}|\d{2})\s*\)|'?(?P<y>\d{4}|\d{2}))(?!\d)")


class Catalog:
    """Items of one catalog, by id. `skipped` counts rows dropped by skip_bad loading.

    Iterating yields Items in load order; `in` and `get` take ids.
    """

    def __init__(self, name: str, items: Iterable[Item], *, skipped: int = 0,
                 source: str = "", notes: list[str] | None = None) -> None:
        self.name = name
        self.items: dict[str, Item] = {}
        for item in items:
            if item.id in self.items:
                raise ValueError(f"duplicate item id {item.id!r} in catalog {name!r}")
            self.items[item.id] = item
        self.skipped = skipped
        self.source = source
        self.notes = notes or []  # human-readable loading notes, e.g. the IMDb join coverage
        self.aliases: dict[str, list[str]] = {}  # item id -> other titles (e.g. Chinese), see set_aliases
        self._spotter: _TitleSpotter | None = None
        self._parts: dict[str, list[tuple[tuple[str, ...], str]]] | None = None
        self._head_words: dict[str, str] = {}  # see parts_in(rare=...)
        self._series: SeriesIndex | None = None
        self._heads: dict[tuple[str, ...], str] | None = None
        self._title_keys: dict[str, list[str]] | None = None
        self._choices: dict[str, str] | None = None
        self._pop: dict[str, float] | None = None
        self._genres: list[str] | None = None
        self._canonical: dict[str, str] | None = None

    def __repr__(self) -> str:
        return f"Catalog({self.name!r}, {len(self)} items)"

    def __len__(self) -> int:
        return len(self.items)

    def __iter__(self) -> Iterator[Item]:
        return iter(self.items.values())

    def __contains__(self, item_id: object) -> bool:
        return item_id in self.items

    def get(self, item_id: str) -> Item | None:
        return self.items.get(item_id)

    def ids(self) -> list[str]:
        return list(self.items)

    def genres(self) -> list[str]:
        """Sorted genre vocabulary of the catalog, e.g. ['action', 'adventure', ...]."""
        if self._genres is None:
            self._genres = sorted({g for item in self for g in item.genres})
        return list(self._genres)

    def canonical(self, item_id: str) -> str:
        """The id a film listed more than once is shown under: rows with the same title and year (MovieLens
        lists 18 films twice, e.g. Kull the Conqueror as 266 and 680) are one film, shown as the twin that
        title lookups pick (the most popular). Any other id comes back unchanged.
        Example: canonical("680") -> "266"; canonical("1") -> "1" """
        if self._canonical is None:
            groups: dict[tuple[str, int | None], list[str]] = {}
            for item in self:
                groups.setdefault((norm_title(item.title), item.year), []).append(item.id)
            self._canonical = {}
            for ids in groups.values():
                if len(ids) > 1:
                    first = min(ids, key=lambda i: (-self.popularity(i), i))
                    self._canonical.update({i: first for i in ids})
        return self._canonical.get(item_id, item_id)

    # -- titles --------------------------------------------------------------------------
    def set_aliases(self, aliases: dict[str, list[str]]) -> None:
        """Other titles of items, matched like their own: {"64": ["肖申克的救赎", "刺激1995"]}.
        Ids not in the catalog are ignored. A user's catalog may also give an `aliases` column."""
        self.aliases = {str(k): [str(a) for a in v] for k, v in aliases.items() if str(k) in self.items}
        self._title_keys = self._choices = None
        self._spotter = None
        self._parts = None
        self._series = None
        self._heads = None

    def local_title(self, item_id: str, lang: str) -> str:
        """The title to show in `lang`: in Chinese the first alias written in Chinese characters,
        else the catalog title. Example: local_title("64", "zh") -> "肖申克的救赎" """
        item = self.items.get(item_id)
        if item is None:
            return ""
        if lang == "zh":
            for alias in self._aliases_of(item):
                if re.search(r"[\u4e00-\u9fff]", alias):
                    return alias
        return display_title(item.title)

    def _aliases_of(self, item: Item) -> list[str]:
        own = item.metadata.get("aliases")
        own_list = own.split("|") if isinstance(own, str) else (list(own) if isinstance(own, list) else [])
        return [*self.aliases.get(item.id, []), *(str(a).strip() for a in own_list if str(a).strip())]

    def short_titles(self) -> dict[str, str]:
        """{item id: the part of its title before a subtitle}, where only that film has that part and
        no film is called just that: "2001" (2001: A Space Odyssey), "terminator 2"; not "star trek"
        (eight films) or "alien" (a film of its own)."""
        heads: dict[str, list[str]] = {}
        whole = {norm_title(item.title) for item in self}
        for item in self:
            head = strip_year(item.title).split(":", 1)
            if len(head) == 2 and head[0].strip():
                heads.setdefault(norm_title(head[0]), []).append(item.id)
        return {ids[0]: key for key, ids in heads.items() if len(ids) == 1 and key not in whole}

    def _index_titles(self) -> None:
        keys: dict[str, list[str]] = {}
        choices: dict[str, str] = {}
        short = self.short_titles()
        for item in self:
            variants = title_variants(item.title)
            if item.id in short and short[item.id] not in variants:
                variants.append(short[item.id])
            original = item.metadata.get("original_title")
            if isinstance(original, str):
                variants += [v for v in title_variants(original) if v not in variants]
            for alias in self._aliases_of(item):
                variants += [v for v in title_variants(alias) if v not in variants]
            for n, key in enumerate(variants):
                keys.setdefault(key, []).append(item.id)
                if n == 0:
                    choices[item.id] = key
        self._title_keys, self._choices = keys, choices

    def titles_in(self, text: str, ids: Iterable[str] | None = None) -> list[tuple[int, int, str]]:
        """Titles written inside free text: [(start, end, item_id)] in `text`, longest first, not
        overlapping. Chinese titles (aliases) are found as substrings (3 characters or more, or 2
        inside 《》); an English title is matched word by word (case, punctuation and a leading
        article are free) and needs two words or more, or one capitalised word of four letters or
        more ("Heat", not "heat"). `ids` limits the result (e.g. to the shown list).

        Example: titles_in("we already saw Titanic and the lion king") -> [(15, 22, "313"), (27, 41, "71")]
        """
        if self._spotter is None:
            self._spotter = _TitleSpotter(self)
        allowed = set(ids) if ids is not None else None
        found = [f for f in self._spotter.find(text) if allowed is None or f[2] in allowed]
        found.sort(key=lambda f: (-(f[1] - f[0]), f[0]))
        out: list[tuple[int, int, str]] = []
        for s, e, i in found:
            if all(e <= a or s >= b for a, b, _ in out) and i not in {x for _, _, x in out}:
                out.append((s, e, i))
        return sorted(out)

    def parts_in(self, text: str, ids: Iterable[str] | None = None,
                 rare: Callable[[str], bool] | None = None) -> list[tuple[int, int, str]]:
        """Films called by a distinctive part of their title, written with a capital: "Raiders and Last
        Crusade" -> [(0, 7, <Raiders of the Lost Ark>), (12, 25, <Indiana Jones and the Last Crusade>)].
        Weaker than `titles_in`: a reader should take one only where the words around say it is a
        film (a verdict, "seen", "like"). `ids` limits the result. `rare`: also a long head word only
        one title has ("Shawshank") when rare(word) says it is no everyday word."""
        if self._parts is None:
            self._parts = {}
            for words, item_id in _title_parts(self).items():
                self._parts.setdefault(words[0], []).append((words, item_id))
            self._head_words = _head_words(self)
        heads = {w: i for w, i in self._head_words.items() if rare(w)} if rare is not None else {}
        allowed = set(ids) if ids is not None else None
        tokens = [(m.group(0), m.start(), m.end()) for m in _WORD.finditer(text)]
        low = [_norm_word(t) for t, _, _ in tokens]
        found: list[tuple[int, int, str]] = []
        for n, word in enumerate(low):
            for words, item_id in [*self._parts.get(word, ()), *([((word,), heads[word])] if word in heads else [])]:
                if tuple(low[n:n + len(words)]) != words:
                    continue
                if not tokens[n][0][:1].isupper() and not (len(words) >= 2 and all(len(x) >= 4 for x in words)):
                    continue  # a single word needs its capital; two long words in lower case ("butch cassidy") do not
                if allowed is None or item_id in allowed:
                    found.append((tokens[n][1], tokens[n + len(words) - 1][2], item_id))
        found.sort(key=lambda f: (-(f[1] - f[0]), f[0]))
        out: list[tuple[int, int, str]] = []
        for s, e, i in found:
            if all(e <= a or s >= b for a, b, _ in out):
                out.append((s, e, i))
        return sorted(out)

    def title_head(self, name: str) -> str | None:
        """The film `name` (all of it) calls by the first words of its title: "four weddings" -> Four
        Weddings and a Funeral, "Shawshank" -> The Shawshank Redemption, "ace ventura" -> Ace Ventura: Pet
        Detective (see _title_heads); None when it is no such head. Weaker than `match_title`: a reader
        should take it only after a cue (seen, loved, like)."""
        if self._heads is None:
            self._heads = _title_heads(self)
        words = tuple(_norm_word(t) for t in _WORD.findall(name))
        if words and words[0] in ("the", "a", "an"):
            words = words[1:]
        return self._heads.get(words) if words else None

    def series_in(self, text: str, context: Iterable[str] = ()) -> list[tuple[int, int, list[str]]]:
        """Film series written inside free text with a word of quantity ("the first two Godfathers",
        "星球大战三部曲"), and members named by a short word once their series is in `context`
        ("Empire and Jedi" after Star Wars): [(start, end, [item ids])]. See catalog/series.py."""
        if self._series is None:
            self._series = SeriesIndex(self)
        return self._series.find(text, context)

    def _series_member(self, query: str) -> str | None:
        """The film a series name with a number means: "godfather 2" -> The Godfather: Part II,
        "alien 3" -> Alien 3, "star trek iv" -> Star Trek IV (members in order of release)."""
        m = re.fullmatch(r"(?:the\s+)?(?P<stem>.+?)\s*(?:part\s+)?(?P<n>\d{1,2}|ii|iii|iv|v|vi|vii|viii)", query)
        if m is None:
            return None
        if self._series is None:
            self._series = SeriesIndex(self)
        return self._series.member(m.group("stem"), m.group("n"))

    def match_title(self, text: str, limit: int = 3, min_score: float = 80) -> list[tuple[str, float]]:
        """Fuzzy title lookup -> [(item_id, score 0-100)], exact (normalised) matches first.

        Handles case, punctuation, accents, "Usual Suspects, The" vs "the usual suspects", a year
        in parentheses (used to prefer that year's film) and alternate titles in parentheses.
        Ties (e.g. the same title under two ids) go to the more popular item.
        """
        from rapidfuzz import fuzz, process  # local import: keeps `import catalog` light

        if self._title_keys is None:
            self._index_titles()
        assert self._title_keys is not None and self._choices is not None
        year_m = re.search(r"\((\d{4})\)\s*$", text.strip())
        year = int(year_m.group(1)) if year_m else None
        query = norm_title(text)
        if not query:
            return []
        scores: dict[str, float] = {}
        for item_id in self._title_keys.get(query, []):
            scores[item_id] = 100.0
        if not scores:
            nth = self._series_member(query)  # "godfather 2": the second Godfather, whatever its title says
            if nth is not None:
                scores[nth] = 99.5
        if len(scores) < limit:
            # Stage 1 (fast, C): candidates sharing words, over every title variant.
            # Stage 2: average with plain ratio, so "godfather" prefers "The Godfather" to
            # "The Godfather: Part II" and "the matrix" does not match "The Thin Man".
            keys = list(self._title_keys)
            found = process.extract(query, keys, scorer=fuzz.token_set_ratio,
                                    score_cutoff=min_score, limit=limit * 10 + 20)
            numbers = {t for t in query.split() if t.isdigit() or t in _SEQUEL}
            for key, set_score, _n in found:
                score = (float(set_score) + fuzz.ratio(query, key)) / 2
                if numbers - set(key.split()):
                    score = min(score, min_score - 1)  # "scream 3" is no *Scream*: a sequel the catalog lacks
                if score < min_score:
                    continue
                for item_id in self._title_keys[key]:
                    # exact matches stay first: a fuzzy score never reaches an exact one's 100
                    best = min(score, 99.0)
                    if best > scores.get(item_id, -1.0):
                        scores[item_id] = best

        def rank(pair: tuple[str, float]) -> tuple[float, int, float, str]:
            item_id, score = pair
            item = self.items[item_id]
            same_year = 1 if year is not None and item.year == year else 0
            return (-score, -same_year, -self.popularity(item_id), item_id)

        ranked = sorted(scores.items(), key=rank)
        return [(item_id, round(score, 1)) for item_id, score in ranked[:limit]]

    # -- popularity ----------------------------------------------------------------------
    def popularity(self, item_id: str) -> float:
        """0..1 on a log scale: from metadata 'num_ratings' (interactions) if any, else votes.

        Example: the most-rated MovieLens film (Star Wars, 583 ratings) has popularity 1.0.
        """
        if self._pop is None:
            raw: dict[str, float] = {}
            for item in self:
                count = item.metadata.get("num_ratings")
                if not isinstance(count, (int, float)) or isinstance(count, bool):
                    count = item.votes or 0
                raw[item.id] = math.log1p(max(float(count), 0.0))
            top = max(raw.values(), default=0.0)
            self._pop = {k: (v / top if top > 0 else 0.0) for k, v in raw.items()}
        return self._pop.get(item_id, 0.0)
