//! Whole-reader tests on PDFs written by [`super::testpdf::Builder`].

use proptest::prelude::*;

use super::testpdf::Builder;
use super::*;

const CATALOG: &str = "<</Type/Catalog/Pages 2 0 R>>";
const PAGES: &str = "<</Type/Pages/Kids[3 0 R]/Count 1>>";
const PAGE: &str = "<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>";

fn r(num: u32) -> ObjRef {
    ObjRef { num, generation: 0 }
}

fn classic() -> Vec<u8> {
    let mut b = Builder::new();
    b.obj(1, CATALOG)
        .obj(2, PAGES)
        .obj(3, PAGE)
        .table("/Root 1 0 R");
    b.buf
}

#[test]
fn classic_table() {
    let buf = classic();
    let doc = Document::parse(&buf).expect("parses");
    assert_eq!(doc.version(), "1.7");
    let [rev] = doc.revisions() else {
        panic!("one revision")
    };
    assert_eq!(
        (rev.start, rev.end, rev.kind),
        (0, buf.len(), XrefKind::Table)
    );
    assert_eq!(rev.startxref, rev.xref_offsets.first().copied());
    assert_eq!(rev.entries.len(), 4);
    let view = doc.latest();
    assert!(view.catalog().expect("catalog").has_name("Type", "Catalog"));
    assert_eq!(view.pages(), Ok(vec![r(3)]));
    assert_eq!(view.get(r(9)), Ok(Object::Null));
    assert_eq!(view.signatures().map(|s| s.fields.len()), Ok(0));
}

#[test]
fn xref_stream_and_object_stream() {
    let mut b = Builder::new();
    b.objstm(4, &[(1, CATALOG), (2, PAGES)])
        .obj(3, PAGE)
        .xref_stream(5, "/Root 1 0 R");
    let doc = Document::parse(&b.buf).expect("parses");
    let rev = &doc.revisions()[0];
    assert_eq!(rev.kind, XrefKind::Stream);
    assert_eq!(
        rev.entries.get(&1),
        Some(&Entry::InStream {
            stream: 4,
            index: 0
        })
    );
    let view = doc.latest();
    assert!(view.catalog().expect("catalog").has_name("Type", "Catalog"));
    assert_eq!(view.pages(), Ok(vec![r(3)]));
    let Ok(Object::Stream(objstm)) = view.get(r(4)) else {
        panic!("object 4 is the object stream")
    };
    let data = doc.decode_stream(&objstm).expect("decodes");
    assert!(data.starts_with(b"1 0 2 "));
}

#[test]
fn hybrid_file() {
    let mut b = Builder::new();
    b.objstm(4, &[(1, CATALOG), (2, PAGES)])
        .obj(3, PAGE)
        .hybrid(5, "/Root 1 0 R");
    let doc = Document::parse(&b.buf).expect("parses");
    assert_eq!(doc.revisions()[0].kind, XrefKind::Hybrid);
    assert_eq!(doc.latest().pages(), Ok(vec![r(3)]));
}

#[test]
fn incremental_revisions_resolve_as_of_each() {
    let mut b = Builder::new();
    b.obj(1, CATALOG)
        .obj(2, PAGES)
        .obj(3, PAGE)
        .table("/Root 1 0 R");
    let first_end = b.buf.len();
    b.obj(3, "<</Type/Page/Parent 2 0 R/Rotate 90>>")
        .table("/Root 1 0 R");
    b.obj(2, "<</Type/Pages/Kids[]/Count 0>>")
        .xref_stream(6, "/Root 1 0 R");
    let doc = Document::parse(&b.buf).expect("parses");
    let revs = doc.revisions();
    assert_eq!(revs.len(), 3);
    assert_eq!(revs[0].end, first_end);
    assert_eq!(revs[1].start, first_end);
    assert_eq!(revs[2].end, b.buf.len());
    assert_eq!(revs[1].entries.keys().copied().collect::<Vec<_>>(), vec![3]);
    assert_eq!(revs[2].kind, XrefKind::Stream);
    let rotate = |rev: usize| {
        let page = doc.view(rev).and_then(|v| v.get(r(3))).expect("page");
        page.as_dict().and_then(|d| d.get("Rotate")).cloned()
    };
    assert_eq!(rotate(0), None);
    assert_eq!(rotate(1), Some(Object::Int(90)));
    assert_eq!(doc.view(1).and_then(|v| v.pages()), Ok(vec![r(3)]));
    assert_eq!(doc.view(2).and_then(|v| v.pages()), Ok(vec![]));
    assert_eq!(doc.view(1).map(|v| v.entry(3).map(|e| e.0)), Ok(Some(1)));
    assert_eq!(doc.revision_ending_at(first_end).map(|r| r.index), Some(0));
    assert!(doc.revision_ending_at(first_end - 1).is_none());
    assert!(matches!(
        doc.view(3),
        Err(PdfError::NoRevision { index: 3 })
    ));
}

