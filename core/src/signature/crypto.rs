//! Signature values: which digest and signature algorithm an identifier names, and whether a
//! signature value verifies under a public key. The one cryptographic primitive of the signature
//! checker, shared by the CMS stage (a SignerInfo's signature over its signed attributes, RFC 5652
//! §5.4, §5.6) and the certificate stage (an issuer's signature over a `tbsCertificate`, RFC 5280
//! §4.1.1.3).
//!
//! Supported, each from its identifier:
//! - digests SHA-1, SHA-256, SHA-384, SHA-512 (FIPS 180-4; RFC 5754 §2 identifiers);
//! - RSASSA-PKCS1-v1_5 (RFC 8017 §8.2; `sha*WithRSAEncryption`, RFC 4055 §5, or `rsaEncryption`
//!   with the digest the context names, as RFC 5652 §10.1.2 and RFC 3370 §3.2 allow);
//! - RSASSA-PSS (RFC 8017 §8.1; `id-RSASSA-PSS` with its `RSASSA-PSS-params`, RFC 4055 §3.1),
//!   when MGF1 uses the same digest as the message and the trailer field is 1;
//! - ECDSA over P-256 and P-384 (FIPS 186-4; `ecdsa-with-SHA*`, RFC 5758 §3.2, DER `Ecdsa-Sig-Value`
//!   per RFC 5480 §2.2; and BSI TR-03111 "plain" `r‖s` signatures, `ecdsa-plain-SHA*`).
//!
//! Anything else is [`CryptoError::UnsupportedAlgorithm`] (or [`CryptoError::UnsupportedKey`]):
//! a signature this module cannot check is never reported as verified.
//!
//! Compliance is reported beside the result, never instead of it: a SHA-1 signature that verifies
//! is [`Verified`] with the finding [`CryptoFinding::Sha1`], because SHA-1 is not among the
//! digests of Circular 15/2025/TT-BKHCN Appendix item 1.3 (signature-standards.md §1.2, §1.4:
//! a warning, not a rejection, since SHA-1 signatures are still produced in Vietnam).
//!
//! The public interface is [`DigestAlgorithm`] (with the streaming [`Hasher`]),
//! [`SignatureAlgorithm`], [`PublicKey`], [`verify`], [`verify_digest`], [`Verified`],
//! [`CryptoFinding`] and [`CryptoError`].

use der::asn1::ObjectIdentifier;
use der::{Decode, Encode, Tagged};
use sha1::Sha1;
use sha2::{Digest as _, Sha256, Sha384, Sha512};
use signature::hazmat::PrehashVerifier;
use spki::{AlgorithmIdentifierRef, SubjectPublicKeyInfoRef};

use crate::finding::Diagnostic;

/// Object identifiers this module knows (dotted form).
pub mod oid {
    /// id-sha1 (RFC 3279 §2.2.1).
    pub const SHA1: &str = "1.3.14.3.2.26";
    /// id-sha256 (RFC 5754 §2.2).
    pub const SHA256: &str = "2.16.840.1.101.3.4.2.1";
    /// id-sha384 (RFC 5754 §2.3).
    pub const SHA384: &str = "2.16.840.1.101.3.4.2.2";
    /// id-sha512 (RFC 5754 §2.4).
    pub const SHA512: &str = "2.16.840.1.101.3.4.2.3";
    /// rsaEncryption (RFC 8017 Appendix C).
    pub const RSA_ENCRYPTION: &str = "1.2.840.113549.1.1.1";
    /// sha1WithRSAEncryption.
    pub const SHA1_WITH_RSA: &str = "1.2.840.113549.1.1.5";
    /// id-RSASSA-PSS (RFC 4055 §3.1).
    pub const RSASSA_PSS: &str = "1.2.840.113549.1.1.10";
    /// sha256WithRSAEncryption (RFC 4055 §5).
    pub const SHA256_WITH_RSA: &str = "1.2.840.113549.1.1.11";
    /// sha384WithRSAEncryption.
    pub const SHA384_WITH_RSA: &str = "1.2.840.113549.1.1.12";
    /// sha512WithRSAEncryption.
    pub const SHA512_WITH_RSA: &str = "1.2.840.113549.1.1.13";
    /// id-mgf1 (RFC 8017 Appendix B.2.1).
    pub const MGF1: &str = "1.2.840.113549.1.1.8";
    /// id-ecPublicKey (RFC 5480 §2.1.1).
    pub const EC_PUBLIC_KEY: &str = "1.2.840.10045.2.1";
    /// secp256r1 / P-256 (RFC 5480 §2.1.1.1).
    pub const P256: &str = "1.2.840.10045.3.1.7";
    /// secp384r1 / P-384.
    pub const P384: &str = "1.3.132.0.34";
    /// ecdsa-with-SHA1 (RFC 3279 §2.2.3).
    pub const ECDSA_SHA1: &str = "1.2.840.10045.4.1";
    /// ecdsa-with-SHA256 (RFC 5758 §3.2).
    pub const ECDSA_SHA256: &str = "1.2.840.10045.4.3.2";
    /// ecdsa-with-SHA384.
    pub const ECDSA_SHA384: &str = "1.2.840.10045.4.3.3";
    /// ecdsa-with-SHA512.
    pub const ECDSA_SHA512: &str = "1.2.840.10045.4.3.4";
    /// ecdsa-plain-SHA1 (BSI TR-03111 §5.2.1: `r‖s`, not DER).
    pub const ECDSA_PLAIN_SHA1: &str = "0.4.0.127.0.7.1.1.4.1.1";
    /// ecdsa-plain-SHA256.
    pub const ECDSA_PLAIN_SHA256: &str = "0.4.0.127.0.7.1.1.4.1.3";
    /// ecdsa-plain-SHA384.
    pub const ECDSA_PLAIN_SHA384: &str = "0.4.0.127.0.7.1.1.4.1.4";
    /// ecdsa-plain-SHA512.
    pub const ECDSA_PLAIN_SHA512: &str = "0.4.0.127.0.7.1.1.4.1.5";
}

