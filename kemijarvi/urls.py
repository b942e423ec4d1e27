from django.conf import settings
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from strategy.landing import LoginView
from strategy.login_forms import AdminLoginForm, LoginForm

# The admin's name in the site's words ("Djangon ylläpito" otherwise).
admin.site.site_header = _("Strategia-seurannan ylläpito")
admin.site.site_title = _("Strategia-seurannan ylläpito")
# The same login throttling as /kirjaudu/ (strategy/login_throttle.py).
admin.site.login_form = AdminLoginForm

urlpatterns = [
    path("", include("indicators.strategy_urls")),
    path("", include("indicators.urls")),
    path("", include("reports.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    # /kirjaudu/, /kirjaudu-ulos/
    path("kirjaudu/", LoginView.as_view(authentication_form=LoginForm), name="login"),
    path("kirjaudu-ulos/", auth_views.LogoutView.as_view(), name="logout"),
    path("hallinta/", admin.site.urls),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# 400 in the site's layout; 413 when a post is over the size limits.
handler400 = "strategy.errors.bad_request"
