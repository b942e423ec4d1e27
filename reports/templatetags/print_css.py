"""Text written into CSS, for the report PDF's running header and footer."""

from django import template
from django.utils.safestring import SafeString, mark_safe

register = template.Library()

# Printable as they are; anything else (quotes, backslashes, "<" of a
# "</style>", line breaks) is written as a CSS escape.
PLAIN = set(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,:;-–—§()/!?+%"
)


@register.filter
def css_string(value) -> SafeString:
    """``value`` as a quoted CSS string, safe inside a <style> element."""
    text = " ".join(str(value).split())
    escaped = "".join(
        ch if ch in PLAIN or (ch.isalpha() and ord(ch) > 127) else f"\\{ord(ch):x} "
        for ch in text
    )
    return mark_safe(f'"{escaped}"')
