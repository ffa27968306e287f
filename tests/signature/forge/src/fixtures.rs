//! The fixture set: what each file is and the verdict a correct verifier must give, with the
//! rule behind it. Indications and sub-indications follow ETSI EN 319 102-1 §5.1.3; changes after
//! signing follow ISO 32000-1 §12.8.2 (DocMDP) and ETSI EN 319 142-1 (PAdES); the legal format
//! follows Decree 30/2020/NĐ-CP Appendix I as read in signature-format.md §5.

use rand_chacha::ChaCha20Rng;
use rand_core::RngCore;
use serde::Serialize;

use crate::ca::{Instant, Issued, TestCa, SIGNING_TIME};
use crate::cms::{detached, timestamp_token, Carry, RevocationSet, Signing};
use crate::keys::{Algorithm, Digest};
use crate::pdf::{page_text, Appearance, ByteRangeMode, FirstRevision, Pdf, SigField, SubFilter};
use crate::validation::Validation;
use crate::ForgeError;

/// The verdict expected for one signature, in the order the signatures were made.
#[derive(Clone, Debug, Serialize)]
pub struct SignatureExpect {
    /// Which test-CA profile signed (`person`, `organisation`, `tsa`, …).
    pub signer: &'static str,
    /// `TOTAL_PASSED`, `TOTAL_FAILED` or `INDETERMINATE` (trusting `ca/root.pem` only).
    pub indication: &'static str,
    /// The EN 319 102-1 sub-indication, when not passed.
    pub sub_indication: Option<&'static str>,
    /// `intact` or `broken`.
    pub integrity: &'static str,
    /// `none`, `allowed` or `disallowed`.
    pub modified_after_signing: &'static str,
}

/// What a correct verifier must report for a fixture.
#[derive(Clone, Debug, Serialize)]
pub struct Expect {
    /// The document-level indication: the worst of its signatures.
    pub indication: &'static str,
    /// One entry per signature.
    pub signatures: Vec<SignatureExpect>,
    /// Legal-format findings under the Decree 30 profile (rule row of signature-format.md §5).
    pub format_findings: Vec<&'static str>,
    /// What the file is checked as under that profile: `document` (an issued document),
    /// `attachment` (an attachment in a separate file) or `copy` (a paper-to-electronic copy).
    pub decree30_role: &'static str,
}

/// One generated file.
pub struct Fixture {
    /// File name inside the output directory.
    pub file: String,
    /// `pdf` or `cms`.
    pub kind: &'static str,
    /// For a detached `.p7s`: the data file it signs.
    pub content: Option<&'static str>,
    /// The file's bytes.
    pub bytes: Vec<u8>,
    /// What the file is.
    pub what: &'static str,
    /// Why the expectation holds (the rule).
    pub why: &'static str,
    /// The expected verdict.
    pub expect: Expect,
}

/// The CA, the plain data files and the fixtures.
pub struct FixtureSet {
    /// The test CA.
    pub ca: TestCa,
    /// The CRLs and OCSP responses the fixtures carry.
    pub validation: Validation,
    /// Data files signed by the detached `.p7s` fixtures.
    pub data: Vec<(&'static str, Vec<u8>)>,
    /// The fixtures.
    pub fixtures: Vec<Fixture>,
}

/// A passed, untouched signature.
const fn ok(signer: &'static str) -> SignatureExpect {
    SignatureExpect {
        signer,
        indication: "TOTAL_PASSED",
        sub_indication: None,
        integrity: "intact",
        modified_after_signing: "none",
    }
}

const fn with(
    s: SignatureExpect,
    indication: &'static str,
    sub: Option<&'static str>,
    integrity: &'static str,
    modified: &'static str,
) -> SignatureExpect {
    SignatureExpect {
        indication,
        sub_indication: sub,
        integrity,
        modified_after_signing: modified,
        ..s
    }
}

fn expect(signatures: Vec<SignatureExpect>, format_findings: Vec<&'static str>) -> Expect {
    let rank = |i: &str| match i {
        "TOTAL_FAILED" => 2,
        "INDETERMINATE" => 1,
        _ => 0,
    };
    let indication = signatures
        .iter()
        .map(|s| s.indication)
        .max_by_key(|i| rank(i))
        .unwrap_or("INDETERMINATE");
    Expect {
        indication,
        signatures,
        format_findings,
        decree30_role: "document",
    }
}

/// The document every PDF fixture starts from: a Decree 30 style decision with the signer's
/// title at y=260 and name at y=150 (signature block on the right half of an A4 page).
fn decision() -> Vec<u8> {
    page_text(&[
        (40, 800, 10, "UY BAN NHAN DAN THANH PHO HA NOI"),
        (330, 800, 10, "CONG HOA XA HOI CHU NGHIA VIET NAM"),
        (60, 780, 10, "SO TU PHAP"),
        (360, 784, 10, "Doc lap - Tu do - Hanh phuc"),
        (30, 746, 10, "So:"),
        (340, 746, 10, "Ha Noi, ngay 05 thang 3 nam 2026"),
        (230, 680, 14, "QUYET DINH"),
        (120, 660, 11, "Ve viec cap ban sao trich luc khai sinh"),
        (
            60,
            600,
            11,
            "Cap cho ong Tran Van Binh ban sao trich luc khai sinh so 12/2026.",
        ),
        (60, 580, 11, "Le phi: 8.000 dong."),
        (60, 260, 10, "Noi nhan:"),
        (410, 260, 12, "GIAM DOC"),
        (395, 150, 12, "Nguyen Van An"),
    ])
}

/// The person's signature widget: centred between title and name (Appendix I item 7).
const PERSON_RECT: [i32; 4] = [380, 175, 500, 245];
/// The seal: 100 pt wide, covering the left third of the person's widget (Appendix I item 8).
const SEAL_RECT: [i32; 4] = [320, 160, 420, 260];
/// `/M` in Vietnam time.
const M_VN: &str = "D:20260305093015+07'00'";
/// A timestamp shortly after the signing time.
const TS_TIME: Instant = (2026, 3, 5, 2, 30, 20);

/// How one PDF signature is made.
#[derive(Clone, Copy)]
struct PdfSig<'a> {
    signer: &'a Issued,
    algorithm: Algorithm,
    sub_filter: SubFilter,
    rect: Option<[i32; 4]>,
    label: &'a str,
    colour: &'a str,
    frame: bool,
    m: Option<&'a str>,
    doc_mdp: Option<u8>,
    byte_range: ByteRangeMode,
    xref_stream: bool,
    timestamp: bool,
    /// Fields the signature field's `/Lock` locks.
    lock: Option<&'a [&'a str]>,
    /// Revocation data in `adbe-revocationInfoArchival`, if any.
    revocation: Option<&'a RevocationSet>,
    /// CRLs in the signature timestamp token.
    token_crls: &'a [Vec<u8>],
}

