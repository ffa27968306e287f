//! The legal format of signed documents: the Decree 30/2020/NĐ-CP profile (Appendix I, with
//! Circular 01/2019/TT-BNV and Circular 41/2017/TT-BTTTT), as read in
//! `../shared/domain/signature-format.md` §6 and corrected by `updates-2025.md` §3–§4. The rules,
//! their sources, the UNCONFIRMED points and the readings chosen are in `spec/signature/format.md`;
//! codes and messages in `spec/findings/signature-format.json`.
//!
//! Decree 30 binds state agencies and state-owned enterprises (Art. 2), not private firms, so the
//! profile is switched on by the caller ([`Profile`]) and never changes a signature's
//! cryptographic indication (see [`crate::signature::report`]).
//!
//! The check is a pure function of [`DocumentFacts`], one [`SignatureFacts`] per signature in
//! signing order. [`gather`] reads the PDF side from the reader (order and revision, byte-range
//! coverage, `/M`, `/Name`, DocMDP, widget geometry with the page box and `/Rotate`, what the
//! appearance stream shows); the CMS and certificate side (signer class, signer name, timestamp
//! presence and time, CMS signing time, changes after signing) are inputs the other stages fill.
//! A rule that needs a fact nobody supplied is never passed: it is listed as a manual check with
//! [`ManualReason::MissingFact`], and the verdict is [`FormatVerdict::Indeterminate`].
//!
//! The public interface is [`Profile`], [`Decree30Options`], [`Decree30Role`], [`SignerClass`], the facts
//! ([`DocumentFacts`], [`SignatureFacts`], [`SigningTimes`], [`Geometry`], [`AppearanceState`],
//! [`LaterChange`]), [`gather`], [`check`], and the result [`FormatReport`] with its
//! [`FormatFinding`]s and [`ManualCheck`]s; [`time`] (PDF dates, shown times), [`content`] (what an
//! appearance shows) and [`text`] (Vietnamese folding, number/symbol) are the readers behind them.

pub mod cmap;
pub mod content;
mod gather;
mod rules;
pub mod text;
pub mod time;

#[cfg(test)]
mod tests;

use serde::{Deserialize, Serialize};

use crate::catalog;
use crate::finding::{Finding, Severity};
use crate::signature::pdf::PdfError;

pub use content::AppearanceFacts;
pub use gather::gather;
pub use rules::check;
use time::{Instant, PdfDate, PdfDateError};

/// Whether a legal-format profile is applied, and which.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Profile {
    /// No format rules (a private firm's documents; Decree 30 does not bind them).
    #[default]
    None,
    /// Decree 30/2020/NĐ-CP Appendix I.
    Decree30(Decree30Options),
}

/// What a document is checked as under Decree 30. It cannot be read from the file
/// (spec/signature/format.md: the caller says it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Decree30Role {
    /// An issued document: the competent person's signature, then the organisation's
    /// (Art. 5 cl. 1; Appendix I Part I Section II items 7–8).
    #[default]
    Document,
    /// An attachment or annex in a file of its own: the organisation's signature alone, text
    /// only, top right of page 1 (item 8 point b; Part I Section III item 1 point d).
    Attachment,
    /// An electronic copy (sao y, sao lục, trích sao): the copying organisation's signature, text
    /// only, top right of page 1 (Art. 25; Appendix I Part II Section I item 3).
    Copy,
}

/// The Decree 30 profile's settings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Decree30Options {
    /// What the file is.
    pub role: Decree30Role,
    /// Require the organisation's signature on an issued document to show the organisation's
    /// name and the signing time (checklist row 11). The rule rests on Circular 01/2019/TT-BNV as
    /// summarised by a vendor (UNCONFIRMED); Decree 30 itself prescribes no such line
    /// (updates-2025.md §3.2), so it is off by default and then listed as a manual check.
    pub info_line: bool,
}

/// Who a signer certificate belongs to, as the certificate stage classifies its subject
/// (signature-standards.md §5).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum SignerClass {
    /// A person (cá nhân): a personal-ID `UID`, a person's name as CN.
    Person,
    /// An organisation (cơ quan, tổ chức): an `MST:`/`MNS:` `UID` and no personal ID, or an
    /// agency's name as CN.
    Organisation,
    /// Not classified (no certificate, or the certificate stage has not run).
    #[default]
    Unknown,
}