/// Why a signature value was not verified.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CryptoError {
    /// An algorithm identifier this module does not implement (or not with these parameters):
    /// the signature can be neither confirmed nor refuted.
    #[error("unsupported algorithm {oid}")]
    UnsupportedAlgorithm {
        /// The identifier, dotted.
        oid: String,
    },
    /// Algorithm parameters that are malformed or contradict the algorithm (RFC 4055 §3.1,
    /// RFC 5754 §2: digest parameters absent or NULL).
    #[error("malformed parameters of algorithm {oid}")]
    BadParameters {
        /// The identifier, dotted.
        oid: String,
    },
    /// The digest named by the signature algorithm differs from the digest the context names
    /// (the SignerInfo's `digestAlgorithm`, RFC 5652 §5.3).
    #[error("the signature algorithm hashes with {signature}, the signer info names {digest}")]
    DigestMismatch {
        /// The signature algorithm's digest.
        signature: &'static str,
        /// The context's digest.
        digest: &'static str,
    },
    /// The public key (SubjectPublicKeyInfo, RFC 5280 §4.1.2.7) cannot be read.
    #[error("malformed public key")]
    BadKey,
    /// A key type or curve this module does not implement, e.g. brainpool or Ed25519, or an RSA
    /// modulus over 4096 bits.
    #[error("unsupported public key {oid}")]
    UnsupportedKey {
        /// The key's algorithm or curve identifier, dotted.
        oid: String,
    },
    /// The key does not belong to the signature algorithm (an EC key for an RSA signature…).
    #[error("a {key} key cannot check a {algorithm} signature")]
    KeyMismatch {
        /// The key type.
        key: &'static str,
        /// The signature algorithm.
        algorithm: &'static str,
    },
    /// A digest of the wrong length was given to [`verify_digest`].
    #[error("a {algorithm} digest has {expected} bytes, {found} given")]
    DigestLength {
        /// The digest algorithm.
        algorithm: &'static str,
        /// Its output length.
        expected: usize,
        /// The length given.
        found: usize,
    },
    /// The signature value is not a well-formed signature of its algorithm (an ECDSA value that
    /// is not an `Ecdsa-Sig-Value`, for instance).
    #[error("the signature value is malformed")]
    MalformedSignature,
    /// The signature value does not verify under the key.
    #[error("the signature value does not verify")]
    Invalid,
}

impl Diagnostic for CryptoError {
    fn code(&self) -> &'static str {
        match self {
            Self::UnsupportedAlgorithm { .. } => "crypto.unsupported_algorithm",
            Self::BadParameters { .. } => "crypto.bad_parameters",
            Self::DigestMismatch { .. } => "crypto.digest_mismatch",
            Self::BadKey => "crypto.bad_key",
            Self::UnsupportedKey { .. } => "crypto.unsupported_key",
            Self::KeyMismatch { .. } => "crypto.key_mismatch",
            Self::DigestLength { .. } => "crypto.digest_length",
            Self::MalformedSignature => "crypto.malformed_signature",
            Self::Invalid => "crypto.invalid_signature",
        }
    }

    fn args(&self) -> Vec<(&'static str, String)> {
        match self {
            Self::UnsupportedAlgorithm { oid }
            | Self::BadParameters { oid }
            | Self::UnsupportedKey { oid } => vec![("oid", oid.clone())],
            Self::DigestMismatch { signature, digest } => vec![
                ("signature", (*signature).to_owned()),
                ("digest", (*digest).to_owned()),
            ],
            Self::KeyMismatch { key, algorithm } => vec![
                ("key", (*key).to_owned()),
                ("algorithm", (*algorithm).to_owned()),
            ],
            Self::DigestLength {
                algorithm,
                expected,
                found,
            } => vec![
                ("algorithm", (*algorithm).to_owned()),
                ("expected", expected.to_string()),
                ("found", found.to_string()),
            ],
            Self::BadKey | Self::MalformedSignature | Self::Invalid => Vec::new(),
        }
    }
}

/// What a verified signature does not comply with (signature-standards.md §1.4). The signature
/// itself holds; the report shows these beside it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CryptoFinding {
    /// SHA-1 is not among the digests of Circular 15/2025/TT-BKHCN Appendix item 1.3.
    Sha1,
}

impl Diagnostic for CryptoFinding {
    fn code(&self) -> &'static str {
        match self {
            Self::Sha1 => "crypto.sha1",
        }
    }
}

/// A digest algorithm (FIPS 180-4).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DigestAlgorithm {
    /// SHA-1: verifiable, but not a compliant digest ([`DigestAlgorithm::compliant`]).
    Sha1,
    /// SHA-256.
    Sha256,
    /// SHA-384.
    Sha384,
    /// SHA-512.
    Sha512,
}

impl DigestAlgorithm {
    /// Every digest, weakest first.
    pub const ALL: [Self; 4] = [Self::Sha1, Self::Sha256, Self::Sha384, Self::Sha512];

    /// The digest an object identifier names.
    pub fn from_oid(oid: &ObjectIdentifier) -> Result<Self, CryptoError> {
        let s = oid.to_string();
        Self::ALL
            .into_iter()
            .find(|d| d.oid_str() == s)
            .ok_or(CryptoError::UnsupportedAlgorithm { oid: s })
    }

