//! The identifiers: `motcua_ids_check` and `motcua_ids_is_valid`, mirroring `ids::check` and
//! `ids::is_valid`.

use std::ffi::c_char;

use motcua_core::ids::{self, IdKind};
use motcua_core::Date;

use crate::boundary::{boundary, try_str, Output};
use crate::strings::write_json;
use crate::{MotcuaDate, MotcuaStatus};

/// A kind of identifier, one of the `MOTCUA_ID_KIND_*` constants; mirrors the Rust `IdKind`.
///
/// It is a plain integer rather than a C enum so that any value a caller passes is defined
/// behaviour: a number that is not one of the constants is refused with
/// `MOTCUA_STATUS_INVALID_ARGUMENT`. The numbers are stable.
#[repr(transparent)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct MotcuaIdKind(pub u32);

/// Personal identification number (số định danh cá nhân).
pub const MOTCUA_ID_KIND_PERSONAL_ID: MotcuaIdKind = MotcuaIdKind(0);
/// Old people's ID card number (số chứng minh nhân dân).
pub const MOTCUA_ID_KIND_OLD_ID: MotcuaIdKind = MotcuaIdKind(1);
/// Tax code (mã số thuế).
pub const MOTCUA_ID_KIND_TAX_CODE: MotcuaIdKind = MotcuaIdKind(2);
/// Code of an agency or unit (mã định danh cơ quan, đơn vị).
pub const MOTCUA_ID_KIND_AGENCY_CODE: MotcuaIdKind = MotcuaIdKind(3);
/// Code of an administrative procedure (mã thủ tục hành chính).
pub const MOTCUA_ID_KIND_PROCEDURE_CODE: MotcuaIdKind = MotcuaIdKind(4);
/// Code of a dossier (mã hồ sơ).
pub const MOTCUA_ID_KIND_DOSSIER_CODE: MotcuaIdKind = MotcuaIdKind(5);
/// Vietnamese telephone number (số điện thoại); normalized to E.164 (`+84…`).
pub const MOTCUA_ID_KIND_PHONE: MotcuaIdKind = MotcuaIdKind(6);

/// The C number of every kind. Numbers are never reused; a kind added to the core gets the next.
const KINDS: [(MotcuaIdKind, IdKind); 7] = [
    (MOTCUA_ID_KIND_PERSONAL_ID, IdKind::PersonalId),
    (MOTCUA_ID_KIND_OLD_ID, IdKind::OldId),
    (MOTCUA_ID_KIND_TAX_CODE, IdKind::TaxCode),
    (MOTCUA_ID_KIND_AGENCY_CODE, IdKind::AgencyCode),
    (MOTCUA_ID_KIND_PROCEDURE_CODE, IdKind::ProcedureCode),
    (MOTCUA_ID_KIND_DOSSIER_CODE, IdKind::DossierCode),
    (MOTCUA_ID_KIND_PHONE, IdKind::Phone),
];

impl TryFrom<MotcuaIdKind> for IdKind {
    type Error = MotcuaStatus;

    fn try_from(kind: MotcuaIdKind) -> Result<IdKind, MotcuaStatus> {
        KINDS
            .iter()
            .find(|(c, _)| *c == kind)
            .map(|(_, k)| *k)
            .ok_or(MotcuaStatus::InvalidArgument)
    }
}

/// The arguments every identifier function reads, checked in argument order.
///
/// # Safety
///
/// As for [`try_str`].
unsafe fn id_args<'a>(
    kind: MotcuaIdKind,
    input: *const u8,
    input_len: usize,
    today: MotcuaDate,
) -> Result<(IdKind, &'a str, Date), MotcuaStatus> {
    let kind = IdKind::try_from(kind)?;
    // SAFETY: forwarded from the caller.
    let input = unsafe { try_str(input, input_len) }?;
    Ok((kind, input, Date::try_from(today)?))
}

/// Checks the identifier `input` of kind `kind` (`ids::check`) and writes the full result as
/// UTF-8 JSON to `*out_json`.
///
/// The JSON is the `IdCheck` object: `{"kind", "input", "valid", "normalized", "errors",
/// "warnings", "info"}`. `valid` is false when there is at least one error; `errors` lists every
/// error found (not only the first), each a finding with its stable `code`, `path` (`""`),
/// messages `vi` and `en`, and `rule`. `today` is the date rules about the future use (a birth
/// year after today is an error).
///
/// Returns `MOTCUA_STATUS_OK` whatever the verdict; otherwise NULL_ARGUMENT, INVALID_UTF8 or
/// INVALID_ARGUMENT (unknown kind, impossible date), and `*out_json` is untouched. On success the
/// caller owns `*out_json` and frees it with `motcua_string_free`.
///
/// # Safety
///
/// `input` must point to `input_len` readable bytes (`input_len` may be 0), and `out_json` to a
/// writable `char *`.
#[no_mangle]
pub unsafe extern "C" fn motcua_ids_check(
    kind: MotcuaIdKind,
    input: *const u8,
    input_len: usize,
    today: MotcuaDate,
    out_json: *mut *mut c_char,
) -> MotcuaStatus {
    boundary(|| {
        // SAFETY: forwarded from the caller.
        let (kind, input, today) = unsafe { id_args(kind, input, input_len, today) }?;
        let out_json = Output::new(out_json)?;
        let result = ids::check(kind, input, today);
        // SAFETY: `out_json` is writable, as the caller guarantees.
        unsafe { write_json(&result, out_json) };
        Ok(())
    })
}

/// Whether the identifier `input` of kind `kind` is valid (`ids::is_valid`), written to
/// `*out_valid`: the verdict of `motcua_ids_check` without building any JSON, for hot paths.
///
/// Returns `MOTCUA_STATUS_OK` whatever the verdict; otherwise NULL_ARGUMENT, INVALID_UTF8 or
/// INVALID_ARGUMENT, and `*out_valid` is untouched.
///
/// # Safety
///
/// `input` must point to `input_len` readable bytes (`input_len` may be 0), and `out_valid` to a
/// writable `bool`.
#[no_mangle]
pub unsafe extern "C" fn motcua_ids_is_valid(
    kind: MotcuaIdKind,
    input: *const u8,
    input_len: usize,
    today: MotcuaDate,
    out_valid: *mut bool,
) -> MotcuaStatus {
    boundary(|| {
        // SAFETY: forwarded from the caller.
        let (kind, input, today) = unsafe { id_args(kind, input, input_len, today) }?;
        let out_valid = Output::new(out_valid)?;
        let valid = ids::is_valid(kind, input, today);
        // SAFETY: `out_valid` is writable, as the caller guarantees.
        unsafe { out_valid.write(valid) };
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_core_kind_has_one_c_number() {
        assert_eq!(IdKind::ALL.len(), KINDS.len());
        for kind in IdKind::ALL {
            let numbers: Vec<_> = KINDS.iter().filter(|(_, k)| *k == kind).collect();
            assert_eq!(numbers.len(), 1, "{kind:?} needs exactly one C number");
        }
        for (i, (c, _)) in KINDS.iter().enumerate() {
            assert_eq!(c.0 as usize, i, "C numbers are dense and in order");
        }
        assert_eq!(
            IdKind::try_from(MotcuaIdKind(7)),
            Err(MotcuaStatus::InvalidArgument)
        );
        assert_eq!(
            IdKind::try_from(MotcuaIdKind(u32::MAX)),
            Err(MotcuaStatus::InvalidArgument)
        );
    }
}
