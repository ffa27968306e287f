//! Checks of the files of a dossier against the documents its procedure requires.

use std::collections::{HashMap, HashSet};

use super::{Findings, FormsError};
use crate::finding::pointer;
use crate::model::{
    is_media_type, ApplicantKind, Attachment, AttachmentRules, Channel, Condition, Dossier,
    Procedure, RepresentativeRole, RequiredDocument,
};

/// Whether `condition` holds for `dossier`.
fn holds(condition: Condition, dossier: &Dossier) -> bool {
    match condition {
        Condition::ApplicantCitizen => dossier.applicant.kind == ApplicantKind::Citizen,
        Condition::ApplicantOrganisation => dossier.applicant.kind == ApplicantKind::Organisation,
        Condition::Representative => dossier.representative.is_some(),
        Condition::AuthorisedRepresentative => dossier
            .representative
            .as_ref()
            .is_some_and(|r| r.role == RepresentativeRole::Authorised),
        Condition::ChannelInPerson => dossier.channel == Channel::InPerson,
        Condition::ChannelPost => dossier.channel == Channel::Post,
        Condition::ChannelOnline => dossier.channel == Channel::Online,
    }
}

/// Whether `doc` is required for `dossier`: not optional, and every condition holds.
fn required(doc: &RequiredDocument, dossier: &Dossier) -> bool {
    !doc.optional && doc.required_when.iter().all(|c| holds(*c, dossier))
}

/// Checks that every required document has a file and every file answers a document
/// (Decree 61/2018 Art. 17(1)(a) and Art. 15(3); Decree 118/2025 Art. 17: the dossier is
/// checked for completeness against the published procedure; Art. 5(1)(đ) of Decree 61/2018
/// forbids asking for documents beyond it).
pub(super) fn documents(dossier: &Dossier, procedure: &Procedure, out: &mut Findings) {
    // Sets and maps keep the checks linear: both lists may be long in hostile input.
    let answered: HashSet<&str> = dossier
        .attachments
        .iter()
        .filter_map(|a| a.satisfies.as_deref())
        .collect();
    let mut by_id: HashMap<&str, &RequiredDocument> = HashMap::new();
    for doc in &procedure.documents {
        by_id.entry(doc.id.as_str()).or_insert(doc);
        if required(doc, dossier) && !answered.contains(doc.id.as_str()) {
            let e = FormsError::DocumentMissing {
                id: doc.id.clone(),
                name: doc.name.clone(),
            };
            out.push(e, "/attachments".to_owned());
        }
    }
    for (i, a) in dossier.attachments.iter().enumerate() {
        let at = pointer("/attachments", &i.to_string());
        match &a.satisfies {
            None => out.push(FormsError::AttachmentUnassigned, at),
            Some(id) => match by_id.get(id.as_str()) {
                None => out.push(
                    FormsError::DocumentUnknown(id.clone()),
                    pointer(&at, "satisfies"),
                ),
                Some(doc) if !doc.optional && !required(doc, dossier) => {
                    out.push(
                        FormsError::DocumentNotApplicable(id.clone()),
                        pointer(&at, "satisfies"),
                    );
                }
                Some(_) => {}
            },
        }
    }
}

/// Checks each file against the procedure's limits, and the set of files for duplicates and
/// count (limits: `spec/forms.md` §Attachments; integrity: Circular 01/2023/TT-VPCP Art. 8(2)).
pub(super) fn attachments(attachments: &[Attachment], rules: &AttachmentRules, out: &mut Findings) {
    if attachments.len() > rules.max_files as usize {
        let e = FormsError::TooManyAttachments {
            count: attachments.len(),
            limit: rules.max_files,
        };
        out.push(e, "/attachments".to_owned());
    }
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (i, a) in attachments.iter().enumerate() {
        let at = pointer("/attachments", &i.to_string());
        if a.name.trim().is_empty() {
            out.push(FormsError::FieldEmpty, pointer(&at, "name"));
        }
        if a.size == 0 {
            out.push(FormsError::AttachmentEmpty, pointer(&at, "size"));
        } else if a.size > rules.max_file_bytes {
            let e = FormsError::AttachmentTooLarge {
                size: a.size,
                limit: rules.max_file_bytes,
            };
            out.push(e, pointer(&at, "size"));
        }
        if !media_type_allowed(&a.media_type, &rules.media_types) {
            let e = FormsError::MediaTypeNotAllowed {
                value: a.media_type.clone(),
                allowed: rules.media_types.join(", "),
            };
            out.push(e, pointer(&at, "media_type"));
        }
        if !is_sha256(&a.sha256) {
            out.push(FormsError::Sha256Invalid, pointer(&at, "sha256"));
        } else if let Some(first) = seen.get(&a.sha256.to_ascii_lowercase()) {
            let e = FormsError::AttachmentDuplicate {
                first: pointer("/attachments", &first.to_string()),
            };
            out.push(e, pointer(&at, "sha256"));
        } else {
            seen.insert(a.sha256.to_ascii_lowercase(), i);
        }
    }
}

/// Whether `value` is a media type among `allowed`, compared without parameters and case
/// (RFC 6838 §4.2: names are case-insensitive).
fn media_type_allowed(value: &str, allowed: &[String]) -> bool {
    let essence = |s: &str| {
        s.split(';')
            .next()
            .unwrap_or_default()
            .trim()
            .to_ascii_lowercase()
    };
    is_media_type(value) && allowed.iter().any(|t| essence(t) == essence(value))
}

/// Whether `s` is a SHA-256 digest written as 64 hexadecimal digits (either case).
fn is_sha256(s: &str) -> bool {
    s.len() == 64 && s.bytes().all(|b| b.is_ascii_hexdigit())
}
