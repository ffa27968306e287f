//! What one revision changed compared with the revision before it, independent of any
//! signature's permissions: each change with its kind and the permission that would allow it
//! ([`Permit`]). [`super::rules`] then judges the changes against one signature.
//!
//! The catalog, the form, the fields, the pages and their `/Annots` are compared key by key as
//! of both revisions; every other object the revision redefines is classified by the role it
//! plays in either revision ([`super::graph`]). Every difference found is reported: a key or a
//! role that no rule names is [`ChangeKind::Other`], which is never allowed.

use std::collections::{BTreeMap, BTreeSet, HashSet};

use super::graph::{load, role, Graph, Work};
use super::report::ChangeKind;
use super::rules::code;
use super::ChangesError;
use crate::signature::pdf::{Dict, Document, Entry, ObjRef, Object, View};

/// What would allow a change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Permit {
    /// Always allowed, whatever DocMDP says: validation data and document timestamps (ETSI EN
    /// 319 142-1 §5.4: DocMDP restrictions do not apply to them).
    Always,
    /// Signing (DocMDP P=2 and 3, or no DocMDP).
    Signing,
    /// Filling in the named field (P=2 and 3, or no DocMDP; not if a FieldMDP lock covers it).
    FormFill(Option<String>),
    /// Adding an annotation (P=3, or no DocMDP).
    AnnotationAdd,
    /// Changing or removing an annotation whose object exists since the given revision (P=3;
    /// without DocMDP only if it was added after the signed revision).
    AnnotationEdit(usize),
    /// Metadata and logical structure (P=2 and 3, or no DocMDP).
    Metadata,
    /// Never allowed, for the reason the finding code gives.
    Never(&'static str),
}

/// One change a revision made.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Raw {
    pub(super) kind: ChangeKind,
    pub(super) permit: Permit,
    pub(super) object: Option<ObjRef>,
    pub(super) field: Option<String>,
    pub(super) detail: Option<String>,
}

fn raw(kind: ChangeKind, permit: Permit) -> Raw {
    Raw {
        kind,
        permit,
        object: None,
        field: None,
        detail: None,
    }
}

impl Raw {
    fn on(mut self, num: u32) -> Self {
        self.object = Some(ObjRef { num, generation: 0 });
        self
    }
    fn at(mut self, r: Option<ObjRef>) -> Self {
        self.object = r;
        self
    }
    fn field(mut self, name: &str) -> Self {
        self.field = Some(name.to_owned());
        self
    }
    fn detail(mut self, d: impl Into<String>) -> Self {
        self.detail = Some(d.into());
        self
    }
}

/// Whether two objects have the same content: strings by their bytes, streams by dictionary and
/// stored data, dictionaries as maps (key order does not matter; a repeated key's values must
/// all agree), references by number and generation. Positions in the file do not matter.
pub(super) fn same(a: &Object<'_>, b: &Object<'_>) -> bool {
    match (a, b) {
        (Object::Null, Object::Null) => true,
        (Object::Bool(x), Object::Bool(y)) => x == y,
        (Object::Int(x), Object::Int(y)) => x == y,
        (Object::Real(x), Object::Real(y)) => x.to_bits() == y.to_bits() || x == y,
        // `612` and `612.0` are the same number (§7.3.3); writers change the notation.
        #[allow(clippy::cast_precision_loss)]
        (Object::Int(i), Object::Real(r)) | (Object::Real(r), Object::Int(i)) => *i as f64 == *r,
        (Object::String(x), Object::String(y)) => x.bytes == y.bytes,
        (Object::Name(x), Object::Name(y)) => x == y,
        (Object::Array(x), Object::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(a, b)| same(a, b))
        }
        (Object::Dict(x), Object::Dict(y)) => same_dict(x, y),
        (Object::Stream(x), Object::Stream(y)) => x.data == y.data && same_dict(&x.dict, &y.dict),
        (Object::Ref(x), Object::Ref(y)) => x == y,
        _ => false,
    }
}

fn by_key<'x, 'd>(d: &'x Dict<'d>) -> BTreeMap<&'x [u8], Vec<&'x Object<'d>>> {
    let mut m: BTreeMap<&[u8], Vec<&Object<'d>>> = BTreeMap::new();
    for (k, v) in &d.entries {
        m.entry(&k.0).or_default().push(v);
    }
    m
}

fn same_dict(a: &Dict<'_>, b: &Dict<'_>) -> bool {
    a.entries.len() == b.entries.len() && differing_keys(Some(a), Some(b)).is_empty()
}

