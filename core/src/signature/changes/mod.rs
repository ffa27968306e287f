//! Changes after signing (issue 6 point 3): for each signature of a PDF, what every later
//! incremental revision changed, each change judged allowed or not against the signature's
//! permissions, and the verdict `modified_after_signing` (none, allowed, disallowed).
//!
//! A signature covers its revision *r*: the revision its `/ByteRange` ends at (ISO 32000-1
//! §12.8.1; the integrity stage checks the range itself). Everything a later revision writes
//! (§7.5.6 incremental updates) is outside the signature, so a verifier that only checks the
//! digest passes documents changed after signing: the incremental saving attack (Mladenov et al.
//! 2019, "1 Trillion Dollar Refund") and the shadow attacks, which hide, replace, or hide and
//! replace content through changes that look permitted (Mainka, Mladenov, Rohlmann 2021). This
//! module compares the object graph as of each revision after *r* with the one before it:
//!
//! - the catalog (§7.7.2), the interactive form (§12.7.2), every form field (§12.7.3) and every
//!   page with its `/Annots` (§7.7.3, §12.5) key by key;
//! - every other object a revision redefines, by the role it plays in either revision: page
//!   content and resources, annotation appearances, field values, signature dictionaries, the
//!   document security store (ETSI EN 319 142-1 §5.4.2), metadata, logical structure;
//! - bytes after the last revision (never part of any revision).
//!
//! Each change gets a kind ([`ChangeKind`]) and is judged ([`Change::allowed`], with a finding
//! code) against [`Permissions`]: DocMDP P=1 allows nothing, P=2 form filling and signing, P=3
//! also annotations (§12.8.2.2 Table 254); FieldMDP locks fields (§12.8.2.4 Table 256); a
//! certification signature's P applies to the approval signatures made after it; validation
//! data and document timestamps are always allowed (ETSI EN 319 142-1 §5.4). Without DocMDP the
//! careful reading of spec/signature/changes.md applies: form filling, signing and new
//! annotations are allowed, changes to what the signed revision showed are not. Whatever the
//! permissions, page content or resources changed, pages added or removed, visible objects
//! overwritten under the same number, signature dictionaries changed, catalog actions and
//! anything unclassified are never allowed: the shadow and incremental saving attacks cannot
//! yield `allowed`.
//!
//! The public interface is [`analyse`] (every signature of a document), [`changes_after`] (one
//! signed revision with given permissions), [`signed_revision`], [`permissions`], the report
//! types and [`ChangesError`]. Work is bounded: [`MAX_WORK`] steps for one analysis and
//! [`MAX_GRAPH_OBJECTS`] objects per revision, each with its typed error.

mod diff;
mod error;
mod graph;
mod overlay;
mod report;
mod rules;

#[cfg(test)]
mod tests;

pub use error::ChangesError;
pub(crate) use report::object_id;
pub use report::{
    Change, ChangeKind, FieldLock, Modification, Permissions, RevisionBasis, SignatureChanges,
};

use crate::signature::pdf::{Document, ObjRef, SignatureDict, SignatureKind};
use diff::{Permit, Raw};
use graph::{walk, Work};

/// Most steps (objects loaded, values walked) one analysis may take over all revisions. The
/// largest file of the shared corpus (25 signatures and timestamps, 3.4 MB) takes 640 000; a
/// hostile file that uses the whole budget costs under a second (0.9 s measured, release build), then is
/// refused with [`ChangesError::TooMuchWork`].
pub const MAX_WORK: usize = 4_000_000;

/// Most objects reachable from one revision's catalog.
pub const MAX_GRAPH_OBJECTS: usize = 500_000;

/// Bytes that may follow the last `%%EOF` without being a change: whitespace and NUL padding.
fn is_padding(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\r' | b'\n' | b'\x0c' | 0)
}

/// The changes every revision after `from` made, by revision: `(revision, raw changes)`.
struct Timeline {
    revisions: Vec<(usize, Vec<Raw>)>,
}

impl Timeline {
    fn build(doc: &Document<'_>, from: usize) -> Result<Self, ChangesError> {
        Self::build_within(doc, from, MAX_WORK)
    }

