import pytest

from kennislab.content.models import Theme


@pytest.fixture
def themes(db):
    """Three themes of their own (the migrations may add the network's themes too)."""
    return [
        Theme.objects.create(name=f"Testthema {letter}", slug=f"testthema-{letter}", sort_order=90)
        for letter in "abc"
    ]
