"""The peers' figures of a statistics file: kept in the session until the
import is confirmed, then saved as ``PeerValue`` rows. Saving again changes
nothing that did not change."""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from ..models import Peer, PeerValue


@dataclass
class PeerSummary:
    # [peer id, peer name, indicator id, year, part, value text, preliminary]
    entries: list[list] = field(default_factory=list)
    source: str = ""

    def add(self, peer: Peer, indicator, figure, value: Decimal) -> None:
        self.entries.append(
            [
                peer.pk,
                peer.name,
                indicator.pk,
                figure.year,
                figure.part,
                str(value),
                figure.preliminary,
            ]
        )

    def to_json(self) -> dict:
        return {"entries": self.entries, "source": self.source}

    @classmethod
    def from_json(cls, data: dict) -> "PeerSummary":
        return cls(
            entries=[list(e) for e in data["entries"]], source=data.get("source", "")
        )

    @property
    def by_peer(self) -> list[tuple[str, int]]:
        """Each peer's name and how many figures the file has for it."""
        counts: dict[str, int] = {}
        for entry in self.entries:
            counts[entry[1]] = counts.get(entry[1], 0) + 1
        return sorted(counts.items())


@transaction.atomic
def peers_apply(*, summary: PeerSummary, user, file_name: str) -> int:
    """Save the peers' figures; how many were new or changed."""
    now = timezone.now()
    existing = {
        (v.peer_id, v.indicator_id, v.year, v.part): v
        for v in PeerValue.objects.filter(
            peer_id__in={e[0] for e in summary.entries},
            indicator_id__in={e[2] for e in summary.entries},
        )
    }
    changed = 0
    for peer_id, _name, indicator_id, year, part, text, preliminary in summary.entries:
        value = Decimal(text)
        row = existing.get((peer_id, indicator_id, year, part))
        if row is not None and row.value == value and row.preliminary == preliminary:
            continue
        if row is None:
            row = PeerValue(
                peer_id=peer_id, indicator_id=indicator_id, year=year, part=part
            )
        row.value = value
        row.preliminary = preliminary
        row.source = summary.source
        row.source_file = file_name[:200]
        row.imported_at = now
        row.imported_by = user
        row.save()
        changed += 1
    return changed
