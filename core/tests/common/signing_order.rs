//! The order in which a PDF's signatures were made, as the fixture tests read it: by where each
//! signature's byte range ends (a later signature covers the file further).

use motcua_core::signature::pdf::Document;

/// The signature fields of the latest revision that have a byte range, oldest signature first,
/// each with the end of its byte range.
pub(crate) fn signing_order(doc: &Document<'_>) -> Vec<(i64, String)> {
    let mut order: Vec<(i64, String)> = doc
        .latest()
        .signatures()
        .expect("signatures")
        .fields
        .into_iter()
        .filter_map(|fl| {
            let br = fl.signature?.byte_range?;
            Some((br.get(2)? + br.get(3)?, fl.name))
        })
        .collect();
    order.sort();
    order
}