/// How a rule is checked (signature-format.md §6 legend).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// Automatic and reliable ("A").
    Automatic,
    /// Automatic heuristic ("H"): a proxy read from the file, with thresholds.
    Heuristic,
    /// Visual or manual only ("V").
    Visual,
}

/// Where a signing time came from, most trusted first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum TimeSource {
    /// The `genTime` of a verified RFC 3161 signature timestamp.
    Timestamp,
    /// The CMS `signingTime` attribute (claimed by the signer).
    CmsSigningTime,
    /// The signature dictionary's `/M` (claimed by the signer).
    PdfM,
}

/// The times known for a signature.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SigningTimes {
    /// `genTime` of the signature timestamp, if the CMS stage verified one.
    pub timestamp: Option<Instant>,
    /// CMS `signingTime`, if present.
    pub cms_signing_time: Option<Instant>,
    /// `/M` as read (ISO 32000-1 §7.9.4), or why it could not be.
    pub pdf_m: Option<Result<PdfDate, PdfDateError>>,
}

impl SigningTimes {
    /// The time to compare signatures by (signature-format.md §6 row 4): the timestamp's
    /// `genTime` first, else `signingTime`, else `/M` when it has an offset.
    pub fn best(&self) -> Option<(Instant, TimeSource)> {
        self.timestamp
            .map(|t| (t, TimeSource::Timestamp))
            .or(self
                .cms_signing_time
                .map(|t| (t, TimeSource::CmsSigningTime)))
            .or(self
                .pdf_m
                .as_ref()
                .and_then(|m| m.as_ref().ok())
                .and_then(PdfDate::instant)
                .map(|t| (t, TimeSource::PdfM)))
    }
}

/// Where a signature's widget is: its page, rectangle and the page's box and rotation.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Geometry {
    /// The page, from 0.
    pub page: usize,
    /// `/Rect` in default user space, normalised so that `[0] ≤ [2]` and `[1] ≤ [3]`.
    pub rect: [f64; 4],
    /// The visible page box (`/CropBox`, else `/MediaBox`, inherited), normalised.
    pub page_box: [f64; 4],
    /// `/Rotate` (inherited), one of 0, 90, 180, 270.
    pub rotate: i64,
}

impl Geometry {
    /// The rectangle as the page is displayed (after `/Rotate`, ISO 32000-1 §7.7.3.3, which
    /// turns the page clockwise), with the origin at the displayed page's lower left, and the
    /// displayed page's width and height.
    pub fn displayed(&self) -> ([f64; 4], f64, f64) {
        let [bx0, by0, bx1, by1] = self.page_box;
        let (w, h) = (bx1 - bx0, by1 - by0);
        let map = |x: f64, y: f64| match self.rotate {
            90 => (y - by0, bx1 - x),
            180 => (bx1 - x, by1 - y),
            270 => (by1 - y, x - bx0),
            _ => (x - bx0, y - by0),
        };
        let (ax, ay) = map(self.rect[0], self.rect[1]);
        let (cx, cy) = map(self.rect[2], self.rect[3]);
        let r = [ax.min(cx), ay.min(cy), ax.max(cx), ay.max(cy)];
        if self.rotate == 90 || self.rotate == 270 {
            (r, h, w)
        } else {
            (r, w, h)
        }
    }
}

/// What a signature's widget shows.
#[derive(Debug, Clone, PartialEq)]
pub enum AppearanceState {
    /// No widget with an area on a page: an invisible signature.
    Invisible,
    /// A visible widget without a normal appearance stream (`/AP /N`): nothing is drawn.
    NoStream,
    /// The appearance read.
    Read(AppearanceFacts),
    /// The appearance could not be read.
    Unreadable(PdfError),
}

/// A change made after a signature, as the change-detection stage judged it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LaterChange {
    /// The revision that made it.
    pub revision: usize,
    /// Whether it is allowed (DocMDP, FieldMDP and the PAdES rules).
    pub allowed: bool,
}

