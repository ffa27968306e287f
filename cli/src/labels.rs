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
    /// Labels of what identifiers say.
    pub(crate) info: &'static InfoLabels,
}

/// Labels of what a valid identifier says ([`motcua_core::ids::IdInfo`]), and names of the
/// core's enumerations found there.
#[derive(Debug)]
pub(crate) struct InfoLabels {
    /// Province where the birth was registered.
    pub(crate) birth_registered_in: &'static str,
    /// Sex.
    pub(crate) sex: &'static str,
    /// [`motcua_core::ids::Sex::Male`].
    pub(crate) male: &'static str,
    /// [`motcua_core::ids::Sex::Female`].
    pub(crate) female: &'static str,
    /// Year of birth.
    pub(crate) birth_year: &'static str,
    /// Last day an old identity card can be valid.
    pub(crate) valid_until_at_latest: &'static str,
    /// Form of a tax code.
    pub(crate) tax_form: &'static str,
    /// [`motcua_core::ids::TaxCodeForm::Main`].
    pub(crate) tax_form_main: &'static str,
    /// [`motcua_core::ids::TaxCodeForm::DependentUnit`].
    pub(crate) tax_form_dependent_unit: &'static str,
    /// [`motcua_core::ids::TaxCodeForm::PersonalId`].
    pub(crate) tax_form_personal_id: &'static str,
    /// Tax code of the head office.
    pub(crate) head_office: &'static str,
    /// Number of the dependent unit.
    pub(crate) branch: &'static str,
    /// Level-1 unit of an agency code.
    pub(crate) level1: &'static str,
    /// Group of the level-1 unit.
    pub(crate) group: &'static str,
    /// [`motcua_core::ids::AgencyGroup::Government`].
    pub(crate) group_government: &'static str,
    /// [`motcua_core::ids::AgencyGroup::Province`].
    pub(crate) group_province: &'static str,
    /// Deepest level with a unit.
    pub(crate) level: &'static str,
    /// National procedure code.
    pub(crate) national_code: &'static str,
    /// Agency that published the procedure.
    pub(crate) publishing_agency: &'static str,
    /// Online-service part of a procedure code.
    pub(crate) online_service: &'static str,
    /// Pattern of a dossier code.
    pub(crate) pattern: &'static str,
    /// [`motcua_core::ids::DossierPattern::Circular01Of2018`].
    pub(crate) pattern_circular_01_2018: &'static str,
    /// [`motcua_core::ids::DossierPattern::Circular03Of2025`].
    pub(crate) pattern_circular_03_2025: &'static str,
    /// [`motcua_core::ids::DossierPattern::PortalObserved`].
    pub(crate) pattern_portal_observed: &'static str,
    /// Agency part of a dossier code.
    pub(crate) agency: &'static str,
    /// Date of receipt.
    pub(crate) received_on: &'static str,
    /// Daily sequence number.
    pub(crate) sequence: &'static str,
    /// Centralised system's code.
    pub(crate) system: &'static str,
    /// Kind of phone line.
    pub(crate) line: &'static str,
    /// [`motcua_core::ids::PhoneLine::Mobile`].
    pub(crate) mobile: &'static str,
    /// [`motcua_core::ids::PhoneLine::Landline`].
    pub(crate) landline: &'static str,
    /// Phone number in national form.
    pub(crate) national_form: &'static str,
    /// Mobile prefix or area code.
    pub(crate) prefix: &'static str,
    /// Mobile network.
    pub(crate) carrier: &'static str,
    /// Province of a landline area code.
    pub(crate) area: &'static str,
}

const INFO_VI: InfoLabels = InfoLabels {
    birth_registered_in: "nơi đăng ký khai sinh",
    sex: "giới tính",
    male: "nam",
    female: "nữ",
    birth_year: "năm sinh",
    valid_until_at_latest: "còn giá trị chậm nhất đến",
    tax_form: "loại",
    tax_form_main: "mã số thuế 10 số",
    tax_form_dependent_unit: "mã số thuế của đơn vị phụ thuộc",
    tax_form_personal_id: "số định danh cá nhân dùng làm mã số thuế",
    head_office: "mã số thuế của đơn vị chủ quản",
    branch: "số thứ tự đơn vị phụ thuộc",
    level1: "đơn vị cấp 1",
    group: "nhóm",
    group_government: "cơ quan thuộc Chính phủ",
    group_province: "tỉnh, thành phố trực thuộc trung ương",
    level: "cấp của đơn vị",
    national_code: "mã thủ tục quốc gia",
    publishing_agency: "cơ quan công bố",
    online_service: "dịch vụ công trực tuyến",
    pattern: "cấu trúc",
    pattern_circular_01_2018: "theo Thông tư 01/2018/TT-VPCP",
    pattern_circular_03_2025: "theo Thông tư 03/2025/TT-VPCP",
    pattern_portal_observed: "dạng dùng trên Cổng Dịch vụ công quốc gia",
    agency: "cơ quan",
    received_on: "ngày tiếp nhận",
    sequence: "số thứ tự",
    system: "mã hệ thống",
    line: "loại thuê bao",
    mobile: "di động",
    landline: "cố định",
    national_form: "dạng trong nước",
    prefix: "đầu số",
    carrier: "nhà mạng",
    area: "tỉnh của mã vùng",
};

const INFO_EN: InfoLabels = InfoLabels {
    birth_registered_in: "birth registered in",
    sex: "sex",
    male: "male",
    female: "female",
    birth_year: "born in",
    valid_until_at_latest: "valid at the latest until",
    tax_form: "form",
    tax_form_main: "10-digit tax code",
    tax_form_dependent_unit: "tax code of a dependent unit",
    tax_form_personal_id: "personal ID used as the tax code",
    head_office: "head office's tax code",
    branch: "dependent unit number",
    level1: "level-1 unit",
    group: "group",
    group_government: "Government body",
    group_province: "province or centrally-run city",
    level: "unit level",
    national_code: "national procedure code",
    publishing_agency: "publishing agency",
    online_service: "online service",
    pattern: "pattern",
    pattern_circular_01_2018: "Circular 01/2018/TT-VPCP",
    pattern_circular_03_2025: "Circular 03/2025/TT-VPCP",
    pattern_portal_observed: "as used on the National Public Service Portal",
    agency: "agency",
    received_on: "received on",
    sequence: "sequence number",
    system: "system code",
    line: "line",
    mobile: "mobile",
    landline: "landline",
    national_form: "national form",
    prefix: "prefix",
    carrier: "network",
    area: "area code's province",
};

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
    info: &INFO_VI,
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
    info: &INFO_EN,
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
