//! Stream decoding for the streams the reader itself needs (cross-reference and object streams):
//! FlateDecode (ISO 32000-1 §7.4.4) with the PNG and TIFF predictors (§7.4.4.4), capped per
//! stream by [`MAX_DECODED_STREAM_BYTES`] and per document by [`MAX_DECODED_TOTAL_BYTES`], so a
//! decompression bomb stops at the cap instead of filling memory.

use std::sync::atomic::{AtomicUsize, Ordering};

use miniz_oxide::inflate::{decompress_to_vec_zlib_with_limit, TINFLStatus};

use super::object::{Dict, Object, Stream};
use super::{PdfError, MAX_DECODED_STREAM_BYTES, MAX_DECODED_TOTAL_BYTES};

/// What a document may still decode, shared by all the streams decoded for it (also across
/// threads: object streams are decoded on first use).
#[derive(Debug)]
pub(crate) struct Budget {
    left: AtomicUsize,
}

impl Budget {
    /// The whole per-document allowance.
    pub(crate) fn new() -> Self {
        Self::with(MAX_DECODED_TOTAL_BYTES)
    }

    fn with(left: usize) -> Self {
        Self {
            left: AtomicUsize::new(left),
        }
    }

    fn charge(&self, n: usize) {
        // Saturating: `fetch_update` only fails when the closure returns None, which it never does.
        let _ = self
            .left
            .fetch_update(Ordering::Relaxed, Ordering::Relaxed, |l| {
                Some(l.saturating_sub(n))
            });
    }
}

/// The stream's data decoded, charged to `budget`.
pub(crate) fn decode(stream: &Stream<'_>, budget: &Budget) -> Result<Vec<u8>, PdfError> {
    let offset = stream.data_offset;
    let filters: Vec<&Object<'_>> = match stream.dict.get("Filter") {
        None | Some(Object::Null) => Vec::new(),
        Some(Object::Array(a)) => a.iter().collect(),
        Some(f) => vec![f],
    };
    let params: Option<&Dict<'_>> = match stream.dict.get("DecodeParms") {
        Some(Object::Array(a)) => a.first().and_then(Object::as_dict),
        Some(p) => p.as_dict(),
        None => None,
    };
    let cap = MAX_DECODED_STREAM_BYTES.min(budget.left.load(Ordering::Relaxed));
    let over = || {
        if cap < MAX_DECODED_STREAM_BYTES {
            PdfError::DocumentDecodeLimit {
                limit: MAX_DECODED_TOTAL_BYTES,
            }
        } else {
            PdfError::StreamDecodeLimit {
                offset,
                limit: MAX_DECODED_STREAM_BYTES,
            }
        }
    };
    let decoded = match filters.as_slice() {
        [] => {
            if stream.data.len() > cap {
                return Err(over());
            }
            stream.data.to_vec()
        }
        [Object::Name(n)] if n.is("FlateDecode") || n.is("Fl") => {
            let raw = decompress_to_vec_zlib_with_limit(stream.data, cap).map_err(|e| {
                if e.status == TINFLStatus::HasMoreOutput {
                    over()
                } else {
                    PdfError::Inflate { offset }
                }
            })?;
            match params {
                Some(p) => unpredict(raw, p, offset)?,
                None => raw,
            }
        }
        _ => return Err(PdfError::UnsupportedFilter { offset }),
    };
    budget.charge(decoded.len());
    Ok(decoded)
}

fn param(p: &Dict<'_>, key: &str, default: i64) -> i64 {
    p.get(key).and_then(Object::as_int).unwrap_or(default)
}