impl From<&crate::signature::changes::Change> for LaterChange {
    fn from(c: &crate::signature::changes::Change) -> Self {
        Self {
            revision: c.revision,
            allowed: c.allowed,
        }
    }
}

/// The facts of one signature the format rules read.
#[derive(Debug, Clone, PartialEq)]
pub struct SignatureFacts {
    /// The signature field's fully qualified name.
    pub field: String,
    /// The revision whose end the byte range reaches, if it reaches one.
    pub revision: Option<usize>,
    /// Whether the byte range starts at 0 and its first part covers the whole revision of every
    /// earlier signature, `/Contents` included (`None` without a `/ByteRange` of four integers).
    pub covers_previous: Option<bool>,
    /// `/Name` of the signature dictionary.
    pub name: Option<String>,
    /// DocMDP `/P` when this is a certification signature (absent `/P` reads as 2).
    pub doc_mdp: Option<i64>,
    /// The widget, when it has an area on a page.
    pub widget: Option<Geometry>,
    /// What the widget shows.
    pub appearance: AppearanceState,
    /// The signing times known.
    pub times: SigningTimes,
    /// Input from the certificate stage: person, organisation or unknown.
    pub signer_class: SignerClass,
    /// Input from the certificate stage: the signer's name (subject CN, and O where it names the
    /// organisation), for matching the name shown.
    pub signer_name: Option<String>,
    /// Input from the CMS stage: whether a signature timestamp is present and valid.
    pub has_timestamp: Option<bool>,
    /// Input from the change-detection stage: the changes after this signature.
    pub later_changes: Option<Vec<LaterChange>>,
}

/// The facts of a document: its signatures in signing order (document timestamps left out).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct DocumentFacts {
    /// The signatures, oldest first.
    pub signatures: Vec<SignatureFacts>,
    /// How many revisions the file has.
    pub revisions: usize,
}

impl DocumentFacts {
    /// Fills each signature's CMS-side facts from the integrity stage's result
    /// ([`crate::signature::integrity::check_document`]), matched by field name: the CMS
    /// `signing-time`, the `genTime` of an intact signature timestamp, and whether there is one.
    /// A signature the stage did not report, or whose timestamps it could not judge, keeps
    /// `None` (unknown).
    pub fn set_integrity(&mut self, all: &[crate::signature::integrity::SignatureIntegrity]) {
        use crate::signature::integrity::SignedKind;
        use crate::signature::timestamp::TimestampKind;
        let utc = |t: crate::signature::time::Instant| Instant {
            unix: t.unix_seconds,
            offset_minutes: 0,
        };
        for s in &mut self.signatures {
            let Some(i) = all.iter().find(|i| {
                i.kind == SignedKind::PdfSignature && i.field.as_deref() == Some(s.field.as_str())
            }) else {
                continue;
            };
            s.times.cms_signing_time = i.signing_time.map(utc);
            let valid = i.timestamps.iter().find(|t| {
                t.kind == TimestampKind::Signature
                    && t.integrity.is_intact()
                    && t.gen_time.is_some()
            });
            s.times.timestamp = valid.and_then(|t| t.gen_time).map(utc);
            s.has_timestamp = if valid.is_some() {
                Some(true)
            } else if i.integrity.is_intact() {
                Some(false)
            } else {
                None
            };
        }
    }

    /// Fills each signature's `later_changes` from the change-detection stage's result
    /// ([`crate::signature::changes::analyse`]), matched by field name; a signature the stage
    /// did not report keeps `None` (unknown).
    pub fn set_changes(&mut self, all: &[crate::signature::changes::SignatureChanges]) {
        for s in &mut self.signatures {
            if let Some(c) = all
                .iter()
                .find(|c| c.field == s.field && !c.document_timestamp)
            {
                s.later_changes = Some(c.changes.iter().map(LaterChange::from).collect());
            }
        }
    }
}

/// A format rule broken: a finding with its checklist row and level, about one signature or the
/// whole document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct FormatFinding {
    /// The finding: code, severity, path (`/signatures/<field>` or `""`), messages, article.
    #[serde(flatten)]
    pub finding: Finding,
    /// The row of the machine checklist (signature-format.md §6).
    pub row: u8,
    /// How the rule is checked.
    pub level: Level,
    /// The signature field concerned, if one.
    pub signature: Option<String>,
}

