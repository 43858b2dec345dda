"""Per-session dialogue state. Never mutated in place: update functions return a new state.

It lives in the browser session (`gr.State`) or in the CLI loop, and serialises to JSON so a
session can be stored in SQLite and restored after a restart.

Update functions (pure; each returns a new `DialogueState`):
    apply_instruction(state, instruction)   one parsed turn -> new state
    apply_feedback(state, item_id, kind)    a like / dislike / "more like this" button
    record_turn(state, role, text)          append one chat turn
    record_shown(state, ids)                the list just shown (sets last_list, extends shown_ids)
    reset(state)                            new conversation: same session_id, all else cleared
    bounded(state)                          the state within the size limits below (oldest dropped)
and helpers: merge_constraints(old, new, action) and resolve_instruction(state, instruction).

Merge rules (how a turn's constraints combine with those in force):
- "new": the turn's constraints and intention replace the old ones. Likes and dislikes are
  kept, and disliked ids stay excluded.
- "refine" (also "feedback", "question", "smalltalk"): the turn's constraints are added to
  those in force. A conflicting constraint replaces the old one:
    * a genre the turn excludes leaves include_genres and joins exclude_genres, and the
      reverse ("no horror" after "horror"; "ok, horror after all" after "no horror");
    * a year bound the turn sets replaces the old bound; if the bounds then cross, the bound the
      turn did not set is cleared ("90s" then "before 1985" -> max_year 1984, min_year cleared);
    * max_runtime, min_rating and a non-empty mpaa list replace the old values.
- "reset": everything is cleared except the session id, then the turn's own constraints (if
  any, as in "start over: horror films") apply as a new request.
- A film seen or loved with "more like it" while a list is shown refines the request in force;
  said with no list yet ("I loved Heat, something like it") it is a request of its own.
- Films to find more like (reference_ids): a new request replaces them; a refinement, a film
  seen or "more like #2" adds its own to those in force (the newest MAX_REFERENCES kept), so
  "something with GoldenEye vibes" then "more like #2" asks for films like both. A turn may let go of
  some ("unref:<id>" in `relax`: "forget fargo") or of all but its own ("references": "just t2 vibes").
- Disliked ids always stay in constraints.exclude_ids, whatever the action.
- When a turn changes the hard constraints, those it replaced join `earlier` (the conversation's
  first request always stays, then the newest MAX_EARLIER - 1), so "go back to the first list" or
  "undo that" can bring them back; a reset clears it.
`merge_constraints` is idempotent: merging the merged result again with the same old
constraints gives the same result, so an instruction that already carries the constraints in
force (what the rewriters produce) can be applied safely.

Feedback positions are 1-based positions in `last_list`; `resolve_instruction` turns them into
item ids (an out-of-range position is dropped with a notice). "that one" is resolved by the
parser to the item last referred to (`focus_id`), or #1 when none was.
"""
from __future__ import annotations

import uuid
from collections.abc import Iterable
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from catalog.filters import Filters
from chat import lexicon as L
from chat.instruction import FeedbackKind, FeedbackTarget, Instruction, Intention, Language, Preference, read_intention


# Size limits of one session: a long conversation keeps its most recent part, so a stored state
# stays under about 300 KB and no id list can grow past what a Chroma filter accepts.
MAX_TURNS = 100  # chat turns kept (user and assistant)
MAX_TURN_CHARS = 2_000  # characters of one stored turn (the parser reads no more of a message)
MAX_IDS = 500  # liked / disliked / reference / history / shown ids kept, each
MAX_REFERENCES = 4  # films a follow-up keeps asking for films like (the newest)
MAX_EXCLUDED = 1_000  # ids excluded by the constraints in force (dislikes and films seen)
MAX_TRAIL = 4  # cards asked about kept for "these two" (the newest)
MAX_EARLIER = 8  # earlier requests kept for "go back to the first list" (the newest)


class Turn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    role: Literal["user", "assistant"]
    text: str


