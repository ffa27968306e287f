//! Signature discovery (ISO 32000-1 §12.7.3.1 field trees, §12.8.1 signature fields and
//! signature dictionaries, §12.8.2 DocMDP and FieldMDP transforms, §12.8.5 document timestamps
//! as ISO 32000-2 §12.8.5 and ETSI EN 319 142-1 define them): every `/FT /Sig` field of the
//! AcroForm, its signature dictionary as written, and its widgets' rectangles and pages.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

use super::document::View;
use super::object::{Dict, ObjRef, Object};
use super::{PdfError, MAX_DEPTH, MAX_FIELDS, MAX_PAGES};

/// What a signature dictionary is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SignatureKind {
    /// A signature (`/Type /Sig`, or no `/Type`).
    Signature,
    /// A document timestamp (`/Type /DocTimeStamp` or `/SubFilter /ETSI.RFC3161`).
    DocTimeStamp,
}

/// The `/Contents` string of a signature dictionary.
#[derive(Debug, Clone, PartialEq)]
pub struct Contents<'d> {
    /// The bytes it holds (the DER of the CMS object, usually zero-padded).
    pub bytes: Cow<'d, [u8]>,
    /// Whether it was written as a hex string, as §12.8.1 requires.
    pub hex: bool,
    /// Its place in the file, `<` and `>` included: the gap a byte range must leave. `None`
    /// when the dictionary is inside an object stream (no byte range can then exclude it).
    pub span: Option<Range<usize>>,
}

/// A signature reference dictionary (§12.8.1 Table 253) and its transform parameters
/// (§12.8.2.2 DocMDP Table 254, §12.8.2.4 FieldMDP Table 256).
#[derive(Debug, Clone, PartialEq)]
pub struct SigReference {
    /// `/TransformMethod`: `DocMDP`, `UR3` or `FieldMDP` (`Lock` for a field's lock dictionary).
    pub method: Option<String>,
    /// `/TransformParams /P`: DocMDP access permissions (1, 2 or 3; absent means 2).
    pub permissions: Option<i64>,
    /// `/TransformParams /Action` of FieldMDP: `All`, `Include` or `Exclude`.
    pub action: Option<String>,
    /// `/TransformParams /Fields` of FieldMDP: the field names.
    pub fields: Vec<String>,
    /// `/DigestMethod`, if given.
    pub digest_method: Option<String>,
}

/// A signature dictionary (§12.8.1 Table 252) as written; validation is a later stage.
#[derive(Debug, Clone, PartialEq)]
pub struct SignatureDict<'d> {
    /// The indirect object holding it, when `/V` is a reference.
    pub object: Option<ObjRef>,
    /// The revision whose cross-reference section defines that object.
    pub defined_in: Option<usize>,
    /// Signature or document timestamp.
    pub kind: SignatureKind,
    /// `/Filter`.
    pub filter: Option<String>,
    /// `/SubFilter`.
    pub sub_filter: Option<String>,
    /// `/ByteRange` exactly as written: `None` when absent or when an element is not an integer.
    pub byte_range: Option<Vec<i64>>,
    /// `/Contents`.
    pub contents: Option<Contents<'d>>,
    /// `/M`, the signing time as written (a PDF date, §7.9.4).
    pub signing_time: Option<String>,
    /// `/Name`.
    pub name: Option<String>,
    /// `/Reason`.
    pub reason: Option<String>,
    /// `/Location`.
    pub location: Option<String>,
    /// `/ContactInfo`.
    pub contact_info: Option<String>,
    /// `/Reference`: DocMDP, FieldMDP and UR transforms.
    pub references: Vec<SigReference>,
    /// The `/Lock` of the signature field that holds this dictionary (ISO 32000-1 §12.7.4.5
    /// Tables 232–233, a signature field lock dictionary: `/Action`, `/Fields`, and since ISO
    /// 32000-2 `/P`, the DocMDP permissions the signing grants), read as a reference with
    /// `method` `Lock`; it takes effect when the field is signed, as a FieldMDP transform does.
    pub lock: Option<SigReference>,
    /// The whole dictionary, for the later stages.
    pub dict: Dict<'d>,
}

/// A widget annotation of a signature field (§12.5.6.19).
#[derive(Debug, Clone, PartialEq)]
pub struct Widget {
    /// The annotation object, if indirect.
    pub object: Option<ObjRef>,
    /// `/Rect` in default user space `[llx lly urx ury]`.
    pub rect: Option<[f64; 4]>,
    /// The page it is on, from 0: its `/P`, else the page whose `/Annots` lists it.
    pub page: Option<usize>,
}

/// A signature field (`/FT /Sig`).
#[derive(Debug, Clone, PartialEq)]
pub struct SignatureField<'d> {
    /// The field object, if indirect.
    pub object: Option<ObjRef>,
    /// The fully qualified field name (§12.7.3.2), parts joined by `.`.
    pub name: String,
    /// The signature dictionary `/V`; `None` for an empty (unsigned) field.
    pub signature: Option<SignatureDict<'d>>,
    /// Its widgets.
    pub widgets: Vec<Widget>,
}

