//! The validation data the fixtures carry (issue 6 point 4; ETSI EN 319 102-1 §5.2.6: without
//! the revocation status of every certificate of the path a signature is INDETERMINATE/TRY_LATER):
//! CRLs of the root and of the issuing CA current at the fixtures' validation time
//! (2026-03-05T02:30:15Z), and OCSP responses from the same day.
//!
//! Every fixture signature carries the two CRLs unless it is meant not to (the PDFs in the signed
//! attribute `adbe-revocationInfoArchival`, the `.p7s` files in the CAdES unsigned attribute
//! `revocation-values`, the timestamp tokens in their SignedData `crls`); the DSS fixtures carry
//! them in a later revision's `/DSS` instead. The issuing CA's CRL lists
//! [`ExtraCa::revoked`](crate::extra::ExtraCa) (keyCompromise on 2026-02-01, before the signing
//! time), who signs the revoked fixtures.
//!
//! From its own seed, after the test CA and the extra certificates.

use rand_chacha::ChaCha20Rng;
use rand_core::SeedableRng;
use x509_cert::ext::pkix::crl::CrlReason;
use x509_ocsp::{CertStatus, OcspGeneralizedTime, RevokedInfo};

use crate::ca::{date_time, Instant, TestCa};
use crate::cms::RevocationSet;
use crate::extra::{crl, ocsp, revoked_cert, ExtraCa, REVOKED_AT};
use crate::ForgeError;

/// The seed of the validation data.
pub const VALIDATION_SEED: [u8; 32] = *b"motcua-forge validation data 26!";
/// The root's CRL: issued 2026-03-01, next 2026-04-01.
pub const ROOT_CRL_TIMES: (Instant, Instant) = ((2026, 3, 1, 0, 0, 0), (2026, 4, 1, 0, 0, 0));
/// The issuing CA's CRL: issued 2026-03-04, next 2026-03-11.
pub const INTERMEDIATE_CRL_TIMES: (Instant, Instant) =
    ((2026, 3, 4, 0, 0, 0), (2026, 3, 11, 0, 0, 0));
/// thisUpdate of the OCSP responses: half an hour before the validation time.
pub const OCSP_THIS_UPDATE: Instant = (2026, 3, 5, 2, 0, 0);

/// The fixtures' validation data.
pub struct Validation {
    /// The extra certificates (the revoked signer, the OCSP responder).
    pub extra: ExtraCa,
    /// The root's CRL (DER), listing nothing.
    pub root_crl: Vec<u8>,
    /// The issuing CA's CRL (DER), listing `extra.revoked`.
    pub intermediate_crl: Vec<u8>,
    /// OCSP: `person` good, signed by the issuing CA.
    pub ocsp_person_good: Vec<u8>,
    /// OCSP: `extra.revoked` revoked on 2026-02-01, signed by the authorised responder.
    pub ocsp_revoked: Vec<u8>,
    /// Both CRLs: what a fixture signature carries by default.
    pub crls: RevocationSet,
}

impl Validation {
    /// The validation data of `ca`, from [`VALIDATION_SEED`].
    pub fn new(ca: &TestCa) -> Result<Self, ForgeError> {
        let extra = ExtraCa::new(ca)?;
        let mut rng = ChaCha20Rng::from_seed(VALIDATION_SEED);
        let rng = &mut rng;
        let root_crl = crl(&ca.root, Vec::new(), ROOT_CRL_TIMES, rng)?;
        let intermediate_crl = crl(
            &ca.intermediate,
            vec![revoked_cert(53, REVOKED_AT, CrlReason::KeyCompromise)?],
            INTERMEDIATE_CRL_TIMES,
            rng,
        )?;
        let ocsp_person_good = ocsp(
            &ca.intermediate,
            &ca.person,
            &ca.intermediate,
            CertStatus::good(),
            OCSP_THIS_UPDATE,
            rng,
        )?;
        let ocsp_revoked = ocsp(
            &ca.intermediate,
            &extra.revoked,
            &extra.ocsp_responder,
            CertStatus::revoked(RevokedInfo {
                revocation_time: OcspGeneralizedTime::from(date_time(REVOKED_AT)?),
                revocation_reason: Some(CrlReason::KeyCompromise),
            }),
            OCSP_THIS_UPDATE,
            rng,
        )?;
        let crls = RevocationSet {
            crls: vec![root_crl.clone(), intermediate_crl.clone()],
            ocsp: Vec::new(),
        };
        Ok(Self {
            extra,
            root_crl,
            intermediate_crl,
            ocsp_person_good,
            ocsp_revoked,
            crls,
        })
    }
}