/// The keys whose values differ between `a` and `b` (absent dictionaries are empty).
pub(super) fn differing_keys(a: Option<&Dict<'_>>, b: Option<&Dict<'_>>) -> Vec<String> {
    let empty = Dict::default();
    let (ma, mb) = (by_key(a.unwrap_or(&empty)), by_key(b.unwrap_or(&empty)));
    let keys: BTreeSet<&[u8]> = ma.keys().chain(mb.keys()).copied().collect();
    keys.into_iter()
        .filter(|k| {
            let (va, vb) = (ma.get(k), mb.get(k));
            match (va, vb) {
                (Some(x), Some(y)) => {
                    x.len() != y.len() || x.iter().zip(y.iter()).any(|(a, b)| !same(a, b))
                }
                _ => true,
            }
        })
        .map(|k| String::from_utf8_lossy(k).into_owned())
        .collect()
}

/// The revision since which object `num` has existed without being freed, as of revision `k`
/// (exclusive): `k` when it is new in `k`.
pub(super) fn existed_since(doc: &Document<'_>, num: u32, k: usize) -> usize {
    let mut since = None;
    for rev in &doc.revisions()[..k] {
        match rev.entries.get(&num) {
            Some(Entry::Free { .. }) => since = None,
            Some(_) => {
                since.get_or_insert(rev.index);
            }
            None => {}
        }
    }
    since.unwrap_or(k)
}

/// A page or page-tree key that differs: what the page draws (ISO 32000-1 §7.7.3.3 Table 30,
/// §7.7.3.4 inheritance) is page content; page actions are never allowed; metadata and
/// structure keys are metadata; a key the standard does not define is ignored by viewers and
/// reported as metadata.
fn page_key(key: &str) -> Raw {
    match key {
        "Contents"
        | "Resources"
        | "MediaBox"
        | "CropBox"
        | "BleedBox"
        | "TrimBox"
        | "ArtBox"
        | "BoxColorInfo"
        | "Rotate"
        | "Group"
        | "Thumb"
        | "B"
        | "Dur"
        | "Trans"
        | "UserUnit"
        | "VP"
        | "PresSteps"
        | "SeparationInfo"
        | "Parent"
        | "Type"
        | "TemplateInstantiated"
        | "OutputIntents"
        | "DPart" => raw(ChangeKind::PageContent, Permit::Never(code::PAGE_CONTENT)),
        "AA" => raw(ChangeKind::Catalog, Permit::Never(code::CATALOG)),
        "StructParents" | "Tabs" => raw(ChangeKind::Structure, Permit::Metadata),
        _ => raw(ChangeKind::Metadata, Permit::Metadata),
    }
}

fn is_timestamp(d: &Dict<'_>) -> bool {
    d.has_name("Type", "DocTimeStamp") || d.has_name("SubFilter", "ETSI.RFC3161")
}

fn subtype(d: Option<&Dict<'_>>) -> String {
    d.and_then(|d| d.get("Subtype"))
        .and_then(Object::as_name)
        .map_or_else(|| "?".to_owned(), |n| n.text())
}

fn is_widget(d: Option<&Dict<'_>>) -> bool {
    d.is_some_and(|d| d.has_name("Subtype", "Widget"))
}

struct Pass<'p, 'd, 'a> {
    doc: &'d Document<'a>,
    k: usize,
    old: View<'d, 'a>,
    new: View<'d, 'a>,
    g0: &'p Graph,
    g1: &'p Graph,
    work: &'p Work,
    changed: BTreeMap<u32, (Object<'d>, Object<'d>)>,
    /// Fields whose value was set, or that were signed or created, in this revision.
    filled: HashSet<u32>,
    /// Annotations added to a page in this revision.
    added: HashSet<u32>,
    /// Text boxes of pages as of the previous revision (`None`: content not decodable).
    boxes: BTreeMap<u32, Option<Vec<super::overlay::Rect>>>,
    out: Vec<Raw>,
}

impl<'d, 'a: 'd> Pass<'_, 'd, 'a> {
    fn push(&mut self, r: Raw) {
        self.out.push(r);
    }

