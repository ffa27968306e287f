//! Text matching for the format rules: Vietnamese written with precomposed (NFC) or decomposed
//! (NFD) diacritics, in any case, compared after folding (signature-format.md, practical notes:
//! "normalise … and compare case-insensitively, with optional diacritic folding").

/// `s` lower-cased, its Vietnamese diacritics removed (`đ` → `d`), every run of characters that
/// are not letters or digits turned into one space, trimmed.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = true;
    for c in s.chars().flat_map(char::to_lowercase) {
        // Combining marks (NFD accents, the horn and the breve) carry no letter.
        if ('\u{0300}'..='\u{036F}').contains(&c) {
            continue;
        }
        let base = base_letter(c);
        if base.is_alphanumeric() {
            out.push(base);
            space = false;
        } else if !space {
            out.push(' ');
            space = true;
        }
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

/// The letter without its Vietnamese diacritics.
fn base_letter(c: char) -> char {
    const GROUPS: [(char, &str); 7] = [
        ('a', "àáảãạăằắẳẵặâầấẩẫậ"),
        ('e', "èéẻẽẹêềếểễệ"),
        ('i', "ìíỉĩị"),
        ('o', "òóỏõọôồốổỗộơờớởỡợ"),
        ('u', "ùúủũụưừứửữự"),
        ('y', "ỳýỷỹỵ"),
        ('d', "đ"),
    ];
    GROUPS
        .iter()
        .find(|(_, variants)| variants.contains(c))
        .map_or(c, |(base, _)| *base)
}

/// Whether the folded words of `needle` appear in order, side by side, in the folded `haystack`.
pub fn contains_words(haystack: &str, needle: &str) -> bool {
    let needle = fold(needle);
    if needle.is_empty() {
        return false;
    }
    let hay = format!(" {} ", fold(haystack));
    hay.contains(&format!(" {needle} "))
}

/// Whether `text` shows the name `name` (a certificate's CN or O): the whole name, or a run of
/// at least three of its words side by side (or all of a shorter name), compared folded. Tools
/// shorten agency names ("SỞ TƯ PHÁP" for "SỞ TƯ PHÁP THÀNH PHỐ HÀ NỘI"), hence the run.
pub fn shows_name(text: &str, name: &str) -> bool {
    let words: Vec<String> = fold(name).split(' ').map(str::to_owned).collect();
    if words.iter().all(String::is_empty) {
        return false;
    }
    let run = words.len().min(3);
    words
        .windows(run)
        .any(|w| contains_words(text, &w.join(" ")))
}

/// The copy type shown, if any (Decree 30/2020 Appendix I Part II Section I item 1: "SAO Y",
/// "SAO LỤC", "TRÍCH SAO"), compared folded.
pub fn copy_type(text: &str) -> Option<&'static str> {
    ["sao y", "sao luc", "trich sao"]
        .into_iter()
        .find(|t| contains_words(text, t))
}

/// Whether `text` shows a document number and symbol as Appendix I Part I Section II item 3
/// point c writes it (signature-format.md §5.1): a number (leading 0 below 10), `/`, then an
/// upper-case symbol of groups joined by `-` without spaces, a normative document's year
/// segment allowed (`30/2020/NĐ-CP`).
pub fn has_number_symbol(text: &str) -> bool {
    text.split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '(' | ')'))
        .any(number_symbol)
}

fn number_symbol(word: &str) -> bool {
    let word = word.strip_prefix("Số:").unwrap_or(word);
    let mut parts = word.split('/');
    let Some(number) = parts.next() else {
        return false;
    };
    // Below 10 the number has a leading 0 ("05"); from 10 it has none ("123").
    let number_ok = number.len() >= 2
        && number.chars().all(|c| c.is_ascii_digit())
        && (!number.starts_with('0') || (number.len() == 2 && number != "00"));
    let rest: Vec<&str> = parts.collect();
    let Some((symbol, year)) = rest.split_last() else {
        return false;
    };
    let year_ok = match year {
        [] => true,
        [y] => y.len() == 4 && y.chars().all(|c| c.is_ascii_digit()),
        _ => false,
    };
    let groups: Vec<&str> = symbol.split('-').collect();
    let group_ok = |g: &str, first: bool| {
        let mut chars = g.chars();
        let Some(c0) = chars.next() else {
            return false;
        };
        let lead = c0.is_uppercase() || (!first && c0.is_ascii_digit());
        lead && g.chars().all(|c| c.is_alphanumeric() || c == '.')
    };
    number_ok
        && year_ok
        && groups.len() >= 2
        && groups.iter().enumerate().all(|(i, g)| group_ok(g, i == 0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_equates_nfc_nfd_and_case() {
        assert_eq!(fold("SỞ TƯ PHÁP"), "so tu phap");
        // NFD: S + O + U+031B (horn) + U+0309 (hook above) …
        assert_eq!(fold("SO\u{31B}\u{309} TU\u{31B} PHA\u{301}P"), "so tu phap");
        assert_eq!(fold("ĐỖ VĂN HẢI"), "do van hai");
        assert_eq!(fold("  UỶ BAN, nhân dân "), "uy ban nhan dan");
        assert!(contains_words(
            "SAO Y SỞ TƯ PHÁP THÀNH PHỐ HÀ NỘI",
            "so tu phap"
        ));
        assert!(!contains_words("SO TU PHAPX", "so tu phap"));
        assert!(!contains_words("anything", ""));
        assert!(shows_name(
            "SAO Y SO TU PHAP HA NOI 2026-03-05T09:30:15+07:00",
            "SỞ TƯ PHÁP THÀNH PHỐ HÀ NỘI"
        ));
        assert!(!shows_name("SAO Y HA NOI", "SỞ TƯ PHÁP THÀNH PHỐ HÀ NỘI"));
        assert!(shows_name("Cục Thuế", "CỤC THUẾ"));
        assert!(!shows_name("anything", ""));
    }

    #[test]
    fn copy_types_are_found_with_or_without_diacritics() {
        assert_eq!(copy_type("SAO Y SO TU PHAP"), Some("sao y"));
        assert_eq!(copy_type("TRÍCH SAO; Sở Tư pháp"), Some("trich sao"));
        assert_eq!(copy_type("SAO LỤC"), Some("sao luc"));
        assert_eq!(copy_type("SO TU PHAP 2026-03-05T09:30:15+07:00"), None);
        assert_eq!(copy_type("SAOY"), None);
    }

    #[test]
    fn number_and_symbol_follow_item_3_point_c() {
        assert!(has_number_symbol("123/QD-STP 2026-03-05T09:30:15+07:00"));
        assert!(has_number_symbol("Số: 05/QĐ-UBND"));
        assert!(has_number_symbol("Số:123/UBND-VP"));
        assert!(has_number_symbol("30/2020/NĐ-CP"));
        assert!(
            !has_number_symbol("5/QĐ-UBND"),
            "below 10 needs a leading 0"
        );
        assert!(!has_number_symbol("005/QĐ-UBND"));
        assert!(!has_number_symbol("123/QĐ"), "type and issuer");
        assert!(!has_number_symbol("123/qd-stp"));
        assert!(!has_number_symbol("2026-03-05T09:30:15+07:00"));
        assert!(!has_number_symbol("123 / QĐ-UBND"));
    }
}