    /// The digest a `DigestAlgorithmIdentifier` names; its parameters must be absent or NULL
    /// (RFC 5754 §2).
    pub fn from_identifier(alg: &AlgorithmIdentifierRef<'_>) -> Result<Self, CryptoError> {
        let d = Self::from_oid(&alg.oid)?;
        match &alg.parameters {
            None => Ok(d),
            Some(p) if p.tag() == der::Tag::Null && p.value().is_empty() => Ok(d),
            Some(_) => Err(CryptoError::BadParameters {
                oid: alg.oid.to_string(),
            }),
        }
    }

    /// The DER of an `AlgorithmIdentifier` read as a digest algorithm.
    pub fn from_der(alg_id: &[u8]) -> Result<Self, CryptoError> {
        let alg =
            AlgorithmIdentifierRef::from_der(alg_id).map_err(|_| CryptoError::BadParameters {
                oid: String::from("?"),
            })?;
        Self::from_identifier(&alg)
    }

    /// The identifier, dotted.
    pub fn oid_str(self) -> &'static str {
        match self {
            Self::Sha1 => oid::SHA1,
            Self::Sha256 => oid::SHA256,
            Self::Sha384 => oid::SHA384,
            Self::Sha512 => oid::SHA512,
        }
    }

    /// The identifier.
    pub fn oid(self) -> ObjectIdentifier {
        // The constants of `oid` are valid (checked by a test).
        ObjectIdentifier::new_unwrap(self.oid_str())
    }

    /// The usual name, `SHA-256`.
    pub fn name(self) -> &'static str {
        match self {
            Self::Sha1 => "SHA-1",
            Self::Sha256 => "SHA-256",
            Self::Sha384 => "SHA-384",
            Self::Sha512 => "SHA-512",
        }
    }

    /// Bytes of output.
    pub fn output_len(self) -> usize {
        match self {
            Self::Sha1 => 20,
            Self::Sha256 => 32,
            Self::Sha384 => 48,
            Self::Sha512 => 64,
        }
    }

    /// Whether Circular 15/2025/TT-BKHCN Appendix item 1.3 lists it (SHA-1 is not listed).
    pub fn compliant(self) -> bool {
        self != Self::Sha1
    }

    /// A streaming hasher.
    pub fn hasher(self) -> Hasher {
        Hasher(match self {
            Self::Sha1 => HasherInner::Sha1(Sha1::new()),
            Self::Sha256 => HasherInner::Sha256(Sha256::new()),
            Self::Sha384 => HasherInner::Sha384(Sha384::new()),
            Self::Sha512 => HasherInner::Sha512(Sha512::new()),
        })
    }

    /// The digest of the concatenation of `parts`, without concatenating them.
    pub fn digest(self, parts: &[&[u8]]) -> Vec<u8> {
        let mut h = self.hasher();
        for p in parts {
            h.update(p);
        }
        h.finalize()
    }
}

#[derive(Clone)]
enum HasherInner {
    Sha1(Sha1),
    Sha256(Sha256),
    Sha384(Sha384),
    Sha512(Sha512),
}

/// A digest computed piece by piece (for byte ranges hashed straight from the file).
#[derive(Clone)]
pub struct Hasher(HasherInner);

impl std::fmt::Debug for Hasher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Hasher")
    }
}

/// The most bytes one call of [`Hasher::update`] hands to the hash function at once (64 KiB).
///
/// In WebAssembly, V8 first runs a function in its baseline compiler and switches to the
/// optimising one for later calls only: a single call that hashes a whole file (its loop over
/// every block) runs entirely in the baseline code, at about 30 MB/s. Fed in pieces through a
/// function that is not inlined, each piece is a new call, and the calls after the switch run
/// optimised. A piece is large enough that the calls cost nothing natively.
pub const HASH_CHUNK: usize = 64 * 1024;

impl Hasher {
    /// Adds `data`, in pieces of at most [`HASH_CHUNK`] bytes, each one call of a function
    /// kept out of line (see [`HASH_CHUNK`]: so that WebAssembly engines optimise the hashing
    /// of a large byte range after its first pieces).
    pub fn update(&mut self, data: &[u8]) {
        for piece in data.chunks(HASH_CHUNK) {
            self.update_piece(piece);
        }
    }

    /// Adds one piece of at most [`HASH_CHUNK`] bytes.
    #[inline(never)]
    fn update_piece(&mut self, piece: &[u8]) {
        match &mut self.0 {
            HasherInner::Sha1(h) => h.update(piece),
            HasherInner::Sha256(h) => h.update(piece),
            HasherInner::Sha384(h) => h.update(piece),
            HasherInner::Sha512(h) => h.update(piece),
        }
    }

    /// The digest.
    pub fn finalize(self) -> Vec<u8> {
        match self.0 {
            HasherInner::Sha1(h) => h.finalize().to_vec(),
            HasherInner::Sha256(h) => h.finalize().to_vec(),
            HasherInner::Sha384(h) => h.finalize().to_vec(),
            HasherInner::Sha512(h) => h.finalize().to_vec(),
        }
    }
}

/// How an ECDSA signature value is encoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EcdsaEncoding {
    /// DER `Ecdsa-Sig-Value` (RFC 5480 §2.2, RFC 5758 §3.2).
    Der,
    /// `r‖s`, each the size of the curve's field (BSI TR-03111 §5.2.1).
    Plain,
}

/// A signature algorithm with its digest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SignatureAlgorithm {
    /// RSASSA-PKCS1-v1_5 (RFC 8017 §8.2).
    RsaPkcs1v15 {
        /// The digest in the DigestInfo.
        digest: DigestAlgorithm,
    },
    /// RSASSA-PSS (RFC 8017 §8.1) with MGF1 over the same digest and trailer field 1.
    RsaPss {
        /// The message digest, also MGF1's.
        digest: DigestAlgorithm,
        /// The salt length in bytes.
        salt_len: usize,
    },
    /// ECDSA (FIPS 186-4 §6.4) on the key's curve.
    Ecdsa {
        /// The digest signed.
        digest: DigestAlgorithm,
        /// How the value is encoded.
        encoding: EcdsaEncoding,
    },
}

