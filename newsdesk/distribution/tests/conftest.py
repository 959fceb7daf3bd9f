import pytest


@pytest.fixture(autouse=True)
def _media_in_tmp():
    """Keep MEDIA_ROOT where setUpTestData saved the images: renditions need the original files.

    (The project-wide fixture moves MEDIA_ROOT per test, after class-level data was written.)"""
    yield
