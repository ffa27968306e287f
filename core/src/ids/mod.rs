//! Identifiers found on the forms of a one-stop shop, each a validated type that also says what
//! the value means.
//!
//! | Kind | Type | Rule |
//! |---|---|---|
//! | personal ID (12 digits) | [`PersonalId`] | Decree 137/2015/NĐ-CP; Law 26/2023/QH15 Art. 12 |
//! | old identity card (9 digits) | [`OldId`] | CMND; Law 26/2023/QH15 Art. 46(1) |
//! | tax code | [`TaxCode`] | Circular 105/2020/TT-BTC; Circular 86/2024/TT-BTC |
//! | agency code | [`AgencyCode`] | QCVN 102:2016/BTTTT |
//! | procedure code | [`ProcedureCode`] | National Database on Administrative Procedures |
//! | dossier code | [`DossierCode`] | Circular 01/2018/TT-VPCP Art. 19; Circular 03/2025/TT-VPCP Art. 13(3) |
//! | phone number | [`Phone`] | national numbering plan (2017 landline, 2018 mobile) |
//!
//! [`check`] reports every problem it finds, never only the first, as [`Finding`]s from the
//! catalog `spec/findings/ids.json`; [`is_valid`] answers yes or no without building findings
//! (and, for tax codes, without allocating). Each type implements `FromStr`, `Display` and serde;
//! `FromStr` and deserialization apply every rule that does not depend on the date, and
//! `T::parse(input, today)` applies them all. The readings chosen where the rules are
//! unconfirmed are written down in `spec/identifiers.md`.
//!
//! # Example
//!
//! ```
//! use motcua_core::ids::{self, IdInfo, IdKind, PersonalId, Sex};
//! use motcua_core::{Date, Diagnostic};
//!
//! let today = Date::new(2026, 11, 23)?;
//!
//! // A personal ID says where its holder was registered, the sex and the year of birth (Decree
//! // 137/2015/NĐ-CP): 079 is TP. Hồ Chí Minh, century-and-sex code 1 a woman born in the 1900s.
//! let id = PersonalId::parse("079195012345", today)?;
//! assert_eq!((id.province(), id.sex(), id.birth_year()), ("TP. Hồ Chí Minh", Sex::Female, 1995));
//!
//! // `FromStr` applies every rule but those that compare with today; `parse` applies them all:
//! // code 3 (a woman born in the 2000s) with year 30 is a birth in 2030, after 2026.
//! assert!("079330012345".parse::<PersonalId>().is_ok());
//! let future = PersonalId::parse("079330012345", today).unwrap_err();
//! assert_eq!(future.errors[0].code(), "personal_id.birth_year_future");
//!
//! // `check` gives every finding and, when valid, the canonical form and what the value says.
//! let phone = ids::check(IdKind::Phone, "+84 912 345 678", today);
//! assert_eq!(phone.normalized.as_deref(), Some("+84912345678"));
//! let Some(IdInfo::Phone(info)) = &phone.info else { panic!("a valid phone number has its info") };
//! assert_eq!((info.national.as_str(), info.carrier.as_deref()), ("0912345678", Some("VinaPhone")));
//!
//! // `is_valid`: the same verdict as `check(..).valid`, without building findings.
//! assert!(ids::is_valid(IdKind::TaxCode, "0100233488", today));
//! assert!(!ids::is_valid(IdKind::TaxCode, "0100233480", today));
//! let short = ids::check(IdKind::PersonalId, "07919501234", today);
//! assert_eq!(short.errors[0].code, "personal_id.length");
//! assert_eq!(short.errors[0].en, "A personal identification number has 12 digits; 11 characters were given.");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)
)]

mod agency_code;
mod digits;
mod dossier_code;
mod error;
mod old_id;
mod personal_id;
mod phone;
mod procedure_code;
mod tables;
mod tax_code;
#[cfg(test)]
mod testing;

use core::fmt;
use core::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::{Date, Diagnostic, Finding};

pub use agency_code::{AgencyCode, AgencyCodeInfo, AgencyGroup};
pub use dossier_code::{DossierCode, DossierCodeInfo, DossierPattern};
pub use error::{IdError, IdWarning, InvalidId};
pub use old_id::{OldId, OldIdInfo};
pub use personal_id::{PersonalId, PersonalIdInfo, Sex};
pub use phone::{Phone, PhoneInfo, PhoneLine};
pub use procedure_code::{ProcedureCode, ProcedureCodeInfo};
pub use tax_code::{TaxCode, TaxCodeForm, TaxCodeInfo};