class DialogueState(BaseModel):
    model_config = ConfigDict(extra="forbid")

    session_id: str = Field(default_factory=lambda: uuid.uuid4().hex)
    turns: list[Turn] = Field(default_factory=list)
    constraints: Filters = Field(default_factory=Filters)  # accumulated hard constraints
    intention_text: str = ""  # the intention in force (kept across refinements)
    preference_text: str = ""  # an explicit stated taste, kept until reset
    reference_ids: list[str] = Field(default_factory=list)
    history_ids: list[str] = Field(default_factory=list)  # e.g. a MovieLens user's past items
    liked_ids: list[str] = Field(default_factory=list)
    disliked_ids: list[str] = Field(default_factory=list)
    shown_ids: list[str] = Field(default_factory=list)  # every item shown in this session
    last_list: list[str] = Field(default_factory=list)  # ids of the last list, in rank order
    last_reasons: dict[str, str] = Field(default_factory=dict)  # model-written reasons on the last list, by id
    instruction: Instruction | None = None  # the instruction of the last turn
    language: Language = "en"
    # The item the user last referred to (asked about, gave feedback on): "not that one".
    focus_id: str | None = None
    # The cards asked about on the list in view, oldest first: "这两部都看过了", "seen both of those".
    focus_trail: list[str] = Field(default_factory=list)
    # The hard constraints of earlier requests in this conversation, oldest first (exclusions left out):
    # what "go back to the first list" or "like before" returns to.
    earlier: list[Filters] = Field(default_factory=list)

    def to_json(self) -> str:
        return self.model_dump_json()

    @classmethod
    def from_json(cls, text: str) -> "DialogueState":
        return cls.model_validate_json(text)


def _unique(ids: list[str]) -> list[str]:
    """Drop duplicates, keep the first occurrence's order."""
    return list(dict.fromkeys(ids))


def merge_constraints(old: Filters, new: Filters, action: str) -> Filters:
    """Combine the constraints in force with one turn's constraints (rules in the module doc).

    Example: merge_constraints(Filters(include_genres=["horror"]),
                               Filters(exclude_genres=["horror"]), "refine")
             -> Filters(exclude_genres=["horror"])
    """
    if action in ("new", "reset"):
        # The turn replaces everything; only excluded ids (dislikes) survive.
        return new.model_copy(update={"exclude_ids": _unique(old.exclude_ids + new.exclude_ids)})
    include = [g for g in _unique(old.include_genres + new.include_genres) if g not in new.exclude_genres]
    exclude = [g for g in _unique(old.exclude_genres + new.exclude_genres) if g not in new.include_genres]
    min_year = new.min_year if new.min_year is not None else old.min_year
    max_year = new.max_year if new.max_year is not None else old.max_year
    if min_year is not None and max_year is not None and min_year > max_year:
        # Crossing bounds: the bound this turn set wins, the old one goes.
        if new.max_year is not None and new.min_year is None:
            min_year = None
        elif new.min_year is not None and new.max_year is None:
            max_year = None
        else:  # both new (a reversed range): keep the turn's words, in order
            min_year, max_year = max_year, min_year
    return Filters(
        include_genres=include,
        exclude_genres=exclude,
        min_year=min_year,
        max_year=max_year,
        max_runtime=new.max_runtime if new.max_runtime is not None else old.max_runtime,
        min_rating=new.min_rating if new.min_rating is not None else old.min_rating,
        mpaa=list(new.mpaa) if new.mpaa else list(old.mpaa),
        exclude_ids=_unique(old.exclude_ids + new.exclude_ids),
        people=list(new.people) if new.people else list(old.people),
    )


def _notice(lang: str, en: str, zh: str) -> str:
    return zh if lang == "zh" else en


