//! Revocation data a signed file carries, as DER, for the certificate stage: CRLs and OCSP
//! responses from
//! - the SignedData `crls` field (RFC 5652 §5.1, §10.2.1 RevocationInfoChoices: a CRL, or an
//!   OCSP response as `OtherRevocationInfoFormat` id-ri-ocsp-response, RFC 5940 §4.1);
//! - the signed attribute `adbe-revocationInfoArchival` (1.2.840.113583.1.1.8, ISO 32000-1
//!   §12.8.3.3.2: `SEQUENCE { crl [0] EXPLICIT SEQUENCE OF CRL, ocsp [1] EXPLICIT SEQUENCE OF
//!   OCSPResponse, otherRevInfo [2] … }`), as Adobe-style signers write it;
//! - the unsigned attribute `revocation-values` (1.2.840.113549.1.9.16.2.24, ETSI EN 319 122-1
//!   §5.5.2: `SEQUENCE { crlVals [0] SEQUENCE OF CertificateList, ocspVals [1] SEQUENCE OF
//!   BasicOCSPResponse, … }`);
//! - a PDF's document security store `/DSS` (ISO 32000-2 §12.8.4.3, ETSI EN 319 142-1 §5.4.2:
//!   `/Certs`, `/CRLs`, `/OCSPs`, read by [`super::pdf::View::dss`]).
//!
//! Nothing here is trusted for being in the file: each CRL and OCSP response is used by the
//! certificate stage only when its own signature verifies with the issuer's key
//! (`spec/signature/certificate.md` §Revocation). Elements that are not what they should be are
//! skipped here and, when they reach the certificate stage and cannot be read, reported there.

use super::tlv::{self, Tlv};

/// adbe-revocationInfoArchival (ISO 32000-1 §12.8.3.3.2), DER of the OID.
pub(crate) const ADBE_REVOCATION_INFO_ARCHIVAL: &[u8] = &[
    0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x2f, 0x01, 0x01, 0x08,
];
/// id-aa-ets-revocationValues (ETSI EN 319 122-1 §5.5.2), dotted.
pub(crate) const REVOCATION_VALUES: &str = "1.2.840.113549.1.9.16.2.24";
/// id-ri-ocsp-response (RFC 5940 §4.1), DER of the OID.
const ID_RI_OCSP_RESPONSE: &[u8] = &[0x06, 0x08, 0x2b, 0x06, 0x01, 0x05, 0x05, 0x07, 0x10, 0x02];

/// Appends each of `from` that `to` does not hold yet (the same data is often carried twice: by
/// each signature, by the timestamp tokens and by the DSS).
pub(crate) fn add_new<T: PartialEq>(to: &mut Vec<T>, from: impl IntoIterator<Item = T>) {
    for x in from {
        if !to.contains(&x) {
            to.push(x);
        }
    }
}

/// An OCSP response as carried: a whole `OCSPResponse` (RFC 6960 §4.2.1; the archival attribute,
/// `crls`, the DSS) or only its `BasicOCSPResponse` (CAdES revocation-values).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OcspDer {
    /// The DER of an `OCSPResponse`.
    Response(Vec<u8>),
    /// The DER of a `BasicOCSPResponse`.
    Basic(Vec<u8>),
}

/// CRLs, OCSP responses and certificates found in a signature or a document.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RevocationData {
    /// CRLs (DER `CertificateList`).
    pub crls: Vec<Vec<u8>>,
    /// OCSP responses.
    pub ocsp: Vec<OcspDer>,
    /// Certificates (the DSS's `/Certs`; a CMS's own certificates are read by the CMS stage).
    pub certificates: Vec<Vec<u8>>,
}

impl RevocationData {
    /// Whether nothing was found.
    pub fn is_empty(&self) -> bool {
        self.crls.is_empty() && self.ocsp.is_empty() && self.certificates.is_empty()
    }

    /// Adds what `other` holds that this does not hold yet.
    pub fn merge(&mut self, other: &Self) {
        add_new(&mut self.crls, other.crls.iter().cloned());
        add_new(&mut self.ocsp, other.ocsp.iter().cloned());
        add_new(&mut self.certificates, other.certificates.iter().cloned());
    }

