"""Booth signing keys: Ed25519 key pairs as PEM text, signing and verifying export manifests.

The organiser generates one key pair per booth, puts the private key in the booth package and keeps
only the public key; ``key_id`` names a key (first 16 hex digits of SHA-256 of the raw public key).
"""
from __future__ import annotations

import hashlib

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

__all__ = ["generate_keypair", "sign", "verify", "key_id_of", "public_pem_of", "load_private", "load_public"]

MAX_PEM_CHARS = 4096


def _raw_public(key: Ed25519PublicKey) -> bytes:
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def _public_pem(key: Ed25519PublicKey) -> str:
    return key.public_bytes(serialization.Encoding.PEM,
                            serialization.PublicFormat.SubjectPublicKeyInfo).decode("ascii")


def load_private(private_pem: str) -> Ed25519PrivateKey:
    """The Ed25519 private key in ``private_pem`` (PKCS#8, unencrypted); ``ValueError`` otherwise."""
    if not isinstance(private_pem, str) or len(private_pem) > MAX_PEM_CHARS:
        raise ValueError("not a PEM private key")
    try:
        key = serialization.load_pem_private_key(private_pem.encode("ascii"), password=None)
    except (TypeError, ValueError, UnicodeEncodeError) as exc:
        raise ValueError(f"not a PEM private key: {exc}") from None
    if not isinstance(key, Ed25519PrivateKey):
        raise ValueError("not an Ed25519 private key")
    return key


def load_public(public_pem: str) -> Ed25519PublicKey:
    """The Ed25519 public key in ``public_pem`` (SubjectPublicKeyInfo); ``ValueError`` otherwise."""
    if not isinstance(public_pem, str) or len(public_pem) > MAX_PEM_CHARS:
        raise ValueError("not a PEM public key")
    try:
        key = serialization.load_pem_public_key(public_pem.encode("ascii"))
    except (TypeError, ValueError, UnicodeEncodeError) as exc:
        raise ValueError(f"not a PEM public key: {exc}") from None
    if not isinstance(key, Ed25519PublicKey):
        raise ValueError("not an Ed25519 public key")
    return key


def generate_keypair() -> tuple[str, str, str]:
    """A new booth key pair: (private PEM (PKCS#8), public PEM (SubjectPublicKeyInfo), key id)."""
    private = Ed25519PrivateKey.generate()
    private_pem = private.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                        serialization.NoEncryption()).decode("ascii")
    public = private.public_key()
    return private_pem, _public_pem(public), hashlib.sha256(_raw_public(public)).hexdigest()[:16]


def key_id_of(public_pem: str) -> str:
    """The key id of a public key: first 16 hex digits of SHA-256 over its 32 raw bytes."""
    return hashlib.sha256(_raw_public(load_public(public_pem))).hexdigest()[:16]


def public_pem_of(private_pem: str) -> str:
    """The public key (PEM) belonging to a private key (PEM)."""
    return _public_pem(load_private(private_pem).public_key())


def sign(private_pem: str, data: bytes) -> bytes:
    """The 64-byte Ed25519 signature of ``data``."""
    return load_private(private_pem).sign(data)


def verify(public_pem: str, data: bytes, signature: bytes) -> bool:
    """True only if ``signature`` is a valid Ed25519 signature of ``data`` by ``public_pem``'s key.

    A malformed key or signature gives False, never an exception.
    """
    try:
        key = load_public(public_pem)
    except ValueError:
        return False
    if not isinstance(signature, (bytes, bytearray)) or len(signature) != 64:
        return False
    try:
        key.verify(bytes(signature), bytes(data))
    except InvalidSignature:
        return False
    return True