/// The kinds of identifier motcua checks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum IdKind {
    /// Personal identification number (số định danh cá nhân), 12 digits.
    PersonalId,
    /// Old identity card number (chứng minh nhân dân, CMND), 9 digits.
    OldId,
    /// Tax code (mã số thuế): 10 digits, 10+3 for a dependent unit, or a 12-digit personal ID.
    TaxCode,
    /// Agency identifier code of QCVN 102:2016/BTTTT, `ddd.dd.dd.Ldd`.
    AgencyCode,
    /// Administrative procedure code, `d.dddddd` with optional agency and service parts.
    ProcedureCode,
    /// Dossier code (mã hồ sơ).
    DossierCode,
    /// Vietnamese phone number, mobile or landline.
    Phone,
}

impl IdKind {
    /// Every kind, in declaration order.
    pub const ALL: [IdKind; 7] = [
        IdKind::PersonalId,
        IdKind::OldId,
        IdKind::TaxCode,
        IdKind::AgencyCode,
        IdKind::ProcedureCode,
        IdKind::DossierCode,
        IdKind::Phone,
    ];

    /// The kind's name on every surface: `"personal-id"`, `"tax-code"`, ….
    pub const fn as_str(self) -> &'static str {
        match self {
            IdKind::PersonalId => "personal-id",
            IdKind::OldId => "old-id",
            IdKind::TaxCode => "tax-code",
            IdKind::AgencyCode => "agency-code",
            IdKind::ProcedureCode => "procedure-code",
            IdKind::DossierCode => "dossier-code",
            IdKind::Phone => "phone",
        }
    }
}

impl fmt::Display for IdKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The text is not the name of an [`IdKind`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown identifier kind {0:?}; expected one of personal-id, old-id, tax-code, agency-code, procedure-code, dossier-code, phone")]
pub struct UnknownKind(pub String);

impl FromStr for IdKind {
    type Err = UnknownKind;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        IdKind::ALL
            .into_iter()
            .find(|k| k.as_str() == s)
            .ok_or_else(|| UnknownKind(s.to_owned()))
    }
}

/// The result of checking one identifier.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct IdCheck {
    /// What the input was checked as.
    pub kind: IdKind,
    /// The input exactly as given.
    pub input: String,
    /// Whether no finding of severity error was found.
    pub valid: bool,
    /// The canonical form when valid (phone numbers: E.164, `+84…`).
    pub normalized: Option<String>,
    /// Every error found, in the order of the input.
    pub errors: Vec<Finding>,
    /// Every warning found.
    pub warnings: Vec<Finding>,
    /// What the value says, when valid.
    pub info: Option<IdInfo>,
}

/// What a valid identifier says, one shape per kind (serialized as a plain JSON object).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(untagged)]
pub enum IdInfo {
    /// See [`PersonalIdInfo`].
    PersonalId(PersonalIdInfo),
    /// See [`OldIdInfo`].
    OldId(OldIdInfo),
    /// See [`TaxCodeInfo`].
    TaxCode(TaxCodeInfo),
    /// See [`AgencyCodeInfo`].
    AgencyCode(AgencyCodeInfo),
    /// See [`ProcedureCodeInfo`].
    ProcedureCode(ProcedureCodeInfo),
    /// See [`DossierCodeInfo`].
    DossierCode(DossierCodeInfo),
    /// See [`PhoneInfo`].
    Phone(PhoneInfo),
}

/// Checks `input` as an identifier of `kind`; findings have the path `""`.
pub fn check(kind: IdKind, input: &str, today: Date) -> IdCheck {
    check_at(kind, input, today, "")
}

/// Checks `input` as an identifier of `kind`; findings carry the JSON pointer `path`.
pub fn check_at(kind: IdKind, input: &str, today: Date, path: &str) -> IdCheck {
    match kind {
        IdKind::PersonalId => run::<PersonalId>(input, today, path),
        IdKind::OldId => run::<OldId>(input, today, path),
        IdKind::TaxCode => run::<TaxCode>(input, today, path),
        IdKind::AgencyCode => run::<AgencyCode>(input, today, path),
        IdKind::ProcedureCode => run::<ProcedureCode>(input, today, path),
        IdKind::DossierCode => run::<DossierCode>(input, today, path),
        IdKind::Phone => run::<Phone>(input, today, path),
    }
}

/// Whether `input` is a valid identifier of `kind`: the same verdict as
/// `check(kind, input, today).valid`, without building findings. Tax codes are checked without
/// allocating.
pub fn is_valid(kind: IdKind, input: &str, today: Date) -> bool {
    match kind {
        IdKind::PersonalId => passes::<PersonalId>(input, today),
        IdKind::OldId => passes::<OldId>(input, today),
        IdKind::TaxCode => passes::<TaxCode>(input, today),
        IdKind::AgencyCode => passes::<AgencyCode>(input, today),
        IdKind::ProcedureCode => passes::<ProcedureCode>(input, today),
        IdKind::DossierCode => passes::<DossierCode>(input, today),
        IdKind::Phone => passes::<Phone>(input, today),
    }
}