/// Why a rule is left to a person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ManualReason {
    /// Only a person can judge it (a "V" item: handwriting, the seal's design, pixels).
    PersonOnly,
    /// The rule's source is UNCONFIRMED and the profile does not machine-check it.
    Unconfirmed,
    /// A machine check, but a fact it needs is missing (another stage did not supply it, or the
    /// appearance could not be read): it was not passed.
    MissingFact,
}

/// A rule the profile did not decide, for a person to check.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ManualCheck {
    /// Stable code (`decree30.check_*` or `decree30.unknown_*`).
    pub code: String,
    /// The row of the machine checklist.
    pub row: u8,
    /// How the rule would be checked.
    pub level: Level,
    /// Why it is left to a person.
    pub reason: ManualReason,
    /// The signature field concerned, if one.
    pub signature: Option<String>,
    /// What to check, in Vietnamese.
    pub vi: String,
    /// What to check, in English.
    pub en: String,
    /// The rule and its article.
    pub rule: String,
}

/// The profile's verdict on a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum FormatVerdict {
    /// A finding of severity error: the document is not in the legal format.
    Failed,
    /// No error, but a machine rule lacked a fact: the format is not established.
    Indeterminate,
    /// Every machine rule passed (warnings may remain); the manual checks are still listed.
    MachineChecksPassed,
}

/// The result of the Decree 30 profile on one document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct FormatReport {
    /// The profile applied: `decree30_2020`.
    pub profile: String,
    /// What the document was checked as.
    pub role: Decree30Role,
    /// The verdict.
    pub verdict: FormatVerdict,
    /// Rules broken.
    pub findings: Vec<FormatFinding>,
    /// Rules left to a person, each with the reason.
    pub manual_checks: Vec<ManualCheck>,
}

/// The profile name in reports.
pub const DECREE30_PROFILE: &str = "decree30_2020";

/// Every code of the profile: (code, checklist row, level). `decree30.check_*` and
/// `decree30.unknown_*` are manual checks; the others are findings.
pub(crate) const CODES: &[(&str, u8, Level)] = &[
    ("decree30.signatures_missing", 1, Level::Automatic),
    ("decree30.person_signature_missing", 1, Level::Automatic),
    (
        "decree30.organisation_signature_missing",
        1,
        Level::Automatic,
    ),
    ("decree30.name_mismatch", 2, Level::Automatic),
    ("decree30.organisation_before_person", 4, Level::Automatic),
    (
        "decree30.organisation_does_not_cover_person",
        4,
        Level::Automatic,
    ),
    ("decree30.time_order", 4, Level::Automatic),
    ("decree30.changes_between_signatures", 5, Level::Automatic),
    ("decree30.person_certified_no_changes", 5, Level::Automatic),
    ("decree30.m_malformed", 6, Level::Automatic),
    ("decree30.m_not_vietnam_time", 6, Level::Automatic),
    ("decree30.shown_time_not_vietnam_time", 6, Level::Heuristic),
    ("decree30.shown_time_differs", 6, Level::Heuristic),
    ("decree30.signature_not_visible", 7, Level::Automatic),
    ("decree30.image_not_transparent", 7, Level::Heuristic),
    ("decree30.person_outside_signer_column", 8, Level::Heuristic),
    ("decree30.seal_not_over_signature", 10, Level::Automatic),
    ("decree30.seal_overlap", 10, Level::Automatic),
    ("decree30.organisation_info_missing", 11, Level::Heuristic),
    ("decree30.info_position", 12, Level::Automatic),
    ("decree30.info_has_image", 12, Level::Automatic),
    ("decree30.info_text_missing", 12, Level::Automatic),
    ("decree30.info_font", 12, Level::Automatic),
    ("decree30.info_colour", 12, Level::Automatic),
    ("decree30.info_number_missing", 12, Level::Automatic),
    ("decree30.info_time_missing", 12, Level::Automatic),
    ("decree30.copy_type_missing", 14, Level::Automatic),
    ("decree30.copy_organisation_missing", 14, Level::Heuristic),
    ("decree30.changed_after_organisation", 13, Level::Automatic),
    ("decree30.no_timestamp", 18, Level::Automatic),
    ("decree30.check_person_image", 7, Level::Visual),
    ("decree30.check_person_position", 8, Level::Heuristic),
    ("decree30.check_seal_image", 9, Level::Visual),
    ("decree30.check_seal_overlap", 10, Level::Visual),
    ("decree30.check_organisation_info", 11, Level::Heuristic),
    ("decree30.check_number_and_date", 15, Level::Heuristic),
    ("decree30.check_scan", 14, Level::Heuristic),
    ("decree30.check_typography", 12, Level::Visual),
    ("decree30.unknown_signer_class", 1, Level::Automatic),
    ("decree30.unknown_changes", 5, Level::Automatic),
    ("decree30.unknown_timestamp", 18, Level::Automatic),
    ("decree30.unknown_appearance", 7, Level::Heuristic),
    ("decree30.unknown_signer_name", 14, Level::Heuristic),
];

