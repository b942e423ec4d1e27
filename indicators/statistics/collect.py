"""Figures of a statistics file → the city's import rows and the peers' figures.

An indicator receives the figures whose key its external id names:
``sotkanet:127`` (or just ``127``, a Sotkanet number as the admin's help
says) and ``statfin:11ra:vaesto``. The strategy's own municipality is found
by its name among the file's municipalities (or by ``own_code``, e.g.
"KU320"); its figures become rows of the ordinary import, rounded half up to
the indicator's decimals, and pass the record form like a spreadsheet's rows.
Figures of the strategy's chosen peers are kept for ``peers.peers_apply``.
"""

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import gettext as _

from strategy.models import Strategy

from .. import formatting
from ..choices import Frequency
from ..imports.parsing import Row, Table
from ..models import Indicator, Peer
from .areas import Figure, StatisticsFileError
from .peers import PeerSummary


def indicator_key(external_id: str) -> str:
    key = external_id.strip().lower().replace(" ", "")
    return f"sotkanet:{key}" if key.isdigit() else key


@dataclass
class Collected:
    table: Table
    peers: PeerSummary
    own_area: str
    unmatched_keys: list[str] = field(default_factory=list)


def _names(strategy: Strategy) -> set[str]:
    """The municipality's name as statistics write it: "Kemijärvi" from
    "Kemijärven kaupunki" / "City of Kemijärvi" (the Finnish name is in the
    genitive, the English one is not)."""
    names = {strategy.municipality.strip().lower()}
    english = strategy.municipality_en.strip()
    for prefix in ("city of ", "town of ", "municipality of "):
        if english.lower().startswith(prefix):
            english = english[len(prefix) :]
    if english:
        names.add(english.lower())
    return names


def _own_area(figures: list[Figure], strategy: Strategy, own_code: str) -> str:
    if own_code:
        code = own_code.strip().upper()
        if code.isdigit():
            return f"KU{int(code):03d}"
        return code
    names = _names(strategy)
    for figure in figures:
        if figure.area.startswith("KU") and figure.area_name.strip().lower() in names:
            return figure.area
    raise StatisticsFileError(
        _(
            "Tiedostossa ei ole kuntaa %(name)s. Valitse kunta palvelussa ja "
            "tallenna tiedosto uudelleen, tai anna kuntanumero."
        )
        % {"name": strategy.municipality_en or strategy.municipality}
    )


def _rounded(value: Decimal, decimals: int) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def collect(
    figures: list[Figure], *, strategy: Strategy, source: str, own_code: str = ""
) -> Collected:
    if not figures:
        raise StatisticsFileError(_("Tiedostossa ei ole yhtään lukua."))
    indicators: dict[str, Indicator] = {}
    for indicator in Indicator.objects.filter(strategy=strategy).exclude(
        external_id=""
    ):
        indicators[indicator_key(indicator.external_id)] = indicator
    keys = {figure.key for figure in figures}
    matched = keys & set(indicators)
    if not matched:
        raise StatisticsFileError(
            _(
                "Yhdenkään mittarin ulkoinen tunniste ei vastaa tiedoston "
                "tietoja (%(keys)s). "
                "Kirjoita tunniste mittarin tietoihin."
            )
            % {"keys": ", ".join(sorted(keys))}
        )
    own = _own_area(figures, strategy, own_code)
    peers = {peer.code: peer for peer in Peer.objects.filter(strategy=strategy)}
    rows, summary = [], PeerSummary(source=source)
    for figure in sorted(figures, key=lambda f: (f.key, f.area, f.year, f.part)):
        indicator = indicators.get(figure.key)
        if indicator is None or not indicator.is_numeric:
            continue
        value = _rounded(figure.value, indicator.decimals)
        if figure.area == own:
            part = "" if indicator.frequency == Frequency.YEARLY else str(figure.part)
            rows.append(
                Row(
                    len(rows) + 1,
                    {
                        "mittari": str(indicator.pk),
                        "vuosi": str(figure.year),
                        "jakso": part,
                        "arvo": formatting.plain(value),
                        "ennakkotieto": "x" if figure.preliminary else "",
                        "lähde": source,
                    },
                )
            )
        elif figure.area in peers:
            summary.add(peers[figure.area], indicator, figure, value)
    return Collected(
        table=Table(
            columns=["mittari", "vuosi", "jakso", "arvo", "ennakkotieto", "lähde"],
            rows=rows,
        ),
        peers=summary,
        own_area=own,
        unmatched_keys=sorted(keys - matched),
    )