impl SignatureAlgorithm {
    /// The algorithm an identifier names. `digest` is the digest the context names, when there
    /// is one (a SignerInfo's `digestAlgorithm`): it is the digest for identifiers that name none
    /// (`rsaEncryption`, `id-ecPublicKey`, RFC 5652 §10.1.2, RFC 5753 §7.1.3), and an identifier
    /// that names another is [`CryptoError::DigestMismatch`]. For a certificate signature
    /// (RFC 5280 §4.1.1.2) pass `None`.
    pub fn from_identifier(
        alg: &AlgorithmIdentifierRef<'_>,
        digest: Option<DigestAlgorithm>,
    ) -> Result<Self, CryptoError> {
        let id = alg.oid.to_string();
        let unsupported = || CryptoError::UnsupportedAlgorithm { oid: id.clone() };
        let bad = || CryptoError::BadParameters { oid: id.clone() };
        let null_or_absent = match &alg.parameters {
            None => true,
            Some(p) => p.tag() == der::Tag::Null && p.value().is_empty(),
        };
        let named = |d: DigestAlgorithm| match digest {
            Some(c) if c != d => Err(CryptoError::DigestMismatch {
                signature: d.name(),
                digest: c.name(),
            }),
            _ => Ok(d),
        };
        use DigestAlgorithm::{Sha1, Sha256, Sha384, Sha512};
        let rsa = |d| -> Result<Self, CryptoError> {
            // RFC 4055 §5: the parameters are NULL (absent is tolerated, as many encoders omit it).
            if !null_or_absent {
                return Err(bad());
            }
            Ok(Self::RsaPkcs1v15 { digest: named(d)? })
        };
        let ecdsa = |d, encoding| -> Result<Self, CryptoError> {
            // RFC 5758 §3.2: the parameters are absent; some encoders repeat the curve there. The
            // curve that counts is the key's (RFC 5480 §2.1.1), so they are not read.
            Ok(Self::Ecdsa {
                digest: named(d)?,
                encoding,
            })
        };
        match id.as_str() {
            oid::RSA_ENCRYPTION => rsa(digest.ok_or_else(unsupported)?),
            oid::SHA1_WITH_RSA => rsa(Sha1),
            oid::SHA256_WITH_RSA => rsa(Sha256),
            oid::SHA384_WITH_RSA => rsa(Sha384),
            oid::SHA512_WITH_RSA => rsa(Sha512),
            oid::EC_PUBLIC_KEY => ecdsa(digest.ok_or_else(unsupported)?, EcdsaEncoding::Der),
            oid::ECDSA_SHA1 => ecdsa(Sha1, EcdsaEncoding::Der),
            oid::ECDSA_SHA256 => ecdsa(Sha256, EcdsaEncoding::Der),
            oid::ECDSA_SHA384 => ecdsa(Sha384, EcdsaEncoding::Der),
            oid::ECDSA_SHA512 => ecdsa(Sha512, EcdsaEncoding::Der),
            oid::ECDSA_PLAIN_SHA1 => ecdsa(Sha1, EcdsaEncoding::Plain),
            oid::ECDSA_PLAIN_SHA256 => ecdsa(Sha256, EcdsaEncoding::Plain),
            oid::ECDSA_PLAIN_SHA384 => ecdsa(Sha384, EcdsaEncoding::Plain),
            oid::ECDSA_PLAIN_SHA512 => ecdsa(Sha512, EcdsaEncoding::Plain),
            oid::RSASSA_PSS => Self::pss(alg, digest),
            _ => Err(unsupported()),
        }
    }

    /// The DER of an `AlgorithmIdentifier` read as a signature algorithm (see
    /// [`SignatureAlgorithm::from_identifier`]); for callers that hold the identifier's bytes,
    /// such as a certificate's `signatureAlgorithm` read with another ASN.1 library.
    pub fn from_der(alg_id: &[u8], digest: Option<DigestAlgorithm>) -> Result<Self, CryptoError> {
        let alg =
            AlgorithmIdentifierRef::from_der(alg_id).map_err(|_| CryptoError::BadParameters {
                oid: String::from("?"),
            })?;
        Self::from_identifier(&alg, digest)
    }

    /// RSASSA-PSS-params (RFC 4055 §3.1): hash, MGF1 with the same hash, salt length, trailer 1.
    fn pss(
        alg: &AlgorithmIdentifierRef<'_>,
        digest: Option<DigestAlgorithm>,
    ) -> Result<Self, CryptoError> {
        let id = alg.oid.to_string();
        let bad = || CryptoError::BadParameters { oid: id.clone() };
        let params = alg.parameters.as_ref().ok_or_else(bad)?;
        let der = params.to_der().map_err(|_| bad())?;
        let params = rsa::pkcs1::RsaPssParams::from_der(&der).map_err(|_| bad())?;
        let hash = DigestAlgorithm::from_identifier(&params.hash)?;
        if params.mask_gen.oid.to_string() != oid::MGF1 {
            return Err(CryptoError::UnsupportedAlgorithm {
                oid: params.mask_gen.oid.to_string(),
            });
        }
        let mgf_hash = params.mask_gen.parameters.as_ref().ok_or_else(bad)?;
        if DigestAlgorithm::from_identifier(mgf_hash)? != hash {
            // MGF1 over another digest: valid RSASSA-PSS, but not implemented here.
            return Err(CryptoError::UnsupportedAlgorithm { oid: id });
        }
        if let Some(c) = digest {
            if c != hash {
                return Err(CryptoError::DigestMismatch {
                    signature: hash.name(),
                    digest: c.name(),
                });
            }
        }
        Ok(Self::RsaPss {
            digest: hash,
            salt_len: usize::from(params.salt_len),
        })
    }

