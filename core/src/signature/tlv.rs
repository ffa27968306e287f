//! A minimal DER reader (ITU-T X.690 §8.1, §10.1: definite lengths only) over borrowed bytes:
//! the tag, the header and the content of each element, and its children.
//!
//! The CMS stage uses it to keep the exact bytes of what it checks (a signer's signed attributes
//! as received, each certificate's DER, the issuer and serial of a certificate) and to bound the
//! structure before the typed decoder sees it; typed values are then decoded with the `der` crate
//! from these slices. It never reads outside the buffer and never panics.

/// Why bytes are not one DER element.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub(crate) enum TlvError {
    /// The data ends inside an element.
    #[error("DER element truncated at byte {offset}")]
    Truncated {
        /// Where.
        offset: usize,
    },
    /// An indefinite length (BER, X.690 §8.1.3.6) or a length not in its shortest form.
    #[error("length at byte {offset} is not DER")]
    NotDer {
        /// Where.
        offset: usize,
    },
    /// A length over 2^32, or a multi-byte tag number (not used by CMS).
    #[error("unsupported tag or length at byte {offset}")]
    Unsupported {
        /// Where.
        offset: usize,
    },
}

/// One element: its tag octet and where its header and content are in the buffer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Tlv<'a> {
    /// The identifier octet (class, constructed bit and tag number below 31).
    pub(crate) tag: u8,
    /// The whole element, header included.
    pub(crate) raw: &'a [u8],
    /// Its content octets.
    pub(crate) content: &'a [u8],
}

/// Reads the element at the start of `buf` (its `raw` says how many bytes it takes).
pub(crate) fn read(buf: &[u8]) -> Result<Tlv<'_>, TlvError> {
    read_at(buf, 0)
}

fn read_at(buf: &[u8], base: usize) -> Result<Tlv<'_>, TlvError> {
    let truncated = |at: usize| TlvError::Truncated { offset: base + at };
    let &tag = buf.first().ok_or(truncated(0))?;
    if tag & 0x1f == 0x1f {
        return Err(TlvError::Unsupported { offset: base });
    }
    let &first = buf.get(1).ok_or(truncated(1))?;
    let (len, header) = if first < 0x80 {
        (usize::from(first), 2)
    } else if first == 0x80 {
        return Err(TlvError::NotDer { offset: base + 1 });
    } else {
        let n = usize::from(first & 0x7f);
        if n > 4 {
            return Err(TlvError::Unsupported { offset: base + 1 });
        }
        let bytes = buf.get(2..2 + n).ok_or(truncated(2))?;
        let len = bytes
            .iter()
            .fold(0usize, |acc, b| (acc << 8) | usize::from(*b));
        // X.690 §10.1: the shortest form.
        if len < 0x80 || bytes.first() == Some(&0) {
            return Err(TlvError::NotDer { offset: base + 1 });
        }
        (len, 2 + n)
    };
    let end = header + len;
    let raw = buf.get(..end).ok_or(truncated(buf.len()))?;
    let content = raw.get(header..).ok_or(truncated(header))?;
    Ok(Tlv { tag, raw, content })
}

impl<'a> Tlv<'a> {
    /// Whether the element is constructed (X.690 §8.1.2.5).
    pub(crate) fn constructed(&self) -> bool {
        self.tag & 0x20 != 0
    }

    /// The elements of its content, in order.
    pub(crate) fn children(&self) -> Result<Vec<Tlv<'a>>, TlvError> {
        let mut out = Vec::new();
        let mut rest = self.content;
        let mut offset = 0;
        while !rest.is_empty() {
            let t = read_at(rest, offset)?;
            offset += t.raw.len();
            rest = rest.get(t.raw.len()..).unwrap_or_default();
            out.push(t);
        }
        Ok(out)
    }
}

/// The DER equivalent of the BER element at the start of `buf` (X.690 §8.1.3.6 indefinite and
/// non-minimal lengths made definite and minimal, §8.7.3 constructed OCTET STRINGs joined into
/// one primitive string), followed by the bytes after it unchanged; `None` when the element is
/// DER already. Nesting deeper than `depth` is refused. SET OF members are not reordered, so
/// signed attributes out of DER order stay detectable.
pub(crate) fn ber_to_der(buf: &[u8], depth: usize) -> Result<Option<Vec<u8>>, TlvError> {
    if read(buf).is_ok() {
        return Ok(None);
    }
    let mut out = Vec::with_capacity(buf.len());
    let used = ber_element(buf, 0, depth, &mut out)?;
    out.extend_from_slice(buf.get(used..).unwrap_or_default());
    Ok(Some(out))
}