fn signed() -> (Vec<u8>, Builder) {
    let mut b = Builder::new();
    b.obj(1, "<</Type/Catalog/Pages 2 0 R/AcroForm<</Fields[4 0 R]/SigFlags 3>>/Perms<</DocMDP 5 0 R>>>>")
        .obj(2, PAGES)
        .obj(3, "<</Type/Page/Parent 2 0 R/Annots[4 0 R]>>")
        .obj(
            4,
            "<</FT/Sig/T(Signature1)/Type/Annot/Subtype/Widget/Rect[10 20 110.5 70]/V 5 0 R>>",
        )
        .obj(
            5,
            "<</Type/Sig/Filter/Adobe.PPKLite/SubFilter/ETSI.CAdES.detached\
             /ByteRange[0 100 200 300]/Contents<3082 00ff>/M(D:20251103091500+07'00')\
             /Reason(Ph\\352 duy\\352t)/Location(Ha Noi)/Name<FEFF0041>\
             /Reference[<</Type/SigRef/TransformMethod/DocMDP/TransformParams<</P 2/V/1.2>>>>]>>",
        )
        .table("/Root 1 0 R");
    (b.buf.clone(), b)
}

#[test]
fn a_signature_field_and_its_dictionary() {
    let (buf, _) = signed();
    let doc = Document::parse(&buf).expect("parses");
    let sigs = doc.latest().signatures().expect("signatures");
    assert_eq!(sigs.docmdp, Some(r(5)));
    let [field] = &sigs.fields[..] else {
        panic!("one field")
    };
    assert_eq!(field.name, "Signature1");
    assert_eq!(
        field.widgets,
        vec![Widget {
            object: Some(r(4)),
            rect: Some([10.0, 20.0, 110.5, 70.0]),
            page: Some(0),
        }]
    );
    let sig = field.signature.as_ref().expect("signed");
    assert_eq!(sig.kind, SignatureKind::Signature);
    assert_eq!(sig.sub_filter.as_deref(), Some("ETSI.CAdES.detached"));
    assert_eq!(sig.byte_range, Some(vec![0, 100, 200, 300]));
    assert_eq!(sig.defined_in, Some(0));
    let contents = sig.contents.as_ref().expect("contents");
    assert_eq!(&*contents.bytes, &[0x30, 0x82, 0x00, 0xFF]);
    let span = contents.span.clone().expect("in the file");
    assert_eq!(&buf[span], b"<3082 00ff>");
    assert_eq!(sig.signing_time.as_deref(), Some("D:20251103091500+07'00'"));
    assert_eq!(sig.reason.as_deref(), Some("Phê duyêt"));
    assert_eq!(sig.name.as_deref(), Some("A"));
    assert_eq!(
        sig.references,
        vec![SigReference {
            method: Some("DocMDP".into()),
            permissions: Some(2),
            action: None,
            fields: vec![],
            digest_method: None,
        }]
    );
}

