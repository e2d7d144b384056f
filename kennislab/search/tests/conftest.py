"""The search tests' shared corpus: four small documents (test_engine, test_compaction); a
module with its own `corpus` fixture uses that one instead."""

import pytest

from .test_engine import doc, index


@pytest.fixture
def corpus():
    index(
        doc("a", "Moestuin in de wijk", "Bewoners beginnen samen een moestuin in hun wijk."),
        doc("b", "Sport in de wijk", "Een sportvereniging opent de deuren voor de wijk."),
        doc("c", "Moestuinen op school", "Kinderen kweken groenten in een moestuin op school."),
        doc("d", "Eenzaamheid", "Ouderen in de wijk voelen zich minder eenzaam."),
    )
