//! The document security store (ISO 32000-2 §12.8.4.3; ETSI EN 319 142-1 §5.4.2, PAdES B-LT):
//! the catalog's `/DSS` dictionary with arrays of streams `/Certs` (DER certificates), `/CRLs`
//! (DER CRLs) and `/OCSPs` (DER `OCSPResponse`s), as of a revision.
//!
//! Reading: every element of the three arrays counts for every signature, whatever `/VRI` says.
//! `/VRI` (signature-specific entries keyed by the SHA-1 of a `/Contents`) is optional in
//! PAdES and only groups the same streams; the certificate stage uses a CRL or OCSP response
//! only when its own signature verifies with the issuer's key, so pooling them cannot make a
//! certificate pass that its issuer did not vouch for.

use super::document::View;
use super::object::Object;
use super::PdfError;
use crate::signature::revocation_data::{OcspDer, RevocationData};

/// The DSS's data, and why elements of its arrays were skipped.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Dss {
    /// The certificates, CRLs and OCSP responses read.
    pub data: RevocationData,
    /// For each element skipped, why (not a stream, or the stream's decoding error).
    pub skipped: Vec<String>,
}

impl View<'_, '_> {
    /// The document security store of this revision; empty when the catalog has no `/DSS`. A
    /// stream that cannot be read (not a stream, over the decode limits) is skipped and its
    /// error kept; only an unreadable catalog or `/DSS` is an error.
    pub fn dss(&self) -> Result<Dss, PdfError> {
        let catalog = self.catalog()?;
        let mut out = Dss::default();
        let Some(dss) = self.dict_at(&catalog, "DSS")? else {
            return Ok(out);
        };
        for key in ["Certs", "CRLs", "OCSPs"] {
            for item in self.array_at(&dss, key)? {
                let bytes = match self.resolve(&item) {
                    Ok(Object::Stream(s)) => {
                        self.document().decode_stream(&s).map_err(|e| e.to_string())
                    }
                    Ok(_) => Err(format!("/DSS /{key}: an element that is not a stream")),
                    Err(e) => Err(e.to_string()),
                };
                match bytes {
                    Ok(der) => match key {
                        "Certs" => out.data.certificates.push(der),
                        "CRLs" => out.data.crls.push(der),
                        _ => out.data.ocsp.push(OcspDer::Response(der)),
                    },
                    Err(e) => out.skipped.push(e),
                }
            }
        }
        Ok(out)
    }
}