impl<'a> PdfSig<'a> {
    fn person(ca: &'a TestCa, v: &'a Validation) -> Self {
        Self {
            signer: &ca.person,
            algorithm: Algorithm::plain(Digest::Sha256),
            sub_filter: SubFilter::CadesDetached,
            rect: Some(PERSON_RECT),
            label: "Nguyen Van An",
            colour: "0 0 1",
            frame: true,
            m: Some(M_VN),
            doc_mdp: None,
            byte_range: ByteRangeMode::Exact,
            xref_stream: false,
            timestamp: true,
            lock: None,
            revocation: Some(&v.crls),
            token_crls: &v.crls.crls,
        }
    }

    fn organisation(ca: &'a TestCa, v: &'a Validation) -> Self {
        Self {
            signer: &ca.organisation,
            rect: Some(SEAL_RECT),
            label: "SO TU PHAP 2026-03-05T09:30:15+07:00",
            colour: "1 0 0",
            ..Self::person(ca, v)
        }
    }
}

fn sign(
    ca: &TestCa,
    rng: &mut ChaCha20Rng,
    pdf: &mut Pdf,
    s: PdfSig<'_>,
    name: &str,
) -> Result<(), ForgeError> {
    let chain = [&ca.intermediate];
    let cades = s.sub_filter == SubFilter::CadesDetached;
    let signing = Signing {
        signer: s.signer,
        chain: &chain,
        algorithm: s.algorithm,
        // PAdES (EN 319 142-1 §5.1) puts the claimed time in /M, never in signingTime.
        signing_time: if cades { None } else { Some(SIGNING_TIME) },
        signing_certificate_v2: cades,
        timestamp: s.timestamp.then_some((&ca.tsa, TS_TIME)),
        revocation: s.revocation.map(Carry::Archival),
        token_crls: s.token_crls,
    };
    let mut make = |parts: &[&[u8]]| detached(&signing, parts, rng);
    let field = SigField {
        name,
        sub_filter: s.sub_filter,
        rect: s.rect,
        appearance: s.rect.map(|_| Appearance {
            text: s.label,
            rgb: s.colour,
            frame: s.frame,
        }),
        m: s.m,
        doc_mdp: s.doc_mdp,
        reserve: 16384,
        byte_range: s.byte_range,
        xref_stream: s.xref_stream,
        lock: s.lock,
    };
    pdf.sign(&field, Some(&mut make))?;
    Ok(())
}

fn doc_timestamp(
    ca: &TestCa,
    v: &Validation,
    rng: &mut ChaCha20Rng,
    pdf: &mut Pdf,
) -> Result<(), ForgeError> {
    let chain = [&ca.intermediate];
    let mut make = |parts: &[&[u8]]| {
        timestamp_token(
            &ca.tsa,
            &chain,
            &v.crls.crls,
            ((2026, 3, 5, 3, 0, 0), &parts.concat()),
            2,
            rng,
        )
    };
    let field = SigField {
        name: "dau_thoi_gian",
        sub_filter: SubFilter::DocTimestamp,
        rect: None,
        appearance: None,
        m: None,
        doc_mdp: None,
        reserve: 8192,
        byte_range: ByteRangeMode::Exact,
        xref_stream: false,
        lock: None,
    };
    pdf.sign(&field, Some(&mut make))?;
    Ok(())
}

/// The decision signed once with `s`.
fn signed(
    ca: &TestCa,
    rng: &mut ChaCha20Rng,
    s: PdfSig<'_>,
    xref_stream: bool,
) -> Result<Pdf, ForgeError> {
    let mut pdf = Pdf::new(&decision(), xref_stream)?;
    sign(ca, rng, &mut pdf, s, "chu_ky_1")?;
    Ok(pdf)
}

/// Collects fixtures.
struct Out(Vec<Fixture>);

impl Out {
    fn pdf(
        &mut self,
        file: &str,
        bytes: Vec<u8>,
        what: &'static str,
        why: &'static str,
        expect: Expect,
    ) {
        self.0.push(Fixture {
            file: format!("{file}.pdf"),
            kind: "pdf",
            content: None,
            bytes,
            what,
            why,
            expect,
        });
    }

    fn p7s(
        &mut self,
        file: &str,
        content: &'static str,
        bytes: Vec<u8>,
        what: &'static str,
        why: &'static str,
        expect: Expect,
    ) {
        self.0.push(Fixture {
            file: format!("{file}.p7s"),
            kind: "cms",
            content: Some(content),
            bytes,
            what,
            why,
            expect,
        });
    }
}

const PASSED: &str = "TOTAL_PASSED";
const CRYPTO: &str = "CRYPTO_CONSTRAINTS_FAILURE_NO_POE";
const NO_FINDINGS: &[&str] = &[];
const NO_TIMESTAMP: &[&str] = &["signature-format.md §5 row 18: no timestamp (warning)"];
/// Decree 30 Art. 5 cl. 1: an issued document needs the person's and the organisation's signature.
const ONE_SIGNATURE: &[&str] =
    &["signature-format.md §5 row 1: one signature, not the person's and the organisation's"];