/// The row and level of `code` (rows shared by attachments and copies take the role's row).
fn row_level(code: &str, role: Decree30Role) -> (u8, Level) {
    let (row, level) = CODES
        .iter()
        .find(|(c, _, _)| *c == code)
        .map_or((0, Level::Automatic), |(_, r, l)| (*r, *l));
    // Rows 12 (attachment) and 14 (copy) share their codes.
    let row = if row == 12 && role == Decree30Role::Copy {
        14
    } else {
        row
    };
    (row, level)
}

/// Collects findings and manual checks.
pub(crate) struct Collector {
    role: Decree30Role,
    findings: Vec<FormatFinding>,
    manual: Vec<ManualCheck>,
}

impl Collector {
    pub(crate) fn new(role: Decree30Role) -> Self {
        Self {
            role,
            findings: Vec::new(),
            manual: Vec::new(),
        }
    }

    /// A finding `code` about `signature` (or the document), the row given by the code unless
    /// `row` overrides it (a code shared by two rows).
    pub(crate) fn finding(
        &mut self,
        code: &'static str,
        row: Option<u8>,
        signature: Option<&str>,
        args: &[(&'static str, String)],
    ) {
        let entry = catalog::entry(code);
        let (default_row, level) = row_level(code, self.role);
        let path =
            signature.map_or_else(String::new, |s| crate::finding::pointer("/signatures", s));
        self.findings.push(FormatFinding {
            finding: Finding {
                code: code.to_owned(),
                severity: entry.severity,
                path,
                vi: catalog::render(&entry.vi, args),
                en: catalog::render(&entry.en, args),
                rule: entry.rule.clone(),
            },
            row: row.unwrap_or(default_row),
            level,
            signature: signature.map(str::to_owned),
        });
    }

    /// A manual check `code`, once per code and signature.
    pub(crate) fn manual(
        &mut self,
        code: &'static str,
        row: Option<u8>,
        reason: ManualReason,
        signature: Option<&str>,
        args: &[(&'static str, String)],
    ) {
        if self
            .manual
            .iter()
            .any(|m| m.code == code && m.signature.as_deref() == signature)
        {
            return;
        }
        let entry = catalog::entry(code);
        let (default_row, level) = row_level(code, self.role);
        self.manual.push(ManualCheck {
            code: code.to_owned(),
            row: row.unwrap_or(default_row),
            level,
            reason,
            signature: signature.map(str::to_owned),
            vi: catalog::render(&entry.vi, args),
            en: catalog::render(&entry.en, args),
            rule: entry.rule.clone(),
        });
    }

    pub(crate) fn finish(self) -> FormatReport {
        let verdict = if self
            .findings
            .iter()
            .any(|f| f.finding.severity == Severity::Error)
        {
            FormatVerdict::Failed
        } else if self
            .manual
            .iter()
            .any(|m| m.reason == ManualReason::MissingFact)
        {
            FormatVerdict::Indeterminate
        } else {
            FormatVerdict::MachineChecksPassed
        };
        FormatReport {
            profile: DECREE30_PROFILE.to_owned(),
            role: self.role,
            verdict,
            findings: self.findings,
            manual_checks: self.manual,
        }
    }
}