    /// The digest the signature is computed over.
    pub fn digest(self) -> DigestAlgorithm {
        match self {
            Self::RsaPkcs1v15 { digest }
            | Self::RsaPss { digest, .. }
            | Self::Ecdsa { digest, .. } => digest,
        }
    }

    /// The family's name: `RSA PKCS#1 v1.5`, `RSA-PSS` or `ECDSA`.
    pub fn family(self) -> &'static str {
        match self {
            Self::RsaPkcs1v15 { .. } => "RSA PKCS#1 v1.5",
            Self::RsaPss { .. } => "RSA-PSS",
            Self::Ecdsa { .. } => "ECDSA",
        }
    }

    /// A name for people, `RSA-PSS with SHA-256`.
    pub fn name(self) -> String {
        format!("{} with {}", self.family(), self.digest().name())
    }
}

/// The kind of a public key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum KeyKind {
    /// RSA with a modulus of this many bits.
    Rsa {
        /// Modulus length in bits.
        bits: usize,
    },
    /// ECDSA over P-256.
    P256,
    /// ECDSA over P-384.
    P384,
}

impl KeyKind {
    /// `RSA`, `EC P-256` or `EC P-384`.
    pub fn name(self) -> &'static str {
        match self {
            Self::Rsa { .. } => "RSA",
            Self::P256 => "EC P-256",
            Self::P384 => "EC P-384",
        }
    }

    /// The key size in bits (the modulus for RSA, the field for EC).
    pub fn bits(self) -> usize {
        match self {
            Self::Rsa { bits } => bits,
            Self::P256 => 256,
            Self::P384 => 384,
        }
    }
}

#[derive(Clone)]
enum Key {
    Rsa(rsa::RsaPublicKey),
    P256(p256::ecdsa::VerifyingKey),
    P384(p384::ecdsa::VerifyingKey),
}

/// A public key read from its SubjectPublicKeyInfo (RFC 5280 §4.1.2.7; RSA per RFC 3279 §2.3.1,
/// EC per RFC 5480 §2 with a named curve).
#[derive(Clone)]
pub struct PublicKey {
    key: Key,
    kind: KeyKind,
}

impl std::fmt::Debug for PublicKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "PublicKey({:?})", self.kind)
    }
}

impl PublicKey {
    /// Reads a DER SubjectPublicKeyInfo.
    pub fn from_spki_der(spki: &[u8]) -> Result<Self, CryptoError> {
        let info = SubjectPublicKeyInfoRef::from_der(spki).map_err(|_| CryptoError::BadKey)?;
        let alg = info.algorithm.oid.to_string();
        match alg.as_str() {
            oid::RSA_ENCRYPTION => {
                let key = rsa::RsaPublicKey::try_from(info).map_err(|e| match e {
                    spki::Error::KeyMalformed | spki::Error::Asn1(_) => CryptoError::BadKey,
                    _ => CryptoError::UnsupportedKey { oid: alg.clone() },
                })?;
                let bits = rsa::traits::PublicKeyParts::n(&key).bits();
                Ok(Self {
                    key: Key::Rsa(key),
                    kind: KeyKind::Rsa { bits },
                })
            }
            oid::EC_PUBLIC_KEY => {
                let curve = info
                    .algorithm
                    .parameters_oid()
                    .map_err(|_| CryptoError::BadKey)?
                    .to_string();
                let point = info
                    .subject_public_key
                    .as_bytes()
                    .ok_or(CryptoError::BadKey)?;
                match curve.as_str() {
                    oid::P256 => Ok(Self {
                        key: Key::P256(
                            p256::ecdsa::VerifyingKey::from_sec1_bytes(point)
                                .map_err(|_| CryptoError::BadKey)?,
                        ),
                        kind: KeyKind::P256,
                    }),
                    oid::P384 => Ok(Self {
                        key: Key::P384(
                            p384::ecdsa::VerifyingKey::from_sec1_bytes(point)
                                .map_err(|_| CryptoError::BadKey)?,
                        ),
                        kind: KeyKind::P384,
                    }),
                    _ => Err(CryptoError::UnsupportedKey { oid: curve }),
                }
            }
            _ => Err(CryptoError::UnsupportedKey { oid: alg }),
        }
    }

    /// The key's kind and size.
    pub fn kind(&self) -> KeyKind {
        self.kind
    }

