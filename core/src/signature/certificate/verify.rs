//! The one place the certificate stage verifies a signature value: through the signature
//! primitive of the checker ([`crate::signature::crypto`]), given the signer's
//! SubjectPublicKeyInfo, the AlgorithmIdentifier as encoded, the signed bytes and the value.

use crate::signature::crypto;

/// Whether `signature` over `message` verifies with the key `spki` (DER SubjectPublicKeyInfo)
/// under `algorithm` (DER AlgorithmIdentifier). An algorithm or key the primitive does not
/// support is an error, never a pass.
pub(super) fn verifies(
    spki: &[u8],
    algorithm: &[u8],
    message: &[u8],
    signature: &[u8],
) -> Result<(), crypto::CryptoError> {
    let alg = crypto::SignatureAlgorithm::from_der(algorithm, None)?;
    crypto::verify(spki, alg, message, signature).map(|_| ())
}
