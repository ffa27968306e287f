//! The few DER steps (ITU-T X.690 §8.1: identifier, length, contents) that x509-parser does not
//! hand back as bytes: the outer `signatureAlgorithm` of a certificate or CRL exactly as encoded
//! (RFC 5280 §4.1.1.2, §5.1.1.2), which the signature primitive takes, and the algorithm of a
//! SubjectPublicKeyInfo (§4.1.2.7). Definite lengths only, as DER requires (X.690 §10.1); every
//! read is checked, nothing indexes past the input.

/// One DER element.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Tlv<'a> {
    /// The identifier octet (single-octet tags only: tag numbers 0–30).
    pub tag: u8,
    /// The contents octets.
    pub contents: &'a [u8],
    /// The whole element: identifier, length and contents.
    pub whole: &'a [u8],
}

/// `SEQUENCE` (constructed, universal 16).
pub(super) const SEQUENCE: u8 = 0x30;
/// `OBJECT IDENTIFIER`.
pub(super) const OID: u8 = 0x06;
/// `BIT STRING`.
pub(super) const BIT_STRING: u8 = 0x03;

/// Reads the element at the start of `input`; returns it and what follows, or `None` when the
/// input does not start with a complete definite-length element.
pub(super) fn read(input: &[u8]) -> Option<(Tlv<'_>, &[u8])> {
    let (&tag, rest) = input.split_first()?;
    if tag & 0x1f == 0x1f {
        return None; // multi-octet tag numbers never occur in the structures read here
    }
    let (&first, mut rest) = rest.split_first()?;
    let len = if first < 0x80 {
        usize::from(first)
    } else {
        let n = usize::from(first & 0x7f);
        if n == 0 || n > 4 {
            return None; // indefinite length (BER only) or more than 4 GiB
        }
        let (digits, after) = rest.split_at_checked(n)?;
        rest = after;
        digits
            .iter()
            .fold(0usize, |acc, &d| (acc << 8) | usize::from(d))
    };
    let (contents, after) = rest.split_at_checked(len)?;
    let header = input.len() - rest.len();
    let whole = input.get(..header + len)?;
    Some((
        Tlv {
            tag,
            contents,
            whole,
        },
        after,
    ))
}

/// Reads one element that must have `tag`.
pub(super) fn expect(input: &[u8], tag: u8) -> Option<(Tlv<'_>, &[u8])> {
    read(input).filter(|(t, _)| t.tag == tag)
}

/// The three parts of a signed structure `SEQUENCE { tbs, signatureAlgorithm, signature }`
/// (RFC 5280 §4.1 Certificate, §5.1 CertificateList): the to-be-signed element whole, the
/// algorithm identifier whole, and the signature bits (a BIT STRING with no unused bits).
pub(super) fn signed_parts(der: &[u8]) -> Option<(&[u8], &[u8], &[u8])> {
    let (outer, trailing) = expect(der, SEQUENCE)?;
    if !trailing.is_empty() {
        return None;
    }
    let (tbs, rest) = expect(outer.contents, SEQUENCE)?;
    let (alg, rest) = expect(rest, SEQUENCE)?;
    let (sig, rest) = expect(rest, BIT_STRING)?;
    let (&unused, bits) = sig.contents.split_first()?;
    if unused != 0 || !rest.is_empty() {
        return None;
    }
    Some((tbs.whole, alg.whole, bits))
}

/// The contents of the OID and the parameters element (if any) of an `AlgorithmIdentifier`.
pub(super) fn algorithm(identifier: &[u8]) -> Option<(&[u8], Option<Tlv<'_>>)> {
    let (seq, _) = expect(identifier, SEQUENCE)?;
    let (oid, rest) = expect(seq.contents, OID)?;
    let params = read(rest).map(|(p, _)| p);
    Some((oid.contents, params))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_and_long_lengths() {
        let (t, rest) = read(&[0x04, 0x02, 0xaa, 0xbb, 0xcc]).expect("short form");
        assert_eq!(
            (t.tag, t.contents, rest),
            (0x04, &[0xaa, 0xbb][..], &[0xcc][..])
        );
        let mut long = vec![0x04, 0x81, 0x80];
        long.extend([7u8; 0x80]);
        let (t, rest) = read(&long).expect("long form");
        assert_eq!(
            (t.contents.len(), t.whole.len(), rest.len()),
            (0x80, 0x83, 0)
        );
    }

    #[test]
    fn truncated_indefinite_and_huge_lengths_are_refused() {
        assert_eq!(read(&[]), None);
        assert_eq!(read(&[0x30]), None);
        assert_eq!(read(&[0x30, 0x05, 0x01]), None);
        assert_eq!(read(&[0x30, 0x80, 0x00, 0x00]), None);
        assert_eq!(read(&[0x30, 0x85, 1, 0, 0, 0, 0]), None);
        assert_eq!(read(&[0x1f, 0x81, 0x00]), None);
        assert_eq!(read(&[0x30, 0x84, 0xff, 0xff, 0xff, 0xff]), None);
    }

    #[test]
    fn signed_parts_need_exactly_three_elements() {
        // SEQUENCE { SEQUENCE {}, SEQUENCE { OID 1.2 }, BIT STRING 00 ab }
        let good = [
            0x30, 0x0b, 0x30, 0x00, 0x30, 0x03, 0x06, 0x01, 0x2a, 0x03, 0x02, 0x00, 0xab,
        ];
        let (tbs, alg, sig) = signed_parts(&good).expect("parts");
        assert_eq!(
            (tbs, alg, sig),
            (&[0x30, 0x00][..], &good[4..9], &[0xab][..])
        );
        assert_eq!(algorithm(alg), Some((&[0x2a][..], None)));
        let mut trailing = good.to_vec();
        trailing.push(0);
        assert_eq!(signed_parts(&trailing), None);
        let mut unused_bits = good;
        unused_bits[11] = 1;
        assert_eq!(signed_parts(&unused_bits), None);
    }
}