/// Where a scanner reports what it finds.
pub(crate) trait Sink {
    /// Reports an error: the input is invalid.
    fn error(&mut self, e: IdError);
    /// Reports a warning.
    fn warning(&mut self, w: IdWarning);
}

/// One identifier type: how to read it, and what it says.
pub(crate) trait Scan: Sized + fmt::Display {
    /// The kind this type checks.
    const KIND: IdKind;

    /// Reads `input`, reporting every problem to `sink`. Rules that depend on the date are
    /// applied only when `today` is given. Returns the value when no error was reported.
    fn scan(input: &str, today: Option<Date>, sink: &mut impl Sink) -> Option<Self>;

    /// What the value says.
    fn info(&self) -> IdInfo;
}

/// Counts errors on the way to another sink, so that a value is only accepted without error.
pub(crate) struct Counting<'a, S> {
    inner: &'a mut S,
    /// Errors seen so far.
    pub(crate) errors: usize,
}

impl<'a, S: Sink> Counting<'a, S> {
    /// Counts what goes to `inner`.
    pub(crate) fn new(inner: &'a mut S) -> Self {
        Counting { inner, errors: 0 }
    }
}

impl<S: Sink> Sink for Counting<'_, S> {
    fn error(&mut self, e: IdError) {
        self.errors += 1;
        self.inner.error(e);
    }

    fn warning(&mut self, w: IdWarning) {
        self.inner.warning(w);
    }
}

/// Reads `input` as a `T`, returning it only if no error was reported.
fn scan_strict<T: Scan>(input: &str, today: Option<Date>, sink: &mut impl Sink) -> Option<T> {
    let mut counting = Counting::new(sink);
    let value = T::scan(input, today, &mut counting);
    if counting.errors == 0 {
        value
    } else {
        None
    }
}

/// Collects findings for [`check_at`].
struct Findings<'a> {
    path: &'a str,
    errors: Vec<Finding>,
    warnings: Vec<Finding>,
}

impl Sink for Findings<'_> {
    fn error(&mut self, e: IdError) {
        self.errors.push(e.to_finding(self.path));
    }

    fn warning(&mut self, w: IdWarning) {
        self.warnings.push(w.to_finding(self.path));
    }
}

/// Remembers only whether an error was reported, for [`is_valid`]; never allocates.
struct Verdict {
    valid: bool,
}

impl Sink for Verdict {
    fn error(&mut self, _: IdError) {
        self.valid = false;
    }

    fn warning(&mut self, _: IdWarning) {}
}

/// Collects errors for `FromStr`.
struct Errors(Vec<IdError>);

impl Sink for Errors {
    fn error(&mut self, e: IdError) {
        self.0.push(e);
    }

    fn warning(&mut self, _: IdWarning) {}
}

fn run<T: Scan>(input: &str, today: Date, path: &str) -> IdCheck {
    let kind = T::KIND;
    let mut sink = Findings {
        path,
        errors: Vec::new(),
        warnings: Vec::new(),
    };
    let value = scan_strict::<T>(input, Some(today), &mut sink);
    IdCheck {
        kind,
        input: input.to_owned(),
        valid: value.is_some(),
        normalized: value.as_ref().map(ToString::to_string),
        errors: sink.errors,
        warnings: sink.warnings,
        info: value.as_ref().map(Scan::info),
    }
}

fn passes<T: Scan>(input: &str, today: Date) -> bool {
    let mut sink = Verdict { valid: true };
    scan_strict::<T>(input, Some(today), &mut sink).is_some() && sink.valid
}

fn parse<T: Scan>(input: &str, today: Option<Date>) -> Result<T, InvalidId> {
    let mut sink = Errors(Vec::new());
    scan_strict::<T>(input, today, &mut sink).ok_or(InvalidId {
        kind: T::KIND,
        errors: sink.0,
    })
}

/// Implements `FromStr`, serde and `parse` for a [`Scan`] type.
macro_rules! validated {
    ($t:ty) => {
        impl core::str::FromStr for $t {
            type Err = $crate::ids::InvalidId;

            /// Reads the identifier, applying every rule that does not depend on the date.
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                $crate::ids::parse::<Self>(s, None)
            }
        }

        impl $t {
            /// Reads the identifier, applying every rule, including those that compare it with
            /// `today`.
            pub fn parse(input: &str, today: $crate::Date) -> Result<Self, $crate::ids::InvalidId> {
                $crate::ids::parse::<Self>(input, Some(today))
            }
        }

        impl serde::Serialize for $t {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.collect_str(self)
            }
        }

        impl<'de> serde::Deserialize<'de> for $t {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let s = String::deserialize(deserializer)?;
                s.parse().map_err(serde::de::Error::custom)
            }
        }
    };
}
pub(crate) use validated;
