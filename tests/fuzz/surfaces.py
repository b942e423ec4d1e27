"""Which URL names the fuzz tests post to (``covers``), so that a view that
accepts POST and has no fuzz test fails ``test_fuzz_coverage``."""

COVERED: set[str] = set()


def covers(*names: str):
    def mark(test):
        COVERED.update(names)
        return test

    return mark