def resolve_instruction(state: DialogueState, instruction: Instruction,
                        genres: Iterable[str] | None = None) -> Instruction:
    """Complete one turn's instruction against the state: feedback positions -> item ids,
    constraints merged into those in force (plus every disliked id), implicit preference ids,
    the intention and k in force on a refinement, and the task form. With the catalog's `genres`
    the intention in force is read once for what the scorer needs (`read_intention`).

    Task rule: "rank" when the turn reorders a current list (feedback, or a refinement while a
    list is shown) or gives reference items; otherwise "retrieve".
    Idempotent: resolving a resolved instruction returns it unchanged.
    """
    lang = instruction.language
    notices = list(instruction.notices)
    if instruction.action == "reset":
        base = DialogueState(session_id=state.session_id)
    else:
        base = state

    feedback: list[FeedbackTarget] = []
    for fb in instruction.feedback:
        if fb.item_id is None and fb.position is not None:
            if 1 <= fb.position <= len(base.last_list):
                fb = fb.model_copy(update={"item_id": base.last_list[fb.position - 1]})
            else:
                msg = _notice(lang, f"There is no item #{fb.position} in the current list.",
                              f"当前列表中没有第 {fb.position} 项。")
                if msg not in notices:
                    notices.append(msg)
                continue
        if fb.item_id is not None:
            feedback.append(fb)

    question_position = instruction.question_position
    if question_position is not None and base.last_list and not 1 <= question_position <= len(base.last_list):
        # (with no list on screen the reply says so: recommender.reply.no_such_position)
        msg = _notice(lang, f"There is no item #{question_position} in the current list.",
                      f"当前列表中没有第 {question_position} 项。")
        if msg not in notices:
            notices.append(msg)

    # This turn's feedback wins over earlier feedback on the same item. A film the user has seen
    # is never shown again; loved, it counts as a like, hated as a dislike.
    seen = [m.item_id for m in instruction.mentions]
    loved = [m.item_id for m in instruction.mentions if m.opinion == "loved"]
    hated = [m.item_id for m in instruction.mentions if m.opinion == "hated"]
    positive = [f.item_id for f in feedback if f.kind != "dislike" and f.item_id]
    # a card only said to be watched is left out from now on, but is no evidence against films like it
    # (a card watched and praised, "seen #3, loved it", is left out as well, and liked)
    seen += [f.item_id for f in feedback if f.seen and f.item_id]
    negative = [f.item_id for f in feedback if f.kind == "dislike" and not f.seen and f.item_id] + hated
    disliked = [i for i in _unique(base.disliked_ids + negative) if i not in positive + loved]
    liked = [i for i in _unique(base.liked_ids + positive + loved) if i not in negative]
    turn_constraints = instruction.constraints.model_copy(
        update={"exclude_ids": _unique(instruction.constraints.exclude_ids + disliked + seen)})
    if positive:  # an item liked again may not stay excluded by an earlier dislike
        base = base.model_copy(update={"constraints": base.constraints.model_copy(
            update={"exclude_ids": [i for i in base.constraints.exclude_ids if i not in positive or i in seen]})})
    merge = merge_action(instruction)
    if merge == "new" and instruction.action == "seen" and not instruction.constraints.include_genres \
            and base.last_list and base.instruction is not None:
        # "Twelve Monkeys I can't stop thinking about, more along those lines" while a list is shown:
        # more like that film within the request in force, not a request of its own
        merge = "refine"
    constraints = merge_constraints(relax_constraints(base.constraints, instruction.relax), turn_constraints, merge)

    reference_ids = list(instruction.reference_ids)
    more_like = [f.item_id for f in feedback if f.kind == "more_like" and f.item_id]
    reference_ids = _unique(reference_ids + more_like)
    intention = instruction.intention
    k = instruction.k
    # a genre replaced ("换成西部片" after "科幻片") is no longer leaned to either, unless said again
    replaced = set(base.constraints.include_genres) - set(constraints.include_genres) - set(intention.genres) \
        if "genres" in instruction.relax else set()
    # a genre given up, asked for or only leaned to ("drop the comedy part", "forget the romance bit", "不用有爱情了"),
    # is not leaned to either, unless said again
    unleaned = {key.split(":", 1)[1] for key in instruction.relax if key.startswith(("unlean:", "drop:"))} \
        - set(instruction.intention.genres)
    if merge != "new" and instruction.action != "reset" and base.instruction is not None:
        # A follow-up keeps what is searched for, how many, and the moods in force; it may add
        # its own words and moods (a later mood wins over an earlier opposite one).
        old = base.instruction.intention
        switched = "moods" in instruction.relax
        if switched:  # "actually something scary instead": the moods in force give way (see _switch_moods)
            old = _switch_moods(old)
        elif instruction.action == "refine":  # "these look so bleak. something lighter": a mood opposed to one
            old = _opposed_give_way(old, intention.moods)  # in force takes its place (not one told of a film seen)
        # a genre asked for now that a mood in force turns away from: that mood gives way ("something fun for the
        # family" ... "the kids went to bed, something scary now" showed horror comedies, still "lighter")
        # A mood that only turns away ("less gory": no leaning of its own) keeps the rest of what it turns away from:
        # "thrillers only" after it still avoids horror.
        asked_now = {g.lower() for g in [*instruction.constraints.include_genres, *intention.genres]}
        against = [m for m in L.MOODS if m.name in old.moods and asked_now & {g.lower() for g in m.avoid}]
        if against:
            old = _moods_gone(old, [m.name for m in against if m.prefer])
            old = old.model_copy(update={"avoid": [g for g in old.avoid if g.lower() not in asked_now]})
            # (the words of the mood that went go too: "something fun for a family movie night" no longer pulls
            # the horror list toward family films)
            switched = switched or any(m.prefer for m in against)
        unmooded = [key.split(":", 1)[1] for key in instruction.relax if key.startswith("unmood:")]
        if unmooded:  # "forget the sad stuff", "不用轻松的了": that mood goes, with its leanings
            old = _moods_gone(old, unmooded)
        if "audience" in instruction.relax:  # "the kids went to bed": the leanings they brought go with them
            old = _audience_gone(old)
        if base.intention_text and not intention.text.startswith(base.intention_text) and not switched:
            # (after a switch the old words go too: "推荐几部喜剧" read again would lean to comedy)
            text = f"{base.intention_text}; {intention.text}" if intention.text else base.intention_text
            kind = intention.kind if intention.kind != "none" else base.instruction.intention.kind
            intention = intention.model_copy(update={"text": text, "kind": kind})
        allowed = {key.split(":", 1)[1] for key in instruction.relax if key.startswith("allow:")}  # "其实爱情片也还行"
        intention = intention.model_copy(update={
            "genres": [g for g in _unique(old.genres + intention.genres) if g not in intention.avoid],
            "avoid": [g for g in _unique(old.avoid + intention.avoid) if g not in intention.genres and g not in allowed],
            "moods": _unique(old.moods + intention.moods),
            "recent": intention.recent or old.recent,
            # "a comedy or a horror" then "nothing too long": still either one (a genre of its own ends it)
            "either": intention.either or (old.either and not intention.genres),
        })
        if "k" not in instruction.model_fields_set:
            k = base.instruction.k
        # references let go of ("forget fargo", "不要像终结者了"), or all but the turn's own ("just t2 vibes")
        unref = {key.split(":", 1)[1] for key in instruction.relax if key.startswith("unref:")}
        kept = [] if "references" in instruction.relax else [i for i in base.reference_ids if i not in unref]
        if not reference_ids and instruction.action in ("refine", "more", "seen", "feedback") and not switched:
            # ("第二部看过了，换一批", "not #2": the new cards are still like the film asked for)
            # (a wish said instead of the one in force, "actually something scary instead", no longer
            # wants films like the one liked before)
            reference_ids = kept
        elif reference_ids and instruction.action in ("refine", "seen", "feedback"):
            # "something with GoldenEye vibes" then "more like #2": like both, the newest last
            reference_ids = _unique([i for i in kept if i not in reference_ids]
                                    + reference_ids)[-MAX_REFERENCES:]

    pref = instruction.preference
    pref_text = pref.text or (base.preference_text if instruction.action != "reset" else "")
    pref_ids = _unique(base.history_ids + [i for i in liked if i not in set(disliked)])
    kind = "explicit" if pref_text else ("implicit" if pref_ids else "none")
    preference = Preference(kind=kind, text=pref_text, item_ids=pref_ids)

    if genres is not None:
        intention = read_intention(intention, genres)
    if replaced or unleaned:
        intention = intention.model_copy(update={"genres": [g for g in intention.genres
                                                            if g not in replaced and g not in unleaned]})
    if intention.avoid and constraints.include_genres:  # a genre asked for is not turned away from either
        intention = intention.model_copy(update={"avoid": [g for g in intention.avoid
                                                           if g not in constraints.include_genres]})
    if intention.genres and constraints.exclude_genres:  # a genre ruled out is not preferred either
        intention = intention.model_copy(update={"genres": [g for g in intention.genres
                                                            if g not in constraints.exclude_genres]})

    reorders = instruction.action == "feedback" or (merge == "refine" and instruction.action in ("refine", "seen")
                                                     and bool(base.last_list))
    task = "rank" if reorders or reference_ids else "retrieve"
    return instruction.model_copy(update={
        "feedback": feedback, "constraints": constraints, "reference_ids": reference_ids,
        "intention": intention, "k": k, "preference": preference, "task": task, "notices": notices,
    })


