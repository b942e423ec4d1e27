# The English pages keep the Finnish number and date formats (DESIGN.md): the
# figures are the city's own, and a reader switching language sees the same.
from kemijarvi.formats.fi.formats import *  # noqa: F403

DATETIME_FORMAT = "j.n.Y G:i"
SHORT_DATETIME_FORMAT = "j.n.Y G:i"
