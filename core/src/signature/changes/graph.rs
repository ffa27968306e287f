//! The object graph of one revision, as the change detection needs it: what role each
//! reachable object plays (page content, annotation appearance, form field, signature, DSS, …),
//! the pages in order, the form fields with their names and widgets, and which annotation or
//! field each appearance stream or value belongs to.
//!
//! Everything reachable from the catalog and the trailer's `/Info` gets at least one role, so an
//! object without any role is invisible in that revision (neither displayed nor read by a
//! viewer). Walks are bounded by the shared [`Work`] budget.

use std::cell::Cell;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use super::{ChangesError, MAX_GRAPH_OBJECTS};
use crate::signature::pdf::{Dict, Entry, ObjRef, Object, View};

/// Roles, as bits.
pub(super) mod role {
    /// The document catalog.
    pub(crate) const CATALOG: u32 = 1;
    /// An intermediate node of the page tree.
    pub(crate) const PAGE_TREE: u32 = 1 << 1;
    /// A page object.
    pub(crate) const PAGE: u32 = 1 << 2;
    /// Reachable from a page's content, resources, boxes (what the page draws).
    pub(crate) const CONTENT: u32 = 1 << 3;
    /// An annotation dictionary listed in a page's `/Annots`.
    pub(crate) const ANNOT: u32 = 1 << 4;
    /// Reachable from an annotation's `/AP`.
    pub(crate) const APPEARANCE: u32 = 1 << 5;
    /// Other data of an annotation (actions, rich media).
    pub(crate) const ANNOT_DATA: u32 = 1 << 6;
    /// A form field dictionary.
    pub(crate) const FIELD: u32 = 1 << 7;
    /// Reachable from a field's `/V` (not a signature field).
    pub(crate) const FIELD_VALUE: u32 = 1 << 8;
    /// Other data of a field (actions, options, lock dictionaries).
    pub(crate) const FIELD_DATA: u32 = 1 << 9;
    /// Reachable from a signature field's `/V`: a signature dictionary.
    pub(crate) const SIGNATURE: u32 = 1 << 10;
    /// The interactive form dictionary or its indirect `/Fields` array.
    pub(crate) const ACROFORM: u32 = 1 << 11;
    /// Reachable from the form's `/DR` and `/DA`.
    pub(crate) const FORM_RES: u32 = 1 << 12;
    /// Reachable from the catalog's `/DSS`.
    pub(crate) const DSS: u32 = 1 << 13;
    /// Reachable from `/Metadata`, `/Extensions` or the trailer's `/Info`.
    pub(crate) const METADATA: u32 = 1 << 14;
    /// Reachable from `/StructTreeRoot` or `/MarkInfo`.
    pub(crate) const STRUCTURE: u32 = 1 << 15;
    /// Reachable from `/Perms`.
    pub(crate) const PERMS: u32 = 1 << 16;
    /// Reachable from another catalog entry (names, outlines, actions, optional content, …).
    pub(crate) const DOCUMENT: u32 = 1 << 17;
    /// A page's indirect `/Annots` array.
    pub(crate) const ANNOTS_ARRAY: u32 = 1 << 18;
    /// Reachable from the form's `/XFA`, `/CO` or other form data.
    pub(crate) const FORM_DATA: u32 = 1 << 19;

    /// The catalog's name dictionary.
    pub(crate) const NAMES: u32 = 1 << 20;
    /// Reachable from the name dictionary's `/AP` (named appearance streams).
    pub(crate) const NAMED_AP: u32 = 1 << 21;

    /// Roles whose objects are compared key by key by the structural passes.
    pub(crate) const STRUCTURAL: u32 =
        CATALOG | PAGE_TREE | PAGE | ANNOT | FIELD | ACROFORM | ANNOTS_ARRAY | NAMES;
}

/// The work budget shared by every walk and comparison of one analysis.
pub(super) struct Work {
    left: Cell<usize>,
    limit: usize,
}

