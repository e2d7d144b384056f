"""Starting synonyms and abbreviations; editors maintain them under Snippets → Synoniemen."""

from django.db import migrations

GROUPS = [
    (["GGZ", "geestelijke gezondheidszorg"], "afkorting"),
    (["GGD", "gemeentelijke gezondheidsdienst"], "afkorting"),
    (["IZA", "Integraal Zorgakkoord"], "afkorting"),
    (["GALA", "Gezond en Actief Leven Akkoord"], "afkorting"),
    (["VWS", "Volksgezondheid, Welzijn en Sport"], "ministerie"),
    (["OCW", "Onderwijs, Cultuur en Wetenschap"], "ministerie"),
    (["VNG", "Vereniging van Nederlandse Gemeenten"], "afkorting"),
    (["JOGG", "Jongeren Op Gezond Gewicht"], "afkorting"),
    (["mbo", "middelbaar beroepsonderwijs"], "afkorting"),
    (["hbo", "hoger beroepsonderwijs"], "afkorting"),
    (["Wmo", "Wet maatschappelijke ondersteuning"], "afkorting"),
    (["dokter", "arts"], "zelfde betekenis"),
    (["e-health", "ehealth", "slimme zorg", "zorgtechnologie"], "zelfde onderwerp"),
    (["jeugd", "jongeren"], "zelfde doelgroep"),
    (["ouderen", "senioren"], "zelfde doelgroep"),
    (["inwoners", "bewoners", "burgers"], "zelfde doelgroep"),
    (["werkgever", "bedrijf"], "zelfde doelgroep"),
    (["vitaliteit", "vitaal"], "zelfde onderwerp"),
    (["PG", "Positieve Gezondheid"], "afkorting"),
]


def create(apps, schema_editor):
    SynonymGroup = apps.get_model("kennislab_search", "SynonymGroup")
    for terms, note in GROUPS:
        SynonymGroup.objects.get_or_create(terms="\n".join(terms), defaults={"note": note})


def remove(apps, schema_editor):
    SynonymGroup = apps.get_model("kennislab_search", "SynonymGroup")
    SynonymGroup.objects.filter(terms__in=["\n".join(terms) for terms, _ in GROUPS]).delete()


class Migration(migrations.Migration):
    dependencies = [("kennislab_search", "0001_initial")]

    operations = [migrations.RunPython(create, remove)]