def _switch_moods(old: Intention) -> Intention:
    """The leanings in force when a turn says a new mood or genre in place of them: only the moods that
    say who the film is for stay, with their leanings ("for the kids" then "actually something scary
    instead": the kids stay, "lighter" goes)."""
    kept = [m for m in old.moods if m in L.MOODS_KEPT_ON_SWITCH]
    prefer = {g for m in L.MOODS if m.name in kept for g in m.prefer}
    avoid = {g for m in L.MOODS if m.name in kept for g in m.avoid}
    return old.model_copy(update={"moods": kept, "genres": [g for g in old.genres if g in prefer],
                                  "avoid": [g for g in old.avoid if g in avoid]})


def _opposed_give_way(old: Intention, said: list[str]) -> Intention:
    """The leanings in force without the moods that the turn's own moods oppose (lexicon.OPPOSED_MOODS; "not
    darker" opposes "darker"): "too sad, something happier" after a tearjerker leans to comedy, not drama too."""
    opposed = {b if a == n else a for n in said for a, b in L.OPPOSED_MOODS if n in (a, b)} \
        | {n[4:] for n in said if n.startswith("not ")}
    return _moods_gone(old, [n for n in opposed if n not in said])


def _moods_gone(old: Intention, names: list[str]) -> Intention:
    """The leanings in force without the moods `names` and the genres they lean to and turn away from."""
    gone = [m for m in L.MOODS if m.name in old.moods and m.name in names]
    if not gone:
        return old
    prefer = {g for m in gone for g in m.prefer}
    avoid = {g for m in gone for g in m.avoid}
    return old.model_copy(update={"moods": [m for m in old.moods if m not in {g.name for g in gone}],
                                  "genres": [g for g in old.genres if g not in prefer],
                                  "avoid": [g for g in old.avoid if g not in avoid]})