#[test]
fn a_document_timestamp_added_in_an_update() {
    let (_, mut b) = signed();
    b.obj(
        1,
        "<</Type/Catalog/Pages 2 0 R/AcroForm<</Fields[4 0 R 6 0 R]/SigFlags 3>>>>",
    )
    .obj(6, "<</FT/Sig/T(TS)/Kids[8 0 R]/V 7 0 R>>")
    .obj(8, "<</Type/Annot/Subtype/Widget/Parent 6 0 R/P 3 0 R/Rect[0 0 0 0]>>")
    .obj(
        7,
        "<</Type/DocTimeStamp/Filter/Adobe.PPKLite/SubFilter/ETSI.RFC3161/ByteRange[0 1 2 3]/Contents<00>>>",
    )
    .table("/Root 1 0 R");
    let doc = Document::parse(&b.buf).expect("parses");
    let sigs = doc.latest().signatures().expect("signatures");
    assert_eq!(sigs.docmdp, None);
    let names: Vec<_> = sigs.fields.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(names, ["Signature1", "TS"]);
    let ts = sigs.fields[1].signature.as_ref().expect("signed");
    assert_eq!(ts.kind, SignatureKind::DocTimeStamp);
    assert_eq!(ts.defined_in, Some(1));
    assert_eq!(sigs.fields[1].widgets[0].page, Some(0));
    assert_eq!(sigs.fields[1].widgets[0].object, Some(r(8)));
    // As of the first revision there is only the first signature.
    let before = doc
        .view(0)
        .and_then(|v| v.signatures())
        .expect("signatures");
    assert_eq!(before.fields.len(), 1);
}

#[test]
fn loops_end_in_typed_errors() {
    let mut b = Builder::new();
    b.obj(
        1,
        "<</Type/Catalog/Pages 2 0 R/AcroForm<</Fields[4 0 R]>>>>",
    )
    .obj(2, "<</Type/Pages/Kids[2 0 R]>>")
    .obj(4, "<</FT/Sig/Kids[4 0 R]/V 5 0 R>>")
    .obj(5, "6 0 R")
    .obj(6, "5 0 R")
    .table("/Root 1 0 R");
    let doc = Document::parse(&b.buf).expect("parses");
    let view = doc.latest();
    assert_eq!(
        view.pages(),
        Err(PdfError::TooManyPages { limit: MAX_PAGES })
    );
    assert_eq!(
        view.resolve(&Object::Ref(r(5))),
        Err(PdfError::RefChain {
            num: 5,
            limit: MAX_REF_CHAIN
        })
    );
}

#[test]
fn a_prev_loop_and_a_wrong_startxref_are_refused() {
    let mut buf = classic();
    let xref = doc_xref(&buf);
    let text = format!("trailer\n<</Prev {xref}>>\nstartxref\n{xref}\n%%EOF\n");
    // Make the only section point back to itself.
    let at = find(&buf, b"trailer");
    buf.truncate(at);
    buf.extend_from_slice(
        text.replace("trailer\n<<", "trailer\n<</Root 1 0 R")
            .as_bytes(),
    );
    assert_eq!(
        Document::parse(&buf).err(),
        Some(PdfError::PrevLoop { offset: xref })
    );

    let mut buf = classic();
    // The offset now points into the middle of an object: no search for the table.
    let wrong = find(&buf, b"1 0 obj") + 2;
    buf.truncate(find(&buf, b"startxref"));
    buf.extend_from_slice(format!("startxref\n{wrong}\n%%EOF\n").as_bytes());
    assert_eq!(
        Document::parse(&buf).err(),
        Some(PdfError::BadXrefOffset { offset: wrong })
    );
    assert_eq!(Document::parse(b"hello").err(), Some(PdfError::NoHeader));
    assert_eq!(
        Document::parse(b"%PDF-1.4\n").err(),
        Some(PdfError::NoStartxref)
    );
}

fn find(buf: &[u8], what: &[u8]) -> usize {
    buf.windows(what.len())
        .rposition(|w| w == what)
        .expect("present")
}

fn doc_xref(buf: &[u8]) -> usize {
    find(buf, b"xref\n0 1")
}

