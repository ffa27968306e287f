//! What the change detection reports for one signature: the verdict `modified_after_signing`
//! (ETSI EN 319 102-1 style: none, allowed, disallowed) and every change with its kind, where it
//! is, the revision that made it, whether the signature's permissions allow it and the finding
//! code that says why.

use serde::Serialize;

use crate::finding::{Diagnostic, Finding};
use crate::signature::pdf::ObjRef;

/// The verdict on the changes made after a signature.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Modification {
    /// No revision after the signed one (or none that changed anything).
    None,
    /// Every change is one the signature's permissions allow (listed, never hidden).
    Allowed,
    /// At least one change is not allowed: the document shown is not the one signed.
    Disallowed,
}

/// What a change is. Kinds name what changed; whether it is allowed depends on the signature's
/// permissions and is in [`Change::allowed`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    /// A signature field was signed (ISO 32000-1 §12.8.1).
    SignatureAdded,
    /// A document timestamp was added (ISO 32000-2 §12.8.5, ETSI EN 319 142-1 §5.4).
    TimestampAdded,
    /// Validation data: the document security store `/DSS`, its `/VRI`, certificates, CRLs and
    /// OCSP responses (ETSI EN 319 142-1 §5.4.2, PAdES-LT).
    Dss,
    /// A form field's value was set or changed (§12.7.3.3 `/V`).
    FormFilled,
    /// A widget's appearance stream was rewritten together with its field's value.
    WidgetAppearance,
    /// A form field was added (a signature field, or another field with its widget).
    FieldAdded,
    /// A form field was removed.
    FieldRemoved,
    /// A form field's definition changed (name, type, options, actions, widgets).
    FieldChanged,
    /// An annotation was added to a page (§12.5).
    AnnotationAdded,
    /// An annotation's dictionary or appearance changed.
    AnnotationChanged,
    /// An annotation was removed from a page.
    AnnotationRemoved,
    /// A page's content, resources, boxes or rotation changed (§7.7.3.3).
    PageContent,
    /// A page was added.
    PageAdded,
    /// A page was removed.
    PageRemoved,
    /// The document catalog changed (§7.7.2): actions, JavaScript, permissions, names, outlines.
    Catalog,
    /// The interactive form dictionary changed (§12.7.2: `/SigFlags`, `/DR`, `/NeedAppearances`).
    FormSettings,
    /// Document metadata: `/Metadata` (XMP), the trailer's `/Info`, `/Extensions`, `/Version`.
    Metadata,
    /// Logical structure (§14.7: `/StructTreeRoot`, `/StructParents`, `/Tabs`).
    Structure,
    /// An object visible in an earlier revision was redefined with other content under the same
    /// number (shadow attack, replace via overwrite; Mainka et al. 2021).
    ObjectOverwritten,
    /// A signature dictionary already made, or its field, was changed or removed.
    SignatureChanged,
    /// Bytes after the last revision's `%%EOF` that no cross-reference section accounts for.
    TrailingData,
    /// A change the detector does not classify. Never allowed.
    Other,
}

/// One change made after the signature.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Change {
    /// What changed.
    pub kind: ChangeKind,
    /// The revision that made the change (index into the document's revisions, oldest 0; the
    /// number of revisions for bytes after the last one).
    pub revision: usize,
    /// The object concerned, `"num gen"`, when there is one.
    pub object: Option<String>,
    /// The fully qualified field name, for form fields and signatures.
    pub field: Option<String>,
    /// More detail: the dictionary key, the annotation subtype.
    pub detail: Option<String>,
    /// Whether the signature's permissions allow the change.
    pub allowed: bool,
    /// The finding code: why it is allowed or not (`spec/findings/changes.json`).
    pub code: &'static str,
    /// The DocMDP level judged against, if any (for the message).
    #[serde(skip)]
    pub(crate) docmdp: Option<u8>,
}

impl Change {
    /// This change as a finding, with its message in Vietnamese and English.
    pub fn finding(&self) -> Finding {
        self.to_finding("")
    }
}

impl Diagnostic for Change {
    fn code(&self) -> &'static str {
        self.code
    }

    fn args(&self) -> Vec<(&'static str, String)> {
        vec![
            ("revision", self.revision.to_string()),
            ("object", self.object.clone().unwrap_or_else(|| "-".into())),
            ("field", self.field.clone().unwrap_or_else(|| "-".into())),
            ("detail", self.detail.clone().unwrap_or_else(|| "-".into())),
            (
                "p",
                self.docmdp.map_or_else(|| "-".into(), |p| p.to_string()),
            ),
        ]
    }
}

/// A FieldMDP lock (ISO 32000-1 §12.8.2.4 Table 256).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct FieldLock {
    /// `All`, `Include` or `Exclude` (an unknown action is read as `All`).
    pub action: String,
    /// The field names the action names.
    pub fields: Vec<String>,
}

impl FieldLock {
    /// Whether the field `name` (fully qualified) is locked. A field is named by its own name or
    /// by an ancestor's (§12.7.3.2: `a.b` is a descendant of `a`). An unknown field (a value
    /// whose field could not be told) is locked by any lock: a verifier must not guess it free.
    pub fn locks(&self, name: Option<&str>) -> bool {
        let Some(name) = name else { return true };
        let named = self.fields.iter().any(|f| {
            name == f
                || name
                    .strip_prefix(f.as_str())
                    .is_some_and(|r| r.starts_with('.'))
        });
        match self.action.as_str() {
            "Include" => named,
            "Exclude" => !named,
            _ => true,
        }
    }
}

/// The permissions a signature's changes are judged against.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Permissions {
    /// The DocMDP level in force (1, 2 or 3): the lowest of this signature's own DocMDP
    /// transform and those of the certification signatures made at or before it; `None` when
    /// there is no DocMDP (approval signatures only).
    pub docmdp: Option<u8>,
    /// Whether this signature is a certification signature (has a DocMDP transform).
    pub certification: bool,
    /// FieldMDP locks of this signature and of the signatures made at or before it.
    pub locks: Vec<FieldLock>,
}

/// How the signed revision of a signature was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum RevisionBasis {
    /// The `/ByteRange` ends at the end of this revision (the normal case).
    ByteRange,
    /// The `/ByteRange` ends at no revision's end (the integrity stage reports it as broken);
    /// changes are counted after the revision that wrote the signature dictionary.
    SignatureDictionary,
}

/// The changes after one signature.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SignatureChanges {
    /// The signature field's fully qualified name.
    pub field: String,
    /// The signature dictionary's object, `"num gen"`.
    pub object: Option<String>,
    /// Whether it is a document timestamp.
    pub document_timestamp: bool,
    /// The signed revision (index, oldest 0).
    pub revision: usize,
    /// How that revision was found.
    pub revision_basis: RevisionBasis,
    /// The permissions judged against.
    pub permissions: Permissions,
    /// The verdict.
    pub modified_after_signing: Modification,
    /// Every change after the signed revision, in revision order.
    pub changes: Vec<Change>,
}

/// `"num gen"`.
pub(crate) fn object_id(r: ObjRef) -> String {
    format!("{} {}", r.num, r.generation)
}
