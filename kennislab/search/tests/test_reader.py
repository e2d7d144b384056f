"""The reader's array helpers: pure, no database."""

import numpy as np
import pytest

from kennislab.search.reader import IndexReader, _bit_counts


@pytest.mark.parametrize("sparse", [False, True])
def test_postings_map_to_rows_by_id(sparse):
    reader = IndexReader()
    step = 10_000_000 if sparse else 3
    reader.ids = np.arange(1, 11, dtype=np.int64) * step
    reader._build_row_table()
    assert (reader._row_table is None) == sparse  # very sparse ids: binary search instead
    ids = np.asarray([0, step, 2 * step + 1, 5 * step, 10 * step, 11 * step], dtype=np.int64)
    rows, found = reader._rows_of(ids)
    assert rows.tolist() == [0, 4, 9]
    assert found.tolist() == [False, True, False, True, True, False]


def test_an_empty_reader_maps_nothing():
    reader = IndexReader()
    reader._build_row_table()
    rows, found = reader._rows_of(np.asarray([1, 2], dtype=np.int64))
    assert rows.tolist() == [] and found.tolist() == [False, False]


@pytest.mark.parametrize("width", [0, 1, 5, 8, 11, 16, 63])
def test_bit_counts(width):
    bits = np.random.default_rng(width).integers(0, 2**62, 1000, dtype=np.int64)
    expected = [int(np.count_nonzero(bits & (1 << code))) for code in range(width)]
    assert _bit_counts(bits, width).tolist() == expected
