"""SPARQL text before it reaches pyoxigraph: one lexer that knows strings (also `\"\"\"…\"\"\"` and
`'''…'''`), IRIs and comments; the bounds that keep the parser and planner from blowing up (size,
nesting depth, operator chains); and whether a keyword such as SERVICE or LOAD is really used.

pyoxigraph's parser recurses without a limit (2,300 nested `{` overflow the stack and kill the
process), and its planner is super-linear in nested blank nodes, collections and path sequences;
so these bounds are checked before any parse. The keyword test asks pyoxigraph itself: the text
uses SERVICE as a keyword exactly when it parses but stops parsing once every `service` in it
(in strings, IRIs, names and comments too) is renamed, since a keyword cannot be renamed and stay
valid while anything else can.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from kg.errors import InputError

#: deepest nesting of `{ ( [` a query may have; real queries stay below 20.
MAX_DEPTH = 64
#: most operators (`/ | || && + - * ! = < >`, UNION) chained on one nesting level.
MAX_CHAIN = 256

_STRING = (
    r'"""(?:(?:"|"")?(?:[^"\\]|\\.))*"""'
    r"|'''(?:(?:'|'')?(?:[^'\\]|\\.))*'''"
    r'|"(?:[^"\\\n\r]|\\.)*"'
    r"|'(?:[^'\\\n\r]|\\.)*'"
)
_IRI = r"<(?:[^<>\"{}|^`\\\x00-\x20]|\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8})*>"
_LEXICAL = re.compile(rf"(?P<comment>#[^\n\r]*)|(?P<string>{_STRING})|(?P<iri>{_IRI})", re.DOTALL)
_NAME = r"[\w\u00b7-\uffff]"
_WORD = r"(?:[\w\u00b7-\uffff:%\\\-])++"
_TOKEN = re.compile(
    rf"(?P<skip>#[^\n\r]*|{_STRING}|[?$]{_NAME}++|@[A-Za-z]++(?:-[A-Za-z0-9]++)*+)"
    rf"|(?P<word>{_WORD}(?:\.{_WORD})*+)"  # keywords, numbers, prefixed names (with `-` in them)
    rf"|(?P<iri>{_IRI})"
    r"|(?P<open>[{(\[])|(?P<close>[})\]])"
    r"|(?P<op>\|\||&&|!=|<=|>=|\^\^|[|/^!=<>+*])",
    re.DOTALL,
)
_BRACKETS = re.compile(r"(?P<open>[{(\[])|(?P<close>[})\]])")
_UNION = re.compile(r"UNION", re.IGNORECASE)


def blank_lexical(text: str) -> str:
    """The text with IRIs, strings and comments blanked (same length), for keyword searches:
    a `#` inside `<...#>` is not a comment, a keyword inside a string is not a keyword."""

    def blank(match: re.Match) -> str:
        token = match.group()
        if match.lastgroup == "comment":
            return " " * len(token)
        quote = 3 if token[:3] in ('"""', "'''") else 1
        if match.lastgroup == "iri":
            quote = 1
        return token[:quote] + " " * (len(token) - 2 * quote) + token[-quote:]

    return _LEXICAL.sub(blank, text)


def check_bounds(text: str, max_bytes: int, what: str = "query") -> None:
    """Refuse (400, naming the limit) a text too long, too deeply nested or with too long an
    operator chain for the parser and planner. IRIs are not opaque here: a `<` that is a
    less-than must not hide brackets, so brackets inside IRIs count too (never too few)."""
    size = len(text.encode("utf-8"))
    if size > max_bytes:
        raise InputError(
            f"the {what} is {size} bytes, over the limit of {max_bytes} bytes (KG_MAX_QUERY_BYTES)",
            limit="KG_MAX_QUERY_BYTES",
        )
    depth, chains, deepest = 0, [0], 0
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup
        if kind == "skip":
            continue
        if kind == "word":
            word = match.group()
            if ":" in word:  # a prefixed name: `-` belongs to it
                continue
            found = word.count("-") + (1 if _UNION.fullmatch(word) else 0)
            if not found:
                continue
            chains[-1] += found
        elif kind == "iri":
            for bracket in _BRACKETS.finditer(match.group()):
                depth += 1 if bracket.lastgroup == "open" else -1
                deepest = max(deepest, depth)
            depth = max(depth, 0)
        elif kind == "open":
            depth += 1
            deepest = max(deepest, depth)
            chains.append(0)
        elif kind == "close":
            depth = max(depth - 1, 0)
            if len(chains) > 1:
                chains.pop()
            continue
        else:
            chains[-1] += 1
        if deepest > MAX_DEPTH:
            raise InputError(
                f"the {what} nests deeper than the limit of {MAX_DEPTH} levels of {{ ( [",
                limit="nesting depth",
                position=match.start(),
            )
        if chains[-1] > MAX_CHAIN:
            raise InputError(
                f"the {what} chains more than the limit of {MAX_CHAIN} operators (UNION, / | || && + - "
                "* ! = < >) on one level; split it or use VALUES / IN",
                limit="operator chain",
                position=match.start(),
            )


def uses_keyword(
    text: str, keywords: tuple[str, ...], error_at: Callable[[str], tuple[int, int] | None]
) -> bool:
    """Whether `text` uses one of `keywords` as a keyword, decided by the parser: `error_at` says
    where a text fails to parse (None: it parses). With each keyword renamed everywhere
    (`service` -> `servicx`), the text parses exactly when the words were only inside strings,
    IRIs, names and comments; when it fails before the first renamed word, the original fails
    there too and never runs. The original is never given to the parser (an ASK is evaluated at
    once, so parsing it would make the call this check exists to prevent)."""
    pattern = re.compile("|".join(re.escape(k) for k in keywords), re.IGNORECASE)
    first = pattern.search(text)
    if first is None:
        return False

    def rename(match: re.Match) -> str:
        word = match.group()
        return word[:-1] + ("x" if word[-1].islower() else "X")

    error = error_at(pattern.sub(rename, text))
    if error is None:
        return False
    line = text.count("\n", 0, first.start()) + 1
    column = first.start() - (text.rfind("\n", 0, first.start()) + 1) + 1
    return error >= (line, column)
