//! CMS SignedData (RFC 5652), detached or with encapsulated content, built field by field so a
//! fixture can carry exactly the attributes (and the faults) it is meant to carry.

use cms::cert::{CertificateChoices, IssuerAndSerialNumber};
use cms::content_info::{CmsVersion, ContentInfo};
use cms::revocation::{RevocationInfoChoice, RevocationInfoChoices};
use cms::signed_data::{
    CertificateSet, EncapsulatedContentInfo, SignedData, SignerIdentifier, SignerInfo, SignerInfos,
};
use der::asn1::{GeneralizedTime, ObjectIdentifier, OctetString, SetOfVec, UtcTime};
use der::{Any, Decode, Encode, Sequence};
use rand_chacha::ChaCha20Rng;
use x509_cert::attr::Attribute;

use crate::ca::{date_time, Instant, Issued};
use crate::keys::{Algorithm, Digest};
use crate::ForgeError;

const ID_DATA: &str = "1.2.840.113549.1.7.1";
const ID_SIGNED_DATA: &str = "1.2.840.113549.1.7.2";
const ID_CT_TST_INFO: &str = "1.2.840.113549.1.9.16.1.4";
const ID_CONTENT_TYPE: &str = "1.2.840.113549.1.9.3";
const ID_MESSAGE_DIGEST: &str = "1.2.840.113549.1.9.4";
const ID_SIGNING_TIME: &str = "1.2.840.113549.1.9.5";
const ID_SIGNING_CERTIFICATE_V2: &str = "1.2.840.113549.1.9.16.2.47";
const ID_SIGNATURE_TIME_STAMP: &str = "1.2.840.113549.1.9.16.2.14";
/// adbe-revocationInfoArchival (ISO 32000-1 §12.8.3.3.2).
const ID_ADBE_REVOCATION: &str = "1.2.840.113583.1.1.8";
/// id-aa-ets-revocationValues (ETSI EN 319 122-1 §5.5.2).
const ID_REVOCATION_VALUES: &str = "1.2.840.113549.1.9.16.2.24";
const TSA_POLICY: &str = "1.3.6.1.4.1.99999.1.1";

fn oid(s: &str) -> ObjectIdentifier {
    ObjectIdentifier::new_unwrap(s)
}

/// ESSCertIDv2 (RFC 5035): the hash of the signing certificate, SHA-256 (the default, omitted).
#[derive(Sequence)]
struct EssCertIdV2 {
    cert_hash: OctetString,
}

/// SigningCertificateV2 (RFC 5035).
#[derive(Sequence)]
struct SigningCertificateV2 {
    certs: Vec<EssCertIdV2>,
}

/// MessageImprint (RFC 3161 §2.4.2).
#[derive(Sequence)]
struct MessageImprint {
    hash_algorithm: spki::AlgorithmIdentifierOwned,
    hashed_message: OctetString,
}

/// TSTInfo (RFC 3161 §2.4.2), the fields this generator fills.
#[derive(Sequence)]
struct TstInfo {
    version: u8,
    policy: ObjectIdentifier,
    message_imprint: MessageImprint,
    serial_number: u32,
    gen_time: GeneralizedTime,
}

/// CRLs and OCSP responses (DER `CertificateList` and `OCSPResponse`) a signature carries.
#[derive(Clone, Debug, Default)]
pub struct RevocationSet {
    /// CRLs.
    pub crls: Vec<Vec<u8>>,
    /// OCSP responses.
    pub ocsp: Vec<Vec<u8>>,
}

