//! The PDF side of the facts: what the file itself says about each signature, as of its newest
//! revision (what a viewer shows).

use crate::signature::pdf::{Dict, Document, Object, PdfError, SignatureKind, View, MAX_DEPTH};

use super::content::scan;
use super::time::parse_pdf_date;
use super::{AppearanceState, DocumentFacts, Geometry, SignatureFacts, SignerClass, SigningTimes};

fn four(obj: Option<Object<'_>>) -> Option<[f64; 4]> {
    match obj.as_ref().and_then(Object::as_array)? {
        [a, b, c, d] => {
            let (a, b, c, d) = (
                a.as_number()?,
                b.as_number()?,
                c.as_number()?,
                d.as_number()?,
            );
            Some([a.min(c), b.min(d), a.max(c), b.max(d)])
        }
        _ => None,
    }
}

/// The page's visible box and rotation, inherited through `/Parent` (ISO 32000-1 §7.7.3.4).
fn page_frame(view: &View<'_, '_>, page: Object<'_>) -> Result<([f64; 4], i64), PdfError> {
    let (mut media, mut crop, mut rotate) = (None, None, None);
    let mut node = view.resolve(&page)?;
    for _ in 0..MAX_DEPTH {
        let Some(d) = node.as_dict().cloned() else {
            break;
        };
        let get = |k: &str| -> Result<Option<Object<'_>>, PdfError> {
            d.get(k).map(|v| view.resolve(v)).transpose()
        };
        if media.is_none() {
            media = four(get("MediaBox")?);
        }
        if crop.is_none() {
            crop = four(get("CropBox")?);
        }
        if rotate.is_none() {
            rotate = get("Rotate")?.and_then(|r| r.as_int());
        }
        match d.get("Parent") {
            Some(p) => node = view.resolve(p)?,
            None => break,
        }
    }
    // §7.7.3.3: MediaBox is required; a page without one is read as US Letter, as viewers do.
    let media = media.unwrap_or([0.0, 0.0, 612.0, 792.0]);
    let frame = crop.map_or(media, |c| {
        [
            c[0].max(media[0]),
            c[1].max(media[1]),
            c[2].min(media[2]),
            c[3].min(media[3]),
        ]
    });
    let rotate = rotate.unwrap_or(0).rem_euclid(360);
    Ok((frame, if rotate % 90 == 0 { rotate } else { 0 }))
}

/// The normal appearance stream of a widget (`/AP /N`, or its `/AS` state).
fn appearance<'d, 'a: 'd>(
    view: &View<'d, 'a>,
    widget: &Dict<'d>,
) -> Result<AppearanceState, PdfError> {
    let Some(ap) = widget.get("AP") else {
        return Ok(AppearanceState::NoStream);
    };
    let Some(ap) = view.resolve(ap)?.as_dict().cloned() else {
        return Ok(AppearanceState::NoStream);
    };
    let Some(n) = ap.get("N") else {
        return Ok(AppearanceState::NoStream);
    };
    let n = view.resolve(n)?;
    let stream = match &n {
        Object::Stream(_) => n,
        Object::Dict(states) => {
            let state = widget.get("AS").and_then(Object::as_name).map(|s| s.text());
            match state.and_then(|s| states.get(&s).cloned()) {
                Some(s) => view.resolve(&s)?,
                None => return Ok(AppearanceState::NoStream),
            }
        }
        _ => return Ok(AppearanceState::NoStream),
    };
    if !matches!(stream, Object::Stream(_)) {
        return Ok(AppearanceState::NoStream);
    }
    Ok(match scan(view, &stream) {
        Ok(facts) => AppearanceState::Read(facts),
        Err(e) => AppearanceState::Unreadable(e),
    })
}

/// The PDF-side facts of every signature of `doc` (document timestamps left out), in signing
/// order: by where the byte range ends, a signature without a usable byte range last. The
/// inputs of the other stages are left unknown.
///
/// An appearance that cannot be read does not fail the whole: it is
/// [`AppearanceState::Unreadable`], and the rules that need it ask a person.
pub fn gather(doc: &Document<'_>) -> Result<DocumentFacts, PdfError> {
    let view = doc.latest();
    let signatures = view.signatures()?;
    let pages = view.pages()?;
    let mut found = Vec::new();
    for field in signatures.fields {
        let Some(sig) = field.signature else { continue };
        if sig.kind != SignatureKind::Signature {
            continue;
        }
        let parts = match sig.byte_range.as_deref() {
            Some(&[a, b, c, d]) => Some((a, b, c.checked_add(d))),
            _ => None,
        };
        let covered_end = parts
            .and_then(|(_, _, end)| end)
            .and_then(|e| usize::try_from(e).ok());
        let first_part_end = parts
            .filter(|(a, _, _)| *a == 0)
            .and_then(|(_, b, _)| usize::try_from(b).ok());
        let revision = covered_end
            .and_then(|e| doc.revision_ending_at(e))
            .map(|r| r.index);
        let mut widget = None;
        let mut state = AppearanceState::Invisible;
        for w in &field.widgets {
            let (Some(page), Some(rect)) = (w.page, w.rect) else {
                continue;
            };
            let rect = [
                rect[0].min(rect[2]),
                rect[1].min(rect[3]),
                rect[0].max(rect[2]),
                rect[1].max(rect[3]),
            ];
            if rect[2] - rect[0] <= 0.0 || rect[3] - rect[1] <= 0.0 {
                continue;
            }
            let Some(page_ref) = pages.get(page) else {
                continue;
            };
            let (page_box, rotate) = page_frame(&view, Object::Ref(*page_ref))?;
            widget = Some(Geometry {
                page,
                rect,
                page_box,
                rotate,
            });
            state = match w.object {
                Some(r) => match view.get(r)?.as_dict() {
                    Some(d) => appearance(&view, &d.clone())?,
                    None => AppearanceState::NoStream,
                },
                None => AppearanceState::Unreadable(PdfError::Syntax {
                    offset: 0,
                    what: "the widget is a direct object; its appearance is not read",
                }),
            };
            break;
        }
        let doc_mdp = sig
            .references
            .iter()
            .find(|r| r.method.as_deref() == Some("DocMDP"))
            .map(|r| r.permissions.unwrap_or(2));
        found.push((
            covered_end,
            first_part_end,
            SignatureFacts {
                field: field.name,
                revision,
                covers_previous: None,
                name: sig.name,
                doc_mdp,
                widget,
                appearance: state,
                times: SigningTimes {
                    timestamp: None,
                    cms_signing_time: None,
                    pdf_m: sig.signing_time.as_deref().map(parse_pdf_date),
                },
                signer_class: SignerClass::Unknown,
                signer_name: None,
                has_timestamp: None,
                later_changes: None,
            },
        ));
    }
    found.sort_by_key(|(end, _, _)| end.unwrap_or(usize::MAX));
    let ends: Vec<Option<usize>> = found.iter().map(|(end, _, _)| *end).collect();
    let out = found
        .into_iter()
        .enumerate()
        .map(|(i, (end, first_part_end, mut facts))| {
            let earlier: Option<Vec<usize>> = ends[..i].iter().copied().collect();
            facts.covers_previous = match (first_part_end, earlier) {
                (Some(first), Some(ends)) => Some(ends.iter().all(|e| *e <= first)),
                (None, _) if end.is_some() => Some(false),
                _ => None,
            };
            facts
        })
        .collect();
    Ok(DocumentFacts {
        signatures: out,
        revisions: doc.revisions().len(),
    })
}
