"""One entry point for both kinds of statistics file, for the page and the command."""

from strategy.models import Strategy

from .areas import Figure
from .collect import Collected, collect
from .forms import PXWEB, SOTKANET
from .pxweb import SOURCE as PXWEB_SOURCE
from .pxweb import read_pxweb
from .sotkanet import SOURCE as SOTKANET_SOURCE
from .sotkanet import read_sotkanet


def read_statistics(
    source: str,
    data: bytes,
    *,
    strategy: Strategy,
    regions: bytes | None = None,
    own_code: str = "",
) -> Collected:
    """Read a Sotkanet or PxWeb file (``StatisticsFileError`` if it cannot be)."""
    figures: list[Figure]
    if source == SOTKANET:
        figures, label = read_sotkanet(data, regions or b""), SOTKANET_SOURCE
    elif source == PXWEB:
        figures, label = read_pxweb(data), PXWEB_SOURCE
    else:
        raise ValueError(source)
    return collect(figures, strategy=strategy, source=label, own_code=own_code)
