//! The one verification of a signed document (issue 6 points 6–7): every stage run for every
//! signature, their results joined into the [`SignatureReport`]. Every surface (the CLI's
//! `motcua verify`, C's `motcua_verify`, WebAssembly's `verify`) calls [`verify`] or
//! [`verify_detached`] and only translates; the joins, readings and limits are in
//! `spec/signature/verify.md`.
//!
//! - The input is sniffed by its content, never by a file name: a PDF (`%PDF-` within its first
//!   1024 bytes, ISO 32000-1 §7.5.2 and the Annex H note viewers follow) or a CMS `ContentInfo`
//!   (a DER or BER SEQUENCE, RFC 5652 §3). Anything else is [`VerifyError::Unrecognised`].
//! - A PDF: [`integrity::check_document`] (byte range, CMS, signed attributes, signature value,
//!   timestamps), [`changes::analyse`] (changes after each signature), the certificate stage
//!   ([`certificate::check`]) for the signer and for each timestamp's authority, and, when the
//!   caller asks, the Decree 30 profile ([`format::gather`] and [`format::check`]) fed with the
//!   facts the other stages found.
//! - A CMS file: [`integrity::check_cms`] over the content it encapsulates, or over the data the
//!   caller gives for a detached `.p7s` ([`verify_detached`]); a detached CMS given alone is
//!   INDETERMINATE / SIGNED_DATA_NOT_FOUND. Its signed content is exactly the bytes checked, so
//!   nothing can change after signing (`modified_after_signing` none).
//!
//! Each stage's result becomes a [`report::Stages`] value, and the indication comes only from
//! [`report::signature_indication`]: `TOTAL_PASSED` needs every stage to have run and passed. A
//! stage that could not run (changes too costly to compare, a certificate that cannot be read)
//! leaves its verdict "not checked", which is never a pass.
//!
//! The core has no clock: the validation time is the caller's ([`VerifyOptions::validation_time`];
//! the CLI passes now, the conformance vectors a fixed time).
//!
//! # Example
//!
//! ```
//! use motcua_core::signature::changes::Modification;
//! use motcua_core::signature::report::{Indication, SubIndication};
//! use motcua_core::signature::verify::{verify, verify_detached, VerifyError, VerifyOptions};
//!
//! // The options as the C and WebAssembly surfaces take them: trust anchors in PEM, the time.
//! let root = include_str!("../../../examples/signature-test-root.pem");
//! let options = VerifyOptions::from_json(
//!     &serde_json::json!({"validation_time": "2026-03-05T09:30:15+07:00", "trust_anchors": [root]})
//!         .to_string(),
//! )?;
//!
//! // A white box annotation added after signing over the fee line (shadow attack, hide via
//! // overlay): the signature's bytes are intact, the document shown is not the one signed.
//! let overlaid = verify(include_bytes!("../../../examples/signed-decision-overlaid.pdf"), &options)?;
//! assert_eq!(overlaid.indication, Indication::TotalFailed);
//! let changed = overlaid.signatures[0].modified_after_signing.as_ref().map(|m| m.status);
//! assert_eq!(changed, Some(Modification::Disallowed));
//!
//! // A detached CAdES signature passes over its data, and is INDETERMINATE without it.
//! let p7s = include_bytes!("../../../examples/signed-application.txt.p7s");
//! let data = include_bytes!("../../../examples/signed-application.txt");
//! assert_eq!(verify_detached(p7s, data, &options)?.indication, Indication::TotalPassed);
//! let alone = verify(p7s, &options)?;
//! assert_eq!(alone.signatures[0].sub_indication, Some(SubIndication::SignedDataNotFound));
//!
//! // Bytes that are neither a PDF nor a CMS object are an error, not a report.
//! assert_eq!(verify(b"hello", &options).unwrap_err(), VerifyError::Unrecognised);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use serde::Deserialize;

