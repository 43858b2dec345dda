"""Film series in a catalog, found from the titles themselves, and series named in free text.

A series is a set of titles sharing a stem once sequel numbering and subtitles are taken off:
"The Godfather" / "The Godfather: Part II" -> "godfather"; "Die Hard" / "Die Hard 2" / "Die Hard:
With a Vengeance" -> "die hard"; "Star Trek VI: The Undiscovered Country" -> "star trek". Other
titles of an item (Chinese aliases) count the same way, which joins films whose English titles
share nothing: 星球大战 / 星球大战5：帝国反击战 / 星球大战6：绝地归来 put *Star Wars*, *The Empire
Strikes Back* and *Return of the Jedi* in one series. Remakes (the same title twice) are no series.
Members are ordered by year, so "the first two" and "1和2" mean the first two released.

What a message says of a series (`SeriesIndex.find`):
- "the first two Godfathers", "the original Star Wars trilogy", "侏罗纪公园1和2", "星球大战三部曲",
  "any Star Wars", "all the Alien films", "教父系列" -> the members meant, as one span;
- "Empire and Jedi": a word only one member's title has, capitalised, once the series is in the
  conversation (`context`: ids the dialogue already named) -> that member.
A series name with no word of quantity ("Star Wars") is left to the title spotter: it is one film.

Example:
    s = SeriesIndex(catalog)
    s.find("seen the first two Godfathers")  # -> [(5, 29, ["127", "187"])]
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from catalog.catalog import Catalog

_ROMAN = {"ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9, "x": 10}
_CJK = re.compile(r"[\u3400-\u9fff]")
_ZH_DIGITS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
_EN_COUNT = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "2": 2, "3": 3, "4": 4, "5": 5, "6": 6}
# A member's place in its series said as an ordinal: "the second alien film" (1-based, by year).
_ORDINAL = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
            "1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "5th": 5, "6th": 6}
_ORDINALS = "|".join(_ORDINAL)
# Words a member's own short name may not be: they say nothing about which film is meant.
# A list of sequel numbers: "2 and 3", "2, 4 and 6", "II & III".
_NUMS = r"(?:[1-9]|ii|iii|iv|vi)(?:\s*(?:,|and|&)\s*(?:[1-9]|ii|iii|iv|vi)\b)+"
_PLAIN = frozenset("""the a an of and in on at to for with from part return returns back strikes new
story movie film final last first second third man men day night""".split())


def _norm(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower().replace("&", " and ")
    text = re.sub(r"['’`]", "", text)
    return " ".join(re.sub(r"[^\w]+", " ", text).split())


def stem(title: str) -> str:
    """The series stem of a title: no subtitle, sequel number or leading article.

    Example: stem("Star Trek VI: The Undiscovered Country") -> "star trek";
    stem("The Godfather: Part II") -> "godfather"; stem("终结者2：审判日") -> "终结者"."""
    from catalog.catalog import display_title, strip_year

    title = display_title(strip_year(title))
    title = re.sub(r"\s*\([^()]*\)\s*$", "", title)  # an alternate title in parentheses
    if _CJK.search(title):
        title = re.sub(r"(?:19|20)\d\d$", "", title)  # "春风化雨1996": a year, no sequel number
        title = re.sub(r"(?:三部曲|系列)之.+$", "", title)  # "蓝白红三部曲之红": the series is 蓝白红
        head = re.split(r"[：:]", title, maxsplit=1)[0]
        return re.sub(r"[\d一二三四五六七八九十]+$|第.部$|续集$", "", head).strip()
    head = re.split(r":", title, maxsplit=1)[0]
    words = _norm(head).split()
    while len(words) > 1 and (words[-1].isdigit() or words[-1] in _ROMAN or words[-1] == "part"):
        words.pop()
    if words and words[0] in ("the", "a", "an") and len(words) > 1:
        words = words[1:]
    return " ".join(words)


def _plain(title: str) -> str:
    """A title as `stem` compares it, keeping numbers and subtitles: "The Godfather" -> "godfather"."""
    from catalog.catalog import display_title, strip_year

    title = re.sub(r"\s*\([^()]*\)\s*$", "", display_title(strip_year(title)))
    if _CJK.search(title):
        return re.sub(r"(?:19|20)\d\d$", "", title).strip()
    words = _norm(title).split()
    return " ".join(words[1:] if len(words) > 1 and words[0] in ("the", "a", "an") else words)


class SeriesIndex:
    """The series of one catalog (module docstring); built once, shared by every session."""

    def __init__(self, catalog: "Catalog") -> None:
        from catalog.catalog import strip_year

        self.catalog = catalog
        parent: dict[str, str] = {}

        def find(x: str) -> str:
            while parent.setdefault(x, x) != x:
                parent[x] = parent[parent[x]]
                x = parent[x]
            return x

        numbered: set[str] = set()  # items with a sequel number or a subtitle in one of their titles
        for item in catalog:
            names = [strip_year(item.title), *catalog._aliases_of(item)]
            keys = {k for k in (stem(n) for n in names) if k and len(k) >= (2 if _CJK.search(k) else 3)}
            if any(stem(n) != _plain(n) for n in names):
                numbered.add(item.id)
            for key in keys:
                parent[find("k:" + key)] = find("i:" + item.id)
        # Sequels whose titles extend the first film's without a number, in both languages: "Batman" /
        # "Batman Returns" and 蝙蝠侠 / 蝙蝠侠归来 (one language alone is no proof: "Big" / "Big Night")
        plain = {item.id: _plain(strip_year(item.title)) for item in catalog}
        first = {p: i for i, p in plain.items() if len(p) >= 4}
        for item in catalog:
            words = plain[item.id].split()
            for n in range(len(words) - 1, 0, -1):
                head = first.get(" ".join(words[:n]))
                if head is None or head == item.id:
                    continue
                zh_head, zh_own = catalog._aliases_of(catalog.items[head]), catalog._aliases_of(item)
                if any(a in b and a != b for a in zh_head for b in zh_own if _CJK.search(a)):
                    parent[find("i:" + item.id)] = find("i:" + head)
                    numbered.add(item.id)
                break
        groups: dict[str, set[str]] = {}
        for x in list(parent):
            if x.startswith("i:"):
                groups.setdefault(find(x), set()).add(x[2:])
        self.members: dict[str, list[str]] = {}  # series name (a stem) -> ids by year
        self.series_of: dict[str, str] = {}  # item id -> its series name
        self.names: dict[str, str] = {}  # every stem a series is called by -> its series name
        for root, ids in groups.items():
            titles = {_norm(strip_year(catalog.items[i].title)) for i in ids}
            if len(ids) < 2 or len(titles) < 2 or not ids & numbered:
                continue  # one film, a remake, or two films that share a name with no sequel among them
            ordered = sorted(ids, key=lambda i: (catalog.items[i].year or 9999, i))
            stems = sorted({k[2:] for k in parent if k.startswith("k:") and find(k) == root}, key=len)
            name = next((s for s in stems if not _CJK.search(s)), stems[0])
            self.members[name] = ordered
            for i in ordered:
                self.series_of[i] = name
            for s in stems:
                self.names[s] = name
        # a word only one member's title has ("Empire", "Jedi"), for "Empire and Jedi too"
        self.short: dict[str, dict[str, str]] = {}
        for name, ids in self.members.items():
            words: dict[str, set[str]] = {}
            for i in ids:
                for word in set(_norm(catalog.items[i].title).split()):
                    words.setdefault(word, set()).add(i)
            self.short[name] = {w: next(iter(owners)) for w, owners in words.items()
                                if len(owners) == 1 and len(w) >= 4 and w not in _PLAIN and not w.isdigit()
                                and w not in name.split()}
        en = sorted((s for s in self.names if not _CJK.search(s)), key=len, reverse=True)
        zh = sorted((s for s in self.names if _CJK.search(s)), key=len, reverse=True)
        alts = "|".join(r"\s+".join(map(re.escape, s.split())) for s in en) or "(?!)"
        zalts = "|".join(map(re.escape, zh)) or "(?!)"
        # English: a quantity before the name or after it ("the first two Godfathers", "the original
        # Star Wars trilogy", "any Star Wars", "all the Alien films", "Godfathers 1 and 2")
        self._en = re.compile(
            r"(?P<pre>\b(?:the\s+)?(?:first|original)\s+(?P<n>two|three|four|five|2|3|4|5)\s+|\bboth\s+(?:the\s+)?|"
            r"\b(?:all|every)\s+(?:of\s+)?(?:the\s+)?|\bany\s+(?:of\s+the\s+)?|\b(?:the\s+)?original\s+|"
            # "the second alien film", "the 3rd star trek": one member by its place in the series
            r"\b(?:the\s+)?(?P<ord>" + _ORDINALS + r")\s+)?"
            r"(?:the\s+)?(?P<name>" + alts + r")(?P<plural>s)?(?![\w'])"
            r"(?P<post>\s+(?:trilogy|saga|series|franchise|films|movies|ones|sequels?)\b|"
            r"\s+(?P<a>[1-9])\s*(?:-|to)\s*(?P<b>[1-9])\b|\s+(?P<nums>" + _NUMS + r"))?", re.IGNORECASE)
        self._zh = re.compile(
            r"(?P<pre>前(?P<zn>[两二三四五])部)?(?P<name>" + zalts + r")(?:电影)?"
            # "1和2", "第一部和第二部", "第一部第二部", "一二": two parts by number (a bare join needs Chinese)
            r"(?P<post>三部曲|系列|全系列|(?:的)?第?(?P<za>[1-9一二三四五六])(?:部|集)?\s*"
            r"(?:(?:和|跟|与|、|到|至|-|还有)\s*第?|第|(?<=[一二三四五六部集]))(?P<zb>[1-9一二三四五六])(?:部|集)?"
            r"|(?:的)?前(?P<zn2>[两二三四五])部"
            # "异形第二部", "终结者的第二部": one member by its place in the series
            r"|(?:的)?第(?P<zs>[1-9一二三四五六])(?:部|集))?")

    def __len__(self) -> int:
        return len(self.members)

    def find(self, text: str, context: Iterable[str] = ()) -> list[tuple[int, int, list[str]]]:
        """Series the text names with a word of quantity, and members named by a short word once
        their series is in `context` (ids): [(start, end, [ids])], in text order, not overlapping."""
        out: list[tuple[int, int, list[str]]] = []
        for m in self._en.finditer(text):
            ids = self.members[self.names[_norm(m.group("name"))]]
            pre, post = (m.group("pre") or "").lower(), (m.group("post") or "").lower()
            if not m.group("name")[0].isupper() and not rx_strong(post) and not m.group("ord"):
                continue  # "alien movies" is a wish for aliens, "Alien movies" the series
            if m.group("ord"):
                if m.group("plural") or post.strip():
                    continue  # "the second alien films", "the first alien trilogy": no one member
                one = self.member(self.names[_norm(m.group("name"))], str(_ORDINAL[m.group("ord").lower()]))
                chosen = [one] if one is not None else []
            elif m.group("n"):
                chosen = ids[:_EN_COUNT[m.group("n").lower()]]
            elif m.group("a"):
                chosen = self._numbered(ids, int(m.group("a")), int(m.group("b")), True)
            elif m.group("nums"):  # "Star Trek 2, 4 and 6", "Godfathers 1 and 2"
                chosen = _listed(ids, m.group("nums"))
            elif "trilogy" in post:
                chosen = ids[:3]
            elif "both" in pre:
                chosen = ids[:2]
            elif m.group("plural") or post or pre.strip():
                chosen = list(ids)
            else:
                continue  # the bare name: one film, the title spotter's
            if chosen:
                out.append((m.start(), m.end(), chosen))
        for m in self._zh.finditer(text):
            ids = self.members[self.names[m.group("name")]]
            n = m.group("zn") or m.group("zn2")
            if n:
                chosen = ids[:_ZH_DIGITS[n]]
            elif m.group("zs"):
                one = self.member(self.names[m.group("name")], str(_zh_int(m.group("zs"))))
                chosen = [one] if one is not None else []
            elif m.group("za"):
                chosen = self._numbered(ids, _zh_int(m.group("za")), _zh_int(m.group("zb")),
                                        bool(re.search(r"到|至|-", m.group("post"))))
            elif m.group("post") == "三部曲":
                chosen = ids[:3]
            elif m.group("post"):
                chosen = list(ids)
            else:
                continue
            if chosen:
                out.append((m.start(), m.end(), chosen))
        context = list(context)
        named = {self.series_of[i] for i in context if i in self.series_of}
        named |= {self.series_of[ids[0]] for _, _, ids in out}
        latest = ([self.series_of[ids[0]] for _, _, ids in out]
                  or [self.series_of[i] for i in context if i in self.series_of])[-1:]
        if latest:
            # "Die Hard is the best. saw 2 and 3 as well", "loved Alien, the sequels not so much": members
            # of the series named last, by number after a verb of watching, or "the sequels"
            ids = self.members[latest[0]]
            for m in re.finditer(r"\b(?:saw|seen|watched|loved|liked|hated|enjoyed|disliked|also|both)\s+(?:parts?\s+|"
                                 r"numbers?\s+)?(?P<nums>" + _NUMS + r")(?!\s*(?:s\b|'s|%|\.\d|/|min|hours?|hrs?|"
                                 r"years?|stars?|points?|times|of\b|more|movies|films|out\b))"
                                 r"|\bthe (?P<sequels>sequels?)\b", text, re.IGNORECASE):
                chosen = (_listed(ids, m.group("nums")) if m.group("nums") else
                          ids[1:] if m.group("sequels").lower().endswith("s") else ids[1:2])
                if chosen:
                    start = m.start("nums") if m.group("nums") else m.start()
                    out.append((start, m.end(), chosen))
        for name in named:
            for m in re.finditer(r"[A-Z][A-Za-z]{3,}", text):
                item_id = self.short[name].get(m.group(0).lower())
                if item_id is not None:
                    out.append((*self._whole_words(text, m.start(), m.end(), item_id), [item_id]))
        out.sort(key=lambda f: (f[0], -(f[1] - f[0])))
        kept: list[tuple[int, int, list[str]]] = []
        for s, e, ids in out:
            if all(e <= a or s >= b for a, b, _ in kept):
                kept.append((s, e, ids))
        return kept

    def _whole_words(self, text: str, start: int, end: int, item_id: str) -> tuple[int, int]:
        """The span of a member's short word widened over the capitalised words of its title around
        it: "First Contact" for "Contact", so "First" is not read as a card's position."""
        words = set(_norm(self.catalog.items[item_id].title).split())
        while True:
            m = re.search(r"([A-Z][\w'-]*)\s+$", text[:start])
            if not m or _norm(m.group(1)) not in words:
                break
            start = m.start(1)
        while True:
            m = re.match(r"\s+([A-Z][\w'-]*)", text[end:])
            if not m or _norm(m.group(1)) not in words:
                break
            end += m.end(1)
        return start, end

    def member(self, name: str, number: str) -> str | None:
        """The `number`-th film (1-based; digits or roman) of the series called `name` (a stem, as
        `stem` writes it), or None. Example: member("godfather", "2") -> "187"."""
        series = self.names.get(_norm(name)) or self.names.get(name)
        if series is None:
            return None
        from catalog.catalog import strip_year

        n = int(number) if number.isdigit() else _ROMAN.get(number.lower(), 0)
        ids = self.members[series]
        for item_id in ids:
            # a member whose own title carries the number wins: "evil dead 2" is Evil Dead II even when the
            # series' first film is not in the catalog (by release order it would be the third)
            words = re.findall(r"[a-z0-9]+", strip_year(self.catalog.items[item_id].title).lower())[1:]
            if n and any(w.isdigit() and int(w) == n or _ROMAN.get(w) == n for w in words):
                return item_id
        return ids[n - 1] if 0 < n <= len(ids) else None

    @staticmethod
    def _numbered(ids: list[str], a: int, b: int, span: bool) -> list[str]:
        wanted = range(a, b + 1) if span else (a, b)
        return [ids[n - 1] for n in wanted if 0 < n <= len(ids)]


def rx_strong(post: str) -> bool:
    """A word after the name that says "series" whatever the case: "star wars trilogy", "godfather 1 and 2"."""
    return bool(re.search(r"trilogy|saga|series|franchise|\d|\b(?:ii|iii|iv|vi)\b", post))


def _listed(ids: list[str], nums: str) -> list[str]:
    """The members a list of numbers names: "2, 4 and 6" -> the 2nd, 4th and 6th (1-based, by year)."""
    wanted = [int(n) if n.isdigit() else _ROMAN[n.lower()] for n in re.findall(r"\d+|[ivx]+", nums, re.IGNORECASE)]
    return [ids[n - 1] for n in dict.fromkeys(wanted) if 0 < n <= len(ids)]


def _zh_int(token: str) -> int:
    return int(token) if token.isdigit() else _ZH_DIGITS.get(token, 0)
