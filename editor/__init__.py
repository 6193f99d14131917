"""Proofdesk (校对台): a proofreading desk for Chinese newspaper and bulletin copy."""

__version__ = "0.1.0"