use super::certificate::{
    self, Certificate, CertificateReport, Crl, OcspResponse, Purpose, RevocationPolicy, Times,
};
use super::changes::{self, SignatureChanges};
use super::format::{self, time::parse_pdf_date, Decree30Options, Decree30Role, SignerClass};
use super::integrity::{self, Integrity, SignatureIntegrity, SignedKind};
use super::pdf::{Document, PdfError};
use super::report::{
    self, CertificateVerdict, ChangesVerdict, CryptoVerdict, EntryKind, SignatureInput,
    SignatureReport, SignatureResult, SigningTime, Stages,
};
use super::revocation_data::{add_new, OcspDer, RevocationData};
use super::timestamp::TimestampCheck;
use crate::finding::{Diagnostic, Finding};
use crate::model::{InputError, Timestamp};

/// How far into a file the PDF header `%PDF-` is looked for (ISO 32000-1 Annex H.3 note 3:
/// viewers accept the header within the first 1024 bytes).
pub const PDF_HEADER_WINDOW: usize = 1024;

/// Largest options text read by [`VerifyOptions::from_json`] (trust anchors and CRLs in PEM).
pub const MAX_OPTIONS_BYTES: usize = 32 << 20;

/// What the caller gives besides the document: whom to trust, revocation data, the time, and
/// the legal-format profile.
#[derive(Debug, Clone, Default)]
pub struct VerifyOptions {
    /// The trust anchors (e.g. the NEAC root and the Government CA root). Without one, no chain
    /// is found and no signature passes (`certificate.no_trust_anchor`).
    pub trust_anchors: Vec<Certificate>,
    /// Intermediate CA certificates, beside those the signatures carry.
    pub intermediates: Vec<Certificate>,
    /// CRLs (RFC 5280 §5).
    pub crls: Vec<Crl>,
    /// OCSP responses (RFC 6960).
    pub ocsp: Vec<OcspResponse>,
    /// The validation time ("now"), seconds since 1970-01-01T00:00:00Z.
    pub validation_time: i64,
    /// The legal-format profile (none by default).
    pub profile: format::Profile,
    /// Whether a certificate whose revocation status neither the file nor these options
    /// establish stops a signature from passing (by default it does: INDETERMINATE/TRY_LATER).
    pub revocation: RevocationPolicy,
}

/// Which part of the options a certificate or CRL came from, for errors.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OptionPart {
    /// A trust anchor.
    TrustAnchor,
    /// An intermediate certificate.
    Intermediate,
    /// A CRL.
    Crl,
    /// An OCSP response.
    Ocsp,
}

impl OptionPart {
    fn name(self) -> &'static str {
        match self {
            Self::TrustAnchor => "trust_anchors",
            Self::Intermediate => "intermediates",
            Self::Crl => "crls",
            Self::Ocsp => "ocsp",
        }
    }
}

/// Why a document could not be verified at all (as opposed to a signature that does not pass,
/// which is a report).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum VerifyError {
    /// The input is neither a PDF nor a CMS object.
    #[error("the input is neither a PDF nor a CMS signature")]
    Unrecognised,
    /// The signature given to [`verify_detached`] is not a CMS object.
    #[error("the detached signature is not a CMS object")]
    NotCms,
    /// The PDF reader refused the file (its structure is broken or exceeds the limits).
    #[error(transparent)]
    Pdf(#[from] PdfError),
    /// A trust anchor, intermediate or CRL of the options cannot be read.
    #[error("{}[{index}]: {error}", part.name())]
    Option {
        /// Which list.
        part: OptionPart,
        /// Its index in the list.
        index: usize,
        /// Why.
        error: certificate::CertificateError,
    },
    /// The options JSON is not the options object.
    #[error(transparent)]
    Options(#[from] InputError),
}

impl Diagnostic for VerifyError {
    fn code(&self) -> &'static str {
        match self {
            Self::Unrecognised => "verify.unrecognised_input",
            Self::NotCms => "verify.not_cms",
            Self::Pdf(e) => e.code(),
            Self::Option { error, .. } => error.code(),
            Self::Options(e) => e.code(),
        }
    }

    fn args(&self) -> Vec<(&'static str, String)> {
        match self {
            Self::Unrecognised | Self::NotCms => Vec::new(),
            Self::Pdf(e) => e.args(),
            Self::Option { error, .. } => error.args(),
            Self::Options(e) => e.args(),
        }
    }
}