def _audience_gone(old: Intention) -> Intention:
    """The leanings in force once the young audience has gone ("ok the kids went to bed"): the moods that
    say who the film is for go, with the genres they lean to and turn away from."""
    gone = [m for m in L.MOODS if m.name in old.moods and m.name in L.AUDIENCE_MOODS]
    prefer = {g for m in gone for g in m.prefer}
    avoid = {g for m in gone for g in m.avoid}
    return old.model_copy(update={"moods": [m for m in old.moods if m not in {g.name for g in gone}],
                                  "genres": [g for g in old.genres if g not in prefer],
                                  "avoid": [g for g in old.avoid if g not in avoid]})


# ("audience": the young audience gone, and the age limit set for them)
_RELAX = {"audience": {"mpaa": []}, "years": {"min_year": None, "max_year": None}, "runtime": {"max_runtime": None}, "people": {"people": []},
          "rating": {"min_rating": None}, "genres": {"include_genres": [], "exclude_genres": []}, "mpaa": {"mpaa": []}}


def relax_constraints(f: Filters, relax: list[str]) -> Filters:
    """The constraints in force without those a turn lifts. Example: (90s comedies, ["years"]) -> comedies"""
    update: dict = {}
    for key in relax:
        update.update(_RELAX.get(key, {}))
    allowed = {key.split(":", 1)[1] for key in relax if key.startswith("allow:")}  # "horror is ok after all"
    if allowed:
        update["exclude_genres"] = [g for g in update.get("exclude_genres", f.exclude_genres) if g not in allowed]
    dropped = {key.split(":", 1)[1] for key in relax if key.startswith("drop:")}  # "forget the romance part"
    if dropped:
        update["include_genres"] = [g for g in update.get("include_genres", f.include_genres) if g not in dropped]
    return f.model_copy(update=update) if update else f


def merge_action(instruction: Instruction) -> str:
    """How a turn's constraints combine with those in force: "new" / "reset" replace them, every
    other act refines. A "seen" turn with a request of its own ("I loved Heat, something like it")
    is a new request; "we already saw Titanic" refines the one in force."""
    if instruction.action == "seen":
        own = instruction.constraints.include_genres or instruction.reference_ids
        return "new" if own else "refine"
    return instruction.action if instruction.action in ("new", "reset") else "refine"