const ONE_SIGNATURE_NO_TIMESTAMP: &[&str] = &[ONE_SIGNATURE[0], NO_TIMESTAMP[0]];
const FAILED: &str = "TOTAL_FAILED";
const TRY_LATER: &str = "TRY_LATER";
const INDETERMINATE: &str = "INDETERMINATE";
/// The small file the detached `.p7s` fixtures sign.
pub const DOCUMENT: &str = "document.txt";
/// The same file with one byte changed.
pub const DOCUMENT_MODIFIED: &str = "document-modified.txt";

/// The whole set, from the fixed seed.
pub fn generate() -> Result<FixtureSet, ForgeError> {
    let mut rng = crate::ca::rng();
    let ca = TestCa::new(&mut rng)?;
    let validation = Validation::new(&ca)?;
    let mut out = Out(Vec::new());
    pdf_fixtures(&ca, &validation, &mut rng, &mut out)?;
    revocation_fixtures(&ca, &validation, &mut rng, &mut out)?;
    let data = cms_fixtures(&ca, &validation, &mut rng, &mut out)?;
    lock_fixtures(&ca, &validation, &mut rng, &mut out)?;
    Ok(FixtureSet {
        ca,
        validation,
        data,
        fixtures: out.0,
    })
}

/// What the signed revision adds to a document: the signature dictionary with its 16 KiB
/// `/Contents` reserve written in hexadecimal, the widget, its appearance and the updated page,
/// form and cross-reference table (about 34 KB).
const SIGNED_REVISION: usize = 33_800;

/// A document of about `size` bytes (never less than the decision alone) signed once by the
/// person as `pades_rsa_sha256` is: the decision, a revision holding filler bytes from the seeded
/// generator in one unreferenced stream (as incompressible as a scanned page), then the
/// signature over the whole file; with the test CA it chains to (the same CA as [`generate`]'s).
/// For speed benches (`benches/run-signature-peers.sh`); the same bytes on every run.
pub fn large(size: usize) -> Result<(TestCa, Vec<u8>), ForgeError> {
    let mut rng = crate::ca::rng();
    let ca = TestCa::new(&mut rng)?;
    let validation = Validation::new(&ca)?;
    let mut pdf = Pdf::new(&decision(), false)?;
    let mut filler = vec![0; size.saturating_sub(pdf.bytes.len() + SIGNED_REVISION)];
    rng.fill_bytes(&mut filler);
    pdf.add_filler(&filler)?;
    let person = PdfSig::person(&ca, &validation);
    sign(&ca, &mut rng, &mut pdf, person, "chu_ky_1")?;
    Ok((ca, pdf.bytes))
}

/// The fixtures alone (for tests that build them in memory).
pub fn fixtures() -> Result<Vec<Fixture>, ForgeError> {
    Ok(generate()?.fixtures)
}

fn cms_fixtures(
    ca: &TestCa,
    v: &Validation,
    rng: &mut ChaCha20Rng,
    out: &mut Out,
) -> Result<Vec<(&'static str, Vec<u8>)>, ForgeError> {
    let document = b"Ho so so 000.00.01.H26-260305-0001\nNguoi nop: Tran Van Binh\n".to_vec();
    let mut modified = document.clone();
    modified[3] = b'S';
    let chain = [&ca.intermediate];
    let base = Signing {
        signer: &ca.person,
        chain: &chain,
        algorithm: Algorithm::plain(Digest::Sha256),
        signing_time: Some(SIGNING_TIME),
        signing_certificate_v2: true,
        timestamp: Some((&ca.tsa, TS_TIME)),
        revocation: Some(Carry::RevocationValues(&v.crls)),
        token_crls: &v.crls.crls,
    };
    let with_ocsp = RevocationSet {
        crls: vec![v.root_crl.clone()],
        ocsp: vec![v.ocsp_person_good.clone()],
    };
    let pss = Algorithm {
        digest: Digest::Sha256,
        pss: true,
    };
    let cases = [
        ("cades_rsa_sha256", DOCUMENT, base, "CAdES detached signature by the person, RSA PKCS#1 v1.5 SHA-256, ESS signing-certificate-v2 and a signature timestamp", "RFC 5652 and ETSI EN 319 122-1: digest, signature and chain to the root hold", ok("person"), NO_FINDINGS),
        ("cades_rsa_sha256_modified_content", DOCUMENT_MODIFIED, base, "the same signature presented with the file changed by one byte", "the message digest no longer matches the content (RFC 5652 §5.4): HASH_FAILURE", with(ok("person"), FAILED, Some("HASH_FAILURE"), "broken", "none"), NO_FINDINGS),
        ("cades_rsa_pss_sha256", DOCUMENT, Signing { algorithm: pss, ..base }, "RSA-PSS (SHA-256, MGF1, salt 32) by the person", "RSASSA-PSS is among the mandatory algorithms (signature-standards.md §1.2)", ok("person"), NO_FINDINGS),
        ("pkcs7_p256_sha256", DOCUMENT, Signing { signer: &ca.person_p256, timestamp: None, signing_certificate_v2: false, ..base }, "plain PKCS#7 detached, ECDSA P-256 SHA-256 (RFC 6979), no timestamp", "ECDSA P-256 is allowed; a missing timestamp is a warning only (Circular 41/2017 Art. 9)", ok("person-p256"), NO_TIMESTAMP),
        ("cades_p384_sha512", DOCUMENT, Signing { signer: &ca.organisation_p384, algorithm: Algorithm::plain(Digest::Sha512), ..base }, "organisation, ECDSA P-384 over SHA-512", "P-384 and SHA-512 are allowed", ok("organisation-p384"), NO_FINDINGS),
        ("cades_rsa_sha1", DOCUMENT, Signing { algorithm: Algorithm::plain(Digest::Sha1), ..base }, "the person signs with SHA-1", "SHA-1 is not among the mandatory digests (signature-standards.md §1.2): crypto constraints fail", with(ok("person"), INDETERMINATE, Some(CRYPTO), "intact", "none"), NO_FINDINGS),
        ("cades_ocsp_revocation_values", DOCUMENT, Signing { revocation: Some(Carry::RevocationValues(&with_ocsp)), timestamp: None, token_crls: &[], ..base }, "CAdES by the person whose revocation-values carry the root's CRL and a BasicOCSPResponse (good) by the issuing CA, and nothing else (no timestamp)", "the issuing CA vouches for the signer by OCSP (RFC 6960), the root for the issuing CA by CRL (ETSI EN 319 122-1 §5.5.2)", ok("person"), NO_TIMESTAMP),
        ("cades_no_revocation_data", DOCUMENT, Signing { revocation: None, token_crls: &[], ..base }, "CAdES by the person carrying no CRL or OCSP response for its certificates, nor for its timestamp authority's", "without the revocation status of the signer and the issuing CA the signature cannot be found valid yet (ETSI EN 319 102-1 §5.2.6: INDETERMINATE/TRY_LATER)", with(ok("person"), INDETERMINATE, Some(TRY_LATER), "intact", "none"), NO_FINDINGS),
    ];
    for (file, content, signing, what, why, verdict, findings) in cases {
        // The modified-content case presents the original signature with other bytes.
        let bytes = detached(&signing, &[&document], rng)?;
        out.p7s(
            file,
            content,
            bytes,
            what,
            why,
            expect(vec![verdict], findings.to_vec()),
        );
    }
    Ok(vec![(DOCUMENT, document), (DOCUMENT_MODIFIED, modified)])
}

