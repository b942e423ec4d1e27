"""Import of readings from a spreadsheet: read the file, preview it, apply it.

``parsing`` turns a CSV or XLSX file into a table of text cells (or refuses
the file with a message naming the row and the column); ``preview`` checks
every row through the record form (``forms.ReadingForm``), the same code path
as a reading typed by hand, and says what it would do; ``apply`` writes the
rows through ``services`` in one transaction, all or nothing. ``template``
makes the downloadable template file.
"""