fn write_len(out: &mut Vec<u8>, len: usize) {
    if len < 0x80 {
        out.push(len as u8);
    } else {
        let bytes = len.to_be_bytes();
        let skip = bytes.iter().take_while(|b| **b == 0).count();
        let n = bytes.len() - skip;
        out.push(0x80 | n as u8);
        out.extend_from_slice(bytes.get(skip..).unwrap_or_default());
    }
}

/// Appends the DER of the BER element at `buf[0..]` (at offset `base` of the input) to `out`;
/// returns how many input bytes it took.
fn ber_element(
    buf: &[u8],
    base: usize,
    depth: usize,
    out: &mut Vec<u8>,
) -> Result<usize, TlvError> {
    let truncated = |at: usize| TlvError::Truncated { offset: base + at };
    if depth == 0 {
        return Err(TlvError::Unsupported { offset: base });
    }
    let &tag = buf.first().ok_or(truncated(0))?;
    if tag & 0x1f == 0x1f {
        return Err(TlvError::Unsupported { offset: base });
    }
    let &first = buf.get(1).ok_or(truncated(1))?;
    let (len, header) = match first {
        0x80 => (None, 2),
        f if f < 0x80 => (Some(usize::from(f)), 2),
        f => {
            let n = usize::from(f & 0x7f);
            if n > 4 {
                return Err(TlvError::Unsupported { offset: base + 1 });
            }
            let bytes = buf.get(2..2 + n).ok_or(truncated(2))?;
            let len = bytes
                .iter()
                .fold(0usize, |acc, b| (acc << 8) | usize::from(*b));
            (Some(len), 2 + n)
        }
    };
    let constructed = tag & 0x20 != 0;
    if !constructed {
        let len = len.ok_or(TlvError::NotDer { offset: base + 1 })?;
        let content = buf.get(header..header + len).ok_or(truncated(buf.len()))?;
        out.push(tag);
        write_len(out, len);
        out.extend_from_slice(content);
        return Ok(header + len);
    }
    // The children, converted, then the element around them.
    let mut inner = Vec::new();
    let mut at = header;
    loop {
        match len {
            Some(l) if at >= header + l => break,
            None if buf.get(at..at + 2) == Some(&[0, 0]) => {
                at += 2;
                break;
            }
            _ => {}
        }
        let limit = len.map_or(buf.len(), |l| (header + l).min(buf.len()));
        let rest = buf.get(at..limit).ok_or(truncated(at))?;
        if rest.is_empty() {
            return Err(truncated(at));
        }
        at += ber_element(rest, base + at, depth - 1, &mut inner)?;
    }
    if len.is_some_and(|l| at != header + l) {
        return Err(TlvError::NotDer { offset: base + 1 });
    }
    if tag == 0x24 {
        // A constructed OCTET STRING: its segments' contents, joined (X.690 §8.7.3.2).
        let mut joined = Vec::with_capacity(inner.len());
        let mut rest = inner.as_slice();
        while !rest.is_empty() {
            let seg = read(rest)?;
            if seg.tag != 0x04 {
                return Err(TlvError::NotDer { offset: base });
            }
            joined.extend_from_slice(seg.content);
            rest = rest.get(seg.raw.len()..).unwrap_or_default();
        }
        out.push(0x04);
        write_len(out, joined.len());
        out.extend_from_slice(&joined);
    } else {
        out.push(tag);
        write_len(out, inner.len());
        out.extend_from_slice(&inner);
    }
    Ok(at)
}

/// Limits of [`check_bounds`].
#[derive(Debug, Clone, Copy)]
pub(crate) struct Bounds {
    /// Deepest nesting of constructed elements.
    pub(crate) depth: usize,
    /// Most elements in one SET OF (or implicitly tagged set); decoding sorts them.
    pub(crate) set_members: usize,
}

/// Why a structure is refused by [`check_bounds`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum BoundsError {
    /// Malformed DER.
    Tlv(TlvError),
    /// Nested deeper than the bound.
    TooDeep,
    /// A set with more members than the bound.
    TooManyMembers,
}