def apply_feedback(state: DialogueState, item_id: str, kind: FeedbackKind) -> DialogueState:
    """A button click on one item. "like" and "more_like" add it to liked_ids ("more_like" also
    makes it the reference item); "dislike" adds it to disliked_ids and excludes it for good.
    Example: apply_feedback(state, "1", "dislike").constraints.exclude_ids -> [..., "1"]
    """
    if kind == "dislike":
        return state.model_copy(update={
            "disliked_ids": _unique(state.disliked_ids + [item_id]),
            "liked_ids": [i for i in state.liked_ids if i != item_id],
            "reference_ids": [i for i in state.reference_ids if i != item_id],
            "constraints": state.constraints.model_copy(
                update={"exclude_ids": _unique(state.constraints.exclude_ids + [item_id])}),
            "focus_id": item_id,
        }, deep=True)
    update: dict = {
        "liked_ids": _unique(state.liked_ids + [item_id]),
        "disliked_ids": [i for i in state.disliked_ids if i != item_id],
        "constraints": state.constraints.model_copy(
            update={"exclude_ids": [i for i in state.constraints.exclude_ids if i != item_id]}),
        "focus_id": item_id,
    }
    if kind == "more_like":
        update["reference_ids"] = [item_id]
    return state.model_copy(update=update, deep=True)


def apply_instruction(state: DialogueState, instruction: Instruction) -> DialogueState:
    """Fold one turn's instruction into the state (rules in the module doc).

    The instruction is first completed with `resolve_instruction`, and the resolved instruction
    is stored as `state.instruction`. What the rewriters return is resolved already: fold it
    with `apply_resolved` (the pipeline does), which skips the second resolution.
    Example: apply_instruction(DialogueState(), Instruction(intention=Intention(text="90s comedies")))
    """
    return apply_resolved(state, resolve_instruction(state, instruction))


def apply_resolved(state: DialogueState, instruction: Instruction) -> DialogueState:
    """`apply_instruction` for an instruction that `resolve_instruction` completed already
    (every `Rewriter.rewrite` result). Example: apply_resolved(state, rewriter.rewrite(text, state, vocab))"""
    base = reset(state) if instruction.action == "reset" else state
    new = base.model_copy(deep=True)
    for fb in instruction.feedback:
        if fb.item_id is not None and fb.seen and fb.kind != "dislike":
            new = apply_feedback(new, fb.item_id, fb.kind)  # watched and praised: liked, left out (the constraints)
        elif fb.item_id is not None and fb.seen:  # watched: left out (the constraints), no dislike
            new = new.model_copy(update={"liked_ids": [i for i in new.liked_ids if i != fb.item_id],
                                         "reference_ids": [i for i in new.reference_ids if i != fb.item_id],
                                         "focus_id": fb.item_id})
        elif fb.item_id is not None:
            new = apply_feedback(new, fb.item_id, fb.kind)
    for m in instruction.mentions:  # loved: a like; hated: a dislike; either way never shown again
        if m.opinion == "loved":
            new = new.model_copy(update={"liked_ids": _unique(new.liked_ids + [m.item_id]),
                                         "disliked_ids": [i for i in new.disliked_ids if i != m.item_id]})
        elif m.opinion == "hated":
            new = new.model_copy(update={"disliked_ids": _unique(new.disliked_ids + [m.item_id]),
                                         "liked_ids": [i for i in new.liked_ids if i != m.item_id]})
    update: dict = {
        "constraints": instruction.constraints.model_copy(
            update={"exclude_ids": _unique(instruction.constraints.exclude_ids + new.disliked_ids)}),
        "instruction": instruction,
        "language": instruction.language,
        "preference_text": instruction.preference.text,
    }
    if instruction.action in ("new", "reset", "refine", "more", "seen"):
        update["intention_text"] = instruction.intention.text
        update["reference_ids"] = list(instruction.reference_ids)
    elif instruction.reference_ids:  # feedback "more like #1" sets the reference
        update["reference_ids"] = list(instruction.reference_ids)
    before, after = _request_of(state.constraints), _request_of(update["constraints"])
    if instruction.action != "reset" and before != after and not before.is_empty():
        # the request changed: the one before is kept to go back to ("back to the first list")
        if len(state.earlier) > 1 and state.earlier[-1] == after:
            # (dev38) gone back to the one kept last ("undo that", "撤销上一步"): it is taken off, so a second undo
            # ("再撤销一步") goes a step further back, not forward again to the request just undone
            earlier = state.earlier[:-1]
        else:
            earlier = state.earlier if state.earlier[-1:] == [before] else [*state.earlier, before]
        update["earlier"] = earlier[:1] + earlier[1:][-(MAX_EARLIER - 1):]  # the first request always stays
    if instruction.action == "question" and instruction.question_position is not None \
            and 1 <= instruction.question_position <= len(new.last_list):
        update["focus_id"] = new.last_list[instruction.question_position - 1]
        update["focus_trail"] = _trail(new, update["focus_id"])
    elif instruction.action == "question" and instruction.question_item_id is not None:
        update["focus_id"] = instruction.question_item_id
    return new.model_copy(update=update)


