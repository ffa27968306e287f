//! Every human string the CLI itself prints, in Vietnamese and English.
//!
//! These are presentation only: verdicts, codes and finding messages come from the core and its
//! catalog (`spec/findings/`). Keeping the labels here, in one table per language, keeps the two
//! languages side by side and the rest of the CLI free of text.

use motcua_core::Lang;

/// The CLI's own words in one language.
#[derive(Debug)]
pub(crate) struct Labels {
    /// Mark before a valid value or dossier.
    pub(crate) mark_valid: &'static str,
    /// Mark before an invalid value or dossier.
    pub(crate) mark_invalid: &'static str,
    /// Verdict of a valid value.
    pub(crate) valid: &'static str,
    /// Verdict of an invalid value.
    pub(crate) invalid: &'static str,
    /// Severity label of an error finding.
    pub(crate) error: &'static str,
    /// Severity label of a warning finding.
    pub(crate) warning: &'static str,
    /// Introduces the JSON pointer of a finding.
    pub(crate) at: &'static str,
    /// Noun before a dossier's file name.
    pub(crate) dossier: &'static str,
    /// Introduces the procedure a dossier was checked against.
    pub(crate) procedure: &'static str,
    /// Counted noun: errors.
    pub(crate) errors_count: &'static str,
    /// Counted noun: warnings.
    pub(crate) warnings_count: &'static str,
    /// Prefix of every message on standard error.
    pub(crate) fatal: &'static str,
    /// A file does not exist.
    pub(crate) not_found: &'static str,
    /// A file exists but cannot be read.
    pub(crate) unreadable: &'static str,
    /// A file or line is not UTF-8 text.
    pub(crate) not_utf8: &'static str,
    /// Unit after a byte count.
    pub(crate) bytes: &'static str,
    /// Before the offset of a byte in a file.
    pub(crate) byte_offset: &'static str,
    /// "at most", before a limit.
    pub(crate) at_most: &'static str,
    /// Word before a line number.
    pub(crate) line: &'static str,
    /// Name of standard input in messages.
    pub(crate) stdin: &'static str,
    /// A line of standard input is longer than the limit.
    pub(crate) line_too_long: &'static str,
    /// `-` was given more than once.
    pub(crate) stdin_twice: &'static str,
    /// The system clock cannot give today's date.
    pub(crate) no_clock: &'static str,
    /// Standard input could not be read.
    pub(crate) stdin_failed: &'static str,
    /// Standard output could not be written.
    pub(crate) stdout_failed: &'static str,
}

const VI: Labels = Labels {
    mark_valid: "✓",
    mark_invalid: "✗",
    valid: "hợp lệ",
    invalid: "không hợp lệ",
    error: "lỗi",
    warning: "cảnh báo",
    at: "tại",
    dossier: "Hồ sơ",
    procedure: "thủ tục",
    errors_count: "lỗi",
    warnings_count: "cảnh báo",
    fatal: "motcua: lỗi",
    not_found: "không tìm thấy tệp",
    unreadable: "không đọc được tệp",
    not_utf8: "không phải văn bản UTF-8",
    bytes: "byte",
    byte_offset: "vị trí byte",
    at_most: "tối đa",
    line: "dòng",
    stdin: "đầu vào chuẩn",
    line_too_long: "dòng quá dài",
    stdin_twice: "chỉ được dùng `-` (đọc từ đầu vào chuẩn) một lần",
    no_clock: "không xác định được ngày hôm nay từ đồng hồ hệ thống; hãy dùng --today YYYY-MM-DD",
    stdin_failed: "không đọc được đầu vào chuẩn",
    stdout_failed: "không ghi được ra đầu ra chuẩn",
};

const EN: Labels = Labels {
    mark_valid: "✓",
    mark_invalid: "✗",
    valid: "valid",
    invalid: "invalid",
    error: "error",
    warning: "warning",
    at: "at",
    dossier: "Dossier",
    procedure: "procedure",
    errors_count: "error(s)",
    warnings_count: "warning(s)",
    fatal: "motcua: error",
    not_found: "no such file",
    unreadable: "cannot read the file",
    not_utf8: "not UTF-8 text",
    bytes: "bytes",
    byte_offset: "byte offset",
    at_most: "at most",
    line: "line",
    stdin: "standard input",
    line_too_long: "the line is too long",
    stdin_twice: "`-` (read from standard input) may be given only once",
    no_clock: "cannot tell today's date from the system clock; use --today YYYY-MM-DD",
    stdin_failed: "cannot read standard input",
    stdout_failed: "cannot write to standard output",
};

impl Labels {
    /// The labels in `lang`.
    pub(crate) fn of(lang: Lang) -> &'static Labels {
        match lang {
            Lang::Vi => &VI,
            Lang::En => &EN,
        }
    }
}
