"""Comparing what is stored, column by column, before and after a refused write."""

from django.db import models


def stored(obj: models.Model) -> dict:
    """Every column of ``obj``'s row as the database holds it now."""
    row = type(obj)._base_manager.get(pk=obj.pk)
    return {f.attname: getattr(row, f.attname) for f in row._meta.concrete_fields}