    fn resolve_dict(
        &self,
        view: &View<'d, 'a>,
        obj: Option<&Object<'d>>,
    ) -> Result<Option<Dict<'d>>, ChangesError> {
        let Some(obj) = obj else { return Ok(None) };
        let v = view.resolve(obj)?;
        self.work.spend(1)?;
        Ok(v.as_dict().cloned())
    }

    fn resolve_array(
        &self,
        view: &View<'d, 'a>,
        obj: Option<&Object<'d>>,
    ) -> Result<Vec<Object<'d>>, ChangesError> {
        let Some(obj) = obj else {
            return Ok(Vec::new());
        };
        let v = view.resolve(obj)?;
        self.work.spend(1)?;
        Ok(v.as_array().map(<[_]>::to_vec).unwrap_or_default())
    }

    fn trailer(&mut self) {
        let keys = differing_keys(Some(self.old.trailer()), Some(self.new.trailer()));
        for key in keys {
            match key.as_str() {
                "Info" => self.push(raw(ChangeKind::Metadata, Permit::Metadata).detail("Info")),
                "Encrypt" => self.push(
                    raw(ChangeKind::Other, Permit::Never(code::UNCLASSIFIED)).detail("Encrypt"),
                ),
                // Cross-reference bookkeeping of each revision.
                _ => {}
            }
        }
    }

    fn catalog(&mut self) -> Result<(), ChangesError> {
        let c0 = self.old.catalog().ok();
        let c1 = self.new.catalog().ok();
        if c1.is_none() {
            self.push(raw(ChangeKind::Catalog, Permit::Never(code::CATALOG)).detail("Root"));
            return Ok(());
        }
        for key in differing_keys(c0.as_ref(), c1.as_ref()) {
            let r = match key.as_str() {
                "Pages" => {
                    if self.g0.pages == self.g1.pages {
                        raw(ChangeKind::PageContent, Permit::Never(code::PAGE_CONTENT))
                    } else {
                        continue; // reported as pages added or removed
                    }
                }
                "AcroForm" | "Names" => continue, // compared by `form` and `names`
                "DSS" => raw(ChangeKind::Dss, Permit::Always),
                "Metadata" | "Extensions" | "Version" => {
                    raw(ChangeKind::Metadata, Permit::Metadata)
                }
                "StructTreeRoot" | "MarkInfo" => raw(ChangeKind::Structure, Permit::Metadata),
                _ => raw(ChangeKind::Catalog, Permit::Never(code::CATALOG)),
            };
            self.push(r.detail(key));
        }
        Ok(())
    }

    /// The name dictionary (§7.7.4): named appearances (`/AP`, which annotation tools add with
    /// comments) follow the annotation rules; JavaScript, embedded files, templates and every
    /// other name tree are catalog changes.
    fn names(&mut self) -> Result<(), ChangesError> {
        let n0 = match self.old.catalog().ok() {
            Some(c) => self.resolve_dict(&self.old, c.get("Names"))?,
            None => None,
        };
        let n1 = match self.new.catalog().ok() {
            Some(c) => self.resolve_dict(&self.new, c.get("Names"))?,
            None => None,
        };
        for key in differing_keys(n0.as_ref(), n1.as_ref()) {
            let r = if key == "AP" {
                raw(ChangeKind::AnnotationAdded, Permit::AnnotationAdd)
            } else {
                raw(ChangeKind::Catalog, Permit::Never(code::CATALOG))
            };
            self.push(r.detail(format!("Names {key}")));
        }
        Ok(())
    }

    fn form(&mut self) -> Result<(), ChangesError> {
        let f0 = match self.old.catalog().ok() {
            Some(c) => self.resolve_dict(&self.old, c.get("AcroForm"))?,
            None => None,
        };
        let f1 = match self.new.catalog().ok() {
            Some(c) => self.resolve_dict(&self.new, c.get("AcroForm"))?,
            None => None,
        };
        match (&f0, &f1) {
            (None, None) => {}
            (None, Some(_)) => {
                self.push(raw(ChangeKind::FormSettings, Permit::Signing).detail("AcroForm"))
            }
            (Some(_), None) => self.push(
                raw(
                    ChangeKind::FormSettings,
                    Permit::Never(code::FORM_STRUCTURE),
                )
                .detail("AcroForm"),
            ),
            (Some(a), Some(b)) => {
                for key in differing_keys(Some(a), Some(b)) {
                    let r = match key.as_str() {
                        "Fields" => continue, // compared field by field
                        "SigFlags" | "DR" | "DA" => raw(ChangeKind::FormSettings, Permit::Signing),
                        _ => raw(
                            ChangeKind::FormSettings,
                            Permit::Never(code::FORM_STRUCTURE),
                        ),
                    };
                    self.push(r.detail(key));
                }
            }
        }
        Ok(())
    }

    fn field_signed(
        &mut self,
        num: u32,
        name: &str,
        value: &Object<'d>,
    ) -> Result<(), ChangesError> {
        let d = self.resolve_dict(&self.new, Some(value))?;
        let r = if d.as_ref().is_some_and(is_timestamp) {
            raw(ChangeKind::TimestampAdded, Permit::Always)
        } else {
            raw(ChangeKind::SignatureAdded, Permit::Signing)
        };
        self.filled.insert(num);
        self.push(
            r.on(num)
                .field(name)
                .at(value.as_ref().or(Some(ObjRef { num, generation: 0 }))),
        );
        Ok(())
    }

    fn fields(&mut self) -> Result<Vec<(u32, String)>, ChangesError> {
        let mut appearance_keys = Vec::new();
        let g1_fields: Vec<(u32, super::graph::Field)> = self
            .g1
            .fields
            .iter()
            .map(|(n, f)| (*n, f.clone()))
            .collect();
        for (num, f1) in g1_fields {
            let name = f1.name.clone();
            let Some(f0) = self.g0.fields.get(&num) else {
                self.filled.insert(num);
                let d1 = load(&self.new, num, self.work)?;
                let value = d1
                    .as_dict()
                    .and_then(|d| d.get("V"))
                    .filter(|v| **v != Object::Null)
                    .cloned();
                match (f1.is_sig(), value) {
                    (true, Some(v)) => self.field_signed(num, &name, &v)?,
                    (true, None) => self.push(
                        raw(ChangeKind::FieldAdded, Permit::Signing)
                            .on(num)
                            .field(&name)
                            .detail("Sig"),
                    ),
                    (false, _) => self.push(
                        raw(ChangeKind::FieldAdded, Permit::AnnotationAdd)
                            .on(num)
                            .field(&name)
                            .detail(f1.ft.clone().unwrap_or_default()),
                    ),
                }
                continue;
            };
            let was_sig = f0.is_sig();
            let Some((a, b)) = self.changed.get(&num).cloned() else {
                continue;
            };
            let (da, db) = (a.as_dict(), b.as_dict());
            for key in differing_keys(da, db) {
                let permit = match key.as_str() {
                    "V" => {
                        let old_v = da.and_then(|d| d.get("V")).filter(|v| **v != Object::Null);
                        let new_v = db.and_then(|d| d.get("V")).cloned();
                        if f1.is_sig() && was_sig {
                            match (old_v, new_v) {
                                (None, Some(v)) => {
                                    self.field_signed(num, &name, &v)?;
                                    continue;
                                }
                                _ => Permit::Never(code::SIGNATURE_CHANGED),
                            }
                        } else if !f1.is_sig() && !was_sig {
                            self.filled.insert(num);
                            let r =
                                raw(ChangeKind::FormFilled, Permit::FormFill(Some(name.clone())));
                            self.push(r.on(num).field(&name));
                            continue;
                        } else {
                            Permit::Never(code::FORM_STRUCTURE)
                        }
                    }
                    "AP" | "AS" | "MK" | "F" => {
                        appearance_keys.push((num, key));
                        continue;
                    }
                    "DA" | "Q" | "DS" | "RV" | "Ff" | "I" | "M" => {
                        let r = raw(ChangeKind::FormFilled, Permit::FormFill(Some(name.clone())));
                        self.push(r.on(num).field(&name).detail(key));
                        continue;
                    }
                    "Lock" | "SV" => {
                        self.push(
                            raw(ChangeKind::FieldChanged, Permit::Signing)
                                .on(num)
                                .field(&name)
                                .detail(key),
                        );
                        continue;
                    }
                    "StructParent" => {
                        self.push(
                            raw(ChangeKind::Structure, Permit::Metadata)
                                .on(num)
                                .field(&name)
                                .detail(key),
                        );
                        continue;
                    }
                    "Rect" | "Border" | "BS" | "C" | "CA" | "Contents" | "NM" | "H" | "OC"
                    | "P" => {
                        let since = existed_since(self.doc, num, self.k);
                        let r = raw(ChangeKind::AnnotationChanged, Permit::AnnotationEdit(since));
                        self.push(r.on(num).field(&name).detail(key));
                        continue;
                    }
                    _ => Permit::Never(if was_sig {
                        code::SIGNATURE_CHANGED
                    } else {
                        code::FORM_STRUCTURE
                    }),
                };
                let kind = if was_sig {
                    ChangeKind::SignatureChanged
                } else {
                    ChangeKind::FieldChanged
                };
                self.push(raw(kind, permit).on(num).field(&name).detail(key));
            }
        }
        let removed: Vec<(u32, super::graph::Field)> = self
            .g0
            .fields
            .iter()
            .filter(|(n, _)| !self.g1.fields.contains_key(n))
            .map(|(n, f)| (*n, f.clone()))
            .collect();
        for (num, f0) in removed {
            let r = if f0.is_sig() {
                raw(
                    ChangeKind::SignatureChanged,
                    Permit::Never(code::SIGNATURE_CHANGED),
                )
            } else {
                raw(
                    ChangeKind::FieldRemoved,
                    Permit::Never(code::FORM_STRUCTURE),
                )
            };
            self.push(r.on(num).field(&f0.name));
        }
        Ok(appearance_keys)
    }

    fn field_name(&self, num: u32) -> Option<String> {
        self.g1
            .fields
            .get(&num)
            .or_else(|| self.g0.fields.get(&num))
            .map(|f| f.name.clone())
    }

    fn widget_field(&self, annot: u32) -> Option<u32> {
        self.g1
            .widget_field
            .get(&annot)
            .or_else(|| self.g0.widget_field.get(&annot))
            .copied()
    }

    fn pages(&mut self) -> Result<(), ChangesError> {
        let set0: HashSet<ObjRef> = self.g0.pages.iter().copied().collect();
        let set1: HashSet<ObjRef> = self.g1.pages.iter().copied().collect();
        for p in self.g1.pages.clone() {
            if !set0.contains(&p) {
                self.push(raw(ChangeKind::PageAdded, Permit::Never(code::PAGE_ADDED)).at(Some(p)));
            }
        }
        for p in self.g0.pages.clone() {
            if !set1.contains(&p) {
                self.push(
                    raw(ChangeKind::PageRemoved, Permit::Never(code::PAGE_REMOVED)).at(Some(p)),
                );
            }
        }
        let common0: Vec<ObjRef> = self
            .g0
            .pages
            .iter()
            .filter(|p| set1.contains(p))
            .copied()
            .collect();
        let common1: Vec<ObjRef> = self
            .g1
            .pages
            .iter()
            .filter(|p| set0.contains(p))
            .copied()
            .collect();
        if common0 != common1 {
            self.push(
                raw(ChangeKind::PageContent, Permit::Never(code::PAGE_CONTENT))
                    .detail("page order"),
            );
        }
        for p in common1 {
            let d0 = load(&self.old, p.num, self.work)?.as_dict().cloned();
            let d1 = load(&self.new, p.num, self.work)?.as_dict().cloned();
            if self.changed.contains_key(&p.num) {
                for key in differing_keys(d0.as_ref(), d1.as_ref()) {
                    let r = match key.as_str() {
                        "Annots" => continue,
                        _ => page_key(&key),
                    };
                    self.push(r.at(Some(p)).detail(key));
                }
            }
            let l0 = self.resolve_array(&self.old, d0.as_ref().and_then(|d| d.get("Annots")))?;
            let l1 = self.resolve_array(&self.new, d1.as_ref().and_then(|d| d.get("Annots")))?;
            self.annots(p, &l0, &l1)?;
        }
        Ok(())
    }

    fn annots(
        &mut self,
        page: ObjRef,
        l0: &[Object<'d>],
        l1: &[Object<'d>],
    ) -> Result<(), ChangesError> {
        let refs0: Vec<ObjRef> = l0.iter().filter_map(Object::as_ref).collect();
        let refs1: Vec<ObjRef> = l1.iter().filter_map(Object::as_ref).collect();
        let (s0, s1): (HashSet<ObjRef>, HashSet<ObjRef>) = (
            refs0.iter().copied().collect(),
            refs1.iter().copied().collect(),
        );
        for r in refs1.iter().filter(|r| !s0.contains(r)) {
            let d = load(&self.new, r.num, self.work)?;
            let d = d.as_dict();
            self.added.insert(r.num);
            if is_widget(d) {
                if let Some(f) = self.widget_field(r.num) {
                    if !self.g0.fields.contains_key(&f) {
                        // The new field is reported by `fields`; a new field other than a
                        // signature field must not cover signed text either.
                        let sig = self
                            .g1
                            .fields
                            .get(&f)
                            .is_some_and(super::graph::Field::is_sig);
                        if !sig && self.covers_text(page, d)? {
                            let r2 = raw(
                                ChangeKind::FieldAdded,
                                Permit::Never(code::ANNOTATION_OVERLAY),
                            );
                            let r2 = match self.field_name(f) {
                                Some(n) => r2.field(&n),
                                None => r2,
                            };
                            self.push(r2.at(Some(*r)).detail("Widget"));
                        }
                        continue;
                    }
                }
            }
            let permit = if self.covers_text(page, d)? {
                Permit::Never(code::ANNOTATION_OVERLAY)
            } else {
                Permit::AnnotationAdd
            };
            let r2 = raw(ChangeKind::AnnotationAdded, permit);
            self.push(r2.at(Some(*r)).detail(subtype(d)));
        }
        for r in refs0.iter().filter(|r| !s1.contains(r)) {
            let d = load(&self.old, r.num, self.work)?;
            let d = d.as_dict();
            let raw_change = match self.g0.widget_field.get(&r.num) {
                Some(f) if is_widget(d) => {
                    if !self.g1.fields.contains_key(f) {
                        continue; // reported as the field's removal
                    }
                    let sig = self
                        .g0
                        .fields
                        .get(f)
                        .is_some_and(super::graph::Field::is_sig);
                    let r = if sig {
                        raw(
                            ChangeKind::SignatureChanged,
                            Permit::Never(code::SIGNATURE_CHANGED),
                        )
                    } else {
                        raw(
                            ChangeKind::AnnotationRemoved,
                            Permit::Never(code::FORM_STRUCTURE),
                        )
                    };
                    match self.field_name(*f) {
                        Some(n) => r.field(&n),
                        None => r,
                    }
                }
                _ => raw(
                    ChangeKind::AnnotationRemoved,
                    Permit::AnnotationEdit(existed_since(self.doc, r.num, self.k)),
                ),
            };
            self.push(raw_change.at(Some(*r)).detail(subtype(d)));
        }
        // Annotations written directly in /Annots (no object of their own).
        let direct = |l: &[Object<'d>]| -> Vec<Object<'d>> {
            l.iter().filter(|o| o.as_ref().is_none()).cloned().collect()
        };
        let (d0, d1) = (direct(l0), direct(l1));
        let page_since = existed_since(self.doc, page.num, self.k);
        for a in &d1 {
            if !d0.iter().any(|b| same(a, b)) {
                let permit = if self.covers_text(page, a.as_dict())? {
                    Permit::Never(code::ANNOTATION_OVERLAY)
                } else {
                    Permit::AnnotationAdd
                };
                let r = raw(ChangeKind::AnnotationAdded, permit);
                self.push(r.at(Some(page)).detail(subtype(a.as_dict())));
            }
        }
        for a in &d0 {
            if !d1.iter().any(|b| same(a, b)) {
                let r = raw(
                    ChangeKind::AnnotationRemoved,
                    Permit::AnnotationEdit(page_since),
                );
                self.push(r.at(Some(page)).detail(subtype(a.as_dict())));
            }
        }
        // Painting order of the annotations kept (§12.5.2: later ones are drawn over earlier).
        let kept0: Vec<ObjRef> = refs0.iter().filter(|r| s1.contains(r)).copied().collect();
        let kept1: Vec<ObjRef> = refs1.iter().filter(|r| s0.contains(r)).copied().collect();
        if kept0 != kept1 {
            let r = raw(
                ChangeKind::AnnotationChanged,
                Permit::AnnotationEdit(page_since),
            );
            self.push(r.at(Some(page)).detail("order"));
        }
        Ok(())
    }

    /// Whether an annotation added to `page` lies over text the page showed before this
    /// revision (shadow attack, hide via overlay): it is visible (not `Hidden` or `NoView`,
    /// §12.5.3), not a link or pop-up (which draw nothing by themselves), and its `/Rect`
    /// overlaps a text box of the page ([`super::overlay`]). A page whose content cannot be
    /// decoded counts as text everywhere.
    fn covers_text(
        &mut self,
        page: ObjRef,
        annot: Option<&Dict<'d>>,
    ) -> Result<bool, ChangesError> {
        let Some(a) = annot else { return Ok(false) };
        let flags = a.get("F").and_then(Object::as_int).unwrap_or(0);
        if flags & (2 | 32) != 0 || a.has_name("Subtype", "Link") || a.has_name("Subtype", "Popup")
        {
            return Ok(false);
        }
        let rect = self.resolve_array(&self.new, a.get("Rect"))?;
        let rect: Vec<f64> = rect.iter().filter_map(Object::as_number).collect();
        let [x0, y0, x1, y1] = rect[..] else {
            return Ok(false);
        };
        let rect = [x0, y0, x1, y1];
        if !self.boxes.contains_key(&page.num) {
            let d0 = load(&self.old, page.num, self.work)?;
            let contents = d0.as_dict().and_then(|d| d.get("Contents")).cloned();
            let boxes =
                super::overlay::text_boxes(self.doc, &self.old, contents.as_ref(), self.work)?;
            self.boxes.insert(page.num, boxes);
        }
        Ok(match self.boxes.get(&page.num) {
            Some(Some(boxes)) => boxes.iter().any(|b| super::overlay::overlaps(b, &rect)),
            _ => true,
        })
    }

    /// Annotations listed before and after whose dictionary changed (merged field widgets are
    /// compared by `fields`).
    fn annotation_dicts(&mut self, appearance_keys: &mut Vec<(u32, String)>) {
        let list: Vec<(u32, Object<'d>, Object<'d>)> = self
            .changed
            .iter()
            .filter(|(n, _)| {
                self.g0.roles_of(**n) & role::ANNOT != 0
                    && self.g1.roles_of(**n) & role::ANNOT != 0
                    && self.g0.roles_of(**n) & role::FIELD == 0
                    && self.g1.roles_of(**n) & role::FIELD == 0
            })
            .map(|(n, (a, b))| (*n, a.clone(), b.clone()))
            .collect();
        for (num, a, b) in list {
            let (da, db) = (a.as_dict(), b.as_dict());
            let widget_of = if is_widget(db) {
                self.widget_field(num)
            } else {
                None
            };
            let since = existed_since(self.doc, num, self.k);
            for key in differing_keys(da, db) {
                match (widget_of, key.as_str()) {
                    (Some(f), "AP" | "AS" | "MK" | "F") => appearance_keys.push((f, key)),
                    (Some(_), "StructParent") => {
                        self.push(
                            raw(ChangeKind::Structure, Permit::Metadata)
                                .on(num)
                                .detail(key),
                        );
                    }
                    _ => {
                        let r = raw(ChangeKind::AnnotationChanged, Permit::AnnotationEdit(since));
                        let r = match widget_of.and_then(|f| self.field_name(f)) {
                            Some(n) => r.field(&n),
                            None => r,
                        };
                        self.push(r.on(num).detail(format!("{} {key}", subtype(db))));
                    }
                }
            }
        }
    }

    /// Whether an annotation's appearance may change in this revision without its own report:
    /// it is the widget of a field filled or signed here, or an annotation added here.
    fn explained(&self, owner: u32) -> bool {
        self.added.contains(&owner)
            || self.filled.contains(&owner)
            || self
                .widget_field(owner)
                .is_some_and(|f| self.filled.contains(&f))
    }

    fn objects(&mut self) {
        let list: Vec<(u32, Object<'d>, Object<'d>)> = self
            .changed
            .iter()
            .map(|(n, (a, b))| (*n, a.clone(), b.clone()))
            .collect();
        for (num, a, _b) in list {
            let (r0, r1) = (self.g0.roles_of(num), self.g1.roles_of(num));
            let roles = r0 | r1;
            let existed = a != Object::Null;
            if roles & role::CONTENT != 0 {
                let r = if r0 & role::CONTENT != 0 && existed {
                    raw(
                        ChangeKind::ObjectOverwritten,
                        Permit::Never(code::OBJECT_OVERWRITTEN),
                    )
                } else {
                    raw(ChangeKind::PageContent, Permit::Never(code::PAGE_CONTENT))
                };
                self.push(r.on(num).detail("page content"));
                continue;
            }
            if roles & role::STRUCTURAL != 0 {
                continue; // compared key by key
            }
            if r0 & role::SIGNATURE != 0 {
                let r = raw(
                    ChangeKind::SignatureChanged,
                    Permit::Never(code::SIGNATURE_CHANGED),
                );
                self.push(r.on(num));
                continue;
            }
            if r1 & role::SIGNATURE != 0 {
                continue; // a new signature value, reported with its field
            }
            let owners: Vec<Option<u32>> = {
                let mut o: Vec<Option<u32>> = Vec::new();
                for g in [self.g0, self.g1] {
                    for x in g.owners.get(&num).into_iter().flatten() {
                        if !o.contains(x) {
                            o.push(*x);
                        }
                    }
                }
                o
            };
            // A new object reached through a changed object is reported with that object;
            // one reached only through an unchanged owner (a dangling reference now defined)
            // is reported itself.
            let owner_changed = owners
                .iter()
                .flatten()
                .any(|o| self.changed.contains_key(o));
            // Roles that are never allowed come first: an object shared with them is judged as
            // them, whatever else it also is.
            let never = if roles & role::PERMS != 0 {
                Some(raw(ChangeKind::Catalog, Permit::Never(code::CATALOG)).detail("Perms"))
            } else if roles & (role::DOCUMENT | role::FORM_DATA) != 0 {
                Some(raw(ChangeKind::Catalog, Permit::Never(code::CATALOG)).detail("document data"))
            } else if roles & role::FIELD_DATA != 0 {
                Some(raw(
                    ChangeKind::FieldChanged,
                    Permit::Never(code::FORM_STRUCTURE),
                ))
            } else {
                None
            };
            if let Some(r) = never {
                self.push(r.on(num));
                continue;
            }
            if roles & role::APPEARANCE != 0 {
                self.appearance(num, existed && r0 & role::APPEARANCE != 0, &owners);
            }
            let quiet = !existed
                && (owner_changed
                    || roles & (role::DSS | role::METADATA | role::STRUCTURE | role::NAMED_AP)
                        != 0);
            if quiet {
                continue;
            }
            let mut found = roles & role::APPEARANCE != 0;
            if roles & role::FIELD_VALUE != 0 {
                let name = owners
                    .iter()
                    .flatten()
                    .next()
                    .and_then(|f| self.field_name(*f));
                let r = raw(ChangeKind::FormFilled, Permit::FormFill(name.clone()));
                let r = match name {
                    Some(n) => r.field(&n),
                    None => r,
                };
                self.push(r.on(num));
                found = true;
            }
            if roles & role::ANNOT_DATA != 0 {
                let since = owners
                    .iter()
                    .map(|o| o.map_or(0, |o| existed_since(self.doc, o, self.k)))
                    .min()
                    .unwrap_or(0);
                let r = raw(ChangeKind::AnnotationChanged, Permit::AnnotationEdit(since));
                self.push(r.on(num).detail("annotation data"));
                found = true;
            }
            if roles & role::NAMED_AP != 0 {
                let since = existed_since(self.doc, num, self.k);
                let r = raw(ChangeKind::AnnotationChanged, Permit::AnnotationEdit(since));
                self.push(r.on(num).detail("named appearance"));
                found = true;
            }
            for (bit, kind, permit, detail) in [
                (role::DSS, ChangeKind::Dss, Permit::Always, None),
                (role::METADATA, ChangeKind::Metadata, Permit::Metadata, None),
                (
                    role::STRUCTURE,
                    ChangeKind::Structure,
                    Permit::Metadata,
                    None,
                ),
                (
                    role::FORM_RES,
                    ChangeKind::FormSettings,
                    Permit::Signing,
                    Some("DR"),
                ),
            ] {
                if roles & bit != 0 {
                    let r = raw(kind, permit).on(num);
                    self.push(match detail {
                        Some(d) => r.detail(d),
                        None => r,
                    });
                    found = true;
                }
            }
            if !found {
                self.push(raw(ChangeKind::Other, Permit::Never(code::UNCLASSIFIED)).on(num));
            }
        }
    }

    /// An appearance stream (or an object inside one) was written in this revision.
    fn appearance(&mut self, num: u32, overwritten: bool, owners: &[Option<u32>]) {
        for owner in owners {
            if !overwritten && owner.is_some_and(|o| self.changed.contains_key(&o)) {
                continue; // the owner's own change (its new /AP) is reported
            }
            let Some(o) = *owner else {
                let r = raw(
                    ChangeKind::ObjectOverwritten,
                    Permit::Never(code::OBJECT_OVERWRITTEN),
                );
                self.push(r.on(num).detail("appearance of a direct annotation"));
                continue;
            };
            let field = self.widget_field(o);
            let name = field.and_then(|f| self.field_name(f));
            if self.explained(o) {
                if overwritten && !self.added.contains(&o) {
                    let r = raw(ChangeKind::WidgetAppearance, Permit::FormFill(name.clone()));
                    let r = match &name {
                        Some(n) => r.field(n),
                        None => r,
                    };
                    self.push(r.on(num));
                }
                continue;
            }
            let r = if field.is_some() {
                raw(
                    ChangeKind::WidgetAppearance,
                    Permit::Never(code::APPEARANCE_REPLACED),
                )
            } else {
                raw(
                    ChangeKind::AnnotationChanged,
                    Permit::AnnotationEdit(existed_since(self.doc, o, self.k)),
                )
                .detail("appearance")
            };
            let r = match &name {
                Some(n) => r.field(n),
                None => r,
            };
            self.push(r.on(num));
        }
    }

    /// Widget appearance keys (`/AP`, `/AS`, `/MK`) that changed: part of filling or signing the
    /// field, or else a replaced appearance (shadow attack, replace via form field).
    fn appearance_keys(&mut self, keys: Vec<(u32, String)>) {
        for (field, key) in keys {
            if self.filled.contains(&field) {
                continue;
            }
            let r = if key == "F" {
                // Flags (hidden, locked) of a widget whose field is not filled here.
                let since = existed_since(self.doc, field, self.k);
                raw(ChangeKind::AnnotationChanged, Permit::AnnotationEdit(since))
            } else {
                raw(
                    ChangeKind::WidgetAppearance,
                    Permit::Never(code::APPEARANCE_REPLACED),
                )
            };
            let r = r.on(field).detail(key);
            let r = match self.field_name(field) {
                Some(n) => r.field(&n),
                None => r,
            };
            self.push(r);
        }
    }

    fn page_tree(&mut self) {
        if self.g0.pages != self.g1.pages {
            return; // reported as pages added, removed or reordered
        }
        let nodes: Vec<u32> = self
            .changed
            .keys()
            .copied()
            .filter(|n| {
                (self.g0.roles_of(*n) | self.g1.roles_of(*n)) & role::PAGE_TREE != 0
                    && (self.g0.roles_of(*n) | self.g1.roles_of(*n)) & role::PAGE == 0
            })
            .collect();
        for n in nodes {
            let Some((a, b)) = self.changed.get(&n).cloned() else {
                continue;
            };
            for key in differing_keys(a.as_dict(), b.as_dict()) {
                let r = match key.as_str() {
                    // Same pages in the same order: the tree was only rebuilt.
                    "Kids" | "Count" => {
                        raw(ChangeKind::PageContent, Permit::Never(code::PAGE_CONTENT))
                    }
                    _ => page_key(&key),
                };
                self.push(r.on(n).detail(format!("page tree {key}")));
            }
        }
    }
}

/// Every change revision `k` made compared with revision `k - 1`; `g0` and `g1` are their graphs.
pub(super) fn revision_changes<'d, 'a: 'd>(
    doc: &'d Document<'a>,
    k: usize,
    g0: &Graph,
    g1: &Graph,
    work: &Work,
) -> Result<Vec<Raw>, ChangesError> {
    let old = doc.view(k - 1)?;
    let new = doc.view(k)?;
    let mut changed = BTreeMap::new();
    for &num in doc.revisions()[k].entries.keys() {
        if g0.roles_of(num) | g1.roles_of(num) == 0 {
            continue; // invisible before and after
        }
        let a = load(&old, num, work)?;
        let b = load(&new, num, work)?;
        if !same(&a, &b) {
            changed.insert(num, (a, b));
        }
    }
    let mut pass = Pass {
        doc,
        k,
        old,
        new,
        g0,
        g1,
        work,
        changed,
        filled: HashSet::new(),
        added: HashSet::new(),
        boxes: BTreeMap::new(),
        out: Vec::new(),
    };
    pass.trailer();
    pass.catalog()?;
    pass.names()?;
    pass.form()?;
    let mut keys = pass.fields()?;
    pass.pages()?;
    pass.page_tree();
    pass.annotation_dicts(&mut keys);
    pass.objects();
    pass.appearance_keys(keys);
    // Generations as defined in the revision.
    for r in &mut pass.out {
        if let Some(o) = r.object.as_mut() {
            if let Some((_, Entry::InFile { generation, .. })) = pass.new.entry(o.num) {
                o.generation = generation;
            }
        }
    }
    Ok(pass.out)
}