impl VerifyError {
    /// This error as a finding: at the options' field for an option (`/trust_anchors/0`), at
    /// the options' pointer for options JSON, else about the whole input.
    pub fn to_finding(&self) -> Finding {
        match self {
            Self::Options(e) => e.to_finding(),
            Self::Option { part, index, .. } => Diagnostic::to_finding(
                self,
                &crate::finding::pointer(&format!("/{}", part.name()), &index.to_string()),
            ),
            _ => Diagnostic::to_finding(self, ""),
        }
    }
}

/// The options as JSON, as the C and WebAssembly surfaces take them
/// (`spec/schema/verify-options.schema.json`).
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct VerifyOptionsJson {
    /// The validation time, RFC 3339 with its offset (core has no clock).
    pub validation_time: Timestamp,
    /// Trust anchors, each a PEM text of one or more `CERTIFICATE` blocks.
    #[serde(default)]
    pub trust_anchors: Vec<String>,
    /// Intermediate CA certificates, PEM texts.
    #[serde(default)]
    pub intermediates: Vec<String>,
    /// CRLs, each a PEM `X509 CRL` block.
    #[serde(default)]
    pub crls: Vec<String>,
    /// OCSP responses, each the base64 of its DER (RFC 6960 §4.2.1).
    #[serde(default)]
    pub ocsp: Vec<String>,
    /// The legal-format profile: `none` (default) or `decree30`.
    #[serde(default)]
    pub profile: ProfileName,
    /// Under `decree30`, what the document is: `document` (default), `attachment` or `copy`.
    #[serde(default)]
    pub role: Decree30Role,
    /// `required` (default): a certificate whose revocation status cannot be established makes
    /// the signature INDETERMINATE/TRY_LATER; `accept_unknown`: reported as a warning only.
    #[serde(default)]
    pub revocation: RevocationPolicy,
}

/// The name of a legal-format profile.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ProfileName {
    /// No legal-format rules.
    #[default]
    None,
    /// Decree 30/2020/NĐ-CP Appendix I.
    Decree30,
}

impl ProfileName {
    /// The profile, with the document's `role`.
    pub fn profile(self, role: Decree30Role) -> format::Profile {
        match self {
            Self::None => format::Profile::None,
            Self::Decree30 => format::Profile::Decree30(Decree30Options {
                role,
                info_line: false,
            }),
        }
    }
}

/// The bytes of every `-----BEGIN label-----` block of `text`, or `None` when it has none.
fn pem_blocks(text: &[u8], label: &str) -> Option<Result<Vec<Vec<u8>>, &'static str>> {
    let text = std::str::from_utf8(text).ok()?;
    let begin = format!("-----BEGIN {label}-----");
    let end = format!("-----END {label}-----");
    if !text.contains(&begin) {
        return None;
    }
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find(&begin) {
        let body = &rest[at + begin.len()..];
        let Some(stop) = body.find(&end) else {
            return Some(Err("a block has no END line"));
        };
        match certificate::base64(&body[..stop]) {
            Some(der) => out.push(der),
            None => return Some(Err("invalid base64 in a block")),
        }
        rest = &body[stop + end.len()..];
    }
    Some(Ok(out))
}

impl VerifyOptions {
    /// Options with no trust anchor, no CRL and no profile, validating at `validation_time`
    /// (seconds since 1970-01-01T00:00:00Z).
    pub fn new(validation_time: i64) -> Self {
        Self {
            validation_time,
            ..Self::default()
        }
    }