/// Where a signature carries its revocation data.
#[derive(Clone, Copy)]
pub enum Carry<'a> {
    /// The signed attribute `adbe-revocationInfoArchival` (ISO 32000-1 §12.8.3.3.2), as
    /// Adobe-style PDF signers write it: CRLs and whole OCSP responses.
    Archival(&'a RevocationSet),
    /// The CAdES unsigned attribute `revocation-values` (ETSI EN 319 122-1 §5.5.2): CRLs and
    /// `BasicOCSPResponse`s.
    RevocationValues(&'a RevocationSet),
}

/// DER of `tag` around `content` (X.690 §8.1.3 definite length).
fn wrap(tag: u8, content: &[u8]) -> Vec<u8> {
    let len = content.len();
    let mut out = vec![tag];
    if len < 0x80 {
        out.push(len as u8);
    } else {
        let bytes: Vec<u8> = len
            .to_be_bytes()
            .into_iter()
            .skip_while(|b| *b == 0)
            .collect();
        out.push(0x80 | bytes.len() as u8);
        out.extend(bytes);
    }
    out.extend_from_slice(content);
    out
}

/// `SEQUENCE { [0] EXPLICIT SEQUENCE OF CRL, [1] EXPLICIT SEQUENCE OF OCSP }`: the shape of
/// both attributes; `basic` keeps only each response's `BasicOCSPResponse`.
fn revocation_value(set: &RevocationSet, basic: bool) -> Result<Vec<u8>, ForgeError> {
    let mut body = Vec::new();
    if !set.crls.is_empty() {
        body.extend(wrap(0xa0, &wrap(0x30, &set.crls.concat())));
    }
    if !set.ocsp.is_empty() {
        let mut list = Vec::new();
        for r in &set.ocsp {
            if basic {
                let response = x509_ocsp::OcspResponse::from_der(r)?;
                let bytes = response
                    .response_bytes
                    .ok_or(ForgeError::Layout("an OCSP response without a body"))?;
                list.extend_from_slice(bytes.response.as_bytes());
            } else {
                list.extend_from_slice(r);
            }
        }
        body.extend(wrap(0xa1, &wrap(0x30, &list)));
    }
    Ok(wrap(0x30, &body))
}

/// What one signer signs and how.
#[derive(Clone, Copy)]
pub struct Signing<'a> {
    /// The signer's certificate and key.
    pub signer: &'a Issued,
    /// Certificates placed in the SignedData besides the signer's.
    pub chain: &'a [&'a Issued],
    /// Signature and digest algorithm.
    pub algorithm: Algorithm,
    /// The claimed signing time (`signingTime` attribute), if any.
    pub signing_time: Option<Instant>,
    /// Add ESS signing-certificate-v2 (required by CAdES/PAdES).
    pub signing_certificate_v2: bool,
    /// A signature timestamp by this TSA at this time, as an unsigned attribute.
    pub timestamp: Option<(&'a Issued, Instant)>,
    /// Revocation data the signature carries for its certificates, and where.
    pub revocation: Option<Carry<'a>>,
    /// CRLs the timestamp token carries in its SignedData `crls` (for the TSA's certificates).
    pub token_crls: &'a [Vec<u8>],
}

fn attribute(o: &str, value: impl Encode) -> Result<Attribute, ForgeError> {
    let mut values = SetOfVec::new();
    values.insert(Any::from_der(&value.to_der()?)?)?;
    Ok(Attribute {
        oid: oid(o),
        values,
    })
}

/// A detached SignedData over the bytes `data` (for a PDF: the byte ranges, in order).
pub fn detached(
    s: &Signing<'_>,
    data: &[&[u8]],
    rng: &mut ChaCha20Rng,
) -> Result<Vec<u8>, ForgeError> {
    let digest = s.algorithm.digest.hash(&data.concat());
    signed_data(s, oid(ID_DATA), None, &digest, rng)
}

/// An RFC 3161 timestamp token by `tsa` at `at` over `imprint_of` (hashed with SHA-256),
/// carrying `crls` in its SignedData (RFC 5652 §5.1).
pub fn timestamp_token(
    tsa: &Issued,
    chain: &[&Issued],
    crls: &[Vec<u8>],
    (at, imprint_of): (Instant, &[u8]),
    serial: u32,
    rng: &mut ChaCha20Rng,
) -> Result<Vec<u8>, ForgeError> {
    let info = TstInfo {
        version: 1,
        policy: oid(TSA_POLICY),
        message_imprint: MessageImprint {
            hash_algorithm: Digest::Sha256.algorithm_identifier(),
            hashed_message: OctetString::new(Digest::Sha256.hash(imprint_of))?,
        },
        serial_number: serial,
        gen_time: GeneralizedTime::from_date_time(date_time(at)?),
    }
    .to_der()?;
    let s = Signing {
        signer: tsa,
        chain,
        algorithm: Algorithm::plain(Digest::Sha256),
        signing_time: None,
        signing_certificate_v2: true,
        timestamp: None,
        revocation: None,
        token_crls: crls,
    };
    signed_data(
        &s,
        oid(ID_CT_TST_INFO),
        Some(&info),
        &Digest::Sha256.hash(&info),
        rng,
    )
}