    /// Reads the SignedData `crls` field's content (`[1] IMPLICIT SET OF RevocationInfoChoice`):
    /// each `CertificateList`, and each `[1] OtherRevocationInfoFormat` whose format is
    /// id-ri-ocsp-response.
    pub(crate) fn add_revocation_info_choices(&mut self, set: &Tlv<'_>) {
        for choice in set.children().unwrap_or_default() {
            match choice.tag {
                0x30 => self.crls.push(choice.raw.to_vec()),
                0xa1 => {
                    let parts = choice.children().unwrap_or_default();
                    if let [format, info] = parts.as_slice() {
                        if format.raw == ID_RI_OCSP_RESPONSE && info.tag == 0x30 {
                            self.ocsp.push(OcspDer::Response(info.raw.to_vec()));
                        }
                    }
                }
                _ => {}
            }
        }
    }

    /// Reads one value of `adbe-revocationInfoArchival` or `revocation-values`: the same shape,
    /// `SEQUENCE { [0] EXPLICIT SEQUENCE OF CertificateList, [1] EXPLICIT SEQUENCE OF (OCSPResponse
    /// or BasicOCSPResponse), [2] … }`. An `OCSPResponse` starts with its ENUMERATED status, a
    /// `BasicOCSPResponse` with its `tbsResponseData` SEQUENCE, so each is told by its first
    /// element.
    pub(crate) fn add_archival(&mut self, value: &[u8]) {
        let Ok(outer) = tlv::read(value) else { return };
        if outer.tag != 0x30 {
            return;
        }
        for part in outer.children().unwrap_or_default() {
            let list = part
                .children()
                .ok()
                .and_then(|c| c.into_iter().next())
                .filter(|l| l.tag == 0x30);
            let Some(list) = list else { continue };
            for item in list.children().unwrap_or_default() {
                if item.tag != 0x30 {
                    continue;
                }
                match part.tag {
                    0xa0 => self.crls.push(item.raw.to_vec()),
                    0xa1 => {
                        let first = item.children().ok().and_then(|c| c.first().map(|t| t.tag));
                        match first {
                            Some(0x0a) => self.ocsp.push(OcspDer::Response(item.raw.to_vec())),
                            Some(0x30) => self.ocsp.push(OcspDer::Basic(item.raw.to_vec())),
                            _ => {}
                        }
                    }
                    _ => {}
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// DER of `tag` around `content` (short lengths only: test data).
    fn der(tag: u8, content: &[u8]) -> Vec<u8> {
        let mut v = vec![tag, u8::try_from(content.len()).expect("short")];
        v.extend_from_slice(content);
        v
    }

    #[test]
    fn archival_values_are_told_apart_by_their_first_element() {
        let crl = der(0x30, &der(0x30, &[]));
        let response = der(0x30, &der(0x0a, &[0]));
        let basic = der(0x30, &der(0x30, &[]));
        let crls = der(0xa0, &der(0x30, &crl));
        let ocsp = der(
            0xa1,
            &der(0x30, &[response.clone(), basic.clone()].concat()),
        );
        let value = der(0x30, &[crls, ocsp].concat());
        let mut data = RevocationData::default();
        data.add_archival(&value);
        assert_eq!(data.crls, [crl]);
        assert_eq!(
            data.ocsp,
            [OcspDer::Response(response), OcspDer::Basic(basic)]
        );
        // Anything else is skipped, never a panic.
        data.add_archival(&[0x30, 0x05, 0xa0]);
        data.add_archival(&[]);
        assert_eq!(data.crls.len(), 1);
    }

    #[test]
    fn revocation_info_choices_keep_crls_and_ocsp_responses() {
        let crl = der(0x30, &der(0x30, &[]));
        let response = der(0x30, &der(0x0a, &[0]));
        let other = der(0xa1, &[ID_RI_OCSP_RESPONSE, &response].concat());
        let unknown = der(0xa1, &[&der(0x06, &[0x2a]), &response[..]].concat());
        let set = der(0xa1, &[crl.clone(), other, unknown].concat());
        let mut data = RevocationData::default();
        data.add_revocation_info_choices(&tlv::read(&set).expect("DER"));
        assert_eq!(data.crls, [crl]);
        assert_eq!(data.ocsp, [OcspDer::Response(response)]);
        let mut merged = data.clone();
        merged.merge(&data);
        assert_eq!(merged, data);
    }
}