/// Walks every constructed element of `tlv` and checks the bounds, so that decoding (which sorts
/// each SET OF) stays linear in practice and its recursion shallow.
pub(crate) fn check_bounds(tlv: &Tlv<'_>, bounds: Bounds) -> Result<(), BoundsError> {
    let mut stack = vec![(*tlv, 0usize)];
    while let Some((t, depth)) = stack.pop() {
        if !t.constructed() {
            continue;
        }
        if depth >= bounds.depth {
            return Err(BoundsError::TooDeep);
        }
        let children = t.children().map_err(BoundsError::Tlv)?;
        // SET (0x31) and the context-specific constructed tags CMS uses for implicit sets.
        let set_like = t.tag == 0x31 || t.tag & 0xe0 == 0xa0;
        if set_like && children.len() > bounds.set_members {
            return Err(BoundsError::TooManyMembers);
        }
        stack.extend(children.into_iter().map(|c| (c, depth + 1)));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_short_and_long_lengths() {
        let t = read(&[0x04, 0x02, 1, 2, 9]).expect("short");
        assert_eq!(
            (t.tag, t.content, t.raw.len()),
            (0x04, [1u8, 2].as_slice(), 4)
        );
        let mut long = vec![0x04, 0x81, 0x80];
        long.extend([5u8; 0x80]);
        assert_eq!(read(&long).map(|t| t.content.len()), Ok(0x80));
        let seq = read(&[0x30, 0x06, 0x02, 0x01, 0x05, 0x05, 0x00, 0x01]);
        assert_eq!(
            seq.and_then(|s| s.children()).map(|c| c.len()),
            Err(TlvError::Truncated { offset: 6 })
        );
    }

    #[test]
    fn refuses_ber_and_truncation() {
        assert_eq!(
            read(&[0x30, 0x80, 0, 0]),
            Err(TlvError::NotDer { offset: 1 })
        );
        assert_eq!(
            read(&[0x04, 0x81, 0x05, 1, 2, 3, 4, 5]),
            Err(TlvError::NotDer { offset: 1 })
        );
        assert!(matches!(
            read(&[0x04, 0x05, 1]),
            Err(TlvError::Truncated { .. })
        ));
        assert!(matches!(read(&[0x04]), Err(TlvError::Truncated { .. })));
        assert!(matches!(read(&[]), Err(TlvError::Truncated { .. })));
        assert!(matches!(
            read(&[0x1f, 0x01, 0]),
            Err(TlvError::Unsupported { .. })
        ));
        assert!(matches!(
            read(&[0x04, 0x85, 1, 1, 1, 1, 1]),
            Err(TlvError::Unsupported { .. })
        ));
    }

    #[test]
    fn ber_becomes_der() {
        // SEQUENCE (indefinite) { OCTET STRING (constructed, indefinite) { "ab", "c" }, NULL }
        let ber = [
            0x30, 0x80, 0x24, 0x80, 0x04, 0x02, b'a', b'b', 0x04, 0x01, b'c', 0, 0, 0x05, 0x00, 0,
            0, 0, 0,
        ];
        let der = ber_to_der(&ber, 8).expect("ber").expect("changed");
        assert_eq!(
            der,
            [0x30, 0x07, 0x04, 0x03, b'a', b'b', b'c', 0x05, 0x00, 0, 0]
        );
        assert_eq!(ber_to_der(&[0x05, 0x00], 8), Ok(None));
        // Non-minimal length.
        assert_eq!(
            ber_to_der(&[0x04, 0x81, 0x01, 7], 8),
            Ok(Some(vec![0x04, 0x01, 7]))
        );
        assert!(ber_to_der(&[0x30, 0x80, 0x05, 0x00], 8).is_err());
        assert!(ber_to_der(&[0x30, 0x80, 0x30, 0x80, 0, 0, 0, 0], 1).is_err());
        assert!(ber_to_der(&[0x24, 0x80, 0x05, 0x00, 0, 0], 4).is_err());
    }

    #[test]
    fn bounds_depth_and_set_size() {
        let bounds = Bounds {
            depth: 3,
            set_members: 2,
        };
        let set3 = [0x31, 0x06, 0x05, 0x00, 0x05, 0x00, 0x05, 0x00];
        let t = read(&set3).expect("set");
        assert_eq!(check_bounds(&t, bounds), Err(BoundsError::TooManyMembers));
        let deep = [0x30, 0x06, 0x30, 0x04, 0x30, 0x02, 0x30, 0x00];
        let t = read(&deep).expect("deep");
        assert_eq!(check_bounds(&t, bounds), Err(BoundsError::TooDeep));
        let ok = [0x30, 0x04, 0x31, 0x02, 0x05, 0x00];
        assert_eq!(check_bounds(&read(&ok).expect("ok"), bounds), Ok(()));
    }
}