#[test]
fn a_wrong_object_offset_is_not_searched_for() {
    let mut buf = classic();
    // Object 3's entry now points one object too early.
    let entry = find(&buf, b" 00000 n\r\ntrailer") - 10;
    let wrong = format!("{:010}", find(&buf, b"2 0 obj"));
    buf[entry..entry + 10].copy_from_slice(wrong.as_bytes());
    let doc = Document::parse(&buf).expect("structure parses");
    assert!(matches!(
        doc.latest().get(r(3)),
        Err(PdfError::ObjectMismatch { num: 3, .. })
    ));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_bytes_give_a_document_or_a_typed_error(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        let mut with_header = b"%PDF-1.7\n".to_vec();
        with_header.extend_from_slice(&bytes);
        for input in [&bytes, &with_header] {
            if let Ok(doc) = Document::parse(input) {
                let _ = doc.latest().signatures();
            }
        }
    }

    #[test]
    fn mutated_files_give_a_document_or_a_typed_error(
        at in any::<proptest::sample::Index>(),
        byte in any::<u8>(),
        cut in any::<proptest::sample::Index>(),
    ) {
        let (buf, _) = signed();
        let mut mutated = buf.clone();
        let i = at.index(mutated.len());
        mutated[i] = byte;
        mutated.truncate(cut.index(mutated.len()).max(i + 1));
        if let Ok(doc) = Document::parse(&mutated) {
            for rev in doc.revisions() {
                prop_assert!(rev.start < rev.end && rev.end <= mutated.len());
            }
            let _ = doc.latest().signatures();
        }
    }
}

#[test]
fn an_update_appended_without_a_valid_end_is_left_as_tail() {
    let mut buf = classic();
    let end = buf.len();
    // An incremental saving attack: new content, an empty xref, and no %%EOF.
    buf.extend_from_slice(b"3 0 obj\n<</Type/Page/Parent 2 0 R/Rotate 180>>\nendobj\nxref\ntrailer\n<</Root 1 0 R>>\nstartxref\n99 %no eof\n");
    let doc = Document::parse(&buf).expect("parses up to the last valid end");
    assert_eq!(doc.revisions().len(), 1);
    assert_eq!(doc.tail(), Some(end..buf.len()));
    let page = doc.latest().get(r(3)).expect("page");
    assert_eq!(page.as_dict().and_then(|d| d.get("Rotate")), None);
    assert_eq!(Document::parse(&classic()).map(|d| d.tail()), Ok(None));
}

#[test]
fn cross_reference_limits() {
    let section = |sub: &str| {
        let mut buf = b"%PDF-1.7\n".to_vec();
        let xref = buf.len();
        buf.extend_from_slice(
            format!("xref\n{sub}\ntrailer\n<</Size 1>>\nstartxref\n{xref}\n%%EOF\n").as_bytes(),
        );
        Document::parse(&buf).err()
    };
    assert_eq!(
        section(&format!("0 {}", MAX_XREF_ENTRIES + 1)),
        Some(PdfError::TooManyXrefEntries {
            limit: MAX_XREF_ENTRIES
        })
    );
    assert_eq!(
        section(&format!("{MAX_OBJECTS} 1")),
        Some(PdfError::TooManyObjects { limit: MAX_OBJECTS })
    );
}

#[test]
fn a_decompression_bomb_in_an_object_stream_is_a_typed_error() {
    let mut b = Builder::new();
    let padding = " ".repeat(MAX_DECODED_STREAM_BYTES);
    let catalog = format!("{CATALOG}{padding}");
    b.objstm(4, &[(1, &catalog), (2, PAGES)])
        .obj(3, PAGE)
        .xref_stream(5, "/Root 1 0 R");
    assert!(b.buf.len() < 64 * 1024, "a small file");
    let doc = Document::parse(&b.buf).expect("the structure parses");
    assert!(matches!(
        doc.latest().catalog(),
        Err(PdfError::StreamDecodeLimit {
            limit: MAX_DECODED_STREAM_BYTES,
            ..
        })
    ));
    // The failure is kept: asking again does not inflate the stream again.
    assert!(doc.latest().get(r(2)).is_err());
}