/// The signatures of a document as of one revision.
#[derive(Debug, Clone, PartialEq)]
pub struct Signatures<'d> {
    /// The signature fields in field-tree order.
    pub fields: Vec<SignatureField<'d>>,
    /// The catalog's `/Perms /DocMDP`: the certification signature's dictionary (§12.8.4).
    pub docmdp: Option<ObjRef>,
}

fn name_of(obj: Option<&Object<'_>>) -> Option<String> {
    obj.and_then(Object::as_name).map(|n| n.text())
}

impl<'d, 'a: 'd> View<'d, 'a> {
    /// A dictionary value of `dict`, resolved.
    pub(super) fn dict_at(&self, dict: &Dict<'d>, key: &str) -> Result<Option<Dict<'d>>, PdfError> {
        match dict.get(key) {
            None => Ok(None),
            Some(v) => Ok(self.resolve(v)?.as_dict().cloned()),
        }
    }

    fn text_at(&self, dict: &Dict<'d>, key: &str) -> Result<Option<String>, PdfError> {
        match dict.get(key) {
            None => Ok(None),
            Some(v) => Ok(self.resolve(v)?.as_string().map(|s| s.text())),
        }
    }

    pub(super) fn array_at(&self, dict: &Dict<'d>, key: &str) -> Result<Vec<Object<'d>>, PdfError> {
        match dict.get(key) {
            None => Ok(Vec::new()),
            Some(v) => Ok(self
                .resolve(v)?
                .as_array()
                .map(<[_]>::to_vec)
                .unwrap_or_default()),
        }
    }

    /// The page objects in order (§7.7.3), each tree node visited once.
    pub fn pages(&self) -> Result<Vec<ObjRef>, PdfError> {
        let catalog = self.catalog()?;
        let mut pages = Vec::new();
        let mut seen = BTreeSet::new();
        let mut stack: Vec<Object<'d>> = catalog.get("Pages").cloned().into_iter().collect();
        let too_many = PdfError::TooManyPages { limit: MAX_PAGES };
        while let Some(node) = stack.pop() {
            let Some(r) = node.as_ref() else { continue };
            if !seen.insert(r) || seen.len() > MAX_PAGES {
                return Err(too_many);
            }
            let Some(dict) = self.resolve(&node)?.as_dict().cloned() else {
                continue;
            };
            if dict.has_name("Type", "Pages") || dict.get("Kids").is_some() {
                let kids = self.array_at(&dict, "Kids")?;
                stack.extend(kids.into_iter().rev());
            } else {
                pages.push(r);
            }
        }
        Ok(pages)
    }

    /// Every signature field of the AcroForm (§12.7.2) with its signature dictionary.
    pub fn signatures(&self) -> Result<Signatures<'d>, PdfError> {
        let catalog = self.catalog()?;
        let docmdp = match self.dict_at(&catalog, "Perms")? {
            Some(perms) => perms.get("DocMDP").and_then(Object::as_ref),
            None => None,
        };
        let Some(acroform) = self.dict_at(&catalog, "AcroForm")? else {
            return Ok(Signatures {
                fields: Vec::new(),
                docmdp,
            });
        };
        let pages = self.pages()?;
        let page_index: BTreeMap<ObjRef, usize> =
            pages.iter().enumerate().map(|(i, p)| (*p, i)).collect();
        let mut annots_page: Option<BTreeMap<ObjRef, usize>> = None;
        let mut fields = Vec::new();
        let mut seen = BTreeSet::new();
        let too_many = || PdfError::TooManyFields { limit: MAX_FIELDS };
        // (node, parent's full name, inherited /FT, depth)
        let mut stack: Vec<(Object<'d>, String, Option<String>, usize)> = self
            .array_at(&acroform, "Fields")?
            .into_iter()
            .rev()
            .map(|f| (f, String::new(), None, 0))
            .collect();
        while let Some((node, parent, inherited_ft, depth)) = stack.pop() {
            if depth > MAX_DEPTH {
                return Err(too_many());
            }
            if let Some(r) = node.as_ref() {
                if !seen.insert(r) {
                    continue;
                }
            }
            if seen.len() > MAX_FIELDS {
                return Err(too_many());
            }
            let Some(dict) = self.resolve(&node)?.as_dict().cloned() else {
                continue;
            };
            let partial = self.text_at(&dict, "T")?;
            let name = match (&partial, parent.is_empty()) {
                (Some(t), true) => t.clone(),
                (Some(t), false) => format!("{parent}.{t}"),
                (None, _) => parent.clone(),
            };
            let ft = name_of(dict.get("FT")).or(inherited_ft);
            let kids = self.array_at(&dict, "Kids")?;
            let mut widgets = Vec::new();
            let mut child_fields = Vec::new();
            for kid in kids {
                let kid_dict = self.resolve(&kid)?.as_dict().cloned();
                match kid_dict {
                    Some(k) if k.get("T").is_none() && k.has_name("Subtype", "Widget") => {
                        widgets.push((kid.as_ref(), k));
                    }
                    Some(_) => child_fields.push(kid),
                    None => {}
                }
            }
            for kid in child_fields.into_iter().rev() {
                stack.push((kid, name.clone(), ft.clone(), depth + 1));
            }
            if ft.as_deref() != Some("Sig") {
                continue;
            }
            if dict.has_name("Subtype", "Widget") {
                widgets.insert(0, (node.as_ref(), dict.clone()));
            }
            let mut out_widgets = Vec::with_capacity(widgets.len());
            for (object, w) in widgets {
                let page = match w.get("P").and_then(Object::as_ref) {
                    Some(p) => page_index.get(&p).copied(),
                    None => match object {
                        Some(o) => {
                            let map = match annots_page.as_mut() {
                                Some(m) => m,
                                None => annots_page.insert(self.annots_by_page(&pages)?),
                            };
                            map.get(&o).copied()
                        }
                        None => None,
                    },
                };
                out_widgets.push(Widget {
                    object,
                    rect: rect(&self.array_at(&w, "Rect")?),
                    page,
                });
            }
            let mut signature = match dict.get("V") {
                None => None,
                Some(v) => self.signature_dict(v)?,
            };
            if let (Some(sig), Some(lock)) = (signature.as_mut(), self.dict_at(&dict, "Lock")?) {
                sig.lock = Some(self.sig_reference(Some("Lock".to_owned()), &lock, None)?);
            }
            fields.push(SignatureField {
                object: node.as_ref(),
                name,
                signature,
                widgets: out_widgets,
            });
        }
        Ok(Signatures { fields, docmdp })
    }

    /// For each annotation listed in a page's `/Annots`, that page's index.
    fn annots_by_page(&self, pages: &[ObjRef]) -> Result<BTreeMap<ObjRef, usize>, PdfError> {
        let mut map = BTreeMap::new();
        for (i, p) in pages.iter().enumerate() {
            let Some(page) = self.get(*p)?.as_dict().cloned() else {
                continue;
            };
            for a in self.array_at(&page, "Annots")? {
                if let Some(r) = a.as_ref() {
                    map.entry(r).or_insert(i);
                }
            }
        }
        Ok(map)
    }

    fn signature_dict(&self, v: &Object<'d>) -> Result<Option<SignatureDict<'d>>, PdfError> {
        let object = v.as_ref();
        let Some(dict) = self.resolve(v)?.as_dict().cloned() else {
            return Ok(None);
        };
        let sub_filter = name_of(dict.get("SubFilter"));
        let kind = if dict.has_name("Type", "DocTimeStamp")
            || sub_filter.as_deref() == Some("ETSI.RFC3161")
        {
            SignatureKind::DocTimeStamp
        } else {
            SignatureKind::Signature
        };
        let byte_range = match dict.get("ByteRange") {
            Some(v) => self
                .resolve(v)?
                .as_array()
                .and_then(|a| a.iter().map(Object::as_int).collect::<Option<Vec<_>>>()),
            None => None,
        };
        // §12.8.1: /Contents is a direct string, so its bytes are where the dictionary is.
        let contents = dict
            .get("Contents")
            .and_then(Object::as_string)
            .map(|s| Contents {
                bytes: s.bytes.clone(),
                hex: s.hex,
                span: s.span.clone(),
            });
        let mut references = Vec::new();
        for r in self.array_at(&dict, "Reference")? {
            let Some(rd) = self.resolve(&r)?.as_dict().cloned() else {
                continue;
            };
            let params = self.dict_at(&rd, "TransformParams")?.unwrap_or_default();
            references.push(self.sig_reference(
                name_of(rd.get("TransformMethod")),
                &params,
                name_of(rd.get("DigestMethod")),
            )?);
        }
        Ok(Some(SignatureDict {
            object,
            defined_in: object.and_then(|r| self.entry(r.num)).map(|(rev, _)| rev),
            kind,
            filter: name_of(dict.get("Filter")),
            sub_filter,
            byte_range,
            contents,
            signing_time: self.text_at(&dict, "M")?,
            name: self.text_at(&dict, "Name")?,
            reason: self.text_at(&dict, "Reason")?,
            location: self.text_at(&dict, "Location")?,
            contact_info: self.text_at(&dict, "ContactInfo")?,
            references,
            lock: None,
            dict,
        }))
    }

    /// A reference of `method` with the permissions, action and fields of `params` (FieldMDP
    /// and DocMDP transform parameters, or a field lock dictionary: the same keys).
    fn sig_reference(
        &self,
        method: Option<String>,
        params: &Dict<'d>,
        digest_method: Option<String>,
    ) -> Result<SigReference, PdfError> {
        let mut fields = Vec::new();
        for f in self.array_at(params, "Fields")? {
            if let Some(s) = self.resolve(&f)?.as_string() {
                fields.push(s.text());
            }
        }
        Ok(SigReference {
            method,
            permissions: params.get("P").and_then(Object::as_int),
            action: name_of(params.get("Action")),
            fields,
            digest_method,
        })
    }
}

fn rect(a: &[Object<'_>]) -> Option<[f64; 4]> {
    match a {
        [a, b, c, d] => Some([
            a.as_number()?,
            b.as_number()?,
            c.as_number()?,
            d.as_number()?,
        ]),
        _ => None,
    }
}