impl Work {
    pub(super) fn new(limit: usize) -> Self {
        Self {
            left: Cell::new(limit),
            limit,
        }
    }

    /// Spends `n` steps, or fails when the budget is gone.
    pub(super) fn spend(&self, n: usize) -> Result<(), ChangesError> {
        let left = self.left.get();
        if n > left {
            self.left.set(0);
            return Err(ChangesError::TooMuchWork { limit: self.limit });
        }
        self.left.set(left - n);
        Ok(())
    }
}

/// Values in an object (one step each), nested included.
fn size(obj: &Object<'_>) -> usize {
    match obj {
        Object::Array(a) => 1 + a.iter().map(size).sum::<usize>(),
        Object::Dict(d) => 1 + d.entries.iter().map(|(_, v)| 1 + size(v)).sum::<usize>(),
        Object::Stream(s) => {
            1 + s
                .dict
                .entries
                .iter()
                .map(|(_, v)| 1 + size(v))
                .sum::<usize>()
        }
        _ => 1,
    }
}

/// The generation of `num` as of `view`, if it is defined (not free).
fn generation(view: &View<'_, '_>, num: u32) -> Option<u16> {
    match view.entry(num)?.1 {
        Entry::Free { .. } => None,
        Entry::InFile { generation, .. } => Some(generation),
        Entry::InStream { .. } => Some(0),
    }
}

/// Object `num` as of `view` (`Null` when free or undefined), counted against `work`.
pub(super) fn load<'d, 'a: 'd>(
    view: &View<'d, 'a>,
    num: u32,
    work: &Work,
) -> Result<Object<'d>, ChangesError> {
    let Some(generation) = generation(view, num) else {
        work.spend(1)?;
        return Ok(Object::Null);
    };
    let obj = view.get(ObjRef { num, generation })?;
    work.spend(size(&obj))?;
    Ok(obj)
}

/// `obj`, or the object it refers to (one level: the reader's [`View::resolve`] bounds chains).
fn resolve<'d, 'a: 'd>(
    view: &View<'d, 'a>,
    obj: &Object<'d>,
    work: &Work,
) -> Result<Object<'d>, ChangesError> {
    let out = view.resolve(obj)?;
    work.spend(size(&out))?;
    Ok(out)
}

/// A form field as of one revision.
#[derive(Debug, Clone)]
pub(super) struct Field {
    /// Fully qualified name.
    pub(super) name: String,
    /// `/FT`, inherited.
    pub(super) ft: Option<String>,
}

impl Field {
    pub(super) fn is_sig(&self) -> bool {
        self.ft.as_deref() == Some("Sig")
    }
}

/// The graph of one revision.
#[derive(Debug, Default)]
pub(super) struct Graph {
    /// Roles by object number.
    pub(super) roles: HashMap<u32, u32>,
    /// Page objects in order.
    pub(super) pages: Vec<ObjRef>,
    /// Indirect form fields by object number.
    pub(super) fields: BTreeMap<u32, Field>,
    /// The field (object number) each indirect widget annotation belongs to.
    pub(super) widget_field: HashMap<u32, u32>,
    /// For appearance, annotation-data and field-value objects: the annotations or fields they
    /// belong to (object numbers). `None` in the list stands for a direct annotation or field.
    pub(super) owners: HashMap<u32, Vec<Option<u32>>>,
}

impl Graph {
    pub(super) fn roles_of(&self, num: u32) -> u32 {
        self.roles.get(&num).copied().unwrap_or(0)
    }
}

/// Keys never followed by a closure: back-references up the trees (to pages, parents and
/// structure elements), which are walked as what they are.
const BACK_KEYS: &[&str] = &["Parent", "P", "Pg", "Obj", "Popup", "IRT"];