/// The manifest: every fixture without its bytes.
pub fn manifest(fixtures: &[Fixture]) -> serde_json::Value {
    let files: Vec<serde_json::Value> = fixtures
        .iter()
        .map(|f| serde_json::json!({ "file": f.file, "kind": f.kind, "content": f.content, "what": f.what, "why": f.why, "expect": f.expect }))
        .collect();
    serde_json::json!({
        "generator": "motcua-forge",
        "trust_anchor": "ca/root.pem",
        "intermediates": ["ca/intermediate.pem"],
        "validation_time": "2026-03-05T02:30:15Z",
        "fixtures": files,
    })
}

fn pdf_fixtures(
    ca: &TestCa,
    v: &Validation,
    rng: &mut ChaCha20Rng,
    out: &mut Out,
) -> Result<(), ForgeError> {
    let person = PdfSig::person(ca, v);
    let org = PdfSig::organisation(ca, v);
    let broken = |sub| {
        expect(
            vec![with(ok("person"), FAILED, Some(sub), "broken", "none")],
            vec![],
        )
    };

    // One signature each: every algorithm and format, and the bad certificates.
    let pss = Algorithm {
        digest: Digest::Sha256,
        pss: true,
    };
    let cases = [
        ("pades_rsa_sha256", person, false, "PAdES (ETSI.CAdES.detached) by the person: RSA PKCS#1 v1.5 SHA-256, ESS signing-certificate-v2, signature timestamp, /M in +07:00", "ETSI EN 319 142-1 baseline B-T; byte range exact; chain to the test root", ok("person"), ONE_SIGNATURE),
        ("pkcs7_rsa_sha256", PdfSig { sub_filter: SubFilter::Pkcs7Detached, timestamp: false, ..person }, false, "adbe.pkcs7.detached with a signingTime attribute, no timestamp", "ISO 32000-1 §12.8.3.3; both sub-filters are accepted in Vietnam (signature-format.md, practical notes)", ok("person"), ONE_SIGNATURE_NO_TIMESTAMP),
        ("pades_rsa_pss_sha256", PdfSig { algorithm: pss, ..person }, false, "PAdES, RSA-PSS SHA-256 (salt from the seeded generator)", "RSASSA-PSS is allowed", ok("person"), ONE_SIGNATURE),
        ("pades_p256_sha256", PdfSig { signer: &ca.person_p256, ..person }, false, "PAdES, ECDSA P-256 SHA-256 (RFC 6979)", "ECDSA P-256 is allowed", ok("person-p256"), ONE_SIGNATURE),
        ("pades_p384_sha384_xref_stream", PdfSig { signer: &ca.organisation_p384, algorithm: Algorithm::plain(Digest::Sha384), rect: Some(SEAL_RECT), xref_stream: true, ..person }, true, "PAdES by an organisation, ECDSA P-384 SHA-384; both revisions use cross-reference streams", "ISO 32000-1 §7.5.8 cross-reference streams; P-384 allowed", ok("organisation-p384"), ONE_SIGNATURE),
        ("pades_rsa_sha512_mixed_xref", PdfSig { algorithm: Algorithm::plain(Digest::Sha512), xref_stream: true, ..person }, false, "PAdES RSA SHA-512: classic xref table, then a cross-reference stream in the signed revision", "each revision may use either form (ISO 32000-1 §7.5.6, §7.5.8)", ok("person"), ONE_SIGNATURE),
        ("pkcs7_rsa_sha1", PdfSig { sub_filter: SubFilter::Pkcs7Detached, algorithm: Algorithm::plain(Digest::Sha1), ..person }, false, "adbe.pkcs7.detached with a SHA-1 digest", "SHA-1 is not a mandatory digest (signature-standards.md §1.2): crypto constraints fail, integrity itself holds", with(ok("person"), INDETERMINATE, Some(CRYPTO), "intact", "none"), ONE_SIGNATURE),
        ("cert_expired", PdfSig { signer: &ca.expired, ..person }, false, "signed by a certificate that expired on 2025-12-31; the signature timestamp (2026-03-05) proves signing after expiry", "a certificate must be valid at the signing time (Decree 23/2025 Art. 15; EN 319 102-1 EXPIRED)", with(ok("expired"), FAILED, Some("EXPIRED"), "intact", "none"), ONE_SIGNATURE),
        ("cert_not_yet_valid", PdfSig { signer: &ca.not_yet_valid, ..person }, false, "signed before the certificate's notBefore (2026-06-01)", "EN 319 102-1 NOT_YET_VALID", with(ok("not-yet-valid"), FAILED, Some("NOT_YET_VALID"), "intact", "none"), ONE_SIGNATURE),
        ("cert_wrong_key_usage", PdfSig { signer: &ca.wrong_usage, ..person }, false, "the certificate allows keyEncipherment only", "a signing certificate needs digitalSignature or nonRepudiation (RFC 5280 §4.2.1.3; signature-standards.md §4)", with(ok("wrong-usage"), INDETERMINATE, Some("CHAIN_CONSTRAINTS_FAILURE"), "intact", "none"), ONE_SIGNATURE),
        ("cert_rsa1024", PdfSig { signer: &ca.rsa1024, ..person }, false, "RSA 1024-bit signer key", "RSA keys must be at least 2048 bits (signature-standards.md §1.2)", with(ok("rsa1024"), INDETERMINATE, Some(CRYPTO), "intact", "none"), ONE_SIGNATURE),
        ("cert_sha1_signed", PdfSig { signer: &ca.sha1_signed, ..person }, false, "the CA signed the signer's certificate with SHA-1", "SHA-1 is not a mandatory algorithm for certificates (signature-standards.md §1.2)", with(ok("sha1-signed"), INDETERMINATE, Some(CRYPTO), "intact", "none"), ONE_SIGNATURE),
    ];
    for (file, sig, xref_stream, what, why, verdict, findings) in cases {
        let pdf = signed(ca, rng, sig, xref_stream)?;
        out.pdf(
            file,
            pdf.bytes,
            what,
            why,
            expect(vec![verdict], findings.to_vec()),
        );
    }

    // Object streams and hybrid-reference files (ISO 32000-1 §7.5.7, §7.5.8.4), as office
    // suites write them; the signature dictionary itself stays a plain object.
    let cases = [
        ("pades_object_streams", FirstRevision::ObjectStream, "first revision: every dictionary in an object stream, cross-reference stream; signed revision with a cross-reference stream", "a signature over a compressed-structure file verifies like any other"),
        ("pades_hybrid_reference", FirstRevision::Hybrid, "first revision: hybrid-reference (classic table with /XRefStm, fonts and the form field in an object stream); signed revision with a classic table", "a reader must follow /XRefStm to find the compressed objects (§7.5.8.4)"),
    ];
    for (file, first, what, why) in cases {
        let mut pdf = Pdf::with_first_revision(&decision(), first)?;
        sign(
            ca,
            rng,
            &mut pdf,
            PdfSig {
                xref_stream: first == FirstRevision::ObjectStream,
                ..person
            },
            "chu_ky_1",
        )?;
        out.pdf(
            file,
            pdf.bytes,
            what,
            why,
            expect(vec![ok("person")], ONE_SIGNATURE.to_vec()),
        );
    }

    // Decree 30: two signatures (person, then organisation), the number filled in between.
    let utc = Some("D:20260305023015Z");
    let cases = [
        ("decree30_person_then_organisation", person, true, org, "the competent person signs, the number field is filled, the organisation signs with its seal over the left third of the person's signature; /M +07:00", "Decree 30/2020 Art. 5 cl. 1, Art. 32 cl. 2 d, Appendix I items 7-8: form fill and a later signature are allowed changes", ("person", "organisation"), NO_FINDINGS),
        ("decree30_organisation_then_person", PdfSig { signer: &ca.organisation, rect: Some(SEAL_RECT), ..person }, false, person, "the organisation signs first, the person after", "Decree 30/2020 Art. 32 cl. 2 d: the organisation signs only a document the competent person has signed", ("organisation", "person"), &["signature-format.md §5 row 4: organisation signed before the person"][..]),
        ("decree30_bad_layout", PdfSig { rect: Some([60, 690, 180, 730]), m: utc, ..person }, true, PdfSig { rect: Some([60, 60, 160, 160]), m: utc, label: "SO TU PHAP 2026-03-05 02:30:15", ..org }, "person then organisation, but /M in UTC, the person's widget at the top left and the seal far from it", "Appendix I items 7-8 and Circular 01/2019: time in Vietnam time, signature between title and name, seal over its left third", ("person", "organisation"), &["signature-format.md §5 row 6: signing time not in +07:00", "signature-format.md §5 row 8: person's signature not between title and name", "signature-format.md §5 row 10: seal does not overlap the person's signature"][..]),
    ];
    for (file, first, fill, second, what, why, (a, b), findings) in cases {
        let mut pdf = signed(ca, rng, first, false)?;
        if fill {
            pdf.fill_number("123/QD-STP", false)?;
        }
        sign(ca, rng, &mut pdf, second, "chu_ky_2")?;
        let verdict = vec![with(ok(a), PASSED, None, "intact", "allowed"), ok(b)];
        out.pdf(
            file,
            pdf.bytes,
            what,
            why,
            expect(verdict, findings.to_vec()),
        );
    }

    // Appendix I item 8 (attachment in a separate file) and Part II (copy): the organisation's
    // signature alone, no image, top right of page 1, Times New Roman 10 black, with the number
    // and symbol (attachment) or the copy type and organisation (copy), and the time in +07:00.
    let info = PdfSig {
        frame: false,
        colour: "0 0 0",
        rect: Some([300, 812, 590, 838]),
        ..org
    };
    let number = "123/QD-STP 2026-03-05T09:30:15+07:00";
    let cases = [
        ("decree30_attachment", PdfSig { label: number, ..info }, "attachment", "an attachment file signed by the organisation: text only, top right of page 1, TNR 10 black, number/symbol and time", "Decree 30/2020 Appendix I item 8 (attachment not in the same file)", NO_FINDINGS),
        ("decree30_attachment_misplaced", PdfSig { label: number, rect: Some([40, 40, 330, 66]), frame: true, colour: "1 0 0", ..info }, "attachment", "the same attachment signature at the bottom left, framed in red Helvetica", "Appendix I item 8: top right of the first page, no image, Times New Roman 10 black", &["signature-format.md §5 row 12: attachment signature not top right / not text-only TNR 10 black"][..]),
        ("decree30_copy", PdfSig { label: "SAO Y SO TU PHAP HA NOI 2026-03-05T09:30:15+07:00", ..info }, "copy", "a paper-to-electronic copy signed by the copying organisation: SAO Y, organisation, time", "Decree 30/2020 Art. 25 cl. 1 c and Appendix I Part II", NO_FINDINGS),
        ("decree30_copy_without_copy_type", PdfSig { label: "SO TU PHAP 2026-03-05T09:30:15+07:00", ..info }, "copy", "a copy whose signature text lacks the copy type", "Appendix I Part II: the information names SAO Y, SAO LUC or TRICH SAO", &["signature-format.md §5 row 14: no copy type (SAO Y / SAO LỤC / TRÍCH SAO)"][..]),
    ];
    for (file, sig, role, what, why, findings) in cases {
        let pdf = signed(ca, rng, sig, false)?;
        let verdict = Expect {
            decree30_role: role,
            ..expect(vec![ok("organisation")], findings.to_vec())
        };
        out.pdf(file, pdf.bytes, what, why, verdict);
    }

    // Integrity: bytes or byte ranges manipulated.
    let mut pdf = signed(ca, rng, person, false)?;
    let at = pdf
        .bytes
        .windows(6)
        .position(|w| w == b"8.000 ")
        .ok_or(ForgeError::Layout("fee text"))?;
    pdf.bytes[at] = b'9';
    out.pdf(
        "tampered_content_byte",
        pdf.bytes,
        "one byte of the page content (the fee) changed inside the signed range",
        "the digest over the byte range no longer matches messageDigest: HASH_FAILURE",
        broken("HASH_FAILURE"),
    );
    for (file, mode, what, why) in [
        ("byterange_not_from_zero", ByteRangeMode::NotFromZero, "/ByteRange starts at 1; the signature is valid over the bytes it names", "ISO 32000-1 §12.8.1 and PAdES: the range starts at 0 and covers the whole revision but /Contents"),
        ("byterange_gap", ByteRangeMode::Gap, "/ByteRange leaves 16 bytes after /Contents unsigned", "only the /Contents hex string may be left out"),
        ("byterange_overlaps_contents", ByteRangeMode::OverlapContents, "/ByteRange's second range starts inside /Contents (its zero padding)", "the hole must be exactly the /Contents hex string"),
        ("byterange_short_of_revision", ByteRangeMode::ShortOfRevision, "/ByteRange stops before its revision's cross-reference section and trailer", "a signature must cover its revision to its %%EOF (incremental saving attack, Mladenov et al. 2019)"),
    ] {
        let pdf = signed(ca, rng, PdfSig { byte_range: mode, ..person }, false)?;
        out.pdf(file, pdf.bytes, what, why, broken("FORMAT_FAILURE"));
    }
    let pdf = signed(
        ca,
        rng,
        PdfSig {
            byte_range: ByteRangeMode::Zero,
            ..person
        },
        false,
    )?;
    out.pdf("forgery_zero_byterange", pdf.bytes, "/ByteRange [0 0 0 0] with a valid signature over the empty byte string (universal forgery)", "a range that covers nothing proves nothing (Mladenov et al. 2019, universal signature forgery)", broken("FORMAT_FAILURE"));
    for (file, reserve, what) in [
        (
            "forgery_empty_contents",
            0,
            "/Contents <> (universal forgery)",
        ),
        (
            "forgery_zeroed_contents",
            8192,
            "/Contents all zeros (universal forgery)",
        ),
    ] {
        let mut pdf = Pdf::new(&decision(), false)?;
        let field = SigField {
            name: "chu_ky_ca_nhan",
            sub_filter: SubFilter::CadesDetached,
            rect: Some(PERSON_RECT),
            appearance: Some(Appearance {
                text: "Nguyen Van An",
                rgb: "0 0 1",
                frame: true,
            }),
            m: Some(M_VN),
            doc_mdp: None,
            reserve,
            byte_range: ByteRangeMode::Exact,
            xref_stream: false,
            lock: None,
        };
        pdf.sign(&field, None)?;
        out.pdf(
            file,
            pdf.bytes,
            what,
            "no CMS SignedData can be read: the signature is not a signature",
            broken("FORMAT_FAILURE"),
        );
    }
    let valid = signed(ca, rng, person, false)?;
    out.pdf("signature_wrapping", wrap(&valid)?, "the /Contents string is shortened and a new page content object placed in the hole the /ByteRange leaves (signature wrapping, moved /Contents)", "the hole is not exactly the /Contents hex string; bytes nobody signed are part of the file", broken("FORMAT_FAILURE"));

    // Changes after signing.
    let mut pdf = signed(ca, rng, person, false)?;
    pdf.replace_content(&page_text(&[(60, 600, 11, "Le phi: 9.000.000 dong.")]))?;
    out.pdf("isa_page_content_changed", pdf.bytes, "valid signature, then an incremental update that replaces the page content (incremental saving attack)", "page content changed after signing is never allowed (ISO 32000-1 §12.8.2.2; PAdES)", expect(vec![with(ok("person"), FAILED, None, "intact", "disallowed")], vec![]));
    let mut pdf = Pdf::new(&decision(), false)?;
    let hidden = pdf.hidden_content(&page_text(&[(60, 580, 11, "Le phi: 9.000.000 dong.")]))?;
    sign(ca, rng, &mut pdf, person, "chu_ky_ca_nhan")?;
    pdf.point_page_at(hidden)?;
    out.pdf("shadow_hide_and_replace", pdf.bytes, "the signed revision holds an unused content stream; a later revision only points the page at it (shadow attack, hide-and-replace)", "the page's content changed after signing even though no signed object was rewritten (Mainka et al. 2020)", expect(vec![with(ok("person"), FAILED, None, "intact", "disallowed")], vec![]));
    // The other shadow attacks (Mainka et al. 2021) and an added page: each changes what the
    // signed revision showed through a change a naive verifier might take as permitted.
    let failed = || {
        expect(
            vec![with(ok("person"), FAILED, None, "intact", "disallowed")],
            vec![],
        )
    };
    let mut pdf = signed(ca, rng, person, false)?;
    pdf.add_overlay([55, 570, 260, 595])?;
    out.pdf("shadow_hide_overlay", pdf.bytes, "valid approval signature, then a white box annotation added over the fee line (shadow attack, hide via overlay)", "an annotation over signed text hides signed content; allowed annotations must not cover it (spec/signature/changes.md)", failed());
    let mut pdf = signed(ca, rng, person, false)?;
    pdf.overwrite_font()?;
    out.pdf("shadow_replace_overwrite_font", pdf.bytes, "valid signature, then the page's font object rewritten under the same number (shadow attack, replace via overwrite)", "an object the signed page draws redefined after signing changes what was signed (ISO 32000-1 §7.5.6)", failed());
    let mut pdf = Pdf::new(&decision(), false)?;
    pdf.fill_number("123/QD-STP", false)?;
    sign(
        ca,
        rng,
        &mut pdf,
        PdfSig {
            doc_mdp: Some(2),
            ..person
        },
        "chu_ky_1",
    )?;
    pdf.replace_number_appearance("123/QD-STP", "999/QD-STP")?;
    out.pdf("shadow_replace_form_appearance", pdf.bytes, "certification (DocMDP P=2) over a filled number field, then the field's appearance replaced to show another number while its value stays (shadow attack, replace via form field)", "P=2 allows filling a field, not showing other content for an unchanged value", failed());
    let mut pdf = signed(ca, rng, person, false)?;
    pdf.add_page(&page_text(&[(
        60,
        780,
        11,
        "Phu luc: le phi 9.000.000 dong.",
    )]))?;
    out.pdf(
        "page_added_after_signing",
        pdf.bytes,
        "valid signature, then a second page appended in a new revision",
        "no DocMDP level allows adding a page (ISO 32000-1 §12.8.2.2; page templates aside)",
        failed(),
    );
    // DocMDP (ISO 32000-1 Table 254): P=1 no change, P=2 form fill and signing, P=3 also annotations.
    let fill = "certification signature with DocMDP, then the number field is filled";
    let annotate = "certification signature with DocMDP, then a text annotation is added";
    let cases = [
        (
            "docmdp_p1_form_fill",
            1,
            false,
            fill,
            "DocMDP P=1 allows no change at all (ISO 32000-1 Table 254)",
            FAILED,
            "disallowed",
        ),
        (
            "docmdp_p2_form_fill",
            2,
            false,
            fill,
            "DocMDP P=2 allows filling form fields (ISO 32000-1 Table 254)",
            PASSED,
            "allowed",
        ),
        (
            "docmdp_p3_form_fill",
            3,
            false,
            fill,
            "DocMDP P=3 allows filling form fields (ISO 32000-1 Table 254)",
            PASSED,
            "allowed",
        ),
        (
            "docmdp_p2_annotation",
            2,
            true,
            annotate,
            "DocMDP P=2 allows form filling and signing, not annotations",
            FAILED,
            "disallowed",
        ),
        (
            "docmdp_p3_annotation",
            3,
            true,
            annotate,
            "DocMDP P=3 allows annotations (ISO 32000-1 Table 254)",
            PASSED,
            "allowed",
        ),
    ];
    for (file, p, annotation, what, why, indication, modified) in cases {
        let mut pdf = signed(
            ca,
            rng,
            PdfSig {
                doc_mdp: Some(p),
                ..person
            },
            false,
        )?;
        if annotation {
            pdf.add_annotation("Da kiem tra")?;
        } else {
            pdf.fill_number("123/QD-STP", false)?;
        }
        let verdict = vec![with(ok("person"), indication, None, "intact", modified)];
        out.pdf(
            file,
            pdf.bytes,
            what,
            why,
            expect(verdict, ONE_SIGNATURE.to_vec()),
        );
    }
    let mut pdf = signed(ca, rng, person, false)?;
    pdf.add_annotation("Da kiem tra")?;
    out.pdf(
        "annotation_after_signing",
        pdf.bytes,
        "approval signature (no DocMDP), then a text annotation is added",
        "without DocMDP an added annotation is an allowed change (it is reported, not hidden)",
        expect(
            vec![with(ok("person"), PASSED, None, "intact", "allowed")],
            ONE_SIGNATURE.to_vec(),
        ),
    );
    let mut pdf = signed(ca, rng, person, false)?;
    doc_timestamp(ca, v, rng, &mut pdf)?;
    out.pdf(
        "document_timestamp_after_signature",
        pdf.bytes,
        "signature, then a document timestamp (/ETSI.RFC3161) in a new revision",
        "a document timestamp is an allowed change (ETSI EN 319 142-1 §5.4, PAdES B-LTA)",
        expect(
            vec![
                with(ok("person"), PASSED, None, "intact", "allowed"),
                ok("tsa"),
            ],
            ONE_SIGNATURE.to_vec(),
        ),
    );

    Ok(())
}

