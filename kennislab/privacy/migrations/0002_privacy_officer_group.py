"""The group "Privacyfunctionaris": the back office (access_admin), the access log
(view_accessevent) and the page Persoonsgegevens (manage_personal_data)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP = "Privacyfunctionaris"
PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("privacy", "view_accessevent"),
    ("privacy", "manage_personal_data"),
]


def add_group(apps, schema_editor):
    # On a fresh database the permissions of this app do not exist yet (Django makes them after
    # the last migration): make them now.
    config = apps.get_app_config("privacy")
    config.models_module = True
    create_permissions(config, apps=apps, verbosity=0, using=schema_editor.connection.alias)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _created = Group.objects.get_or_create(name=GROUP)
    for app_label, codename in PERMISSIONS:
        group.permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("privacy", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [migrations.RunPython(add_group, remove_group)]
