//! Judging a change against one signature's permissions (ISO 32000-1 §12.8.2.2 Table 254
//! DocMDP, §12.8.2.4 Table 256 FieldMDP, ETSI EN 319 142-1 §5.4) and the readings chosen where
//! no permission is stated (spec/signature/changes.md).

use super::diff::{Permit, Raw};
use super::report::{Change, ChangeKind, Permissions};

/// Finding codes (`spec/findings/changes.json`).
pub(super) mod code {
    /// Allowed: a signature was added.
    pub(crate) const SIGNATURE_ADDED: &str = "changes.signature_added";
    /// Allowed: a document timestamp was added.
    pub(crate) const TIMESTAMP_ADDED: &str = "changes.timestamp_added";
    /// Allowed: validation data (DSS/VRI).
    pub(crate) const DSS: &str = "changes.dss";
    /// Allowed: a form field was filled.
    pub(crate) const FORM_FILLED: &str = "changes.form_filled";
    /// Allowed: a form field was added.
    pub(crate) const FIELD_ADDED: &str = "changes.field_added";
    /// Allowed: an annotation was added.
    pub(crate) const ANNOTATION_ADDED: &str = "changes.annotation_added";
    /// Allowed: an annotation was changed or removed.
    pub(crate) const ANNOTATION_CHANGED: &str = "changes.annotation_changed";
    /// Allowed: form settings changed with a signature.
    pub(crate) const FORM_SETTINGS: &str = "changes.form_settings";
    /// Allowed: metadata or structure.
    pub(crate) const METADATA: &str = "changes.metadata";
    /// Not allowed: DocMDP forbids it.
    pub(crate) const DOCMDP_FORBIDS: &str = "changes.docmdp_forbids";
    /// Not allowed: the field is locked by FieldMDP.
    pub(crate) const FIELD_LOCKED: &str = "changes.field_locked";
    /// Not allowed: an annotation visible in the signed revision changed (no DocMDP).
    pub(crate) const SIGNED_ANNOTATION_CHANGED: &str = "changes.signed_annotation_changed";
    /// Not allowed: page content or resources.
    pub(crate) const PAGE_CONTENT: &str = "changes.page_content";
    /// Not allowed: an annotation added over signed text.
    pub(crate) const ANNOTATION_OVERLAY: &str = "changes.annotation_overlay";
    /// Not allowed: a page added.
    pub(crate) const PAGE_ADDED: &str = "changes.page_added";
    /// Not allowed: a page removed.
    pub(crate) const PAGE_REMOVED: &str = "changes.page_removed";
    /// Not allowed: a visible object overwritten.
    pub(crate) const OBJECT_OVERWRITTEN: &str = "changes.object_overwritten";
    /// Not allowed: a widget's appearance replaced without its value.
    pub(crate) const APPEARANCE_REPLACED: &str = "changes.appearance_replaced";
    /// Not allowed: catalog entries (actions, JavaScript, permissions, names).
    pub(crate) const CATALOG: &str = "changes.catalog";
    /// Not allowed: form structure (fields removed or redefined, NeedAppearances, XFA).
    pub(crate) const FORM_STRUCTURE: &str = "changes.form_structure";
    /// Not allowed: a signature already made was changed or removed.
    pub(crate) const SIGNATURE_CHANGED: &str = "changes.signature_changed";
    /// Not allowed: bytes after the last revision.
    pub(crate) const TRAILING_DATA: &str = "changes.trailing_data";
    /// Not allowed: a change no rule classifies.
    pub(crate) const UNCLASSIFIED: &str = "changes.unclassified";
}

/// The finding code of an allowed change of `kind`.
fn allowed_code(kind: ChangeKind) -> &'static str {
    match kind {
        ChangeKind::SignatureAdded => code::SIGNATURE_ADDED,
        ChangeKind::TimestampAdded => code::TIMESTAMP_ADDED,
        ChangeKind::Dss => code::DSS,
        ChangeKind::FormFilled | ChangeKind::WidgetAppearance => code::FORM_FILLED,
        ChangeKind::FieldAdded | ChangeKind::FieldChanged => code::FIELD_ADDED,
        ChangeKind::AnnotationAdded => code::ANNOTATION_ADDED,
        ChangeKind::AnnotationChanged | ChangeKind::AnnotationRemoved => code::ANNOTATION_CHANGED,
        ChangeKind::FormSettings => code::FORM_SETTINGS,
        ChangeKind::Metadata | ChangeKind::Structure => code::METADATA,
        // Kinds that are only ever reported with `Permit::Never`.
        ChangeKind::PageContent
        | ChangeKind::PageAdded
        | ChangeKind::PageRemoved
        | ChangeKind::FieldRemoved
        | ChangeKind::Catalog
        | ChangeKind::ObjectOverwritten
        | ChangeKind::SignatureChanged
        | ChangeKind::TrailingData
        | ChangeKind::Other => code::UNCLASSIFIED,
    }
}

/// Judges a change made in revision `revision` after a signature of revision `signed` with
/// `perms`: `(allowed, code)`.
pub(super) fn judge(
    permit: &Permit,
    kind: ChangeKind,
    signed: usize,
    perms: &Permissions,
) -> (bool, &'static str) {
    let p = perms.docmdp;
    let ok = (true, allowed_code(kind));
    let docmdp = (false, code::DOCMDP_FORBIDS);
    match permit {
        Permit::Never(c) => (false, c),
        Permit::Always => ok,
        Permit::Signing | Permit::Metadata => match p {
            Some(1) => docmdp,
            _ => ok,
        },
        Permit::FormFill(field) => match p {
            Some(1) => docmdp,
            _ if perms.locks.iter().any(|l| l.locks(field.as_deref())) => {
                (false, code::FIELD_LOCKED)
            }
            _ => ok,
        },
        Permit::AnnotationAdd => match p {
            None | Some(3) => ok,
            _ => docmdp,
        },
        Permit::AnnotationEdit(since) => match p {
            Some(3) => ok,
            None if *since > signed => ok,
            None => (false, code::SIGNED_ANNOTATION_CHANGED),
            _ => docmdp,
        },
    }
}

/// A judged change.
pub(super) fn change(raw: &Raw, revision: usize, signed: usize, perms: &Permissions) -> Change {
    let (allowed, code) = judge(&raw.permit, raw.kind, signed, perms);
    Change {
        kind: raw.kind,
        revision,
        object: raw.object.map(super::report::object_id),
        field: raw.field.clone(),
        detail: raw.detail.clone(),
        allowed,
        code,
        docmdp: perms.docmdp,
    }
}