    /// [`Timeline::build`] with a work budget of `limit` steps.
    fn build_within(doc: &Document<'_>, from: usize, limit: usize) -> Result<Self, ChangesError> {
        let work = Work::new(limit);
        let count = doc.revisions().len();
        let mut revisions = Vec::new();
        if from + 1 < count {
            let mut prev = walk(&doc.view(from)?, &work)?;
            for k in from + 1..count {
                let next = walk(&doc.view(k)?, &work)?;
                let mut raws = diff::revision_changes(doc, k, &prev, &next, &work)?;
                // A document timestamp's field, widget and form flags are part of it (ETSI EN
                // 319 142-1 §5.4: DocMDP does not apply to document timestamps).
                let timestamp_only = raws.iter().any(|r| r.kind == ChangeKind::TimestampAdded)
                    && !raws.iter().any(|r| r.kind == ChangeKind::SignatureAdded);
                if timestamp_only {
                    for r in &mut raws {
                        if r.kind == ChangeKind::FormSettings && r.permit == Permit::Signing {
                            r.permit = Permit::Always;
                        }
                    }
                }
                revisions.push((k, raws));
                prev = next;
            }
        }
        if let Some(tail) = doc.tail() {
            if !doc.bytes()[tail.clone()].iter().all(|b| is_padding(*b)) {
                let raw = Raw {
                    kind: ChangeKind::TrailingData,
                    permit: Permit::Never(rules::code::TRAILING_DATA),
                    object: None,
                    field: None,
                    detail: Some(format!("{}..{}", tail.start, tail.end)),
                };
                revisions.push((count, vec![raw]));
            }
        }
        Ok(Self { revisions })
    }

    fn judge(&self, signed: usize, perms: &Permissions) -> (Modification, Vec<Change>) {
        let changes: Vec<Change> = self
            .revisions
            .iter()
            .filter(|(k, _)| *k > signed)
            .flat_map(|(k, raws)| {
                raws.iter()
                    .map(move |r| rules::change(r, *k, signed, perms))
            })
            .collect();
        let modified = if changes.is_empty() {
            Modification::None
        } else if changes.iter().all(|c| c.allowed) {
            Modification::Allowed
        } else {
            Modification::Disallowed
        };
        (modified, changes)
    }
}

/// The changes made after revision `signed`, judged against `perms`: the verdict and every
/// change in revision order.
pub fn changes_after(
    doc: &Document<'_>,
    signed: usize,
    perms: &Permissions,
) -> Result<(Modification, Vec<Change>), ChangesError> {
    doc.view(signed)?;
    Ok(Timeline::build(doc, signed)?.judge(signed, perms))
}

/// The revision a signature signed: the one its `/ByteRange` ends at (ISO 32000-1 §12.8.1),
/// else the first revision that defined its signature dictionary's object (the byte range is
/// then broken, which the integrity stage reports), else the newest.
pub fn signed_revision(doc: &Document<'_>, sig: &SignatureDict<'_>) -> (usize, RevisionBasis) {
    let end = sig.byte_range.as_ref().and_then(|br| match br[..] {
        [_, _, start, len] => usize::try_from(start.checked_add(len)?).ok(),
        _ => None,
    });
    if let Some(rev) = end.and_then(|e| doc.revision_ending_at(e)) {
        return (rev.index, RevisionBasis::ByteRange);
    }
    // The first revision of the dictionary's object, not the one that last rewrote it: a
    // later revision must not move the point changes are counted from.
    let count = doc.revisions().len();
    let first = sig.object.map(|o| diff::existed_since(doc, o.num, count));
    (
        first
            .filter(|f| *f < count)
            .or(sig.defined_in)
            .unwrap_or(count.saturating_sub(1)),
        RevisionBasis::SignatureDictionary,
    )
}

/// A DocMDP level as the reader found it: absent means 2 (§12.8.2.2 Table 254); a value other
/// than 1, 2 or 3 is read as 1, the strictest (a verifier must not widen what was granted).
fn docmdp_level(p: Option<i64>) -> u8 {
    match p.unwrap_or(2) {
        2 => 2,
        3 => 3,
        _ => 1,
    }
}

