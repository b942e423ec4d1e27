"""National statistics from their own file formats, with no network.

``sotkanet`` reads THL Sotkanet's JSON data file with its regions file;
``pxweb`` reads a Statistics Finland PxWeb JSON-stat2 file. Both give
``Figure`` rows in Statistics Finland's area codes (``areas``). ``collect``
matches them to indicators by their external id: the strategy's own
municipality becomes rows of the ordinary import (checked and saved as a
spreadsheet's rows are), the chosen peers become ``PeerValue`` rows
(``peers``). ``comparison`` shows those beside an indicator's readings.
"""