/// The SignedData `crls` of a timestamp token (none for other content).
fn crls_field(
    content_type: ObjectIdentifier,
    crls: &[Vec<u8>],
) -> Result<Option<RevocationInfoChoices>, ForgeError> {
    if content_type != oid(ID_CT_TST_INFO) || crls.is_empty() {
        return Ok(None);
    }
    let mut set = SetOfVec::new();
    for der in crls {
        set.insert(RevocationInfoChoice::Crl(
            x509_cert::crl::CertificateList::from_der(der)?,
        ))?;
    }
    Ok(Some(RevocationInfoChoices(set)))
}

fn signed_data(
    s: &Signing<'_>,
    content_type: ObjectIdentifier,
    content: Option<&[u8]>,
    digest: &[u8],
    rng: &mut ChaCha20Rng,
) -> Result<Vec<u8>, ForgeError> {
    let mut signed = SetOfVec::new();
    signed.insert(attribute(ID_CONTENT_TYPE, content_type)?)?;
    signed.insert(attribute(ID_MESSAGE_DIGEST, OctetString::new(digest)?)?)?;
    if let Some(t) = s.signing_time {
        signed.insert(attribute(
            ID_SIGNING_TIME,
            UtcTime::from_date_time(date_time(t)?)?,
        )?)?;
    }
    if s.signing_certificate_v2 {
        let id = EssCertIdV2 {
            cert_hash: OctetString::new(Digest::Sha256.hash(&s.signer.der))?,
        };
        signed.insert(attribute(
            ID_SIGNING_CERTIFICATE_V2,
            SigningCertificateV2 { certs: vec![id] },
        )?)?;
    }
    if let Some(Carry::Archival(set)) = s.revocation {
        let value = revocation_value(set, false)?;
        signed.insert(attribute(ID_ADBE_REVOCATION, Any::from_der(&value)?)?)?;
    }
    let signature = s.signer.key.sign(s.algorithm, &signed.to_der()?, rng)?;
    let mut unsigned = SetOfVec::new();
    if let Some((tsa, at)) = s.timestamp {
        let token = timestamp_token(tsa, s.chain, s.token_crls, (at, &signature), 1, rng)?;
        unsigned.insert(attribute(ID_SIGNATURE_TIME_STAMP, Any::from_der(&token)?)?)?;
    }
    if let Some(Carry::RevocationValues(set)) = s.revocation {
        let value = revocation_value(set, true)?;
        unsigned.insert(attribute(ID_REVOCATION_VALUES, Any::from_der(&value)?)?)?;
    }
    let unsigned = (!unsigned.is_empty()).then_some(unsigned);
    let tbs = &s.signer.cert.tbs_certificate;
    let info = SignerInfo {
        version: CmsVersion::V1,
        sid: SignerIdentifier::IssuerAndSerialNumber(IssuerAndSerialNumber {
            issuer: tbs.issuer.clone(),
            serial_number: tbs.serial_number.clone(),
        }),
        digest_alg: s.algorithm.digest.algorithm_identifier(),
        signed_attrs: Some(signed),
        signature_algorithm: s.signer.key.algorithm_identifier(s.algorithm)?,
        signature: OctetString::new(signature)?,
        unsigned_attrs: unsigned,
    };
    let mut certificates = SetOfVec::new();
    for c in std::iter::once(&s.signer).chain(s.chain) {
        certificates.insert(CertificateChoices::Certificate(c.cert.clone()))?;
    }
    let mut digests = SetOfVec::new();
    digests.insert(s.algorithm.digest.algorithm_identifier())?;
    let mut infos = SetOfVec::new();
    infos.insert(info)?;
    let data = SignedData {
        // RFC 5652 §5.1: version 1 for id-data with version-1 signer infos, else 3.
        version: if content_type == oid(ID_DATA) {
            CmsVersion::V1
        } else {
            CmsVersion::V3
        },
        digest_algorithms: digests,
        encap_content_info: EncapsulatedContentInfo {
            econtent_type: content_type,
            econtent: content
                .map(|c| Any::encode_from(&OctetString::new(c)?))
                .transpose()?,
        },
        certificates: Some(CertificateSet(certificates)),
        crls: crls_field(content_type, s.token_crls)?,
        signer_infos: SignerInfos(infos),
    };
    Ok(ContentInfo {
        content_type: oid(ID_SIGNED_DATA),
        content: Any::encode_from(&data)?,
    }
    .to_der()?)
}
