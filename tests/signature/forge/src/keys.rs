//! Keys of the test CA and the one function that signs with them.
//!
//! RSA PKCS#1 v1.5 and ECDSA (RFC 6979) are deterministic; RSA-PSS takes its salt from the seeded
//! generator, so the same seed gives the same bytes on every run.

use der::asn1::ObjectIdentifier;
use der::{Any, Decode, Encode};
use rand_chacha::ChaCha20Rng;
use rsa::RsaPrivateKey;
use sha1::Sha1;
use sha2::{Digest as _, Sha256, Sha384, Sha512};
use signature::hazmat::PrehashSigner;
use signature::{RandomizedSigner, SignatureEncoding, Signer};
use spki::{AlgorithmIdentifierOwned, EncodePublicKey, SubjectPublicKeyInfoOwned};

use crate::ForgeError;

/// A private key of the test CA.
pub enum Key {
    /// RSA, any size.
    Rsa(Box<RsaPrivateKey>),
    /// ECDSA over P-256.
    P256(p256::ecdsa::SigningKey),
    /// ECDSA over P-384.
    P384(p384::ecdsa::SigningKey),
}

/// A digest algorithm.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Digest {
    /// SHA-1: still seen in old Vietnamese certificates, reported as non-compliant.
    Sha1,
    /// SHA-256.
    Sha256,
    /// SHA-384.
    Sha384,
    /// SHA-512.
    Sha512,
}

/// How a key signs: RSA keys sign PKCS#1 v1.5 or PSS, EC keys ECDSA.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Algorithm {
    /// The digest the signature is made over.
    pub digest: Digest,
    /// RSA-PSS instead of PKCS#1 v1.5 (ignored for EC keys).
    pub pss: bool,
}

impl Algorithm {
    /// PKCS#1 v1.5 or ECDSA with `digest`.
    pub const fn plain(digest: Digest) -> Self {
        Self { digest, pss: false }
    }
}

fn oid(s: &str) -> ObjectIdentifier {
    ObjectIdentifier::new_unwrap(s)
}

impl Digest {
    /// The digest of `data`.
    pub fn hash(self, data: &[u8]) -> Vec<u8> {
        match self {
            Self::Sha1 => Sha1::digest(data).to_vec(),
            Self::Sha256 => Sha256::digest(data).to_vec(),
            Self::Sha384 => Sha384::digest(data).to_vec(),
            Self::Sha512 => Sha512::digest(data).to_vec(),
        }
    }

    /// The algorithm identifier (parameters absent, as RFC 5754 recommends).
    pub fn algorithm_identifier(self) -> AlgorithmIdentifierOwned {
        let o = match self {
            Self::Sha1 => "1.3.14.3.2.26",
            Self::Sha256 => "2.16.840.1.101.3.4.2.1",
            Self::Sha384 => "2.16.840.1.101.3.4.2.2",
            Self::Sha512 => "2.16.840.1.101.3.4.2.3",
        };
        AlgorithmIdentifierOwned {
            oid: oid(o),
            parameters: None,
        }
    }

    /// The name used in the manifest.
    pub fn name(self) -> &'static str {
        match self {
            Self::Sha1 => "SHA-1",
            Self::Sha256 => "SHA-256",
            Self::Sha384 => "SHA-384",
            Self::Sha512 => "SHA-512",
        }
    }
}

impl Key {
    /// A new RSA key of `bits` from the seeded generator.
    pub fn rsa(rng: &mut ChaCha20Rng, bits: usize) -> Result<Self, ForgeError> {
        Ok(Self::Rsa(Box::new(RsaPrivateKey::new(rng, bits)?)))
    }

    /// A new P-256 key from the seeded generator.
    pub fn p256(rng: &mut ChaCha20Rng) -> Self {
        Self::P256(p256::ecdsa::SigningKey::random(rng))
    }

    /// A new P-384 key from the seeded generator.
    pub fn p384(rng: &mut ChaCha20Rng) -> Self {
        Self::P384(p384::ecdsa::SigningKey::random(rng))
    }

    /// The public key as SubjectPublicKeyInfo.
    pub fn spki(&self) -> Result<SubjectPublicKeyInfoOwned, ForgeError> {
        let der = match self {
            Self::Rsa(k) => k.to_public_key().to_public_key_der()?,
            Self::P256(k) => k.verifying_key().to_public_key_der()?,
            Self::P384(k) => k.verifying_key().to_public_key_der()?,
        };
        Ok(SubjectPublicKeyInfoOwned::from_der(der.as_bytes())?)
    }