    /// Verifies `signature` over a `digest` already computed with `alg`'s digest.
    pub fn verify_digest(
        &self,
        alg: SignatureAlgorithm,
        digest: &[u8],
        signature: &[u8],
    ) -> Result<Verified, CryptoError> {
        let d = alg.digest();
        if digest.len() != d.output_len() {
            return Err(CryptoError::DigestLength {
                algorithm: d.name(),
                expected: d.output_len(),
                found: digest.len(),
            });
        }
        let mismatch = || CryptoError::KeyMismatch {
            key: self.kind.name(),
            algorithm: alg.family(),
        };
        match (&self.key, alg) {
            (Key::Rsa(k), SignatureAlgorithm::RsaPkcs1v15 { .. }) => {
                let scheme = match d {
                    DigestAlgorithm::Sha1 => rsa::Pkcs1v15Sign::new::<Sha1>(),
                    DigestAlgorithm::Sha256 => rsa::Pkcs1v15Sign::new::<Sha256>(),
                    DigestAlgorithm::Sha384 => rsa::Pkcs1v15Sign::new::<Sha384>(),
                    DigestAlgorithm::Sha512 => rsa::Pkcs1v15Sign::new::<Sha512>(),
                };
                k.verify(scheme, digest, signature)
                    .map_err(|_| CryptoError::Invalid)?;
            }
            (Key::Rsa(k), SignatureAlgorithm::RsaPss { salt_len, .. }) => {
                let scheme = match d {
                    DigestAlgorithm::Sha1 => rsa::Pss::new_with_salt::<Sha1>(salt_len),
                    DigestAlgorithm::Sha256 => rsa::Pss::new_with_salt::<Sha256>(salt_len),
                    DigestAlgorithm::Sha384 => rsa::Pss::new_with_salt::<Sha384>(salt_len),
                    DigestAlgorithm::Sha512 => rsa::Pss::new_with_salt::<Sha512>(salt_len),
                };
                k.verify(scheme, digest, signature)
                    .map_err(|_| CryptoError::Invalid)?;
            }
            (Key::P256(k), SignatureAlgorithm::Ecdsa { encoding, .. }) => {
                let sig = match encoding {
                    EcdsaEncoding::Der => p256::ecdsa::Signature::from_der(signature),
                    EcdsaEncoding::Plain => p256::ecdsa::Signature::from_slice(signature),
                }
                .map_err(|_| CryptoError::MalformedSignature)?;
                k.verify_prehash(digest, &sig)
                    .map_err(|_| CryptoError::Invalid)?;
            }
            (Key::P384(k), SignatureAlgorithm::Ecdsa { encoding, .. }) => {
                // FIPS 186-4 §6.4 lets a shorter digest be used, but the implementation needs at
                // least half the field (24 bytes): SHA-1 on P-384 cannot be checked.
                if d == DigestAlgorithm::Sha1 {
                    return Err(CryptoError::UnsupportedAlgorithm {
                        oid: oid::ECDSA_SHA1.to_owned(),
                    });
                }
                let sig = match encoding {
                    EcdsaEncoding::Der => p384::ecdsa::Signature::from_der(signature),
                    EcdsaEncoding::Plain => p384::ecdsa::Signature::from_slice(signature),
                }
                .map_err(|_| CryptoError::MalformedSignature)?;
                k.verify_prehash(digest, &sig)
                    .map_err(|_| CryptoError::Invalid)?;
            }
            _ => return Err(mismatch()),
        }
        let mut findings = Vec::new();
        if !d.compliant() {
            findings.push(CryptoFinding::Sha1);
        }
        Ok(Verified {
            algorithm: alg,
            key: self.kind,
            findings,
        })
    }

    /// Verifies `signature` over `message` (hashed here with `alg`'s digest).
    pub fn verify(
        &self,
        alg: SignatureAlgorithm,
        message: &[u8],
        signature: &[u8],
    ) -> Result<Verified, CryptoError> {
        self.verify_digest(alg, &alg.digest().digest(&[message]), signature)
    }
}

/// A signature that verified.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verified {
    /// The algorithm it verified with.
    pub algorithm: SignatureAlgorithm,
    /// The key's kind and size.
    pub key: KeyKind,
    /// What it does not comply with (empty when compliant).
    pub findings: Vec<CryptoFinding>,
}

/// Verifies `signature` over `message` with the public key of a DER SubjectPublicKeyInfo.
///
/// For a CMS signer with signed attributes, `message` is the DER of the attributes as a SET OF
/// (RFC 5652 §5.4); for a certificate, the DER of its `tbsCertificate` (RFC 5280 §4.1.1.3).
pub fn verify(
    spki: &[u8],
    alg: SignatureAlgorithm,
    message: &[u8],
    signature: &[u8],
) -> Result<Verified, CryptoError> {
    PublicKey::from_spki_der(spki)?.verify(alg, message, signature)
}

/// Verifies `signature` over a precomputed `digest` (of `alg`'s digest algorithm), e.g. a CMS
/// signer without signed attributes, whose signature is over the content digest (RFC 5652 §5.4).
pub fn verify_digest(
    spki: &[u8],
    alg: SignatureAlgorithm,
    digest: &[u8],
    signature: &[u8],
) -> Result<Verified, CryptoError> {
    PublicKey::from_spki_der(spki)?.verify_digest(alg, digest, signature)
}

#[cfg(test)]
mod tests {
    use super::*;
    use motcua_forge::keys::{Algorithm, Digest, Key};

    use motcua_forge::ca::rng;

    #[test]
    fn pieces_give_the_digest_of_the_whole() {
        let data: Vec<u8> = (0..3 * HASH_CHUNK + 17).map(|i| (i % 251) as u8).collect();
        let whole = Sha256::digest(&data).to_vec();
        for split in [
            0,
            1,
            HASH_CHUNK - 1,
            HASH_CHUNK,
            2 * HASH_CHUNK + 5,
            data.len(),
        ] {
            let (a, b) = data.split_at(split);
            assert_eq!(
                DigestAlgorithm::Sha256.digest(&[a, b]),
                whole,
                "split at {split}"
            );
        }
    }

    fn forge_digest(d: DigestAlgorithm) -> Digest {
        match d {
            DigestAlgorithm::Sha1 => Digest::Sha1,
            DigestAlgorithm::Sha256 => Digest::Sha256,
            DigestAlgorithm::Sha384 => Digest::Sha384,
            DigestAlgorithm::Sha512 => Digest::Sha512,
        }
    }

