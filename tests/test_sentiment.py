"""The open-ended reader of what a user thinks of a film they name (chat/sentiment.py): idioms no
general lexicon knows, VADER / HowNet for everything else, and requests that are no opinion."""
import pytest

from chat.parser import RuleRewriter
from chat.sentiment import cue_spans, verdict
from chat.state import DialogueState


@pytest.fixture
def vocab(catalog):
    from recommender.pipeline import catalog_vocab

    return catalog_vocab(catalog)


@pytest.mark.parametrize("clause, expected", [
    ("i've rewatched it like a dozen times", "loved"),
    ("is my all-time fave, hands down", "loved"),
    ("was phenomenal", "loved"),            # no cue list has it: VADER / the evaluative words do
    ("was a dreadful mess", "hated"),       # VADER's lexicon
    ("put me to sleep", "hated"),
    ("everyone says it's a masterpiece but it bored me", "hated"),  # the verdict beats the hearsay
    ("我看了三遍，太牛了", "loved"),
    ("是我心中的神作", "loved"),
    ("看得我想睡觉", "hated"),
    ("乏味透顶", "hated"),                   # HowNet's negative words
    ("看过了", None),                        # seen, no opinion
    ("看过一遍", None),
    ("we watched it last week", None),
])
def test_verdicts(clause, expected):
    assert verdict(clause) == expected


@pytest.mark.parametrize("clause", ["an amazing comedy like", "something fun like", "crime movies in the same vein as",
                                    "来点好看的那种", "有没有类似的"])
def test_a_request_is_no_opinion(clause):
    assert verdict(clause) is None


def test_idioms_are_found_where_they_are():
    low = "《回到未来》看了八百遍"
    assert [low[a:b] for a, b in cue_spans(low)] == ["八百遍"]


def test_the_parser_counts_an_open_ended_love_and_searches_none_of_its_words(vocab):
    inst = RuleRewriter().rewrite("they've seen Toy Story like a hundred times", DialogueState(), vocab)
    assert [(m.title, m.opinion) for m in inst.mentions] == [("Toy Story", "loved")]
    assert inst.reference_ids == []                       # "like a hundred times" asks for nothing like it
    assert "hundred" not in (inst.intention.text or "")
    zh = RuleRewriter().rewrite("《Toy Story》看得我想睡觉", DialogueState(), vocab)
    assert [m.opinion for m in zh.mentions] == ["hated"]
