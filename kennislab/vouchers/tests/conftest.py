"""Fixtures for the voucher tests: an open scheme with its pages and good examples."""

import pytest

from .factories import build_voucher_site


@pytest.fixture
def make_voucher_site():
    """Build a scheme with its page tree: make_voucher_site(examples=4, max_vouchers=5, …)."""
    return build_voucher_site


@pytest.fixture
def voucher_site(make_voucher_site):
    """An open scheme with 3 good examples: 3 vouchers of € 9,000, at most 2 per example."""
    return make_voucher_site()
