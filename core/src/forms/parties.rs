//! Checks of the applicant and the representative: identifiers, and fields that must agree.

use core::str::FromStr;

use super::{Findings, FormsError};
use crate::finding::pointer;
use crate::ids::{IdKind, PersonalId};
use crate::model::{Applicant, ApplicantKind, Procedure, Representative, RepresentativeRole, Sex};
use crate::Date;

/// The fields a person fills in the same way whether applicant or representative.
struct Person<'a> {
    /// JSON pointer of the person's object.
    at: &'a str,
    name: &'a str,
    personal_id: Option<&'a str>,
    old_id: Option<&'a str>,
    date_of_birth: Option<Date>,
    sex: Option<Sex>,
    phone: Option<&'a str>,
    email: Option<&'a str>,
}

/// Checks the applicant (Decree 61/2018 Arts. 15–17; Decree 118/2025 Art. 17; Circular 03/2025
/// Mẫu 01: name and "số định danh cá nhân/tổ chức").
pub(super) fn applicant(a: &Applicant, procedure: &Procedure, today: Date, out: &mut Findings) {
    let at = "/applicant";
    if !procedure.applicant_kinds.is_empty() && !procedure.applicant_kinds.contains(&a.kind) {
        out.push(FormsError::ApplicantKindNotAllowed, pointer(at, "kind"));
    }
    person(
        &Person {
            at,
            name: &a.name,
            personal_id: a.personal_id.as_deref(),
            old_id: a.old_id.as_deref(),
            date_of_birth: a.date_of_birth,
            sex: a.sex,
            phone: a.phone.as_deref(),
            email: a.email.as_deref(),
        },
        today,
        out,
    );
    match (&a.tax_code, a.kind) {
        (Some(code), _) => out.id(IdKind::TaxCode, code, today, pointer(at, "tax_code")),
        (None, ApplicantKind::Organisation) => {
            out.push(FormsError::TaxCodeMissing, pointer(at, "tax_code"));
        }
        (None, ApplicantKind::Citizen) => {}
    }
    if a.kind == ApplicantKind::Citizen && a.personal_id.is_none() && a.old_id.is_none() {
        out.push(FormsError::ApplicantIdMissing, pointer(at, "personal_id"));
    }
}

/// Checks the representative (Civil Code 2015 Arts. 136–138; Circular 03/2025 Mẫu 01: the
/// authorised person's identity and the authorising document).
pub(super) fn representative(r: &Representative, today: Date, out: &mut Findings) {
    let at = "/representative";
    person(
        &Person {
            at,
            name: &r.name,
            personal_id: r.personal_id.as_deref(),
            old_id: r.old_id.as_deref(),
            date_of_birth: r.date_of_birth,
            sex: r.sex,
            phone: r.phone.as_deref(),
            email: r.email.as_deref(),
        },
        today,
        out,
    );
    if r.personal_id.is_none() && r.old_id.is_none() {
        out.push(
            FormsError::RepresentativeIdMissing,
            pointer(at, "personal_id"),
        );
    }
    let blank = r
        .authorisation
        .as_deref()
        .is_none_or(|s| s.trim().is_empty());
    if r.role == RepresentativeRole::Authorised && blank {
        out.push(
            FormsError::AuthorisationMissing,
            pointer(at, "authorisation"),
        );
    }
}

/// Checks what a person's fields say, each on its own and against each other.
fn person(p: &Person<'_>, today: Date, out: &mut Findings) {
    if p.name.trim().is_empty() {
        out.push(FormsError::FieldEmpty, pointer(p.at, "name"));
    }
    if let Some(id) = p.personal_id {
        out.id(IdKind::PersonalId, id, today, pointer(p.at, "personal_id"));
    }
    if let Some(id) = p.old_id {
        out.id(IdKind::OldId, id, today, pointer(p.at, "old_id"));
    }
    if let Some(dob) = p.date_of_birth {
        if dob > today {
            out.push(
                FormsError::BirthDateFuture(dob),
                pointer(p.at, "date_of_birth"),
            );
        }
    }
    // The personal ID encodes the birth year and the sex (Decree 137/2015/NĐ-CP; Circular
    // 59/2021/TT-BCA): they must agree with the declared ones. Only a valid ID is compared.
    if let Some(id) = p.personal_id.and_then(|s| PersonalId::from_str(s).ok()) {
        if let Some(dob) = p.date_of_birth {
            if id.birth_year() != dob.year() {
                let e = FormsError::BirthYearMismatch {
                    encoded: id.birth_year(),
                    declared: dob.year(),
                };
                out.push(e, pointer(p.at, "date_of_birth"));
            }
        }
        if p.sex.is_some_and(|sex| sex != id.sex()) {
            out.push(FormsError::SexMismatch, pointer(p.at, "sex"));
        }
    }
    if let Some(phone) = p.phone {
        out.id(IdKind::Phone, phone, today, pointer(p.at, "phone"));
    }
    if let Some(email) = p.email {
        if !is_email(email) {
            out.push(FormsError::EmailInvalid, pointer(p.at, "email"));
        }
    }
}

/// Whether `s` is an e-mail address `local@domain` (RFC 5321 §4.1.2 `Mailbox` with a dot-atom
/// local part and a domain name; lengths of §4.5.3.1: local part ≤ 64, domain ≤ 255). Quoted
/// local parts and address literals are not accepted on forms.
fn is_email(s: &str) -> bool {
    let Some((local, domain)) = s.rsplit_once('@') else {
        return false;
    };
    let atext = |b: u8| b.is_ascii_alphanumeric() || b"!#$%&'*+-/=?^_`{|}~".contains(&b);
    let local_ok = (1..=64).contains(&local.len())
        && local
            .split('.')
            .all(|part| !part.is_empty() && part.bytes().all(atext));
    let label_ok = |l: &str| {
        (1..=63).contains(&l.len())
            && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
            && !l.starts_with('-')
            && !l.ends_with('-')
    };
    let domain_ok = domain.len() <= 255 && domain.contains('.') && domain.split('.').all(label_ok);
    local_ok && domain_ok
}

#[cfg(test)]
mod tests {
    use super::is_email;

    #[test]
    fn email_addresses() {
        for ok in [
            "nguyen.van.a@gmail.com",
            "a+b@so-tu-phap.hanoi.gov.vn",
            "x@y.vn",
        ] {
            assert!(is_email(ok), "{ok}");
        }
        for bad in [
            "",
            "a",
            "a@b",
            "@b.vn",
            "a@.vn",
            "a@b..vn",
            "a..b@c.vn",
            "a b@c.vn",
            "a@-b.vn",
            "a@b-.vn",
            "a@b@c.vn",
        ] {
            assert!(!is_email(bad), "{bad}");
        }
    }
}
