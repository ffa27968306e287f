//! Vietnamese letters in one form: the composed form (Unicode NFC, UAX #15) of text whose
//! diacritics are written as combining marks (NFD, or any canonically equivalent mix), as some
//! tools write certificate subjects. Names are compared and classified after it, so `NGUYỄN`
//! precomposed and `NGUYÊ` + U+0303 match (spec/signature/certificate.md §Signer).
//!
//! Exact for Vietnamese: the 132 precomposed Vietnamese vowels (a, ă, â, e, ê, i, o, ô, ơ, u, ư, y
//! with each tone, both cases) and the eight combining marks they decompose into — circumflex
//! U+0302, breve U+0306, horn U+031B; grave U+0300, acute U+0301, tilde U+0303, hook above
//! U+0309, dot below U+0323 — composed as UAX #15 does: each letter's marks put in canonical
//! order (combining class 216 horn, 220 dot below, 230 the others, stable among equals), then
//! composed pairwise from the table of canonical decompositions (UnicodeData.txt, generated with
//! Python's `unicodedata`), a mark blocked by an earlier uncomposed one of the same or higher
//! class. Other characters, and letters followed by other combining marks, are left as written
//! (an NFC library would compose Spanish `n` + tilde; no Vietnamese name needs it). A table of
//! 132 entries instead of a general normaliser keeps the WebAssembly module small.

use std::borrow::Cow;

