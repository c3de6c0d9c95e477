"""Stable, opaque ASCII IRIs for things the registry does not name."""
from __future__ import annotations

import hashlib

from .namespaces import IKR
from .registry import normalise

_PREFIX = {"Branch": "branch", "Insurer": "insurer", "InsuranceGroup": "group", "Product": "product",
           "Initiative": "initiative", "BeneficiaryGroup": "beneficiary", "Regulator": "regulator",
           "IndustryBody": "body", "Partner": "partner"}


def digest(*parts: str) -> str:
    """16 hex characters of SHA-256 over ``parts``: the same input gives the same IRI everywhere."""
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]


def entity_iri(cls: str, *key: str) -> str:
    """IRI of a discovered entity of class ``cls`` identified by ``key`` (names are normalised)."""
    return str(IKR[f"{_PREFIX[cls]}-{digest(cls, *(normalise(k) for k in key))}"])


def node_iri(kind: str, *key: str | int) -> str:
    """IRI of a fact or evidence node, from what identifies it."""
    return str(IKR[f"{kind}-{digest(kind, *map(str, key))}"])
