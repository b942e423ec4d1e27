"""The coordinator chooses a strategy's peers in the admin; their figures come
only from statistics files, so the admin shows them read-only."""

from django.contrib import admin

from .peer_models import Peer, PeerValue


@admin.register(Peer)
class PeerAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "strategy", "order"]
    list_filter = ["strategy"]
    fields = ["strategy", "code", "name", "name_en", "order"]


@admin.register(PeerValue)
class PeerValueAdmin(admin.ModelAdmin):
    list_display = [
        "indicator",
        "peer",
        "year",
        "part",
        "value",
        "preliminary",
        "imported_at",
    ]
    list_filter = ["peer", "indicator"]
    list_select_related = ["peer", "indicator"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