    /// Signs `msg` with `key` and returns (SPKI DER, signature algorithm identifier DER, value).
    fn signed(key: &Key, d: DigestAlgorithm, pss: bool, msg: &[u8]) -> (Vec<u8>, Vec<u8>, Vec<u8>) {
        let alg = Algorithm {
            digest: forge_digest(d),
            pss,
        };
        let mut r = rng();
        let sig = key.sign(alg, msg, &mut r).expect("sign");
        let spki = key.spki().expect("spki").to_der().expect("spki der");
        let id = key
            .algorithm_identifier(alg)
            .expect("id")
            .to_der()
            .expect("id der");
        (spki, id, sig)
    }

    fn keys() -> Vec<(&'static str, Key)> {
        let mut r = rng();
        vec![
            ("rsa", Key::rsa(&mut r, 2048).expect("rsa key")),
            ("p256", Key::p256(&mut r)),
            ("p384", Key::p384(&mut r)),
        ]
    }

    #[test]
    fn oid_constants_are_valid() {
        for s in [
            oid::SHA1,
            oid::SHA256,
            oid::SHA384,
            oid::SHA512,
            oid::RSA_ENCRYPTION,
            oid::SHA1_WITH_RSA,
            oid::RSASSA_PSS,
            oid::SHA256_WITH_RSA,
            oid::SHA384_WITH_RSA,
            oid::SHA512_WITH_RSA,
            oid::MGF1,
            oid::EC_PUBLIC_KEY,
            oid::P256,
            oid::P384,
            oid::ECDSA_SHA1,
            oid::ECDSA_SHA256,
            oid::ECDSA_SHA384,
            oid::ECDSA_SHA512,
            oid::ECDSA_PLAIN_SHA1,
            oid::ECDSA_PLAIN_SHA256,
            oid::ECDSA_PLAIN_SHA384,
            oid::ECDSA_PLAIN_SHA512,
        ] {
            assert_eq!(
                ObjectIdentifier::new(s).map(|o| o.to_string()),
                Ok(s.to_owned())
            );
        }
        for d in DigestAlgorithm::ALL {
            assert_eq!(DigestAlgorithm::from_oid(&d.oid()), Ok(d));
            assert_eq!(d.digest(&[b"ab", b"c"]), d.digest(&[b"abc"]));
            assert_eq!(d.digest(&[]).len(), d.output_len());
        }
    }

    #[test]
    fn every_algorithm_verifies_and_a_changed_message_does_not() {
        let msg = b"signed attributes".as_slice();
        for (name, key) in keys() {
            for d in DigestAlgorithm::ALL {
                for pss in [false, true] {
                    if pss && name != "rsa" {
                        continue;
                    }
                    if name == "p384" && d == DigestAlgorithm::Sha1 {
                        let ecdsa = SignatureAlgorithm::Ecdsa {
                            digest: d,
                            encoding: EcdsaEncoding::Der,
                        };
                        let spki = key.spki().expect("spki").to_der().expect("der");
                        assert!(matches!(
                            verify(&spki, ecdsa, msg, &[0x30, 0]),
                            Err(CryptoError::UnsupportedAlgorithm { .. })
                        ));
                        continue;
                    }
                    let (spki, id, sig) = signed(&key, d, pss, msg);
                    let alg = SignatureAlgorithm::from_der(&id, Some(d))
                        .unwrap_or_else(|e| panic!("{name} {d:?} pss={pss}: {e}"));
                    assert_eq!(alg.digest(), d);
                    let ok = verify(&spki, alg, msg, &sig)
                        .unwrap_or_else(|e| panic!("{name} {d:?} pss={pss}: {e}"));
                    assert_eq!(ok.findings.is_empty(), d.compliant(), "{name} {d:?}");
                    if !d.compliant() {
                        assert_eq!(ok.findings, [CryptoFinding::Sha1]);
                    }
                    assert_eq!(
                        verify_digest(&spki, alg, &d.digest(&[msg]), &sig).map(|v| v.algorithm),
                        Ok(alg)
                    );
                    assert_eq!(
                        verify(&spki, alg, b"signed attributeS", &sig),
                        Err(CryptoError::Invalid),
                        "{name} {d:?} pss={pss}"
                    );
                    let mut flipped = sig.clone();
                    if let Some(b) = flipped.last_mut() {
                        *b ^= 1;
                    }
                    assert!(verify(&spki, alg, msg, &flipped).is_err());
                }
            }
        }
    }

    #[test]
    fn the_key_must_match_the_algorithm() {
        let ks = keys();
        let (rsa_spki, _, rsa_sig) = signed(&ks[0].1, DigestAlgorithm::Sha256, false, b"m");
        let (ec_spki, ec_id, ec_sig) = signed(&ks[1].1, DigestAlgorithm::Sha256, false, b"m");
        let ecdsa = SignatureAlgorithm::from_der(&ec_id, None).expect("ecdsa");
        assert_eq!(
            verify(&rsa_spki, ecdsa, b"m", &ec_sig),
            Err(CryptoError::KeyMismatch {
                key: "RSA",
                algorithm: "ECDSA"
            })
        );
        let pkcs1 = SignatureAlgorithm::RsaPkcs1v15 {
            digest: DigestAlgorithm::Sha256,
        };
        assert!(matches!(
            verify(&ec_spki, pkcs1, b"m", &rsa_sig),
            Err(CryptoError::KeyMismatch { .. })
        ));
        let k = PublicKey::from_spki_der(&rsa_spki).expect("key");
        assert_eq!(k.kind(), KeyKind::Rsa { bits: 2048 });
        assert_eq!(
            k.verify_digest(pkcs1, &[0; 20], &rsa_sig),
            Err(CryptoError::DigestLength {
                algorithm: "SHA-256",
                expected: 32,
                found: 20
            })
        );
        assert_eq!(
            verify(&ec_spki, ecdsa, b"m", b"not DER"),
            Err(CryptoError::MalformedSignature)
        );
    }