struct Walker<'v, 'd, 'a> {
    view: &'v View<'d, 'a>,
    work: &'v Work,
    graph: Graph,
    /// Objects walked as catalog, page tree, pages, annotations, fields and the form: closures
    /// never enter them.
    structural: HashSet<u32>,
}

impl<'d, 'a: 'd> Walker<'_, 'd, 'a> {
    fn add_role(&mut self, num: u32, role: u32) -> Result<bool, ChangesError> {
        let len = self.graph.roles.len();
        let e = self.graph.roles.entry(num).or_insert(0);
        let fresh = *e & role == 0;
        *e |= role;
        if len >= MAX_GRAPH_OBJECTS {
            return Err(ChangesError::TooManyObjects {
                limit: MAX_GRAPH_OBJECTS,
            });
        }
        Ok(fresh)
    }

    /// Marks everything reachable from `start` with `role`, not entering structural objects
    /// nor following [`BACK_KEYS`]. With `owner`, every object reached is also recorded as
    /// belonging to it (a fresh visit per owner, so that shared objects list every owner).
    fn mark(
        &mut self,
        start: &Object<'d>,
        role: u32,
        owner: Option<Option<u32>>,
    ) -> Result<(), ChangesError> {
        let mut seen: BTreeSet<u32> = BTreeSet::new();
        let mut stack: Vec<Object<'d>> = vec![start.clone()];
        while let Some(obj) = stack.pop() {
            self.work.spend(1)?;
            match obj {
                Object::Ref(r) => {
                    if self.structural.contains(&r.num) || !seen.insert(r.num) {
                        continue;
                    }
                    let fresh = self.add_role(r.num, role)?;
                    if let Some(o) = owner {
                        let list = self.graph.owners.entry(r.num).or_default();
                        if !list.contains(&o) {
                            list.push(o);
                        }
                    } else if !fresh {
                        continue;
                    }
                    let value = load(self.view, r.num, self.work)?;
                    stack.push(value);
                }
                Object::Array(a) => stack.extend(a),
                Object::Dict(d) => push_values(&mut stack, d),
                Object::Stream(s) => push_values(&mut stack, s.dict),
                _ => {}
            }
        }
        Ok(())
    }

    fn structural(&mut self, obj: &Object<'d>, role: u32) -> Result<Option<u32>, ChangesError> {
        match obj.as_ref() {
            Some(r) => {
                self.add_role(r.num, role)?;
                self.structural.insert(r.num);
                Ok(Some(r.num))
            }
            None => Ok(None),
        }
    }

    /// The page tree (§7.7.3): nodes and pages, each node once.
    fn pages(
        &mut self,
        root: Option<&Object<'d>>,
    ) -> Result<Vec<(ObjRef, Dict<'d>)>, ChangesError> {
        let mut pages = Vec::new();
        let mut seen = BTreeSet::new();
        let mut stack: Vec<Object<'d>> = root.cloned().into_iter().collect();
        while let Some(node) = stack.pop() {
            self.work.spend(1)?;
            let Some(r) = node.as_ref() else { continue };
            if !seen.insert(r.num) {
                continue;
            }
            let Some(dict) = resolve(self.view, &node, self.work)?.as_dict().cloned() else {
                continue;
            };
            if dict.has_name("Type", "Pages") || dict.get("Kids").is_some() {
                self.structural(&node, role::PAGE_TREE)?;
                // Inheritable attributes (§7.7.3.4) are page content.
                for key in ["Resources", "MediaBox", "CropBox", "Rotate"] {
                    if let Some(v) = dict.get(key) {
                        self.mark(&v.clone(), role::CONTENT, None)?;
                    }
                }
                if let Some(kids) = dict.get("Kids") {
                    if let Some(r) = kids.as_ref() {
                        self.add_role(r.num, role::PAGE_TREE)?;
                    }
                    let kids = resolve(self.view, kids, self.work)?;
                    if let Some(a) = kids.as_array() {
                        stack.extend(a.iter().rev().cloned());
                    }
                }
            } else {
                self.structural(&node, role::PAGE)?;
                pages.push((r, dict));
            }
        }
        Ok(pages)
    }

