"""The site's icon: /favicon.ico for browsers that ask, and an SVG that every
page names (a chart line of the project's own drawing, no city's emblem)."""

import io
from pathlib import Path

from django.contrib.staticfiles import finders

from PIL import Image


def test_it_serves_the_icon_at_the_root(client):
    r = client.get("/favicon.ico")
    assert r.status_code == 200
    assert r["Content-Type"] in ("image/x-icon", "image/vnd.microsoft.icon")
    icon = Image.open(io.BytesIO(b"".join(r.streaming_content)))
    assert icon.format == "ICO"
    assert {(16, 16), (32, 32)} <= icon.info["sizes"]


def test_it_names_the_svg_icon_on_every_page(client, strategy):
    html = client.get("/").content.decode()
    assert '<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">' in html
    svg = finders.find("favicon.svg")
    assert svg and Path(svg).read_text().startswith("<svg ")


def test_it_names_the_icon_in_the_admin(admin_client):
    html = admin_client.get("/hallinta/").content.decode()
    assert '<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">' in html
