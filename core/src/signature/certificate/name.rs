//! Distinguished names (RFC 5280 §4.1.2.4, §4.1.2.6): their attributes as text, how two names are
//! compared when linking a certificate to its issuer (§7.1), and the attributes the Vietnamese
//! certificate profile uses (signature-standards.md §5: `UID`, `CN`, `O`, `OU`, `T`, …).

use serde::Serialize;
use x509_parser::x509::{AttributeTypeAndValue, X509Name};

/// `userId` (`UID`, RFC 4519 §2.39), 0.9.2342.19200300.100.1.1: the Vietnamese identifier
/// attribute, `PREFIX:number` (signature-standards.md §5).
pub const OID_UID: &str = "0.9.2342.19200300.100.1.1";
/// `commonName` (`CN`), 2.5.4.3.
pub const OID_CN: &str = "2.5.4.3";
/// `organizationName` (`O`), 2.5.4.10.
pub const OID_O: &str = "2.5.4.10";
/// `title` (`T`), 2.5.4.12.
pub const OID_TITLE: &str = "2.5.4.12";

/// Short names of the attribute types seen in Vietnamese certificates (RFC 4514 §3 and the
/// OpenSSL names for the others); other types print as their dotted OID.
const SHORT_NAMES: &[(&str, &str)] = &[
    ("2.5.4.3", "CN"),
    ("2.5.4.6", "C"),
    ("2.5.4.7", "L"),
    ("2.5.4.8", "ST"),
    ("2.5.4.9", "STREET"),
    ("2.5.4.10", "O"),
    ("2.5.4.11", "OU"),
    ("2.5.4.12", "T"),
    ("2.5.4.5", "SERIALNUMBER"),
    ("2.5.4.20", "TELEPHONENUMBER"),
    ("2.5.4.4", "SN"),
    ("2.5.4.42", "GN"),
    ("0.9.2342.19200300.100.1.1", "UID"),
    ("0.9.2342.19200300.100.1.25", "DC"),
    ("1.2.840.113549.1.9.1", "E"),
];

/// One attribute of a name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Attribute {
    /// The attribute type, dotted (`2.5.4.3`).
    pub oid: String,
    /// The value as text: UTF8String, PrintableString, IA5String, NumericString, BMPString and
    /// UniversalString decoded; TeletexString read as Latin-1; any other type as `#` and the hex
    /// of its contents (RFC 4514 §2.4).
    pub value: String,
    /// Whether the value is a character string (compared after normalising, RFC 5280 §7.1).
    #[serde(skip)]
    text: bool,
}

impl Attribute {
    /// The short name of the type (`CN`, `UID`, …) or the dotted OID.
    pub fn short_name(&self) -> &str {
        SHORT_NAMES
            .iter()
            .find(|(oid, _)| *oid == self.oid)
            .map_or(self.oid.as_str(), |(_, n)| n)
    }
}

/// A distinguished name: its relative distinguished names in encoded order (X.500 order, the
/// country first in Vietnamese certificates), each a set of attributes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Name {
    der: Vec<u8>,
    rdns: Vec<Vec<Attribute>>,
}

/// Contents of a BMPString (UCS-2/UTF-16 big-endian) or UniversalString (UCS-4).
fn wide(bytes: &[u8], width: usize) -> Option<String> {
    if bytes.len() % width != 0 {
        return None;
    }
    if width == 2 {
        let units = bytes
            .chunks_exact(2)
            .map(|c| u16::from_be_bytes([c[0], c[1]]));
        char::decode_utf16(units)
            .collect::<Result<String, _>>()
            .ok()
    } else {
        bytes
            .chunks_exact(4)
            .map(|c| char::from_u32(u32::from_be_bytes([c[0], c[1], c[2], c[3]])))
            .collect()
    }
}

fn attribute(atv: &AttributeTypeAndValue<'_>) -> Attribute {
    let oid = atv.attr_type().to_id_string();
    let any = atv.attr_value();
    let bytes = atv.as_slice();
    // Universal tags: 12 UTF8String, 18 NumericString, 19 PrintableString, 20 TeletexString,
    // 22 IA5String, 28 UniversalString, 30 BMPString (X.680 §8.4).
    let decoded = match any.tag().0 {
        12 | 18 | 19 | 22 => std::str::from_utf8(bytes).ok().map(str::to_owned),
        20 => Some(bytes.iter().map(|&b| char::from(b)).collect()),
        28 => wide(bytes, 4),
        30 => wide(bytes, 2),
        _ => None,
    };
    let text = decoded.is_some();
    let value = decoded.unwrap_or_else(|| {
        let mut hex = String::from("#");
        for b in bytes {
            hex.push_str(&format!("{b:02x}"));
        }
        hex
    });
    Attribute { oid, value, text }
}