    /// The field tree (§12.7.3.1): fields with names and types, widgets.
    fn fields(
        &mut self,
        acroform: &Dict<'d>,
    ) -> Result<Vec<(Option<u32>, Dict<'d>, bool)>, ChangesError> {
        // (node, parent name, inherited FT, depth)
        let mut out = Vec::new();
        let mut stack: Vec<(Object<'d>, String, Option<String>, usize)> = Vec::new();
        if let Some(f) = acroform.get("Fields") {
            if let Some(r) = f.as_ref() {
                self.add_role(r.num, role::ACROFORM)?;
                self.structural.insert(r.num);
            }
            if let Some(a) = resolve(self.view, f, self.work)?.as_array() {
                stack.extend(a.iter().rev().map(|f| (f.clone(), String::new(), None, 0)));
            }
        }
        let mut seen = BTreeSet::new();
        while let Some((node, parent, inherited, depth)) = stack.pop() {
            self.work.spend(1)?;
            if depth > crate::signature::pdf::MAX_DEPTH {
                continue;
            }
            if let Some(r) = node.as_ref() {
                if !seen.insert(r.num) {
                    continue;
                }
            }
            let Some(dict) = resolve(self.view, &node, self.work)?.as_dict().cloned() else {
                continue;
            };
            let num = self.structural(&node, role::FIELD)?;
            let partial = match dict.get("T") {
                Some(t) => resolve(self.view, t, self.work)?
                    .as_string()
                    .map(|s| s.text()),
                None => None,
            };
            let name = match (partial, parent.is_empty()) {
                (Some(t), true) => t,
                (Some(t), false) => format!("{parent}.{t}"),
                (None, _) => parent.clone(),
            };
            let ft = dict
                .get("FT")
                .and_then(Object::as_name)
                .map(|n| n.text())
                .or(inherited);
            let field = Field {
                name: name.clone(),
                ft: ft.clone(),
            };
            if let Some(n) = num {
                self.graph.fields.insert(n, field.clone());
                if dict.has_name("Subtype", "Widget") {
                    self.graph.widget_field.insert(n, n);
                }
            }
            let kids = match dict.get("Kids") {
                Some(k) => {
                    if let Some(r) = k.as_ref() {
                        self.add_role(r.num, role::FIELD)?;
                        self.structural.insert(r.num);
                    }
                    resolve(self.view, k, self.work)?
                        .as_array()
                        .map(<[_]>::to_vec)
                        .unwrap_or_default()
                }
                None => Vec::new(),
            };
            for kid in kids.into_iter().rev() {
                let kd = resolve(self.view, &kid, self.work)?;
                let Some(kd) = kd.as_dict() else { continue };
                if kd.get("T").is_none() && kd.has_name("Subtype", "Widget") {
                    // A widget of this field; walked as an annotation from its page.
                    if let (Some(k), Some(n)) = (kid.as_ref(), num) {
                        self.graph.widget_field.insert(k.num, n);
                    }
                } else {
                    stack.push((kid, name.clone(), ft.clone(), depth + 1));
                }
            }
            out.push((num, dict, field.is_sig()));
        }
        Ok(out)
    }
}

fn push_values<'d>(stack: &mut Vec<Object<'d>>, d: Dict<'d>) {
    for (k, v) in d.entries {
        if !BACK_KEYS.iter().any(|b| k.is(b)) {
            stack.push(v);
        }
    }
}

