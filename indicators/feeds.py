"""Atom feeds of progress: new readings and corrections (/syote/, …).

Three feeds (Django's syndication framework): the whole strategy
(``/syote/``), one focus area (``/painopistealueet/<n>/syote/``) and one
indicator (``/mittarit/<pk>/syote/``). Their entries come from
``feed_entries``, which asks each function of ``ENTRY_SOURCES`` for its
latest entries and keeps the newest: a new kind of entry (a measure's
progress update) is one more function there, returning ``Entry`` rows.

Only public indicators of the current strategy and valid readings appear:
an internal indicator, a withdrawn reading or a draft of anything never
does, whoever asks. Figures come from the indicators' states, as on the
pages (``loading``), written by ``formatting``.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.defaultfilters import linebreaksbr
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import format_html
from django.utils.translation import gettext as _

from strategy.current import current_strategy_or_404
from strategy.models import FocusArea

from .choices import Status
from .exports import public_indicators
from .loading import load_states
from .models import Indicator, Reading
from .state import Definition, ReadingState
from .templatetags.indicator_tags import reading_marks

FEED_LENGTH = 50


@dataclass(frozen=True)
class Scope:
    """Which part of the strategy a feed follows."""

    strategy: object
    area: FocusArea | None = None
    indicator_id: int | None = None
    indicator_name: str = ""

    def indicators(self):
        """The public indicators the feed may show, and no others."""
        indicators = public_indicators(self.strategy)
        if self.area is not None:
            linked = Indicator.measures.through.objects.filter(
                measure__focus_area=self.area
            ).values("indicator_id")
            indicators = indicators.filter(pk__in=linked)
        if self.indicator_id is not None:
            indicators = indicators.filter(pk=self.indicator_id)
        return indicators


@dataclass(frozen=True)
class Entry:
    """One entry of a feed, whatever its source."""

    key: str  # unique within the site: "reading-12-new"
    title: str
    html: str  # the summary, already escaped
    link: str
    published: datetime.datetime
    updated: datetime.datetime


# -- readings and corrections ---------------------------------------------


def _reading_title(d: Definition, r: ReadingState, corrected: bool) -> str:
    what = _("Korjattu tulos") if corrected else _("Uusi tulos")
    if d.is_numeric:
        figure = d.value_text(r.value)
    else:  # the assessment staff chose (a reading before the period is unjudged)
        figure = str(Status(r.assessed).label) if r.assessed else ""
    title = f"{what}: {d.name} {r.period.label()}: {figure}"
    if d.is_demo:
        title += " (" + _("esimerkkiaineisto") + ")"
    return title


def _reading_html(d: Definition, r: ReadingState) -> str:
    parts = []
    if d.is_numeric:
        parts.append(
            format_html(
                "<p>{} {}{}</p>",
                _("Tulos:"),
                d.value_text(r.value),
                format_html(" ({} {})", _("suunnitelma"), d.value_text(r.planned))
                if r.planned is not None
                else "",
            )
        )
    if r.status is not None:
        parts.append(format_html("<p>{} {}</p>", _("Tila:"), r.status.label))
    if r.has_marks:
        # A feed has no logged-in reader: the marks without the history link.
        parts.append(format_html("<p>{}</p>", reading_marks({}, r)))
    if r.narrative:
        parts.append(format_html("<p>{}</p>", linebreaksbr(str(r.narrative))))
    if d.is_demo:
        parts.append(
            format_html(
                "<p>{}</p>",
                _(
                    "Esimerkkiaineisto: keksitty luku esittelyä varten, ei "
                    "kaupungin virallinen tieto."
                ),
            )
        )
    return "".join(parts)


def _reading_key(pk: int, at: datetime.datetime, corrected: bool) -> str:
    if corrected:  # each correction its own entry
        return f"reading-{pk}-corrected-{at.strftime('%Y%m%dT%H%M%S')}"
    return f"reading-{pk}-new"


def reading_entries(scope: Scope, limit: int) -> list[Entry]:
    """The latest new readings and corrections in ``scope``, newest first."""
    readings = Reading.objects.valid().filter(
        indicator__in=scope.indicators().values("pk")
    )
    new = readings.order_by("-created_at", "-pk").values_list(
        "pk", "indicator_id", "created_at"
    )[:limit]
    corrected = (
        readings.filter(corrected_at__isnull=False)
        .order_by("-corrected_at", "-pk")
        .values_list("pk", "indicator_id", "corrected_at")[:limit]
    )
    events = [(pk, ind, at, False) for pk, ind, at in new]
    events += [(pk, ind, at, True) for pk, ind, at in corrected]
    events.sort(key=lambda e: e[2], reverse=True)
    events = events[:limit]
    if not events:
        return []
    ids = {indicator_id for _pk, indicator_id, _at, _c in events}
    states = load_states(
        public_indicators(scope.strategy).filter(pk__in=ids), readings=True
    )
    found = {r.id: (s.definition, r) for s in states for r in s.readings}
    entries = []
    for pk, _indicator_id, at, corrected in events:
        if pk not in found:
            continue
        d, r = found[pk]
        entries.append(
            Entry(
                key=_reading_key(pk, at, corrected),
                title=_reading_title(d, r, corrected),
                html=_reading_html(d, r),
                link=d.get_absolute_url(),
                published=at,
                updated=at,
            )
        )
    return entries


# Each returns its latest entries in a scope. Measures' progress updates add
# theirs here (they are being built in parallel).
ENTRY_SOURCES: list[Callable[[Scope, int], list[Entry]]] = [reading_entries]


def feed_entries(scope: Scope, limit: int = FEED_LENGTH) -> list[Entry]:
    """The newest ``limit`` entries of every source, newest first."""
    entries = [e for source in ENTRY_SOURCES for e in source(scope, limit)]
    entries.sort(key=lambda e: (e.updated, e.key), reverse=True)
    return entries[:limit]


# -- the feeds ------------------------------------------------------------


class ProgressFeed(Feed):
    """The whole strategy's feed; the others narrow its scope."""

    feed_type = Atom1Feed

    def get_object(self, request, *args, **kwargs) -> Scope:
        return Scope(current_strategy_or_404(request))

    def title(self, scope: Scope) -> str:
        return _("%(municipality)s: kaupunkistrategian seuranta") % {
            "municipality": scope.strategy.municipality_i18n
        }

    def subtitle(self, scope: Scope) -> str:
        return _(
            "Uudet tulokset ja korjaukset julkisiin mittareihin. Lisenssi: CC BY 4.0."
        )

    def link(self, scope: Scope) -> str:
        return reverse("strategy:home")

    def author_name(self, scope: Scope) -> str:
        return scope.strategy.municipality_i18n

    def feed_guid(self, scope: Scope) -> str:
        return self.link(scope)

    def items(self, scope: Scope) -> list[Entry]:
        return feed_entries(scope)

    def item_title(self, entry: Entry) -> str:
        return entry.title

    def item_description(self, entry: Entry) -> str:
        return entry.html

    def item_link(self, entry: Entry) -> str:
        return entry.link

    def item_guid(self, entry: Entry) -> str:
        return entry.key

    item_guid_is_permalink = False

    def item_pubdate(self, entry: Entry) -> datetime.datetime:
        return entry.published

    def item_updateddate(self, entry: Entry) -> datetime.datetime:
        return entry.updated

    def get_feed(self, obj, request):
        feed = super().get_feed(obj, request)
        # Entry ids as tag URIs (RFC 4151), unique on this site.
        host = request.get_host().split(":")[0]
        for item in feed.items:
            item["unique_id"] = f"tag:{host},2024:{item['unique_id']}"
        feed.feed["id"] = request.build_absolute_uri(self.link(obj))
        return feed


class FocusAreaFeed(ProgressFeed):
    def get_object(self, request, number: int) -> Scope:
        strategy = current_strategy_or_404(request)
        area = get_object_or_404(FocusArea, strategy=strategy, number=number)
        return Scope(strategy, area=area)

    def title(self, scope: Scope) -> str:
        return _("%(municipality)s: painopistealue %(number)s. %(title)s") % {
            "municipality": scope.strategy.municipality_i18n,
            "number": scope.area.number,
            "title": scope.area.short_title_i18n,
        }

    def link(self, scope: Scope) -> str:
        return scope.area.get_absolute_url()


class IndicatorFeed(ProgressFeed):
    def get_object(self, request, pk: int) -> Scope:
        strategy = current_strategy_or_404(request)
        indicator = public_indicators(strategy).filter(pk=pk).first()
        if indicator is None:
            raise Http404
        return Scope(strategy, indicator_id=pk, indicator_name=indicator.name_i18n)

    def title(self, scope: Scope) -> str:
        return _("%(municipality)s: mittari %(name)s") % {
            "municipality": scope.strategy.municipality_i18n,
            "name": scope.indicator_name,
        }

    def link(self, scope: Scope) -> str:
        return reverse("indicators:detail", args=[scope.indicator_id])
