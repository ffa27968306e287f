//! Who signed: a person (cá nhân) or an organisation (tổ chức), read from the certificate
//! subject under the Vietnamese conventions (signature-standards.md §5; Decree 23/2025/NĐ-CP
//! Art. 6: the subscriber's name and identifier; Decree 30/2020/NĐ-CP Art. 5 cl. 1, Art. 8 cl. 2
//! g–h: an issued document needs the competent person's and the organisation's signatures).
//!
//! Readings (spec/signature/certificate.md §Signer), first rule that applies:
//! 1. a `UID` with a personal-ID prefix (`CCCD:`, `CMND:`, `HC:`, `PID:`, `PPID:`, `BHXH:`) →
//!    person, even with an `MST:` beside it (a person acting for an organisation);
//! 2. a `UID` with `MST:` or `MNS:` and no personal ID → organisation;
//! 3. no such `UID`, a title (`T`, 2.5.4.12) → person (a title is held by a person);
//! 4. no such `UID`, a `CN` that starts with the name of a kind of organisation (`CÔNG TY`,
//!    `SỞ`, `BỘ`, `CỤC`, `ỦY BAN`, …) → organisation (Government CA certificates without UID);
//! 5. otherwise unknown: a name alone does not tell a person from an organisation.
//!
//! Values are compared with their Vietnamese letters composed ([`super::nfc`]), so a subject
//! written with decomposed diacritics (NFD) is classified as its precomposed form is.

use serde::Serialize;

use super::name::{Name, OID_CN, OID_O, OID_TITLE, OID_UID};
use super::nfc::nfc;

/// Person, organisation or unknown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum SignerKind {
    /// A person (cá nhân).
    Person,
    /// An organisation (cơ quan, tổ chức).
    Organisation,
    /// The subject does not say.
    Unknown,
}

/// The attribute the classification was decided from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Basis {
    /// The attribute's short name: `UID`, `T` or `CN`.
    pub attribute: String,
    /// Its value as written.
    pub value: String,
}

/// An identifier carried in a `UID` attribute as `PREFIX:number`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Identifier {
    /// The prefix, upper case (`CCCD`, `CMND`, `MST`, …).
    pub prefix: String,
    /// What follows the colon.
    pub value: String,
}

/// The signer as the certificate subject shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Signer {
    /// Person, organisation or unknown.
    pub kind: SignerKind,
    /// The attribute that decided, absent when unknown.
    pub basis: Option<Basis>,
    /// The subject's `CN`.
    pub common_name: Option<String>,
    /// The subject's `O`.
    pub organisation: Option<String>,
    /// Every `UID` identifier, in the subject's order.
    pub identifiers: Vec<Identifier>,
}

/// Prefixes of personal identifiers: citizen ID, old ID card, passport, personal ID, passport
/// ID, social insurance number (signature-standards.md §5 table).
const PERSONAL: &[&str] = &["CCCD", "CMND", "HC", "PID", "PPID", "BHXH"];
/// Prefixes of organisation identifiers: tax code, budget-relationship unit code.
const ORGANISATIONAL: &[&str] = &["MST", "MNS"];

/// Beginnings of the names of kinds of Vietnamese agencies and organisations (upper case, with
/// both placements of the tone mark where they occur, and the unaccented forms tools write).
/// Words that are also family names (Vũ, Đoàn, Trương) are left out.
const ORGANISATION_WORDS: &[&str] = &[
    "CÔNG TY",
    "TỔNG CÔNG TY",
    "TẬP ĐOÀN",
    "NGÂN HÀNG",
    "ỦY BAN",
    "UỶ BAN",
    "UBND",
    "SỞ ",
    "BỘ ",
    "CỤC ",
    "TỔNG CỤC",
    "CHI CỤC",
    "BAN ",
    "PHÒNG ",
    "VĂN PHÒNG",
    "TRUNG TÂM",
    "VIỆN ",
    "HỌC VIỆN",
    "TRƯỜNG ",
    "ĐẠI HỌC",
    "BỆNH VIỆN",
    "HỢP TÁC XÃ",
    "HỘI ĐỒNG",
    "TÒA ÁN",
    "TOÀ ÁN",
    "KHO BẠC",
    "CÔNG AN",
    "BẢO HIỂM XÃ HỘI",
    "CHI NHÁNH",
    "DOANH NGHIỆP",
    "HỘ KINH DOANH",
    "CONG TY",
    "TONG CONG TY",
    "TAP DOAN",
    "NGAN HANG",
    "UY BAN",
    "SO ",
    "BO ",
    "CUC ",
    "CHI CUC",
    "TONG CUC",
    "VAN PHONG",
    "TRUNG TAM",
    "BENH VIEN",
    "DAI HOC",
    "HOC VIEN",
    "HOP TAC XA",
    "KHO BAC",
];

fn identifier(uid: &str) -> Option<Identifier> {
    let (prefix, value) = uid.split_once(':')?;
    let prefix = prefix.trim().to_uppercase();
    (!prefix.is_empty()).then(|| Identifier {
        prefix,
        value: value.trim().to_owned(),
    })
}

/// Classifies the subject `name` (the readings in the module documentation).
pub fn classify(name: &Name) -> Signer {
    let uids: Vec<&str> = name.values(OID_UID).collect();
    let identifiers: Vec<Identifier> = uids.iter().filter_map(|u| identifier(u)).collect();
    let common_name = name.first(OID_CN).map(str::to_owned);
    let basis = |attribute: &str, value: &str| {
        Some(Basis {
            attribute: attribute.to_owned(),
            value: value.to_owned(),
        })
    };
    let uid_with = |prefixes: &[&str]| {
        uids.iter()
            .copied()
            .find(|u| identifier(u).is_some_and(|i| prefixes.contains(&i.prefix.as_str())))
    };
    let (kind, basis) = if let Some(uid) = uid_with(PERSONAL) {
        (SignerKind::Person, basis("UID", uid))
    } else if let Some(uid) = uid_with(ORGANISATIONAL) {
        (SignerKind::Organisation, basis("UID", uid))
    } else if let Some(title) = name.first(OID_TITLE) {
        (SignerKind::Person, basis("T", title))
    } else if let Some(cn) = common_name.as_deref().filter(|cn| {
        let upper = format!("{} ", nfc(cn).trim().to_uppercase());
        ORGANISATION_WORDS.iter().any(|w| upper.starts_with(w))
    }) {
        (SignerKind::Organisation, basis("CN", cn))
    } else {
        (SignerKind::Unknown, None)
    };
    Signer {
        kind,
        basis,
        common_name,
        organisation: name.first(OID_O).map(str::to_owned),
        identifiers,
    }
}
