"""The network's themes and domains (DOMAIN.md). Editors can rename and extend themes later."""

from django.db import migrations

THEMES = [
    (
        "Positieve Gezondheid",
        "positieve-gezondheid",
        "Gezondheid als het vermogen om je aan te passen en eigen regie te voeren, ook met "
        "tegenslag. Hoe organisaties, wijken en regio's die brede blik toepassen.",
        "positieve gezondheid, positief gezond, brede blik op gezondheid, brede kijk op "
        "gezondheid, institute for positive health, iph, kennisvoucher, spinnenweb",
    ),
    (
        "Mentale gezondheid",
        "mentale-gezondheid",
        "Mentale kracht en veerkracht van jong en oud, en laagdrempelige steun als het even "
        "niet gaat.",
        "mentale, mentaal, psychisch, psychosoci, depressie, somberheid, angst, eenzaam, "
        "burn-out, missie mentaal, veerkracht, werkstress, welzijnscoach",
    ),
    (
        "Groen en gezondheid",
        "groen-en-gezondheid",
        "Natuur als bron van gezondheid: groene omgevingen, natuur in zorg en welzijn, "
        "verwijzen naar buiten.",
        "natuur, groene, vergroen, groen en gezondheid, thema groen, netwerkadviseur groen, "
        "ivn, staatsbosbeheer, moestuin, buitenlucht",
    ),
    (
        "Leefstijl",
        "leefstijl",
        "Bewegen, voeding, slapen, roken en alcohol: gezonde gewoonten die het verschil maken.",
        "leefstijl, bewegen, sport, voeding, gezonder eten, gezond eten, roken, alcohol, "
        "overgewicht, obesitas, suiker, gewoonte",
    ),
    (
        "Preventie",
        "preventie",
        "Voorkomen is beter: landelijke en lokale preventieakkoorden en hoe je ze samen "
        "waarmaakt.",
        "preventie, preventief, preventieakkoord, preventie-akkoord, gezond en actief leven, "
        "gala, gezondheidswinst, gezondheidsachterstand",
    ),
    (
        "Jeugd en gezin",
        "jeugd-en-gezin",
        "Gezond opgroeien: kinderen, jongeren, ouders en de mensen om hen heen.",
        "jongeren, jeugd, kinderen, kind, ouders, ouderschap, gezin, opvoeding, opgroeien",
    ),
    (
        "Werk en vitaliteit",
        "werk-en-vitaliteit",
        "Vitale werkgevers en werknemers: werkplezier, duurzame inzetbaarheid en een gezonde "
        "werkplek.",
        "werkgever, werknemer, medewerkers, vitaliteit, vitaal bedrijf, vignet, werkdruk, "
        "werkplezier, werkstress, arbeidsmarkt, arbeidstijden, werkvloer",
    ),
    (
        "Wijk en sociale basis",
        "wijk-en-sociale-basis",
        "Gezonde wijken en dorpen: bewonersinitiatieven, sociale basisinfrastructuur en "
        "samenwerking tussen formeel en informeel.",
        "wijk, buurt, bewoner, dorp, sociale basis, sociaal makelaar, gemeenschap, informele, "
        "burgerinitiatie, inwonersinitiatie, samenredzaam, burenhulp",
    ),
    (
        "Zorginnovatie",
        "zorginnovatie",
        "Slimme zorg en e-health: technologie en nieuwe werkwijzen die zorg en welzijn "
        "verbeteren.",
        "slimme zorg, e-health, ehealth, zorginnovatie, innovatie, innoveren, beeldbellen, "
        "digitale zorg, technologie",
    ),
    (
        "Regio en transformatie",
        "regio-en-transformatie",
        "Regionale netwerken die de beweging maken van ziekte en zorg naar gezondheid en gedrag.",
        "transformatie, transitie, regionetwerk, netwerkregie, netwerkregisseur, kavel, integraal "
        "zorgakkoord, iza, regiovisie, publiek-private, samenwerkingsverband, regio's",
    ),
    (
        "Onderwijs en opleiding",
        "onderwijs-en-opleiding",
        "Leren en opleiden voor gezondheid: scholen, beroepsonderwijs en leven lang leren.",
        "onderwijs, opleiding, opleiden, studenten, hogeschool, beroepsonderwijs, leerlingen, "
        "basisschool, leergang, scholing",
    ),
]

DOMAINS = [("wijk", "Wijk"), ("school", "School"), ("werk", "Werk"), ("zorg", "Zorg"), ("regio", "Regio")]


def create(apps, schema_editor):
    Theme = apps.get_model("content", "Theme")
    Domain = apps.get_model("content", "Domain")
    for order, (name, slug, description, keywords) in enumerate(THEMES, start=1):
        Theme.objects.update_or_create(
            slug=slug,
            defaults={
                "name": name,
                "description": description,
                "keywords": keywords,
                "sort_order": order,
            },
        )
    for order, (code, name) in enumerate(DOMAINS, start=1):
        Domain.objects.update_or_create(code=code, defaults={"name": name, "sort_order": order})


def remove(apps, schema_editor):
    apps.get_model("content", "Theme").objects.filter(slug__in=[t[1] for t in THEMES]).delete()
    apps.get_model("content", "Domain").objects.filter(code__in=[d[0] for d in DOMAINS]).delete()


class Migration(migrations.Migration):
    dependencies = [("content", "0001_initial")]

    operations = [migrations.RunPython(create, remove)]