/// Walks the graph of `view`.
pub(super) fn walk<'d, 'a: 'd>(view: &View<'d, 'a>, work: &Work) -> Result<Graph, ChangesError> {
    let mut w = Walker {
        view,
        work,
        graph: Graph::default(),
        structural: HashSet::new(),
    };
    let trailer = view.trailer();
    let root = trailer.get("Root").cloned().unwrap_or(Object::Null);
    w.structural(&root, role::CATALOG)?;
    let catalog = resolve(view, &root, work)?
        .as_dict()
        .cloned()
        .unwrap_or_default();
    let pages = w.pages(catalog.get("Pages"))?;
    w.graph.pages = pages.iter().map(|(r, _)| *r).collect();

    // The form and its fields first, so that closures stop at them.
    let acroform = match catalog.get("AcroForm") {
        Some(a) => {
            w.structural(a, role::ACROFORM)?;
            resolve(view, a, work)?.as_dict().cloned()
        }
        None => None,
    };
    let fields = match &acroform {
        Some(form) => w.fields(form)?,
        None => Vec::new(),
    };
    // Annotations of every page, structural before any closure.
    let mut annots: Vec<(Option<u32>, Dict<'d>)> = Vec::new();
    for (_, page) in &pages {
        let Some(list) = page.get("Annots") else {
            continue;
        };
        if let Some(r) = list.as_ref() {
            w.add_role(r.num, role::ANNOTS_ARRAY)?;
            w.structural.insert(r.num);
        }
        let list = resolve(view, list, work)?;
        for a in list.as_array().unwrap_or_default() {
            let num = w.structural(a, role::ANNOT)?;
            if let Some(d) = resolve(view, a, work)?.as_dict() {
                annots.push((num, d.clone()));
            }
        }
    }
    // Page content: everything a page draws.
    for (_, page) in &pages {
        for (k, v) in &page.entries {
            if !(k.is("Annots") || k.is("Parent")) {
                w.mark(v, role::CONTENT, None)?;
            }
        }
    }
    for (num, annot) in &annots {
        for (k, v) in &annot.entries {
            if k.is("AP") {
                w.mark(v, role::APPEARANCE, Some(*num))?;
            } else if !BACK_KEYS.iter().any(|b| k.is(b)) {
                w.mark(v, role::ANNOT_DATA, Some(*num))?;
            }
        }
    }
    for (num, field, sig) in &fields {
        for (k, v) in &field.entries {
            if k.is("V") {
                let r = if *sig {
                    role::SIGNATURE
                } else {
                    role::FIELD_VALUE
                };
                w.mark(v, r, Some(*num))?;
            } else if k.is("AP") {
                w.mark(v, role::APPEARANCE, Some(*num))?;
            } else if !(k.is("Kids") || BACK_KEYS.iter().any(|b| k.is(b))) {
                w.mark(v, role::FIELD_DATA, Some(*num))?;
            }
        }
    }
    if let Some(form) = &acroform {
        for (k, v) in &form.entries {
            if k.is("DR") || k.is("DA") {
                w.mark(v, role::FORM_RES, None)?;
            } else if !k.is("Fields") {
                w.mark(v, role::FORM_DATA, None)?;
            }
        }
    }
    if let Some(names) = catalog.get("Names") {
        w.structural(names, role::NAMES)?;
        let names = resolve(view, names, work)?
            .as_dict()
            .cloned()
            .unwrap_or_default();
        for (k, v) in &names.entries {
            let r = if k.is("AP") {
                role::NAMED_AP
            } else {
                role::DOCUMENT
            };
            w.mark(v, r, None)?;
        }
    }
    for (k, v) in &catalog.entries {
        let r = match &*k.0 {
            b"Names" => continue,
            b"Pages" | b"AcroForm" => continue,
            b"DSS" => role::DSS,
            b"Metadata" | b"Extensions" | b"Version" => role::METADATA,
            b"StructTreeRoot" | b"MarkInfo" => role::STRUCTURE,
            b"Perms" => role::PERMS,
            _ => role::DOCUMENT,
        };
        w.mark(v, r, None)?;
    }
    if let Some(info) = trailer.get("Info") {
        w.mark(info, role::METADATA, None)?;
    }
    Ok(w.graph)
}