/// Undoes a predictor (§7.4.4.4, Table 8).
fn unpredict(data: Vec<u8>, p: &Dict<'_>, offset: usize) -> Result<Vec<u8>, PdfError> {
    let bad = PdfError::Predictor { offset };
    let predictor = param(p, "Predictor", 1);
    if predictor == 1 {
        return Ok(data);
    }
    let colors = usize::try_from(param(p, "Colors", 1)).map_err(|_| bad.clone())?;
    let bpc = usize::try_from(param(p, "BitsPerComponent", 8)).map_err(|_| bad.clone())?;
    let columns = usize::try_from(param(p, "Columns", 1)).map_err(|_| bad.clone())?;
    if !(1..=32).contains(&colors) || ![1, 2, 4, 8, 16].contains(&bpc) || columns == 0 {
        return Err(bad);
    }
    let bits_per_pixel = colors * bpc;
    let bpp = bits_per_pixel.div_ceil(8);
    let row = columns
        .checked_mul(bits_per_pixel)
        .map(|b| b.div_ceil(8))
        .filter(|&r| r <= data.len().max(1))
        .ok_or(bad.clone())?;
    match predictor {
        2 => {
            // TIFF predictor 2, for 8-bit components only (others are not used by xref streams).
            if bpc != 8 || data.len() % row != 0 {
                return Err(bad);
            }
            let mut out = data;
            for line in out.chunks_exact_mut(row) {
                for i in bpp..row {
                    line[i] = line[i].wrapping_add(line[i - bpp]);
                }
            }
            Ok(out)
        }
        10..=15 => {
            if data.len() % (row + 1) != 0 {
                return Err(bad);
            }
            let mut out = Vec::with_capacity(data.len() / (row + 1) * row);
            let mut prev = vec![0u8; row];
            for line in data.chunks_exact(row + 1) {
                let (kind, src) = (line[0], &line[1..]);
                let mut cur = vec![0u8; row];
                for i in 0..row {
                    let left = if i >= bpp { cur[i - bpp] } else { 0 };
                    let up = prev[i];
                    let up_left = if i >= bpp { prev[i - bpp] } else { 0 };
                    cur[i] = src[i].wrapping_add(match kind {
                        0 => 0,
                        1 => left,
                        2 => up,
                        3 => ((u16::from(left) + u16::from(up)) / 2) as u8,
                        4 => paeth(left, up, up_left),
                        _ => return Err(bad),
                    });
                }
                out.extend_from_slice(&cur);
                prev = cur;
            }
            Ok(out)
        }
        _ => Err(bad),
    }
}

/// The PNG Paeth predictor (RFC 2083 §6.6).
fn paeth(a: u8, b: u8, c: u8) -> u8 {
    let p = i16::from(a) + i16::from(b) - i16::from(c);
    let (pa, pb, pc) = (
        (p - i16::from(a)).abs(),
        (p - i16::from(b)).abs(),
        (p - i16::from(c)).abs(),
    );
    if pa <= pb && pa <= pc {
        a
    } else if pb <= pc {
        b
    } else {
        c
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::signature::pdf::lexer::Lexer;

    fn stream_of(dict: &str, data: &[u8]) -> Vec<u8> {
        let mut src = format!("<<{dict} /Length {}>>stream\n", data.len()).into_bytes();
        src.extend_from_slice(data);
        src.extend_from_slice(b"\nendstream");
        src
    }

    fn decode_src(src: &[u8], budget: &Budget) -> Result<Vec<u8>, PdfError> {
        let Object::Stream(s) = Lexer::new(src, 0, true).indirect_body(None)? else {
            panic!("not a stream")
        };
        decode(&s, budget)
    }

    #[test]
    fn flate_with_png_up_predictor() {
        // Two rows of 3 columns, PNG "Up": the second row stores differences from the first.
        let raw = [2u8, 1, 2, 3, 2, 1, 1, 1];
        let z = miniz_oxide::deflate::compress_to_vec_zlib(&raw, 6);
        let src = stream_of(
            "/Filter/FlateDecode/DecodeParms<</Predictor 12/Columns 3>>",
            &z,
        );
        assert_eq!(decode_src(&src, &Budget::new()), Ok(vec![1, 2, 3, 2, 3, 4]));
    }

    #[test]
    fn a_decompression_bomb_stops_at_the_cap() {
        let zeros = vec![0u8; MAX_DECODED_STREAM_BYTES + 1];
        let z = miniz_oxide::deflate::compress_to_vec_zlib(&zeros, 9);
        let src = stream_of("/Filter/FlateDecode", &z);
        assert!(matches!(
            decode_src(&src, &Budget::new()),
            Err(PdfError::StreamDecodeLimit { .. })
        ));
        let spent = Budget::with(MAX_DECODED_STREAM_BYTES - 1);
        let small =
            miniz_oxide::deflate::compress_to_vec_zlib(&zeros[..MAX_DECODED_STREAM_BYTES], 9);
        assert!(matches!(
            decode_src(&stream_of("/Filter/FlateDecode", &small), &spent),
            Err(PdfError::DocumentDecodeLimit { .. })
        ));
    }

    #[test]
    fn corrupt_data_and_unknown_filters_are_refused() {
        let src = stream_of("/Filter/FlateDecode", b"not zlib");
        assert!(matches!(
            decode_src(&src, &Budget::new()),
            Err(PdfError::Inflate { .. })
        ));
        let src = stream_of("/Filter/LZWDecode", b"x");
        assert!(matches!(
            decode_src(&src, &Budget::new()),
            Err(PdfError::UnsupportedFilter { .. })
        ));
    }

    #[test]
    fn paeth_matches_the_png_definition() {
        assert_eq!(paeth(10, 20, 10), 20);
        assert_eq!(paeth(20, 10, 10), 20);
        assert_eq!(paeth(5, 5, 5), 5);
    }
}