    #[test]
    fn identifiers_are_read_strictly() {
        let id = |oid: &str, params: Option<der::Any>| {
            spki::AlgorithmIdentifierOwned {
                oid: ObjectIdentifier::new_unwrap(oid),
                parameters: params,
            }
            .to_der()
            .expect("der")
        };
        let null = Some(der::Any::from(der::asn1::Null));
        let s256 = Some(DigestAlgorithm::Sha256);
        // rsaEncryption and id-ecPublicKey take the digest from the context.
        assert_eq!(
            SignatureAlgorithm::from_der(&id(oid::RSA_ENCRYPTION, null.clone()), s256),
            Ok(SignatureAlgorithm::RsaPkcs1v15 {
                digest: DigestAlgorithm::Sha256
            })
        );
        assert_eq!(
            SignatureAlgorithm::from_der(&id(oid::RSA_ENCRYPTION, null.clone()), None),
            Err(CryptoError::UnsupportedAlgorithm {
                oid: oid::RSA_ENCRYPTION.to_owned()
            })
        );
        assert_eq!(
            SignatureAlgorithm::from_der(&id(oid::EC_PUBLIC_KEY, None), s256).map(|a| a.family()),
            Ok("ECDSA")
        );
        // A named digest must agree with the context's.
        assert_eq!(
            SignatureAlgorithm::from_der(&id(oid::SHA512_WITH_RSA, null.clone()), s256),
            Err(CryptoError::DigestMismatch {
                signature: "SHA-512",
                digest: "SHA-256"
            })
        );
        // A curve is not a signature algorithm; MD5 and SHA-224 are not supported.
        for unknown in [oid::P256, "1.2.840.113549.1.1.4", "1.2.840.113549.1.1.14"] {
            assert_eq!(
                SignatureAlgorithm::from_der(&id(unknown, null.clone()), s256),
                Err(CryptoError::UnsupportedAlgorithm {
                    oid: unknown.to_owned()
                })
            );
        }
        assert_eq!(
            DigestAlgorithm::from_der(&id("2.16.840.1.101.3.4.2.8", None)),
            Err(CryptoError::UnsupportedAlgorithm {
                oid: "2.16.840.1.101.3.4.2.8".to_owned()
            })
        );
        // Digest parameters other than NULL are refused.
        let params = Some(der::Any::new(der::Tag::Integer, [1u8].as_slice()).expect("int"));
        assert!(matches!(
            DigestAlgorithm::from_der(&id(oid::SHA256, params.clone())),
            Err(CryptoError::BadParameters { .. })
        ));
        assert!(matches!(
            SignatureAlgorithm::from_der(&id(oid::SHA256_WITH_RSA, params), None),
            Err(CryptoError::BadParameters { .. })
        ));
        // PSS needs its parameters.
        assert!(matches!(
            SignatureAlgorithm::from_der(&id(oid::RSASSA_PSS, None), None),
            Err(CryptoError::BadParameters { .. })
        ));
        assert!(SignatureAlgorithm::from_der(b"\x30\x00", None).is_err());
    }

    #[test]
    fn unreadable_and_unsupported_keys_are_typed() {
        assert_eq!(
            PublicKey::from_spki_der(b"junk").map(|k| k.kind()),
            Err(CryptoError::BadKey)
        );
        // An Ed25519 key (RFC 8410): algorithm 1.3.101.112.
        let ed = spki::SubjectPublicKeyInfoOwned {
            algorithm: spki::AlgorithmIdentifierOwned {
                oid: ObjectIdentifier::new_unwrap("1.3.101.112"),
                parameters: None,
            },
            subject_public_key: der::asn1::BitString::from_bytes(&[7; 32]).expect("bits"),
        }
        .to_der()
        .expect("der");
        assert_eq!(
            PublicKey::from_spki_der(&ed).map(|k| k.kind()),
            Err(CryptoError::UnsupportedKey {
                oid: "1.3.101.112".to_owned()
            })
        );
        let der = Key::p256(&mut rng())
            .spki()
            .expect("spki")
            .to_der()
            .expect("der");
        assert_eq!(
            PublicKey::from_spki_der(&der).map(|k| k.kind()),
            Ok(KeyKind::P256)
        );
    }

    #[test]
    fn every_code_is_in_the_catalog() {
        let oid = String::from("1.2");
        let all = [
            CryptoError::UnsupportedAlgorithm { oid: oid.clone() },
            CryptoError::BadParameters { oid: oid.clone() },
            CryptoError::DigestMismatch {
                signature: "SHA-1",
                digest: "SHA-256",
            },
            CryptoError::BadKey,
            CryptoError::UnsupportedKey { oid },
            CryptoError::KeyMismatch {
                key: "RSA",
                algorithm: "ECDSA",
            },
            CryptoError::DigestLength {
                algorithm: "SHA-256",
                expected: 32,
                found: 1,
            },
            CryptoError::MalformedSignature,
            CryptoError::Invalid,
        ];
        let mut codes: std::collections::BTreeSet<&str> =
            all.iter().map(Diagnostic::code).collect();
        assert_eq!(codes.len(), all.len());
        for f in all
            .iter()
            .map(|e| e.to_finding(""))
            .chain([CryptoFinding::Sha1.to_finding("")])
        {
            assert!(!f.vi.contains('{') && !f.en.contains('{'), "{}", f.code);
        }
        codes.insert(CryptoFinding::Sha1.code());
        let listed: std::collections::BTreeSet<&str> = crate::catalog::entries()
            .filter(|e| e.code.starts_with("crypto."))
            .map(|e| e.code.as_str())
            .collect();
        assert_eq!(listed, codes);
    }
}