    /// Adds the certificates of `bytes` (PEM with one or more `CERTIFICATE` blocks, or one DER
    /// certificate) to `part`'s list.
    pub fn add_certificates(&mut self, part: OptionPart, bytes: &[u8]) -> Result<(), VerifyError> {
        let list = match part {
            OptionPart::TrustAnchor => &mut self.trust_anchors,
            OptionPart::Intermediate => &mut self.intermediates,
            OptionPart::Crl => return self.add_crls(bytes),
            OptionPart::Ocsp => return self.add_ocsp(bytes),
        };
        let index = list.len();
        let err = |error| VerifyError::Option { part, index, error };
        let certs = if bytes.starts_with(&[0x30]) {
            vec![Certificate::from_der(bytes).map_err(err)?]
        } else {
            Certificate::from_pem(bytes).map_err(err)?
        };
        list.extend(certs);
        Ok(())
    }

    /// Adds the CRLs of `bytes`: one DER CRL, or PEM with one or more `X509 CRL` blocks.
    pub fn add_crls(&mut self, bytes: &[u8]) -> Result<(), VerifyError> {
        let index = self.crls.len();
        let err = |error| VerifyError::Option {
            part: OptionPart::Crl,
            index,
            error,
        };
        let ders = match pem_blocks(bytes, "X509 CRL") {
            None => vec![bytes.to_vec()],
            Some(Ok(ders)) => ders,
            Some(Err(reason)) => {
                return Err(err(certificate::CertificateError::Pem {
                    reason: reason.into(),
                }))
            }
        };
        for der in ders {
            self.crls.push(Crl::from_der(&der).map_err(err)?);
        }
        Ok(())
    }

    /// Adds the OCSP response `bytes` (DER, RFC 6960 §4.2.1).
    pub fn add_ocsp(&mut self, bytes: &[u8]) -> Result<(), VerifyError> {
        let index = self.ocsp.len();
        let response = OcspResponse::from_der(bytes).map_err(|error| VerifyError::Option {
            part: OptionPart::Ocsp,
            index,
            error,
        })?;
        self.ocsp.push(response);
        Ok(())
    }

    /// The options of the JSON text `text` ([`VerifyOptionsJson`]).
    pub fn from_json(text: &str) -> Result<Self, VerifyError> {
        let json: VerifyOptionsJson =
            crate::model::input::parse_with_limit(text, MAX_OPTIONS_BYTES)?;
        let mut out = Self::new(json.validation_time.unix_instant().0);
        out.profile = json.profile.profile(json.role);
        out.revocation = json.revocation;
        for (part, list) in [
            (OptionPart::TrustAnchor, &json.trust_anchors),
            (OptionPart::Intermediate, &json.intermediates),
            (OptionPart::Crl, &json.crls),
        ] {
            for (index, text) in list.iter().enumerate() {
                out.add_certificates(part, text.as_bytes())
                    .map_err(|e| match e {
                        VerifyError::Option { error, .. } => {
                            VerifyError::Option { part, index, error }
                        }
                        other => other,
                    })?;
            }
        }
        for (index, text) in json.ocsp.iter().enumerate() {
            let der = certificate::base64(text).ok_or(VerifyError::Option {
                part: OptionPart::Ocsp,
                index,
                error: certificate::CertificateError::Malformed {
                    reason: "not base64".into(),
                },
            })?;
            out.add_ocsp(&der).map_err(|e| match e {
                VerifyError::Option { error, .. } => VerifyError::Option {
                    part: OptionPart::Ocsp,
                    index,
                    error,
                },
                other => other,
            })?;
        }
        Ok(out)
    }
}

/// What an input is, by its content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputKind {
    /// A PDF file.
    Pdf,
    /// A CMS object (`.p7s`, `.p7m`, `.pkcs7`).
    Cms,
}

