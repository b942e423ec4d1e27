"""What the fuzz tests type into forms: Hypothesis strategies of odd input.

Text of every Unicode category but surrogates (which no browser can send),
control characters and NUL included; strings just under, at and over the
length limits of the models; numbers in the forms people and machines write
them (``1 234,5``, ``−0``, ``1e309``, ``NaN``, forty digits); dates of every
shape (``31.12.9999``, ``0000-00-00``, years out of range); ids of other rows.
"""

import string

from hypothesis import strategies as st

# Every character a browser can post: all categories but the surrogates.
any_char = st.characters(blacklist_categories=("Cs",))
odd_chars = st.sampled_from(
    ["\x00", "\x01", "\x1b", "\x7f", "\u200b", "\u202e", "\ufeff", "\ufffd",
     "\u2028", "\r", "\n", "\t", "§", "€", "ä", "Ö", "𝟘", "😀", "\u0301", "<", "&"]
)  # fmt: skip

# The length limits of the models' and forms' text fields (see
# tests/security/test_bounded_input.py), and the request's own (2,5 Mt).
LIMITS = [40, 100, 150, 200, 300, 500, 1000, 2000, 4000, 20000]


def near_limit(*, huge: bool = True) -> st.SearchStrategy[str]:
    """A string one under, at or one over a length limit, sometimes (with
    ``huge``) far over all of them."""
    sizes = st.sampled_from(LIMITS).flatmap(
        lambda n: st.sampled_from([n - 1, n, n + 1])
    )
    if huge:
        sizes = st.one_of(sizes, st.just(300_000))
    return st.tuples(sizes, st.sampled_from(["x", "ä", "😀", " ", "1"])).map(
        lambda pair: pair[1] * pair[0]
    )


def text(*, huge: bool = True) -> st.SearchStrategy[str]:
    """Arbitrary text: short Unicode, odd characters, or near a limit."""
    return st.one_of(
        st.text(any_char, max_size=30),
        st.text(odd_chars, min_size=1, max_size=5),
        near_limit(huge=huge),
    )


ODD_NUMBERS = [
    "", " ", "0", "-0", "−0", "+0", "1e309", "-1e309", "1e-400", "NaN", "nan",
    "-NaN", "sNaN", "Infinity", "-inf", "∞", "1 234,5", "1\u00a0234,5",
    "1\u202f234,5", "1.234,5", "1,234.5", "1,2,3", "12,5", "12.5", ",5", "5,",
    "--5", "+-5", "0x1A", "1_000", "٢٠٢٦", "１２", "½", "²", "1e3", "1E-3",
    "9" * 40, "-" + "9" * 40, "0." + "0" * 30 + "1", "12,34567", "2147483648",
    "9223372036854775808", "-2147483649", "3.14159265358979323846",
]  # fmt: skip


def number() -> st.SearchStrategy[str]:
    """A number as text in an odd (or ordinary) form."""
    return st.one_of(
        st.sampled_from(ODD_NUMBERS),
        st.integers().map(str),
        st.decimals(allow_nan=True, allow_infinity=True).map(str),
        st.floats().map(str),
        st.decimals(places=4, min_value=-(10**14), max_value=10**14).map(
            lambda d: str(d).replace(".", ",")
        ),
        text(),
    )


def year() -> st.SearchStrategy[str]:
    return st.one_of(
        st.integers(min_value=-5, max_value=10_000).map(str),
        st.sampled_from(["2024", "2025", "2026", "2029", "1899", "0", "65536"]),
        number(),
    )


ODD_DATES = [
    "31.12.9999", "0000-00-00", "00.00.0000", "9999-12-31", "10000-01-01",
    "0001-01-01", "1.1.1", "29.2.2025", "29.2.2024", "31.4.2025", "32.1.2025",
    "2025-13-01", "2025-02-30", "1.1.-5", "-2025-01-01", "2025-06-15T12:00",
    "15.6.2026", "today", "tänään", "30.6.2025", "2025-06-30", "1.1.2024",
    "31.12.2028", "1.1.1900", "1.1.2030", "٢٠٢٥-٠١-٠١",
]  # fmt: skip


def date() -> st.SearchStrategy[str]:
    """A date as text: odd ones, real ones in the formats the forms take,
    and arbitrary text."""
    real = st.dates()
    return st.one_of(
        st.sampled_from(ODD_DATES),
        real.map(lambda d: d.isoformat()),
        real.map(lambda d: f"{d.day}.{d.month}.{d.year}"),
        real.map(lambda d: f"{d.day:02}/{d.month:02}/{d.year}"),
        text(),
    )


def identifier(*known: int) -> st.SearchStrategy[str]:
    """An id: one of ``known`` (other rows of the same kind), nonsense, or
    numbers too big for any column."""
    return st.one_of(
        st.sampled_from([str(pk) for pk in known] or ["1"]),
        st.sampled_from(["", "0", "-1", "1.5", "abc", "9" * 40, "1e3", " 1 "]),
        st.integers(min_value=-(2**70), max_value=2**70).map(str),
        text(),
    )


def choice(*valid: str) -> st.SearchStrategy[str]:
    """One of the valid choices, or anything else."""
    return st.one_of(st.sampled_from(list(valid)), text())


def flag() -> st.SearchStrategy[str]:
    return st.one_of(st.sampled_from(["on", "1", "true", "", "off", "0"]), text())


def param_name() -> st.SearchStrategy[str]:
    return st.one_of(
        st.text(string.ascii_lowercase + "_", min_size=1, max_size=12),
        st.text(any_char, min_size=1, max_size=12),
    )


@st.composite
def mutated(draw, valid: dict, fields: dict) -> dict:
    """``valid`` (a post the form accepts) with some of its fields replaced by
    values from ``fields`` (name → strategy) and some left out. Hypothesis
    shrinks towards the valid post itself, so each run also posts it."""
    names = sorted(set(valid) | set(fields))
    changed = draw(st.sets(st.sampled_from(names), max_size=len(names)))
    left_out = (
        draw(st.sets(st.sampled_from(sorted(changed)), max_size=2))
        if changed
        else set()
    )
    data = dict(valid)
    for name in sorted(changed):
        if name in left_out:
            data.pop(name, None)
        elif name in fields:
            data[name] = draw(fields[name])
        else:
            data[name] = draw(text())
    return data
