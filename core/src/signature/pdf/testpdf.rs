//! Hand-written PDFs for the unit tests: a writer that records object offsets and emits classic
//! tables, cross-reference streams, object streams and hybrid sections, revision by revision.

use std::collections::BTreeMap;
use std::fmt::Write as _;

/// Where an object was written, for the next cross-reference section.
enum At {
    File(usize),
    Stream(u32, u32),
}

pub(crate) struct Builder {
    pub(crate) buf: Vec<u8>,
    pending: BTreeMap<u32, At>,
    prev: Option<usize>,
    size: u32,
}

impl Builder {
    pub(crate) fn new() -> Self {
        Self {
            buf: b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n".to_vec(),
            pending: BTreeMap::new(),
            prev: None,
            size: 1,
        }
    }

    fn note(&mut self, num: u32, at: At) {
        self.size = self.size.max(num + 1);
        self.pending.insert(num, at);
    }

    pub(crate) fn obj(&mut self, num: u32, body: &str) -> &mut Self {
        self.obj_bytes(num, body.as_bytes())
    }

    pub(crate) fn obj_bytes(&mut self, num: u32, body: &[u8]) -> &mut Self {
        self.note(num, At::File(self.buf.len()));
        self.buf
            .extend_from_slice(format!("{num} 0 obj\n").as_bytes());
        self.buf.extend_from_slice(body);
        self.buf.extend_from_slice(b"\nendobj\n");
        self
    }

    /// A Flate stream object with `dict` entries besides /Length and /Filter.
    pub(crate) fn flate(&mut self, num: u32, dict: &str, data: &[u8]) -> &mut Self {
        let z = miniz_oxide::deflate::compress_to_vec_zlib(data, 6);
        let mut body =
            format!("<<{dict}/Filter/FlateDecode/Length {}>>stream\n", z.len()).into_bytes();
        body.extend_from_slice(&z);
        body.extend_from_slice(b"\nendstream");
        self.obj_bytes(num, &body)
    }

    /// An object stream `num` holding `objects`.
    pub(crate) fn objstm(&mut self, num: u32, objects: &[(u32, &str)]) -> &mut Self {
        let mut head = String::new();
        let mut body = String::new();
        for (num, text) in objects {
            let _ = write!(head, "{num} {} ", body.len());
            body.push_str(text);
            body.push('\n');
        }
        let data = format!("{head}{body}");
        let dict = format!("/Type/ObjStm/N {}/First {}", objects.len(), head.len());
        self.flate(num, &dict, data.as_bytes());
        for (i, (n, _)) in objects.iter().enumerate() {
            self.note(*n, At::Stream(num, i as u32));
        }
        self
    }

    fn end(&mut self, xref: usize) {
        self.buf
            .extend_from_slice(format!("startxref\n{xref}\n%%EOF\n").as_bytes());
        self.prev = Some(xref);
    }

    fn prev(&self) -> String {
        self.prev.map(|p| format!("/Prev {p}")).unwrap_or_default()
    }

    /// A classic table of the in-file objects written since the last section.
    pub(crate) fn table(&mut self, trailer: &str) -> &mut Self {
        self.table_with(trailer, "")
    }

    fn table_with(&mut self, trailer: &str, extra: &str) -> &mut Self {
        let xref = self.buf.len();
        let mut out = String::from("xref\n");
        if self.prev.is_none() {
            out.push_str("0 1\n0000000000 65535 f\r\n");
        }
        let pending = std::mem::take(&mut self.pending);
        for (num, at) in &pending {
            if let At::File(off) = at {
                let _ = write!(out, "{num} 1\n{off:010} 00000 n\r\n");
            }
        }
        let _ = write!(
            out,
            "trailer\n<<{trailer}/Size {}{}{extra}>>\n",
            self.size,
            self.prev()
        );
        self.buf.extend_from_slice(out.as_bytes());
        self.end(xref);
        self
    }

    fn stream_rows(
        &self,
        pending: &BTreeMap<u32, At>,
        own: Option<(u32, usize)>,
    ) -> (String, Vec<u8>) {
        let mut index = String::new();
        let mut data = Vec::new();
        let mut rows: Vec<(u32, [u8; 7])> = pending
            .iter()
            .map(|(num, at)| {
                let mut row = [0u8; 7];
                match at {
                    At::File(off) => {
                        row[0] = 1;
                        row[1..5].copy_from_slice(&(*off as u32).to_be_bytes());
                    }
                    At::Stream(s, i) => {
                        row[0] = 2;
                        row[1..5].copy_from_slice(&s.to_be_bytes());
                        row[5..7].copy_from_slice(&(*i as u16).to_be_bytes());
                    }
                }
                (*num, row)
            })
            .collect();
        if let Some((num, off)) = own {
            let mut row = [1u8, 0, 0, 0, 0, 0, 0];
            row[1..5].copy_from_slice(&(off as u32).to_be_bytes());
            rows.push((num, row));
            rows.sort_by_key(|r| r.0);
        }
        // PNG Up predictor rows, as writers usually produce them.
        let mut prev = [0u8; 7];
        for (num, row) in rows {
            let _ = write!(index, "{num} 1 ");
            data.push(2);
            for (b, p) in row.iter().zip(prev) {
                data.push(b.wrapping_sub(p));
            }
            prev = row;
        }
        (index, data)
    }

    /// A cross-reference stream `num` of everything written since the last section.
    pub(crate) fn xref_stream(&mut self, num: u32, trailer: &str) -> &mut Self {
        let xref = self.buf.len();
        self.size = self.size.max(num + 1);
        let pending = std::mem::take(&mut self.pending);
        let (index, data) = self.stream_rows(&pending, Some((num, xref)));
        let dict = format!(
            "/Type/XRef/Size {}/W[1 4 2]/Index[{index}]/DecodeParms<</Predictor 12/Columns 7>>{}{trailer}",
            self.size,
            self.prev()
        );
        self.flate(num, &dict, &data);
        self.pending.clear();
        self.end(xref);
        self
    }

    /// A hybrid section: a table of in-file objects and, in stream `num`, the compressed ones.
    pub(crate) fn hybrid(&mut self, num: u32, trailer: &str) -> &mut Self {
        let compressed: BTreeMap<u32, At> = self
            .pending
            .iter()
            .filter_map(|(n, at)| match at {
                At::Stream(s, i) => Some((*n, At::Stream(*s, *i))),
                At::File(_) => None,
            })
            .collect();
        let stm = self.buf.len();
        self.size = self.size.max(num + 1);
        let (index, data) = self.stream_rows(&compressed, None);
        let dict = format!(
            "/Type/XRef/Size {}/W[1 4 2]/Index[{index}]/DecodeParms<</Predictor 12/Columns 7>>",
            self.size
        );
        self.flate(num, &dict, &data);
        self.table_with(trailer, &format!("/XRefStm {stm}"))
    }
}