/// What `sig` itself grants: its DocMDP level, if it is a certification signature (a DocMDP
/// transform, or the signature the catalog's `/Perms /DocMDP` names), or if its field's `/Lock`
/// gives `/P` (ISO 32000-2 §12.7.5.5: the permissions the signing grants; the stricter level
/// counts); and its FieldMDP locks, from its FieldMDP transforms and from its field's `/Lock`
/// (ISO 32000-1 §12.7.4.5 Table 233: the fields locked once the field is signed).
fn own_permissions(
    sig: &SignatureDict<'_>,
    certified: Option<ObjRef>,
) -> (Option<u8>, Vec<FieldLock>) {
    let lock_p = sig
        .lock
        .as_ref()
        .and_then(|l| l.permissions)
        .map(|p| docmdp_level(Some(p)));
    let mut docmdp = sig
        .references
        .iter()
        .filter(|r| r.method.as_deref() == Some("DocMDP"))
        .map(|r| docmdp_level(r.permissions))
        .chain(lock_p)
        .min();
    if docmdp.is_none() && certified.is_some() && certified == sig.object {
        docmdp = Some(2);
    }
    let mut locks: Vec<FieldLock> = Vec::new();
    let transforms = sig
        .references
        .iter()
        .filter(|r| r.method.as_deref() == Some("FieldMDP"));
    for r in transforms.chain(sig.lock.as_ref()) {
        let lock = FieldLock {
            action: r.action.clone().unwrap_or_else(|| "All".into()),
            fields: r.fields.clone(),
        };
        if !locks.contains(&lock) {
            locks.push(lock);
        }
    }
    (docmdp, locks)
}

/// The permissions of the signature at index `which` of `sigs` (each with its signed
/// revision): its own DocMDP and FieldMDP, and those of every signature made at or before its
/// revision (a certification's P governs the approvals after it, §12.8.2.2; a lock stays).
pub fn permissions(
    sigs: &[(&SignatureDict<'_>, usize)],
    which: usize,
    certified: Option<ObjRef>,
) -> Permissions {
    let Some(&(me, mine)) = sigs.get(which) else {
        return Permissions {
            docmdp: None,
            certification: false,
            locks: Vec::new(),
        };
    };
    let (own, _) = own_permissions(me, certified);
    let mut docmdp = own;
    let mut locks = Vec::new();
    for (i, (s, rev)) in sigs.iter().enumerate() {
        if *rev > mine && i != which {
            continue;
        }
        let (p, l) = own_permissions(s, certified);
        docmdp = match (docmdp, p) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        for lock in l {
            if !locks.contains(&lock) {
                locks.push(lock);
            }
        }
    }
    // A certification signature has a DocMDP transform or is the catalog's `/Perms /DocMDP`; a
    // field lock's /P restricts like one without making the signature a certification.
    let certification = me
        .references
        .iter()
        .any(|r| r.method.as_deref() == Some("DocMDP"))
        || (certified.is_some() && certified == me.object);
    Permissions {
        docmdp,
        certification,
        locks,
    }
}

/// The changes after every signature and document timestamp of `doc` (as its newest revision
/// lists them, §12.7.3.1), in field order; a signature dictionary referenced from several
/// fields is reported once.
pub fn analyse(doc: &Document<'_>) -> Result<Vec<SignatureChanges>, ChangesError> {
    let sigs = doc.latest().signatures()?;
    let mut seen = Vec::new();
    let mut list = Vec::new();
    for field in &sigs.fields {
        let Some(sig) = field.signature.as_ref() else {
            continue;
        };
        if let Some(o) = sig.object {
            if seen.contains(&o) {
                continue;
            }
            seen.push(o);
        }
        let (rev, basis) = signed_revision(doc, sig);
        list.push((field, sig, rev, basis));
    }
    let Some(from) = list.iter().map(|s| s.2).min() else {
        return Ok(Vec::new());
    };
    let timeline = Timeline::build(doc, from)?;
    let pairs: Vec<(&SignatureDict<'_>, usize)> = list.iter().map(|s| (s.1, s.2)).collect();
    Ok(list
        .iter()
        .enumerate()
        .map(|(i, (field, sig, rev, basis))| {
            let perms = permissions(&pairs, i, sigs.docmdp);
            let (modified, changes) = timeline.judge(*rev, &perms);
            SignatureChanges {
                field: field.name.clone(),
                object: sig.object.map(object_id),
                document_timestamp: sig.kind == SignatureKind::DocTimeStamp,
                revision: *rev,
                revision_basis: *basis,
                permissions: perms,
                modified_after_signing: modified,
                changes,
            }
        })
        .collect())
}
