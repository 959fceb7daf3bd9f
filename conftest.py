import pytest


@pytest.fixture(autouse=True, scope="session")
def _media_in_tmp(tmp_path_factory):
    # One media folder per test session (and xdist worker), not per test: images saved in
    # setUpTestData must still exist when the class's tests render them.
    from django.conf import settings

    settings.MEDIA_ROOT = tmp_path_factory.mktemp("media")
