"""Search that understands Finnish, the same on SQLite and PostgreSQL.

A text is reduced to *search terms*: each word lower-cased, cut to its stem by
Snowball's Finnish stemmer ("työttömät" → "työttöm") and folded to plain
letters ("työttöm" → "tyottom"), so that inflected forms and text typed
without ä and ö meet. An indicator keeps its terms in a stored column
(``Indicator.search_text``, filled on save), and a query becomes plain
``LIKE`` lookups on that column, which both databases answer alike.

How a query term matches the stored words depends on its length, so that a
short word does not match inside every longer one:

- MIN_INFIX letters or more: anywhere in a word (Finnish compounds:
  "aste" finds "työttömyysaste");
- MIN_PREFIX letters or more: at the start of a word ("kyl", the stem of
  "kylien", finds "kylätapahtumat");
- shorter: a whole word only ("on" does not find "monipuolisuus").

Every term of the query must match (AND).
"""

import re
import unicodedata
from functools import lru_cache

from django.db.models import Q

import snowballstemmer

MIN_INFIX = 4
MIN_PREFIX = 3

_WORD = re.compile(r"\w+")
_stemmer = snowballstemmer.stemmer("finnish")


def fold(text: str) -> str:
    """Lower case without accents: "Työttömyys" → "tyottomyys"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=4096)
def _stem(word: str) -> str:
    return fold(_stemmer.stemWord(word))


def words(text: str) -> list[str]:
    return _WORD.findall((text or "").casefold())


def document(*texts: str) -> str:
    """The stored search text: each word folded whole and as its stem,
    space-delimited (also at both ends, for whole-word and prefix lookups)."""
    terms: dict[str, None] = {}
    for text in texts:
        for word in words(text):
            terms[fold(word)] = None
            terms[_stem(word)] = None
    return f" {' '.join(terms)} " if terms else ""


def query_terms(query: str) -> list[tuple[str, ...]]:
    """What each word of a query looks for: its stem's pattern, and the whole
    word anywhere when it is long enough ("aste", whose stem "ast" is short,
    still finds "työttömyysaste"). Without repeats."""
    found: dict[tuple[str, ...], None] = {}
    for word in words(query):
        patterns = [_pattern(_stem(word))]
        whole = fold(word)
        if len(whole) >= MIN_INFIX and whole not in patterns:
            patterns.append(whole)
        found[tuple(patterns)] = None
    return list(found)


def _pattern(term: str) -> str:
    if len(term) >= MIN_INFIX:
        return term
    if len(term) >= MIN_PREFIX:
        return f" {term}"
    return f" {term} "


def lookup(query: str, field: str = "search_text") -> Q | None:
    """A filter on a stored search text; None when the query has no words."""
    terms = query_terms(query)
    if not terms:
        return None
    condition = Q()
    for patterns in terms:
        either = Q()
        for pattern in patterns:
            either |= Q(**{f"{field}__contains": pattern})
        condition &= either
    return condition


def matches(stored: str, query: str) -> bool:
    """The same test in Python, for rows that keep no search text."""
    terms = query_terms(query)
    return bool(terms) and all(
        any(pattern in stored for pattern in patterns) for patterns in terms
    )
