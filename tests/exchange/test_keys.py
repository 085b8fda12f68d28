"""Booth keys: Ed25519 PEM pairs, key ids, sign and verify."""
from __future__ import annotations

import hashlib
import re

import pytest
from cryptography.hazmat.primitives import serialization

from otop_pos.exchange.keys import generate_keypair, key_id_of, load_private, public_pem_of, sign, verify


def test_generate_keypair_gives_pem_pair_and_key_id() -> None:
    private, public, key_id = generate_keypair()
    assert private.startswith("-----BEGIN PRIVATE KEY-----") and public.startswith("-----BEGIN PUBLIC KEY-----")
    assert re.fullmatch(r"[0-9a-f]{16}", key_id)
    raw = serialization.load_pem_public_key(public.encode()).public_bytes(serialization.Encoding.Raw,
                                                                        serialization.PublicFormat.Raw)
    assert key_id == hashlib.sha256(raw).hexdigest()[:16] == key_id_of(public)
    assert public_pem_of(private) == public
    assert generate_keypair()[2] != key_id


def test_sign_verify_round_trip_and_refusals() -> None:
    private, public, _ = generate_keypair()
    _, other_public, _ = generate_keypair()
    data = "บูธ B001 ยอดขาย".encode()
    sig = sign(private, data)
    assert len(sig) == 64
    assert verify(public, data, sig)
    assert not verify(public, data + b" ", sig)
    assert not verify(other_public, data, sig)
    assert not verify(public, data, sig[:-1] + bytes([sig[-1] ^ 1]))
    assert not verify(public, data, sig[:63])
    assert not verify("not a key", data, sig)
    assert not verify(private, data, sig)  # a private PEM is not a public key


@pytest.mark.parametrize("bad", ["", "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n", "x" * 5000])
def test_bad_private_keys_raise_value_error(bad: str) -> None:
    with pytest.raises(ValueError):
        load_private(bad)
    with pytest.raises(ValueError):
        key_id_of(bad)


def test_non_ed25519_keys_are_refused() -> None:
    from cryptography.hazmat.primitives.asymmetric import ec

    key = ec.generate_private_key(ec.SECP256R1())
    pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                            serialization.NoEncryption()).decode()
    pub = key.public_key().public_bytes(serialization.Encoding.PEM,
                                        serialization.PublicFormat.SubjectPublicKeyInfo).decode()
    with pytest.raises(ValueError):
        load_private(pem)
    with pytest.raises(ValueError):
        key_id_of(pub)
    assert not verify(pub, b"x", bytes(64))