/// (base, mark, composite): the canonical decomposition of each precomposed Vietnamese vowel,
/// sorted by base then mark.
const COMPOSE: [(char, char, char); 132] = [
    ('A', '\u{300}', 'À'),
    ('A', '\u{301}', 'Á'),
    ('A', '\u{302}', 'Â'),
    ('A', '\u{303}', 'Ã'),
    ('A', '\u{306}', 'Ă'),
    ('A', '\u{309}', 'Ả'),
    ('A', '\u{323}', 'Ạ'),
    ('E', '\u{300}', 'È'),
    ('E', '\u{301}', 'É'),
    ('E', '\u{302}', 'Ê'),
    ('E', '\u{303}', 'Ẽ'),
    ('E', '\u{309}', 'Ẻ'),
    ('E', '\u{323}', 'Ẹ'),
    ('I', '\u{300}', 'Ì'),
    ('I', '\u{301}', 'Í'),
    ('I', '\u{303}', 'Ĩ'),
    ('I', '\u{309}', 'Ỉ'),
    ('I', '\u{323}', 'Ị'),
    ('O', '\u{300}', 'Ò'),
    ('O', '\u{301}', 'Ó'),
    ('O', '\u{302}', 'Ô'),
    ('O', '\u{303}', 'Õ'),
    ('O', '\u{309}', 'Ỏ'),
    ('O', '\u{31b}', 'Ơ'),
    ('O', '\u{323}', 'Ọ'),
    ('U', '\u{300}', 'Ù'),
    ('U', '\u{301}', 'Ú'),
    ('U', '\u{303}', 'Ũ'),
    ('U', '\u{309}', 'Ủ'),
    ('U', '\u{31b}', 'Ư'),
    ('U', '\u{323}', 'Ụ'),
    ('Y', '\u{300}', 'Ỳ'),
    ('Y', '\u{301}', 'Ý'),
    ('Y', '\u{303}', 'Ỹ'),
    ('Y', '\u{309}', 'Ỷ'),
    ('Y', '\u{323}', 'Ỵ'),
    ('a', '\u{300}', 'à'),
    ('a', '\u{301}', 'á'),
    ('a', '\u{302}', 'â'),
    ('a', '\u{303}', 'ã'),
    ('a', '\u{306}', 'ă'),
    ('a', '\u{309}', 'ả'),
    ('a', '\u{323}', 'ạ'),
    ('e', '\u{300}', 'è'),
    ('e', '\u{301}', 'é'),
    ('e', '\u{302}', 'ê'),
    ('e', '\u{303}', 'ẽ'),
    ('e', '\u{309}', 'ẻ'),
    ('e', '\u{323}', 'ẹ'),
    ('i', '\u{300}', 'ì'),
    ('i', '\u{301}', 'í'),
    ('i', '\u{303}', 'ĩ'),
    ('i', '\u{309}', 'ỉ'),
    ('i', '\u{323}', 'ị'),
    ('o', '\u{300}', 'ò'),
    ('o', '\u{301}', 'ó'),
    ('o', '\u{302}', 'ô'),
    ('o', '\u{303}', 'õ'),
    ('o', '\u{309}', 'ỏ'),
    ('o', '\u{31b}', 'ơ'),
    ('o', '\u{323}', 'ọ'),
    ('u', '\u{300}', 'ù'),
    ('u', '\u{301}', 'ú'),
    ('u', '\u{303}', 'ũ'),
    ('u', '\u{309}', 'ủ'),
    ('u', '\u{31b}', 'ư'),
    ('u', '\u{323}', 'ụ'),
    ('y', '\u{300}', 'ỳ'),
    ('y', '\u{301}', 'ý'),
    ('y', '\u{303}', 'ỹ'),
    ('y', '\u{309}', 'ỷ'),
    ('y', '\u{323}', 'ỵ'),
    ('Â', '\u{300}', 'Ầ'),
    ('Â', '\u{301}', 'Ấ'),
    ('Â', '\u{303}', 'Ẫ'),
    ('Â', '\u{309}', 'Ẩ'),
    ('Ê', '\u{300}', 'Ề'),
    ('Ê', '\u{301}', 'Ế'),
    ('Ê', '\u{303}', 'Ễ'),
    ('Ê', '\u{309}', 'Ể'),
    ('Ô', '\u{300}', 'Ồ'),
    ('Ô', '\u{301}', 'Ố'),
    ('Ô', '\u{303}', 'Ỗ'),
    ('Ô', '\u{309}', 'Ổ'),
    ('â', '\u{300}', 'ầ'),
    ('â', '\u{301}', 'ấ'),
    ('â', '\u{303}', 'ẫ'),
    ('â', '\u{309}', 'ẩ'),
    ('ê', '\u{300}', 'ề'),
    ('ê', '\u{301}', 'ế'),
    ('ê', '\u{303}', 'ễ'),
    ('ê', '\u{309}', 'ể'),
    ('ô', '\u{300}', 'ồ'),
    ('ô', '\u{301}', 'ố'),
    ('ô', '\u{303}', 'ỗ'),
    ('ô', '\u{309}', 'ổ'),
    ('Ă', '\u{300}', 'Ằ'),
    ('Ă', '\u{301}', 'Ắ'),
    ('Ă', '\u{303}', 'Ẵ'),
    ('Ă', '\u{309}', 'Ẳ'),
    ('ă', '\u{300}', 'ằ'),
    ('ă', '\u{301}', 'ắ'),
    ('ă', '\u{303}', 'ẵ'),
    ('ă', '\u{309}', 'ẳ'),
    ('Ơ', '\u{300}', 'Ờ'),
    ('Ơ', '\u{301}', 'Ớ'),
    ('Ơ', '\u{303}', 'Ỡ'),
    ('Ơ', '\u{309}', 'Ở'),
    ('Ơ', '\u{323}', 'Ợ'),
    ('ơ', '\u{300}', 'ờ'),
    ('ơ', '\u{301}', 'ớ'),
    ('ơ', '\u{303}', 'ỡ'),
    ('ơ', '\u{309}', 'ở'),
    ('ơ', '\u{323}', 'ợ'),
    ('Ư', '\u{300}', 'Ừ'),
    ('Ư', '\u{301}', 'Ứ'),
    ('Ư', '\u{303}', 'Ữ'),
    ('Ư', '\u{309}', 'Ử'),
    ('Ư', '\u{323}', 'Ự'),
    ('ư', '\u{300}', 'ừ'),
    ('ư', '\u{301}', 'ứ'),
    ('ư', '\u{303}', 'ữ'),
    ('ư', '\u{309}', 'ử'),
    ('ư', '\u{323}', 'ự'),
    ('Ạ', '\u{302}', 'Ậ'),
    ('Ạ', '\u{306}', 'Ặ'),
    ('ạ', '\u{302}', 'ậ'),
    ('ạ', '\u{306}', 'ặ'),
    ('Ẹ', '\u{302}', 'Ệ'),
    ('ẹ', '\u{302}', 'ệ'),
    ('Ọ', '\u{302}', 'Ộ'),
    ('ọ', '\u{302}', 'ộ'),
];

/// The canonical combining class of a Vietnamese mark (UnicodeData.txt field 3), `None` for any
/// other character.
fn class(c: char) -> Option<u8> {
    match c {
        '\u{300}' | '\u{301}' | '\u{302}' | '\u{303}' | '\u{306}' | '\u{309}' => Some(230),
        '\u{31b}' => Some(216),
        '\u{323}' => Some(220),
        _ => None,
    }
}