/// What `bytes` is: a PDF when it starts with `%PDF-`; else a CMS object when it starts with a
/// SEQUENCE tag (DER or BER, RFC 5652 §3) — an attached `.p7m` may carry a PDF whose header lies
/// in its first bytes; else a PDF when `%PDF-` occurs in its first [`PDF_HEADER_WINDOW`] bytes;
/// else neither.
pub fn sniff(bytes: &[u8]) -> Option<InputKind> {
    let head = bytes.get(..PDF_HEADER_WINDOW).unwrap_or(bytes);
    if bytes.starts_with(b"%PDF-") {
        Some(InputKind::Pdf)
    } else if bytes.len() > 2 && bytes.first() == Some(&0x30) {
        Some(InputKind::Cms)
    } else if head.windows(5).any(|w| w == b"%PDF-") {
        Some(InputKind::Pdf)
    } else {
        None
    }
}

/// Verifies the signed document `bytes`: a PDF with its signatures, or a CMS file (an attached
/// `.p7m` over its encapsulated content; a detached `.p7s` alone is reported as
/// SIGNED_DATA_NOT_FOUND — give its data with [`verify_detached`]).
pub fn verify(bytes: &[u8], options: &VerifyOptions) -> Result<SignatureReport, VerifyError> {
    match sniff(bytes) {
        Some(InputKind::Pdf) => verify_pdf(bytes, options),
        Some(InputKind::Cms) => Ok(verify_cms(bytes, None, options)),
        None => Err(VerifyError::Unrecognised),
    }
}

/// Verifies the detached CMS `signature` over `content`, the data it signs (any file).
pub fn verify_detached(
    signature: &[u8],
    content: &[u8],
    options: &VerifyOptions,
) -> Result<SignatureReport, VerifyError> {
    match sniff(signature) {
        Some(InputKind::Cms) => Ok(verify_cms(signature, Some(content), options)),
        _ => Err(VerifyError::NotCms),
    }
}

/// The changes verdict of the signature `field`, whose signature dictionary is `object`
/// (`"num gen"`), from the change stage's result. The change stage judges a signature dictionary
/// once, under the first field that names it ([`changes::analyse`]); another field naming the
/// same dictionary is the same signature over the same revision, so it gets that verdict.
fn changes_of(
    all: &Result<Vec<SignatureChanges>, Finding>,
    field: &str,
    object: Option<&str>,
) -> ChangesVerdict {
    match all {
        Ok(all) => all
            .iter()
            .find(|c| c.field == field)
            .or_else(|| {
                let object = object?;
                all.iter().find(|c| c.object.as_deref() == Some(object))
            })
            .map_or(ChangesVerdict::NotChecked, ChangesVerdict::from),
        Err(_) => ChangesVerdict::NotChecked,
    }
}

fn verify_pdf(bytes: &[u8], options: &VerifyOptions) -> Result<SignatureReport, VerifyError> {
    let doc = Document::parse(bytes)?;
    let integrity = integrity::check_document(&doc)?;
    let changes = changes::analyse(&doc).map_err(|e| e.to_finding(""));
    let dicts = doc.latest().signatures()?;
    // The format facts are read before the DSS, whose streams share the document's decode
    // budget: a large DSS can then only leave revocation unknown, never stop the profile.
    let mut facts = match options.profile {
        format::Profile::None => None,
        format::Profile::Decree30(_) => Some(format::gather(&doc)?),
    };
    let mut carried = RevocationData::default();
    let mut unreadable = Vec::new();
    match doc.latest().dss() {
        Ok(dss) => {
            carried.merge(&dss.data);
            unreadable.extend(dss.skipped);
        }
        Err(e) => unreadable.push(e.to_string()),
    }
    let evidence = Evidence::new(options, carried_by(&integrity, carried), unreadable);
    let mut assessed = Vec::new();
    for (i, integ) in integrity.iter().enumerate() {
        let field = integ
            .field
            .clone()
            .unwrap_or_else(|| format!("signature_{}", i + 1));
        let dict = dicts
            .fields
            .iter()
            .find(|f| f.name == field)
            .and_then(|f| f.signature.as_ref());
        let pdf_m = dict.and_then(|s| s.signing_time.clone());
        let object = dict.and_then(|s| s.object).map(changes::object_id);
        let order = integ
            .coverage
            .as_ref()
            .map_or(usize::MAX, |c| c.ranges.second.end);
        let mut a = assess(
            integ,
            field.clone(),
            pdf_m,
            changes_of(&changes, &field, object.as_deref()),
            &evidence,
        );
        a.order = order;
        if let Err(finding) = &changes {
            a.result.integrity_findings.push(finding.clone());
        }
        assessed.push(a);
    }
    assessed.sort_by_key(|a| a.order);
    let format = match (options.profile, facts.as_mut()) {
        (format::Profile::Decree30(opts), Some(facts)) => {
            facts.set_integrity(&integrity);
            if let Ok(all) = &changes {
                facts.set_changes(all);
            }
            for s in &mut facts.signatures {
                if let Some(a) = assessed.iter().find(|a| a.result.field == s.field) {
                    s.signer_class = a.signer_class;
                    s.signer_name.clone_from(&a.signer_name);
                }
            }
            Some(format::check(facts, &opts))
        }
        _ => None,
    };
    let results = assessed.into_iter().map(|a| a.result).collect();
    Ok(SignatureReport::new(results, format))
}

