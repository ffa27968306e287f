//! Files attached to a dossier, described by their metadata.

use serde::{Deserialize, Serialize};

use super::Extensions;

/// One file of the dossier ("thành phần hồ sơ" as an electronic copy or scan).
///
/// The model carries the file's description, never its bytes: the SHA-256 digest binds the
/// description to the stored file (Decree 61/2018 Art. 17(1): received dossiers are scanned and
/// stored in the electronic one-stop system; Circular 01/2023/TT-VPCP Art. 8(2): the copy keeps
/// the integrity of the data).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Attachment {
    /// File name as uploaded.
    pub name: String,
    /// Media type (RFC 6838), e.g. `application/pdf`.
    pub media_type: String,
    /// Size in bytes.
    pub size: u64,
    /// SHA-256 of the file's bytes, 64 hexadecimal digits (FIPS 180-4).
    pub sha256: String,
    /// `id` of the procedure's required document this file satisfies; absent when the file
    /// answers no listed document.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub satisfies: Option<String>,
    /// Vendor data, carried untouched.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extensions: Option<Extensions>,
}