/// Revocation data in each place a signed PDF carries it, and its absence (ETSI EN 319 102-1
/// §5.2.6; the revoked signer is `extra.revoked`, revoked on 2026-02-01 for keyCompromise).
fn revocation_fixtures<'a>(
    ca: &'a TestCa,
    v: &'a Validation,
    rng: &mut ChaCha20Rng,
    out: &mut Out,
) -> Result<(), ForgeError> {
    let person = PdfSig::person(ca, v);
    let revoked = PdfSig {
        signer: &v.extra.revoked,
        label: "To Thi Thu Hoi",
        ..person
    };
    let ocsp_revoked = RevocationSet {
        crls: vec![v.root_crl.clone()],
        ocsp: vec![v.ocsp_revoked.clone()],
    };
    let revoked_by = |how| with(ok("revoked"), FAILED, Some("REVOKED"), "intact", how);
    let bare = PdfSig {
        revocation: None,
        token_crls: &[],
        ..person
    };
    let pdf = signed(ca, rng, bare, false)?;
    out.pdf("pades_no_revocation_data", pdf.bytes, "PAdES by the person carrying no CRL or OCSP response (nor its timestamp token), and no DSS", "nothing establishes that the signer's and the issuing CA's certificates were not revoked: INDETERMINATE/TRY_LATER (ETSI EN 319 102-1 §5.2.6; signature-standards.md §7 step 6)", expect(vec![with(ok("person"), INDETERMINATE, Some(TRY_LATER), "intact", "none")], ONE_SIGNATURE.to_vec()));
    let pdf = signed(ca, rng, revoked, false)?;
    out.pdf("pades_revoked_crl", pdf.bytes, "PAdES by a person whose certificate the issuing CA's CRL (in adbe-revocationInfoArchival) lists as revoked on 2026-02-01", "revoked before the signing time the signer states (/M 2026-03-05): TOTAL_FAILED/REVOKED (Decree 23/2025 Art. 3 cl. 3; EN 319 102-1)", expect(vec![revoked_by("none")], ONE_SIGNATURE.to_vec()));
    let untimed = |s: PdfSig<'a>| PdfSig {
        revocation: None,
        timestamp: false,
        token_crls: &[],
        ..s
    };
    let pdf = signed(
        ca,
        rng,
        PdfSig {
            revocation: Some(&ocsp_revoked),
            ..untimed(revoked)
        },
        false,
    )?;
    out.pdf("pades_revoked_ocsp", pdf.bytes, "the same signer, no timestamp, the archival attribute carrying only an OCSP response (revoked) by the CA's authorised responder and the root's CRL", "an OCSP response signed by a responder the issuing CA authorised is as good as its CRL (RFC 6960 §4.2.2.2)", expect(vec![revoked_by("none")], ONE_SIGNATURE_NO_TIMESTAMP.to_vec()));
    let mut pdf = signed(ca, rng, untimed(person), false)?;
    pdf.add_dss(
        &[&ca.intermediate.der],
        &[&v.root_crl],
        &[&v.ocsp_person_good],
    )?;
    out.pdf("pades_dss_good", pdf.bytes, "PAdES by the person without revocation data or timestamp in the CMS; a later revision adds a DSS with the issuing CA's certificate, the root's CRL and an OCSP response (good) for the signer", "PAdES B-LT: validation data in the DSS (ISO 32000-2 §12.8.4.3) is an allowed change and establishes the status", expect(vec![with(ok("person"), PASSED, None, "intact", "allowed")], ONE_SIGNATURE_NO_TIMESTAMP.to_vec()));
    let mut pdf = signed(ca, rng, untimed(revoked), false)?;
    pdf.add_dss(&[], &[&v.root_crl, &v.intermediate_crl], &[])?;
    out.pdf("pades_dss_revoked", pdf.bytes, "the revoked person's signature without revocation data in the CMS; a later revision adds a DSS with both CRLs", "the DSS's CRL lists the signer as revoked before the signing time: TOTAL_FAILED/REVOKED; adding the DSS itself is allowed", expect(vec![revoked_by("allowed")], ONE_SIGNATURE_NO_TIMESTAMP.to_vec()));
    Ok(())
}