fn verify_cms(der: &[u8], content: Option<&[u8]>, options: &VerifyOptions) -> SignatureReport {
    let integrity = integrity::check_cms(der, content);
    let evidence = Evidence::new(
        options,
        carried_by(&integrity, RevocationData::default()),
        Vec::new(),
    );
    let results = integrity
        .iter()
        .enumerate()
        .map(|(i, integ)| {
            // The signed content is exactly the bytes checked: nothing can follow the signature.
            assess(
                integ,
                format!("signer_{}", i + 1),
                None,
                ChangesVerdict::None,
                &evidence,
            )
            .result
        })
        .collect();
    SignatureReport::new(results, None)
}

/// `carried` with the revocation data of every signature and timestamp token of `integrity`.
fn carried_by(integrity: &[SignatureIntegrity], mut carried: RevocationData) -> RevocationData {
    for integ in integrity {
        carried.merge(&integ.revocation);
        for ts in &integ.timestamps {
            carried.merge(&ts.revocation);
        }
    }
    carried
}

/// What the certificate stage is given for every signature of one file: the caller's options
/// with the certificates, CRLs and OCSP responses the file carries (its signatures' CMS and the
/// DSS, `revocation_data`). One pool for the file: each CRL and OCSP response is used only for
/// a certificate whose issuer signed it, at the times of the signature being checked, so a
/// response carried by one signature may serve another (as PAdES's DSS is meant to).
struct Evidence<'o> {
    options: &'o VerifyOptions,
    intermediates: Vec<Certificate>,
    crls: Vec<Crl>,
    ocsp: Vec<OcspResponse>,
    /// `verify.revocation_data_unreadable` for each element the file carries that cannot be read.
    findings: Vec<Finding>,
}

/// Revocation data the file carries that cannot be read (it is not used).
#[derive(Debug, Clone)]
struct Unreadable {
    what: &'static str,
    reason: String,
}

impl Diagnostic for Unreadable {
    fn code(&self) -> &'static str {
        "verify.revocation_data_unreadable"
    }

    fn args(&self) -> Vec<(&'static str, String)> {
        vec![
            ("what", self.what.to_owned()),
            ("reason", self.reason.clone()),
        ]
    }
}

