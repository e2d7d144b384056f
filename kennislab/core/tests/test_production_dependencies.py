"""The production backends the README names are installed by `make install` (declared in
pyproject.toml and locked): Redis for the shared cache, django-storages with boto3 for
S3-compatible media. Nothing here reaches a network."""

import pytest
from django.core.files.storage import storages


def test_the_redis_client_is_installed_for_the_cache_backend():
    from kennislab.core.cache import ResilientRedisCache

    cache = ResilientRedisCache("redis://127.0.0.1:6379/9", {})
    assert cache._class.__module__.startswith("django.core.cache.backends.redis")
    import redis

    assert redis.Redis  # the client Django's backend imports when it first connects


def test_an_s3_bucket_can_be_the_private_storage(settings):
    settings.STORAGES = {
        **settings.STORAGES,
        "private": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {"bucket_name": "kennislab-private", "endpoint_url": "http://127.0.0.1:9",
                        "access_key": "test", "secret_key": "test", "querystring_auth": True,
                        "default_acl": "private", "region_name": "eu-west-1"},
        },
    }  # fmt: skip
    storage = storages["private"]
    url = storage.url("vignet/bewijs.pdf")  # signed locally by boto3, no request made
    assert url.startswith("http://127.0.0.1:9/kennislab-private/vignet/bewijs.pdf?")
    assert "Signature=" in url or "X-Amz-Signature=" in url


@pytest.mark.parametrize("name", ["storages.backends.s3", "boto3", "botocore"])
def test_the_s3_packages_import(name):
    __import__(name)


def test_public_media_can_go_to_a_bucket_by_the_environment(tmp_path):
    import os
    import subprocess
    import sys

    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": "kennislab.settings.dev",
                   "MEDIA_STORAGE_BACKEND": "storages.backends.s3.S3Storage",
                   "MEDIA_STORAGE_OPTIONS": '{"bucket_name": "kennislab-media", '
                   '"endpoint_url": "http://127.0.0.1:9", "querystring_auth": false, '
                   '"access_key": "test", "secret_key": "test"}'}  # fmt: skip
    code = (
        "import django; django.setup(); from django.core.files.storage import storages; "
        "s = storages['default']; print(type(s).__name__, s.url('beeld/logo.png'))"
    )
    done = subprocess.run([sys.executable, "-c", code], env=environment, capture_output=True,  # noqa: S603
                          text=True, check=True)  # fmt: skip
    assert done.stdout.split() == ["S3Storage", "http://127.0.0.1:9/kennislab-media/beeld/logo.png"]
