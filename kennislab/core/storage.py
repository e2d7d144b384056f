"""Private uploads (vignet evidence, attachments of practice stories): one storage alias,
STORAGES["private"], never served by URL; only views that check who asks read them, through the
storage API (`field.open()`), so the backend is configuration only.

By default the files live on disk under PRIVATE_MEDIA_ROOT (`PrivateStorage`, outside MEDIA_ROOT);
a private S3-compatible bucket is a matter of settings (README, "Private files"):
PRIVATE_STORAGE_BACKEND=storages.backends.s3.S3Storage with PRIVATE_STORAGE_OPTIONS as JSON.

Models point their FileFields at `private_storage` (a callable, so migrations name the function
and not a backend). It returns one lazy object that asks Django's `storages` handler for the
alias when first used and again after STORAGES changed (tests switch it), so a field follows the
settings although Django calls the callable only once, when the model class is built.
"""

from __future__ import annotations

import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.utils.functional import LazyObject, empty

PRIVATE_STORAGE_ALIAS = "private"


FILE_MODE = 0o600  # private files: only the app's own user reads them …
DIRECTORY_MODE = 0o700  # … and lists their folders


class PrivateStorage(FileSystemStorage):
    """Files on disk under PRIVATE_MEDIA_ROOT, read from the settings on every use (tests point it
    elsewhere), unless OPTIONS give a `location`. No URL: `url()` raises ValueError. Files are
    written 0600 and folders 0700 whatever the umask (OPTIONS may still say otherwise)."""

    def __init__(self, *args, file_permissions_mode=FILE_MODE,
                 directory_permissions_mode=DIRECTORY_MODE, **kwargs):  # fmt: skip
        super().__init__(
            *args,
            file_permissions_mode=file_permissions_mode,
            directory_permissions_mode=directory_permissions_mode,
            **kwargs,
        )

    @property
    def base_location(self):
        if self._location is not None:
            return str(self._location)
        return str(settings.PRIVATE_MEDIA_ROOT)

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    @property
    def base_url(self):
        return None


class PrivateFiles(LazyObject):
    """STORAGES["private"], looked up when first used (like Django's `default_storage`)."""

    def _setup(self):
        self._wrapped = storages[PRIVATE_STORAGE_ALIAS]


private_files = PrivateFiles()


def private_storage():
    """The `storage=` of every FileField that holds private uploads."""
    return private_files


@receiver(setting_changed)
def _storages_changed(*, setting, **kwargs):
    # Django forgets its storage instances when STORAGES changes; follow it.
    if setting == "STORAGES":
        private_files._wrapped = empty