impl<'o> Evidence<'o> {
    fn new(options: &'o VerifyOptions, carried: RevocationData, skipped: Vec<String>) -> Self {
        let mut out = Self {
            options,
            intermediates: options.intermediates.clone(),
            crls: options.crls.clone(),
            ocsp: options.ocsp.clone(),
            findings: Vec::new(),
        };
        let mut unreadable = |what: &'static str, reason: String| {
            out.findings
                .push(Unreadable { what, reason }.to_finding("/revocation_data"));
        };
        for reason in skipped {
            unreadable("DSS", reason);
        }
        let mut crls = Vec::new();
        for der in &carried.crls {
            match Crl::from_der(der) {
                Ok(crl) => crls.push(crl),
                Err(e) => unreadable("CRL", e.to_string()),
            }
        }
        let mut ocsp = Vec::new();
        for der in &carried.ocsp {
            let parsed = match der {
                OcspDer::Response(d) => OcspResponse::from_der(d),
                OcspDer::Basic(d) => OcspResponse::from_basic_der(d),
            };
            match parsed {
                Ok(r) => ocsp.push(r),
                Err(e) => unreadable("OCSP", e.to_string()),
            }
        }
        let mut certificates = Vec::new();
        for der in &carried.certificates {
            match Certificate::from_der(der) {
                Ok(c) => certificates.push(c),
                Err(e) => unreadable("certificate", e.to_string()),
            }
        }
        add_new(&mut out.crls, crls);
        add_new(&mut out.ocsp, ocsp);
        add_new(&mut out.intermediates, certificates);
        out
    }
}

/// One signature assessed, with the facts the format profile reads.
struct Assessed {
    result: SignatureResult,
    order: usize,
    signer_class: SignerClass,
    signer_name: Option<String>,
}

fn format_instant(unix: i64) -> format::time::Instant {
    format::time::Instant {
        unix,
        offset_minutes: 0,
    }
}

/// The certificates (DER) parsed, those that cannot be read left out.
fn parsed(ders: &[Vec<u8>]) -> Vec<Certificate> {
    ders.iter()
        .filter_map(|d| Certificate::from_der(d).ok())
        .collect()
}

/// The certificate stage for the certificate `signer` (DER) among `embedded`, at `times`.
fn check_certificate(
    signer: &[u8],
    embedded: &[Vec<u8>],
    times: Times,
    purpose: Purpose,
    evidence: &Evidence<'_>,
) -> Result<CertificateReport, Box<Finding>> {
    let cert = Certificate::from_der(signer).map_err(|e| Box::new(e.to_finding("")))?;
    let embedded = parsed(embedded);
    let report = certificate::check(&certificate::Input {
        signer: &cert,
        embedded: &embedded,
        intermediates: &evidence.intermediates,
        trust_anchors: &evidence.options.trust_anchors,
        crls: &evidence.crls,
        ocsp: &evidence.ocsp,
        times,
        purpose,
        revocation: evidence.options.revocation,
    })
    .map_err(|e| Box::new(e.to_finding("")))?;
    Ok(report)
}

/// Whether the timestamp token `ts` holds and its authority's certificate passes at its own
/// `genTime`: only then is `genTime` a proof of existence (ETSI EN 319 102-1 §5.4).
fn trusted_time(ts: &TimestampCheck, evidence: &Evidence<'_>) -> Result<i64, Box<Finding>> {
    if let Integrity::Broken { reason } | Integrity::Undetermined { reason } = &ts.integrity {
        return Err(Box::new(reason.clone()));
    }
    let (Some(gen_time), Some(tsa)) = (ts.gen_time, ts.tsa_certificate.as_deref()) else {
        return Err(Box::new(Untrusted::NoAuthority.to_finding("")));
    };
    let times = Times {
        validation: evidence.options.validation_time,
        claimed: Some(gen_time.unix_seconds),
        proven: None,
    };
    let report = check_certificate(
        tsa,
        &ts.certificates,
        times,
        Purpose::Timestamping,
        evidence,
    )?;
    if report.sub_indication.is_none() {
        Ok(gen_time.unix_seconds)
    } else {
        Err(Box::new(Untrusted::Authority.to_finding("")))
    }
}

/// Why a signature timestamp is not used as a proof of the signing time.
#[derive(Debug, Clone, Copy)]
enum Untrusted {
    /// The token names no authority certificate or no time.
    NoAuthority,
    /// The authority's certificate does not pass.
    Authority,
}

impl Diagnostic for Untrusted {
    fn code(&self) -> &'static str {
        match self {
            Self::NoAuthority => "verify.timestamp_no_authority",
            Self::Authority => "verify.timestamp_authority_not_trusted",
        }
    }
}