    /// The signature algorithm identifier for `alg` with this key.
    pub fn algorithm_identifier(
        &self,
        alg: Algorithm,
    ) -> Result<AlgorithmIdentifierOwned, ForgeError> {
        let o = match (self, alg.pss, alg.digest) {
            (Self::Rsa(_), true, d) => return pss_identifier(d),
            (Self::Rsa(_), false, Digest::Sha1) => "1.2.840.113549.1.1.5",
            (Self::Rsa(_), false, Digest::Sha256) => "1.2.840.113549.1.1.11",
            (Self::Rsa(_), false, Digest::Sha384) => "1.2.840.113549.1.1.12",
            (Self::Rsa(_), false, Digest::Sha512) => "1.2.840.113549.1.1.13",
            (_, _, Digest::Sha1) => "1.2.840.10045.4.1",
            (_, _, Digest::Sha256) => "1.2.840.10045.4.3.2",
            (_, _, Digest::Sha384) => "1.2.840.10045.4.3.3",
            (_, _, Digest::Sha512) => "1.2.840.10045.4.3.4",
        };
        let parameters = match self {
            Self::Rsa(_) => Some(Any::from(der::asn1::Null)),
            _ => None,
        };
        Ok(AlgorithmIdentifierOwned {
            oid: oid(o),
            parameters,
        })
    }

    /// Signs `message` (not a digest) with `alg`; PSS salts come from `rng`.
    pub fn sign(
        &self,
        alg: Algorithm,
        message: &[u8],
        rng: &mut ChaCha20Rng,
    ) -> Result<Vec<u8>, ForgeError> {
        use rsa::{pkcs1v15, pss};
        Ok(match (self, alg.pss, alg.digest) {
            (Self::Rsa(k), false, Digest::Sha1) => pkcs1v15::SigningKey::<Sha1>::new((**k).clone())
                .try_sign(message)?
                .to_vec(),
            (Self::Rsa(k), false, Digest::Sha256) => {
                pkcs1v15::SigningKey::<Sha256>::new((**k).clone())
                    .try_sign(message)?
                    .to_vec()
            }
            (Self::Rsa(k), false, Digest::Sha384) => {
                pkcs1v15::SigningKey::<Sha384>::new((**k).clone())
                    .try_sign(message)?
                    .to_vec()
            }
            (Self::Rsa(k), false, Digest::Sha512) => {
                pkcs1v15::SigningKey::<Sha512>::new((**k).clone())
                    .try_sign(message)?
                    .to_vec()
            }
            (Self::Rsa(k), true, Digest::Sha1) => pss::SigningKey::<Sha1>::new((**k).clone())
                .try_sign_with_rng(rng, message)?
                .to_vec(),
            (Self::Rsa(k), true, Digest::Sha256) => pss::SigningKey::<Sha256>::new((**k).clone())
                .try_sign_with_rng(rng, message)?
                .to_vec(),
            (Self::Rsa(k), true, Digest::Sha384) => pss::SigningKey::<Sha384>::new((**k).clone())
                .try_sign_with_rng(rng, message)?
                .to_vec(),
            (Self::Rsa(k), true, Digest::Sha512) => pss::SigningKey::<Sha512>::new((**k).clone())
                .try_sign_with_rng(rng, message)?
                .to_vec(),
            (Self::P256(k), _, d) => {
                let s: p256::ecdsa::Signature = k.sign_prehash(&d.hash(message))?;
                s.to_der().to_vec()
            }
            (Self::P384(k), _, d) => {
                let s: p384::ecdsa::Signature = k.sign_prehash(&d.hash(message))?;
                s.to_der().to_vec()
            }
        })
    }
}

fn pss_identifier(d: Digest) -> Result<AlgorithmIdentifierOwned, ForgeError> {
    let id = match d {
        Digest::Sha1 => rsa::pss::get_default_pss_signature_algo_id::<Sha1>()?,
        Digest::Sha256 => rsa::pss::get_default_pss_signature_algo_id::<Sha256>()?,
        Digest::Sha384 => rsa::pss::get_default_pss_signature_algo_id::<Sha384>()?,
        Digest::Sha512 => rsa::pss::get_default_pss_signature_algo_id::<Sha512>()?,
    };
    // Re-encode through DER so the identifier is exactly what goes on the wire.
    Ok(AlgorithmIdentifierOwned::from_der(&id.to_der()?)?)
}