/// The value compared under RFC 5280 §7.1 (after RFC 4518 in outline): Vietnamese letters
/// composed ([`super::nfc`]; RFC 4518 §2.3 normalises to NFKC), leading and trailing spaces
/// removed, inner runs of white space folded to one space, case folded.
fn folded(value: &str) -> String {
    super::nfc::nfc(value)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

impl Name {
    pub(super) fn from_x509(name: &X509Name<'_>) -> Self {
        Self {
            der: name.as_raw().to_vec(),
            rdns: name
                .iter()
                .map(|rdn| rdn.iter().map(attribute).collect())
                .collect(),
        }
    }

    /// The DER encoding.
    pub fn der(&self) -> &[u8] {
        &self.der
    }

    /// Every attribute in encoded order.
    pub fn attributes(&self) -> impl Iterator<Item = &Attribute> {
        self.rdns.iter().flatten()
    }

    /// The values of the attributes of type `oid`, in encoded order.
    pub fn values<'a>(&'a self, oid: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.attributes()
            .filter(move |a| a.oid == oid)
            .map(|a| a.value.as_str())
    }

    /// The first value of type `oid`.
    pub fn first(&self, oid: &str) -> Option<&str> {
        self.attributes()
            .find(|a| a.oid == oid)
            .map(|a| a.value.as_str())
    }

    /// Whether the name has no attribute at all (RFC 5280 §4.1.2.6: an empty subject needs a
    /// subjectAltName).
    pub fn is_empty(&self) -> bool {
        self.rdns.iter().all(Vec::is_empty)
    }

    /// Whether `self` and `other` name the same entity, as RFC 5280 §7.1 compares names for
    /// chaining: the same encoding, or the same number of RDNs, each with the same attribute
    /// types whose values are equal after folding white space and case (character strings) or
    /// byte for byte (other values). Multi-valued RDNs compare as sets.
    pub fn matches(&self, other: &Name) -> bool {
        if self.der == other.der {
            return true;
        }
        if self.rdns.len() != other.rdns.len() {
            return false;
        }
        self.rdns.iter().zip(&other.rdns).all(|(a, b)| {
            a.len() == b.len()
                && a.iter().all(|x| {
                    b.iter().any(|y| {
                        x.oid == y.oid
                            && if x.text && y.text {
                                folded(&x.value) == folded(&y.value)
                            } else {
                                x.value == y.value
                            }
                    })
                })
        })
    }
}

impl std::fmt::Display for Name {
    /// `C=VN, ST=HÀ NỘI, CN=…, UID=CCCD:…`: attributes in encoded order, as the domain notes
    /// and OpenSSL show them (not RFC 4514's reversed order), `+` joining a multi-valued RDN.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for (i, rdn) in self.rdns.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            for (j, a) in rdn.iter().enumerate() {
                if j > 0 {
                    f.write_str(" + ")?;
                }
                write!(f, "{}={}", a.short_name(), a.value)?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(rdns: &[&[(&str, &str)]]) -> Name {
        Name {
            der: rdns
                .iter()
                .flat_map(|r| r.iter())
                .flat_map(|(o, v)| o.bytes().chain(v.bytes()).collect::<Vec<_>>())
                .collect(),
            rdns: rdns
                .iter()
                .map(|r| {
                    r.iter()
                        .map(|(oid, value)| Attribute {
                            oid: (*oid).to_owned(),
                            value: (*value).to_owned(),
                            text: true,
                        })
                        .collect()
                })
                .collect(),
        }
    }

    #[test]
    fn names_match_after_folding_case_and_spaces() {
        let a = name(&[&[("2.5.4.6", "VN")], &[("2.5.4.3", "SỞ  TƯ PHÁP ")]]);
        let b = name(&[&[("2.5.4.6", "vn")], &[("2.5.4.3", "sở tư pháp")]]);
        assert!(a.matches(&b));
        let c = name(&[&[("2.5.4.6", "VN")], &[("2.5.4.3", "SỞ TƯ PHÁP HÀ NỘI")]]);
        assert!(!a.matches(&c));
        let d = name(&[&[("2.5.4.3", "SỞ TƯ PHÁP")], &[("2.5.4.6", "VN")]]);
        assert!(!a.matches(&d), "RDN order matters");
        let e = name(&[&[("2.5.4.6", "VN")]]);
        assert!(!a.matches(&e));
    }

    /// An issuer written with decomposed diacritics (NFD) names the CA whose subject is
    /// precomposed, and the other way round; classification reads both alike.
    #[test]
    fn names_match_in_nfc_and_nfd() {
        let nfc = name(&[
            &[("2.5.4.6", "VN")],
            &[("2.5.4.3", "ỦY BAN NHÂN DÂN TỈNH ĐỒNG THÁP")],
        ]);
        let nfd = name(&[
            &[("2.5.4.6", "VN")],
            &[(
                "2.5.4.3",
                "U\u{309}Y BAN NHA\u{302}N DA\u{302}N TI\u{309}NH \u{110}O\u{302}\u{300}NG THA\u{301}P",
            )],
        ]);
        assert!(nfc.matches(&nfd) && nfd.matches(&nfc));
        let other = name(&[
            &[("2.5.4.6", "VN")],
            &[("2.5.4.3", "UY BAN NHAN DAN TINH DONG THAP")],
        ]);
        assert!(!nfd.matches(&other), "diacritics are not folded away");
        let kind = |n: &Name| super::super::classify(n).kind;
        assert_eq!(kind(&nfd), kind(&nfc));
        assert_eq!(kind(&nfd), super::super::SignerKind::Organisation);
    }

    #[test]
    fn display_uses_short_names_in_encoded_order() {
        let n = name(&[
            &[("2.5.4.6", "VN")],
            &[("2.5.4.3", "NGUYỄN VĂN AN")],
            &[(OID_UID, "CCCD:001088012345")],
            &[("1.2.3.4", "x")],
        ]);
        assert_eq!(
            n.to_string(),
            "C=VN, CN=NGUYỄN VĂN AN, UID=CCCD:001088012345, 1.2.3.4=x"
        );
        assert_eq!(n.first(OID_UID), Some("CCCD:001088012345"));
    }

    #[test]
    fn wide_strings_decode() {
        assert_eq!(wide(&[0x1e, 0xa0, 0x00, 0x41], 2).as_deref(), Some("ẠA"));
        assert_eq!(wide(&[0xd8, 0x00], 2), None, "lone surrogate");
        assert_eq!(wide(&[0, 0, 0, 0x41], 4).as_deref(), Some("A"));
        assert_eq!(wide(&[0, 0x41, 0], 2), None);
    }
}