/// Every stage for one signature (or document timestamp) whose integrity stage gave `integ`.
fn assess(
    integ: &SignatureIntegrity,
    field: String,
    pdf_m: Option<String>,
    changes: ChangesVerdict,
    evidence: &Evidence<'_>,
) -> Assessed {
    let options = evidence.options;
    let document_timestamp = integ.kind == SignedKind::DocumentTimestamp;
    let integrity_verdict = integ.integrity_verdict();
    let mut crypto = integ.crypto_verdict();
    let mut integrity_findings = report::integrity_findings(integ);

    // Signature timestamps: the earliest that holds, issued by an authority that passes, proves
    // the signature existed at its genTime. One that does not hold makes the signature
    // INDETERMINATE (SIG_CONSTRAINTS_FAILURE): a component of it is false.
    let mut proven: Option<i64> = None;
    if !document_timestamp {
        for ts in &integ.timestamps {
            match trusted_time(ts, evidence) {
                Ok(t) => proven = Some(proven.map_or(t, |p| p.min(t))),
                Err(finding) => {
                    let broken = matches!(ts.integrity, Integrity::Broken { .. });
                    if broken && crypto == CryptoVerdict::Verified {
                        crypto = CryptoVerdict::SigConstraints;
                    }
                    integrity_findings.push(Finding {
                        path: "/timestamps".to_owned(),
                        ..*finding
                    });
                }
            }
            integrity_findings.extend(ts.findings.iter().cloned());
        }
    }

    let cms_signing_time = integ.signing_time.map(|t| t.unix_seconds);
    let gen_time = integ
        .timestamps
        .first()
        .and_then(|t| t.gen_time)
        .map(|t| t.unix_seconds);
    let mut signing_times = format::SigningTimes {
        timestamp: proven.map(format_instant),
        cms_signing_time: cms_signing_time.map(format_instant),
        pdf_m: pdf_m.as_deref().map(parse_pdf_date),
    };
    let times = if document_timestamp {
        // A document timestamp's authority is judged at the token's own time, which only its
        // authority's validity can prove.
        Times {
            validation: options.validation_time,
            claimed: gen_time,
            proven: None,
        }
    } else {
        Times::from_signing_times(&signing_times, options.validation_time)
    };
    let purpose = if document_timestamp {
        Purpose::Timestamping
    } else {
        Purpose::DocumentSigning
    };

    let mut certificate_findings = Vec::new();
    let mut signer = None;
    let mut class = SignerClass::Unknown;
    let mut name = None;
    let certificate = match integ.signer_certificate.as_deref() {
        None => CertificateVerdict::NotChecked,
        Some(der) => match check_certificate(der, &integ.certificates, times, purpose, evidence) {
            Ok(report) => {
                class = report.signer.kind.into();
                name.clone_from(&report.signer.common_name);
                signer = Some(report.report_signer());
                certificate_findings.clone_from(&report.findings);
                certificate_findings.extend(evidence.findings.iter().cloned());
                CertificateVerdict::from(&report)
            }
            Err(finding) => {
                certificate_findings.push(*finding);
                CertificateVerdict::NotChecked
            }
        },
    };

    if document_timestamp {
        // A document timestamp's own time, proven when its authority passes.
        signing_times.timestamp = gen_time
            .filter(|_| certificate == CertificateVerdict::Valid)
            .map(format_instant);
    }
    let result = SignatureResult::new(SignatureInput {
        field,
        kind: if document_timestamp {
            EntryKind::DocumentTimestamp
        } else {
            EntryKind::Signature
        },
        stages: Stages {
            integrity: integrity_verdict,
            crypto,
            certificate,
            changes,
        },
        signer,
        signing_time: SigningTime::from_times(&signing_times),
        certificate_findings,
        integrity_findings,
    });
    Assessed {
        result,
        order: usize::MAX,
        signer_class: class,
        signer_name: name,
    }
}

#[cfg(test)]
mod tests;