def _trail(state: DialogueState, item_id: str) -> list[str]:
    """The cards asked about on the list in view with `item_id` last (MAX_TRAIL kept)."""
    if item_id not in state.last_list:
        return list(state.focus_trail)
    return [i for i in state.focus_trail if i != item_id][-(MAX_TRAIL - 1):] + [item_id]


def focused(state: DialogueState, item_id: str, **update) -> DialogueState:
    """The state with `item_id` the card (or film) in view, as after a question about it: "that one"
    next is it, and "these two" is it and the card asked about before it.
    Example: focused(state, "94").focus_id -> "94"
    """
    return state.model_copy(update={"focus_id": item_id, "focus_trail": _trail(state, item_id), **update})


def _request_of(f: Filters) -> Filters:
    """The hard constraints of a request without the films left out (which only grow)."""
    return f.model_copy(update={"exclude_ids": []})


def record_turn(state: DialogueState, role: str, text: str) -> DialogueState:
    """Append one chat turn (its first MAX_TURN_CHARS characters; MAX_TURNS turns are kept).
    Example: record_turn(state, "user", "90s comedies")"""
    turns = [*state.turns, Turn(role=role, text=text[:MAX_TURN_CHARS])]
    return state.model_copy(update={"turns": turns[-MAX_TURNS:]})


def record_shown(state: DialogueState, ids: list[str], reasons: dict[str, str] | None = None) -> DialogueState:
    """The list just shown, in rank order: becomes last_list (what "#2" means next turn) and
    joins shown_ids; `reasons`: the model-written reasons on it (kept for later questions and clicks).
    Example: record_shown(state, ["1", "94"]).last_list -> ["1", "94"]"""
    return state.model_copy(update={
        "last_list": list(ids), "shown_ids": _unique(state.shown_ids + list(ids)),
        "focus_trail": state.focus_trail if list(ids) == state.last_list else [],
        "last_reasons": {i: r for i, r in (reasons or {}).items() if i in ids}})


def bounded(state: DialogueState) -> DialogueState:
    """The state within the size limits (MAX_TURNS, MAX_IDS, MAX_EXCLUDED): the oldest entries go.
    Returns `state` itself when it is within them. Example: bounded(s).liked_ids == s.liked_ids[-500:]"""
    lists = ("reference_ids", "history_ids", "liked_ids", "disliked_ids", "shown_ids", "last_list")
    update: dict = {name: getattr(state, name)[-MAX_IDS:] for name in lists if len(getattr(state, name)) > MAX_IDS}
    if len(state.turns) > MAX_TURNS or any(len(t.text) > MAX_TURN_CHARS for t in state.turns):
        update["turns"] = [t if len(t.text) <= MAX_TURN_CHARS else Turn(role=t.role, text=t.text[:MAX_TURN_CHARS])
                           for t in state.turns[-MAX_TURNS:]]
    if len(state.constraints.exclude_ids) > MAX_EXCLUDED:
        disliked = set(update.get("disliked_ids", state.disliked_ids))
        ids = state.constraints.exclude_ids
        others = [i for i in ids if i not in disliked]  # films seen: the most recent ones stay
        room = max(MAX_EXCLUDED - (len(ids) - len(others)), 0)
        kept = disliked | set(others[len(others) - room:] if room else [])
        update["constraints"] = state.constraints.model_copy(
            update={"exclude_ids": [i for i in ids if i in kept]})
    return state.model_copy(update=update) if update else state


def reset(state: DialogueState) -> DialogueState:
    """A new conversation: the same session_id, everything else cleared."""
    return DialogueState(session_id=state.session_id)