fn compose(base: char, mark: char) -> Option<char> {
    COMPOSE
        .binary_search_by(|(b, m, _)| (*b, *m).cmp(&(base, mark)))
        .ok()
        .and_then(|i| COMPOSE.get(i))
        .map(|(_, _, c)| *c)
}

/// `c` fully decomposed: its base letter, its marks appended to `marks` in decomposition order.
fn decompose(c: char, marks: &mut Vec<char>) -> char {
    match COMPOSE.iter().find(|(_, _, composite)| *composite == c) {
        Some((base, mark, _)) => {
            let base = decompose(*base, marks);
            marks.push(*mark);
            base
        }
        None => c,
    }
}

/// `s` with its Vietnamese letters composed (the module's rule); borrowed when it has no
/// Vietnamese combining mark, since precomposed text is already in that form.
pub(super) fn nfc(s: &str) -> Cow<'_, str> {
    if !s.chars().any(|c| class(c).is_some()) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    let mut marks = Vec::new();
    while let Some(first) = chars.next() {
        marks.clear();
        // A starter (or a mark with none before it) and the Vietnamese marks after it.
        let mut base = if class(first).is_some() {
            marks.push(first);
            None
        } else {
            Some(decompose(first, &mut marks))
        };
        while let Some(&m) = chars.peek().filter(|c| class(**c).is_some()) {
            marks.push(m);
            chars.next();
        }
        // Canonical ordering: a stable sort by combining class.
        marks.sort_by_key(|m| class(*m));
        let mut left: Vec<char> = Vec::new();
        let mut last_class = None;
        for &m in &marks {
            let blocked = last_class.is_some_and(|c| c >= class(m));
            match base.filter(|_| !blocked).and_then(|b| compose(b, m)) {
                Some(c) => base = Some(c),
                None => {
                    left.push(m);
                    last_class = Some(class(m));
                }
            }
        }
        out.extend(base);
        out.extend(left);
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each precomposed Vietnamese vowel followed by its NFD, from Python's `unicodedata`
    /// (Unicode 14.0), independent of the table above.
    const NFD: [&str; 132] = [
        "àa\u{300}",
        "áa\u{301}",
        "ảa\u{309}",
        "ãa\u{303}",
        "ạa\u{323}",
        "ăa\u{306}",
        "ằa\u{306}\u{300}",
        "ắa\u{306}\u{301}",
        "ẳa\u{306}\u{309}",
        "ẵa\u{306}\u{303}",
        "ặa\u{323}\u{306}",
        "âa\u{302}",
        "ầa\u{302}\u{300}",
        "ấa\u{302}\u{301}",
        "ẩa\u{302}\u{309}",
        "ẫa\u{302}\u{303}",
        "ậa\u{323}\u{302}",
        "èe\u{300}",
        "ée\u{301}",
        "ẻe\u{309}",
        "ẽe\u{303}",
        "ẹe\u{323}",
        "êe\u{302}",
        "ềe\u{302}\u{300}",
        "ếe\u{302}\u{301}",
        "ểe\u{302}\u{309}",
        "ễe\u{302}\u{303}",
        "ệe\u{323}\u{302}",
        "ìi\u{300}",
        "íi\u{301}",
        "ỉi\u{309}",
        "ĩi\u{303}",
        "ịi\u{323}",
        "òo\u{300}",
        "óo\u{301}",
        "ỏo\u{309}",
        "õo\u{303}",
        "ọo\u{323}",
        "ôo\u{302}",
        "ồo\u{302}\u{300}",
        "ốo\u{302}\u{301}",
        "ổo\u{302}\u{309}",
        "ỗo\u{302}\u{303}",
        "ộo\u{323}\u{302}",
        "ơo\u{31b}",
        "ờo\u{31b}\u{300}",
        "ớo\u{31b}\u{301}",
        "ởo\u{31b}\u{309}",
        "ỡo\u{31b}\u{303}",
        "ợo\u{31b}\u{323}",
        "ùu\u{300}",
        "úu\u{301}",
        "ủu\u{309}",
        "ũu\u{303}",
        "ụu\u{323}",
        "ưu\u{31b}",
        "ừu\u{31b}\u{300}",
        "ứu\u{31b}\u{301}",
        "ửu\u{31b}\u{309}",
        "ữu\u{31b}\u{303}",
        "ựu\u{31b}\u{323}",
        "ỳy\u{300}",
        "ýy\u{301}",
        "ỷy\u{309}",
        "ỹy\u{303}",
        "ỵy\u{323}",
        "ÀA\u{300}",
        "ÁA\u{301}",
        "ẢA\u{309}",
        "ÃA\u{303}",
        "ẠA\u{323}",
        "ĂA\u{306}",
        "ẰA\u{306}\u{300}",
        "ẮA\u{306}\u{301}",
        "ẲA\u{306}\u{309}",
        "ẴA\u{306}\u{303}",
        "ẶA\u{323}\u{306}",
        "ÂA\u{302}",
        "ẦA\u{302}\u{300}",
        "ẤA\u{302}\u{301}",
        "ẨA\u{302}\u{309}",
        "ẪA\u{302}\u{303}",
        "ẬA\u{323}\u{302}",
        "ÈE\u{300}",
        "ÉE\u{301}",
        "ẺE\u{309}",
        "ẼE\u{303}",
        "ẸE\u{323}",
        "ÊE\u{302}",
        "ỀE\u{302}\u{300}",
        "ẾE\u{302}\u{301}",
        "ỂE\u{302}\u{309}",
        "ỄE\u{302}\u{303}",
        "ỆE\u{323}\u{302}",
        "ÌI\u{300}",
        "ÍI\u{301}",
        "ỈI\u{309}",
        "ĨI\u{303}",
        "ỊI\u{323}",
        "ÒO\u{300}",
        "ÓO\u{301}",
        "ỎO\u{309}",
        "ÕO\u{303}",
        "ỌO\u{323}",
        "ÔO\u{302}",
        "ỒO\u{302}\u{300}",
        "ỐO\u{302}\u{301}",
        "ỔO\u{302}\u{309}",
        "ỖO\u{302}\u{303}",
        "ỘO\u{323}\u{302}",
        "ƠO\u{31b}",
        "ỜO\u{31b}\u{300}",
        "ỚO\u{31b}\u{301}",
        "ỞO\u{31b}\u{309}",
        "ỠO\u{31b}\u{303}",
        "ỢO\u{31b}\u{323}",
        "ÙU\u{300}",
        "ÚU\u{301}",
        "ỦU\u{309}",
        "ŨU\u{303}",
        "ỤU\u{323}",
        "ƯU\u{31b}",
        "ỪU\u{31b}\u{300}",
        "ỨU\u{31b}\u{301}",
        "ỬU\u{31b}\u{309}",
        "ỮU\u{31b}\u{303}",
        "ỰU\u{31b}\u{323}",
        "ỲY\u{300}",
        "ÝY\u{301}",
        "ỶY\u{309}",
        "ỸY\u{303}",
        "ỴY\u{323}",
    ];

    fn split(entry: &str) -> (char, &str) {
        let mut it = entry.chars();
        let c = it.next().expect("letter");
        (c, it.as_str())
    }

    #[test]
    fn every_decomposed_vietnamese_letter_composes() {
        for entry in NFD {
            let (c, nfd) = split(entry);
            assert_eq!(nfc(nfd), c.to_string(), "{nfd:?}");
            assert_eq!(nfc(&c.to_string()), c.to_string());
            // The base with its modifier precomposed and the tone as a mark, and the marks in
            // the order tools type them (modifier, then tone) where that is equivalent.
            let mut marks = Vec::new();
            let base = decompose(c, &mut marks);
            assert_eq!(
                nfd.chars().collect::<Vec<_>>(),
                std::iter::once(base)
                    .chain(marks.iter().copied())
                    .collect::<Vec<_>>()
            );
            if let [first, second] = marks.as_slice() {
                if class(*first) != class(*second) {
                    let swapped: String = [base, *second, *first].iter().collect();
                    assert_eq!(nfc(&swapped), c.to_string(), "{swapped:?}");
                }
            }
        }
    }

    #[test]
    fn names_in_any_form_agree() {
        let composed = "NGUYỄN VĂN AN, TRẦN THỊ BÌNH, ỦY BAN, Ợ";
        let decomposed: String = composed
            .chars()
            .flat_map(|c| {
                let mut marks = Vec::new();
                let base = decompose(c, &mut marks);
                std::iter::once(base).chain(marks)
            })
            .collect();
        assert_ne!(decomposed, composed);
        assert_eq!(nfc(&decomposed), composed);
        assert!(matches!(nfc(composed), Cow::Borrowed(_)));
        // Not canonically equivalent, so not merged: the circumflex after the acute (both class
        // 230) is a different string from ế.
        assert_eq!(nfc("e\u{301}\u{302}"), "é\u{302}");
        // A mark with no letter before it, and a mark after a non-Vietnamese letter, stay.
        assert_eq!(nfc("\u{301}x\u{301}"), "\u{301}x\u{301}");
    }
}