/// A signature field's `/Lock` (made after the others, so that their bytes stay as they were).
fn lock_fixtures(
    ca: &TestCa,
    v: &Validation,
    rng: &mut ChaCha20Rng,
    out: &mut Out,
) -> Result<(), ForgeError> {
    let person = PdfSig::person(ca, v);
    let number: &[&str] = &["so_ky_hieu"];
    let mut pdf = signed(
        ca,
        rng,
        PdfSig {
            lock: Some(number),
            ..person
        },
        false,
    )?;
    pdf.fill_number("123/QD-STP", false)?;
    out.pdf(
        "field_lock_form_fill",
        pdf.bytes,
        "approval signature whose field's /Lock (Action Include, the number field) locks the number field, then the number field is filled",
        "a signature field lock dictionary locks its fields once the field is signed, as a FieldMDP transform does (ISO 32000-1 §12.7.4.5 Table 233, §12.8.2.4)",
        expect(
            vec![with(ok("person"), FAILED, None, "intact", "disallowed")],
            ONE_SIGNATURE.to_vec(),
        ),
    );
    Ok(())
}

/// Signature wrapping: keep the signed bytes and the `/ByteRange`, shorten the `/Contents` string
/// to the CMS itself and put an unsigned object in the rest of the hole.
fn wrap(valid: &Pdf) -> Result<Vec<u8>, ForgeError> {
    let bytes = &valid.bytes;
    let start = bytes
        .windows(11)
        .position(|w| w == b"/Contents <")
        .ok_or(ForgeError::Layout("contents"))?
        + 10;
    let end = start
        + bytes[start..]
            .iter()
            .position(|b| *b == b'>')
            .ok_or(ForgeError::Layout("contents end"))?
        + 1;
    let used = bytes[start + 1..end - 1]
        .iter()
        .rposition(|b| *b != b'0')
        .map_or(0, |p| p + 2);
    let used = used + used % 2;
    let injected = b"> >>\nendobj\n99 0 obj\n<< /Length 40 >>\nstream\nBT /F1 11 Tf 60 580 Td (Le phi: 0 dong.) Tj ET\nendstream\nendobj\n%";
    let mut out = bytes.clone();
    let hole = start + 1 + used;
    if hole + injected.len() >= end {
        return Err(ForgeError::Layout("no room to wrap"));
    }
    out[hole..hole + injected.len()].copy_from_slice(injected);
    for b in &mut out[hole + injected.len()..end] {
        *b = b' ';
    }
    Ok(out)
}
