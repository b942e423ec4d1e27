"""The accessibility statement (saavutettavuusseloste, law 306/2019, 24 §).

The city's own parts — compliance, known shortcomings, dates, feedback
channel — are an ``AccessibilityStatement`` row that admins edit. Until one is
saved the page shows ``DEFAULTS``, the shortcomings as they are known when
this release was made, and says that the city has not yet confirmed them.
The supervising authority is set by law, not by the city, so it is here.
"""

import datetime

from django.utils.translation import gettext_lazy as _

from .models import AccessibilityStatement, Compliance

# Since 1 January 2025 the Finnish Transport and Communications Agency Traficom
# supervises digital accessibility (HE 71/2024; before that the Regional State
# Administrative Agency for Southern Finland).
SUPERVISOR = {
    "name": _("Liikenne- ja viestintävirasto Traficom"),
    "unit": _("Digitaalisen esteettömyyden ja saavutettavuuden valvonta"),
    "url": "https://www.saavutettavuusvaatimukset.fi",
    "email": "saavutettavuus@traficom.fi",
    "phone": "029 534 5000",
}

DEFAULTS = {
    "organisation": "Kemijärven kaupunki",
    "organisation_en": "City of Kemijärvi",
    "compliance": Compliance.PARTIAL,
    "shortcomings": (
        "Ylläpitosivut (/hallinta/): palvelun testit tarkistavat ne ylläpidon "
        "sivut, joilla strategiakoordinaattori määrittelee mittareita, "
        "vuositavoitteita ja tuloksia. Muita ylläpidon sivuja, kuten "
        "käyttäjien, toimialojen, toimenpiteiden ja tämän selosteen "
        "muokkaussivuja, ei ole tarkistettu, joten niiden saavutettavuutta ei "
        "voida taata. Ne tarkistetaan vuoden 2027 aikana.\n\n"
        "Väliraportin PDF-tiedostossa on rakennemerkinnät (otsikot, luettelot, "
        "taulukot otsikkosoluineen, linkit ja kuvaajien tekstivastineet) ja "
        "kieli, mutta sitä ei ole tarkistettu PDF/UA-standardia vasten eikä "
        "ruudunlukijalla. Sama sisältö on luettavissa raportin verkkosivulla."
        "\n\n"
        "Saavutettavuutta on arvioitu vain automaattisin testein; palvelua ei "
        "ole vielä testattu ruudunlukijaa tai muita apuvälineitä käyttävien "
        "ihmisten kanssa."
    ),
    "shortcomings_en": (
        "Administration pages (/hallinta/): the service's tests check the admin "
        "pages on which the strategy coordinator defines indicators, annual "
        "targets and readings. Other admin pages, such as those for editing "
        "users, departments, measures and this statement, have not been "
        "checked, so their accessibility cannot be guaranteed. They will be "
        "checked during 2027.\n\n"
        "The mid-term report's PDF file is tagged (headings, lists, tables "
        "with header cells, links and text alternatives for the charts) and "
        "has its language set, but it has not been checked against the "
        "PDF/UA standard or with a screen reader. The same content can be "
        "read on the report's web page.\n\n"
        "Accessibility has been assessed by automated tests only; the service "
        "has not yet been tested with people who use a screen reader or other "
        "assistive technology."
    ),
    "assessment": (
        "Itsearviointi. Palvelun automaattiset testit avaavat jokaisen "
        "julkisen sivun oikeassa selaimessa suomeksi ja englanniksi ja "
        "tarkistavat ne axe-core-työkalulla (WCAG 2.1 A ja AA), W3C:n "
        "HTML-tarkistimella, 320 pikselin levyisellä näytöllä, näppäimistöllä "
        "ja ilman JavaScriptiä."
    ),
    "assessment_en": (
        "Self-assessment. The service's automated tests open every public page "
        "in a real browser in Finnish and English and check it with axe-core "
        "(WCAG 2.1 A and AA), the W3C HTML checker, on a 320 pixel wide "
        "screen, with the keyboard and without JavaScript."
    ),
    "prepared_on": datetime.date(2026, 12, 3),
    "reviewed_on": datetime.date(2026, 12, 3),
    "feedback_contact": "Kemijärven kaupungin kirjaamo",
    "feedback_contact_en": "City of Kemijärvi registry office",
    "feedback_email": "kirjaamo@kemijarvi.fi",
    "feedback_phone": "",
    "feedback_url": "",
}


def current_statement() -> tuple[AccessibilityStatement, bool]:
    """The saved statement and True, or the shipped defaults and False."""
    saved = AccessibilityStatement.objects.order_by("pk").first()
    if saved is not None:
        return saved, True
    return AccessibilityStatement(**DEFAULTS), False
