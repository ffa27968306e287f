//! motcua-forge: the project's own test CA and a generator of signed fixtures (PDF and detached
//! CMS), each with the verdict a correct verifier must give. A dev tool, not part of `motcua-core`.
//!
//! Everything is deterministic: keys come from a fixed seed through ChaCha20, times are fixed,
//! ECDSA follows RFC 6979 and RSA-PSS salts come from the same seeded generator, so
//! [`fixtures()`] returns the same bytes on every run.

pub mod ca;
pub mod cms;
pub mod extra;
pub mod fixtures;
pub mod keys;
pub mod pdf;
pub mod validation;

pub use fixtures::{fixtures, Expect, Fixture, SignatureExpect};
pub use pem_rfc7468::LineEnding;

/// A DER certificate as PEM (RFC 7468 §5: 64-column base64 between CERTIFICATE boundaries), as the
/// generator writes `ca/*.pem`.
pub fn pem(der: &[u8], ending: LineEnding) -> Result<String, pem_rfc7468::Error> {
    pem_rfc7468::encode_string("CERTIFICATE", ending, der)
}

/// Why the generator could not make a fixture.
#[derive(Debug, thiserror::Error)]
pub enum ForgeError {
    /// DER encoding failed.
    #[error("DER: {0}")]
    Der(#[from] der::Error),
    /// A public key could not be encoded.
    #[error("SPKI: {0}")]
    Spki(#[from] spki::Error),
    /// RSA key generation failed.
    #[error("RSA: {0}")]
    Rsa(#[from] rsa::Error),
    /// Signing failed.
    #[error("signature: {0}")]
    Signature(#[from] signature::Error),
    /// The PDF layout went wrong (a placeholder or reserve).
    #[error("PDF layout: {0}")]
    Layout(&'static str),
}
