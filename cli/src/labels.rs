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
    /// Progress bar: the files being verified.
    pub(crate) progress_verifying: &'static str,
    /// Progress bar: a file being read.
    pub(crate) progress_reading: &'static str,
    /// Progress bar: a log of events being replayed.
    pub(crate) progress_replaying: &'static str,
    /// Progress bar: a log of status codes being checked.
    pub(crate) progress_checking: &'static str,
    /// Labels of what identifiers say.
    pub(crate) info: &'static InfoLabels,
    /// Words of `motcua calendar`.
    pub(crate) calendar: &'static CalendarLabels,
    /// Words of `motcua lifecycle`.
    pub(crate) lifecycle: &'static LifecycleLabels,
    /// Words of `motcua verify`.
    pub(crate) verify: &'static VerifyLabels,
}

/// Words of `motcua verify`. A `{}` in a template is filled in order by [`fill`].
#[derive(Debug)]
pub(crate) struct VerifyLabels {
    /// The document passes.
    pub(crate) passes: &'static str,
    /// The document does not pass.
    pub(crate) fails: &'static str,
    /// A signature: its field name.
    pub(crate) signature: &'static str,
    /// A document timestamp: its field name.
    pub(crate) document_timestamp: &'static str,
    /// Integrity: intact, broken, not established.
    pub(crate) integrity: [&'static str; 3],
    /// Changes after signing: none, allowed, disallowed, not checked.
    pub(crate) modified: [&'static str; 4],
    /// The signer: name, class.
    pub(crate) signer: &'static str,
    /// Person, organisation, unknown.
    pub(crate) classes: [&'static str; 3],
    /// The signing time: time, source.
    pub(crate) signing_time: &'static str,
    /// Timestamp, CMS signingTime, `/M`; then "claimed" for an unproven time.
    pub(crate) time_sources: [&'static str; 3],
    /// A claimed time.
    pub(crate) claimed: &'static str,
    /// A change after signing: revision, kind, allowed or not.
    pub(crate) change: &'static str,
    /// Allowed, not allowed.
    pub(crate) allowed: [&'static str; 2],
    /// The Decree 30 profile's verdict: the verdict.
    pub(crate) format: &'static str,
    /// Failed, indeterminate, machine checks passed.
    pub(crate) format_verdicts: [&'static str; 3],
    /// Manual checks left: how many.
    pub(crate) manual: &'static str,
    /// The detached CMS has no content given.
    pub(crate) no_content: &'static str,
}

/// Words of `motcua lifecycle`. A `{}` in a template is filled in order by [`fill`].
#[derive(Debug)]
pub(crate) struct LifecycleLabels {
    /// A dossier: its name, state, portal status code.
    pub(crate) dossier: &'static str,
    /// The rule version: its instruments.
    pub(crate) rules: &'static str,
    /// No rule version applies.
    pub(crate) no_rules: &'static str,
    /// The due time.
    pub(crate) due: &'static str,
    /// [`motcua_core::lifecycle::Timeliness`], in its declaration order.
    pub(crate) timeliness: [&'static str; 5],
    /// The due date was moved by an apology slip.
    pub(crate) extended: &'static str,
    /// The result is ready and not collected.
    pub(crate) uncollected: &'static str,
    /// A refused event: line, event type.
    pub(crate) refused: &'static str,
    /// The states a dossier of a status log may be in.
    pub(crate) may_be: &'static str,
    /// An impossible status change: line.
    pub(crate) problem: &'static str,
    /// Indicators of a group: name, dossiers, early, on time, late, pending, on-time rate,
    /// online share.
    pub(crate) kpi: &'static str,
    /// The group of every dossier.
    pub(crate) overall: &'static str,
    /// Title of the groups by agency.
    pub(crate) by_agency: &'static str,
    /// Title of the groups by procedure.
    pub(crate) by_procedure: &'static str,
    /// Title of the groups by month of receipt.
    pub(crate) by_month: &'static str,
    /// Graphviz's `dot` is not installed: the package to install.
    pub(crate) no_graphviz: &'static str,
    /// Graphviz's `dot` could not be run.
    pub(crate) graphviz_unrunnable: &'static str,
    /// Graphviz's `dot` failed: its exit status.
    pub(crate) graphviz_failed: &'static str,
}

const LIFECYCLE_VI: LifecycleLabels = LifecycleLabels {
    dossier: "Hồ sơ {}: {} (mã trạng thái {})",
    rules: "theo {}",
    no_rules: "chưa có quy định áp dụng",
    due: "hạn giải quyết {}",
    timeliness: [
        "trước hạn",
        "đúng hạn",
        "quá hạn",
        "đang giải quyết",
        "không xét hạn",
    ],
    extended: "đã hẹn lại ngày trả kết quả",
    uncollected: "kết quả chưa được nhận",
    refused: "dòng {}: sự kiện {} bị từ chối",
    may_be: "có thể đang ở: {}",
    problem: "dòng {}",
    kpi: "{}: {} hồ sơ, {} trước hạn, {} đúng hạn, {} quá hạn, {} đang giải quyết; tỉ lệ đúng hạn {}, nộp trực tuyến {}",
    overall: "Tất cả",
    by_agency: "Theo cơ quan tiếp nhận:",
    by_procedure: "Theo thủ tục:",
    by_month: "Theo tháng tiếp nhận:",
    no_graphviz: "cần chương trình `dot` của Graphviz để vẽ SVG nhưng không tìm thấy trên PATH; \
                  hãy cài gói {} (Debian, Ubuntu: apt-get install {})",
    graphviz_unrunnable: "không chạy được",
    graphviz_failed: "chạy lỗi ({})",
};

const LIFECYCLE_EN: LifecycleLabels = LifecycleLabels {
    dossier: "Dossier {}: {} (status code {})",
    rules: "under {}",
    no_rules: "no rules apply",
    due: "due {}",
    timeliness: ["early", "on time", "late", "pending", "not judged for time"],
    extended: "return date re-set by an apology",
    uncollected: "result not collected",
    refused: "line {}: event {} refused",
    may_be: "may be in: {}",
    problem: "line {}",
    kpi: "{}: {} dossier(s), {} early, {} on time, {} late, {} pending; on time {}, online {}",
    overall: "All",
    by_agency: "By receiving agency:",
    by_procedure: "By procedure:",
    by_month: "By month of receipt:",
    no_graphviz: "drawing SVG needs Graphviz's `dot`, which is not on PATH; install the package \
                  {} (Debian, Ubuntu: apt-get install {})",
    graphviz_unrunnable: "cannot be run",
    graphviz_failed: "failed ({})",
};

/// Words of `motcua calendar`. A `{}` in a template is filled in order by [`fill`].
#[derive(Debug)]
pub(crate) struct CalendarLabels {
    /// A lunar date: day, month, leap mark, year name, lunar year.
    pub(crate) lunar_date: &'static str,
    /// After the month of a leap month.
    pub(crate) leap: &'static str,
    /// Short weekday names, Monday first.
    pub(crate) weekdays: [&'static str; 7],
    /// A day off.
    pub(crate) off: &'static str,
    /// A Saturday made a working day.
    pub(crate) work: &'static str,
    /// [`motcua_core::calendar::holidays::Occasion`], in its declaration order.
    pub(crate) occasions: [&'static str; 6],
    /// A yearly decision: year, document, status, basis.
    pub(crate) decision: &'static str,
    /// A yearly decision whose document number is not known.
    pub(crate) unknown_document: &'static str,
    /// Computed from the statute: the article.
    pub(crate) rules: &'static str,
    /// A compensatory day: the article.
    pub(crate) compensatory: &'static str,
    /// The due time.
    pub(crate) due: &'static str,
    /// No due time while waiting for a supplement.
    pub(crate) waiting: &'static str,
    /// An ordinary working day.
    pub(crate) working_day: &'static str,
    /// A weekly rest day.
    pub(crate) weekly_rest: &'static str,
    /// Step: received at.
    pub(crate) received: &'static str,
    /// Step: received on a day that is not a working day: the day, counts from.
    pub(crate) received_on_day_off: &'static str,
    /// Step: received after the cut-off: cut-off, counts from.
    pub(crate) received_after_cutoff: &'static str,
    /// Step: a day counted: date, number, day.
    pub(crate) counted: &'static str,
    /// Step: a day skipped: date, day.
    pub(crate) skipped: &'static str,
    /// Step: working time counted on a date: date, hours, minutes.
    pub(crate) hours: &'static str,
    /// Step: a calendar-day limit moved to a working day: from, to.
    pub(crate) moved: &'static str,
    /// Step: a supplement requested at.
    pub(crate) supplement_requested: &'static str,
    /// Step: complete again, the limit restarts: at.
    pub(crate) restarted: &'static str,
    /// Step: complete again, the due date moves: at, working days.
    pub(crate) resumed: &'static str,
    /// Step: a new appointment: from, to.
    pub(crate) extended: &'static str,
}

/// `template` with each `{}` replaced by the next of `values`.
pub(crate) fn fill(template: &str, values: &[&str]) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    let mut values = values.iter();
    while let Some(i) = rest.find("{}") {
        out.push_str(&rest[..i]);
        out.push_str(values.next().copied().unwrap_or_default());
        rest = &rest[i + 2..];
    }
    out.push_str(rest);
    out
}

const CALENDAR_VI: CalendarLabels = CalendarLabels {
    lunar_date: "âm lịch ngày {} tháng {}{} năm {} ({})",
    leap: " nhuận",
    weekdays: ["T2", "T3", "T4", "T5", "T6", "T7", "CN"],
    off: "nghỉ",
    work: "làm bù",
    occasions: [
        "Tết Dương lịch",
        "Tết Âm lịch",
        "Giỗ Tổ Hùng Vương",
        "Ngày Chiến thắng",
        "Quốc tế Lao động",
        "Quốc khánh",
    ],
    decision: "dữ liệu năm {}: văn bản {}, {} ({})",
    unknown_document: "chưa rõ số",
    rules: "tính theo {}",
    compensatory: "nghỉ bù theo {}",
    due: "Hạn giải quyết",
    waiting: "chưa có hạn: đang chờ bổ sung hồ sơ",
    working_day: "ngày làm việc",
    weekly_rest: "nghỉ hằng tuần",
    received: "tiếp nhận lúc {}",
    received_on_day_off: "tiếp nhận vào ngày không làm việc ({}); tính như tiếp nhận ngày {}",
    received_after_cutoff: "tiếp nhận sau {}; tính như tiếp nhận ngày {}",
    counted: "{}: ngày thứ {} ({})",
    skipped: "{}: không tính ({})",
    hours: "{}: tính {} giờ {} phút",
    moved: "hạn rơi vào ngày nghỉ {}, chuyển sang ngày làm việc {}",
    supplement_requested: "yêu cầu bổ sung lúc {}; thời hạn dừng lại",
    restarted: "nhận đủ hồ sơ lúc {}; thời hạn tính lại từ đầu",
    resumed: "nhận đủ hồ sơ lúc {}; hạn lùi thêm {} ngày làm việc đã dừng",
    extended: "hẹn lại (phiếu xin lỗi): từ {} sang {}",
};

const CALENDAR_EN: CalendarLabels = CalendarLabels {
    lunar_date: "lunar day {} of month {}{} of the year {} ({})",
    leap: " (leap)",
    weekdays: ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
    off: "day off",
    work: "working Saturday",
    occasions: [
        "New Year",
        "Lunar New Year (Tết)",
        "Hùng Kings' Commemoration",
        "Victory Day",
        "Labour Day",
        "National Day",
    ],
    decision: "yearly data {}: document {}, {} ({})",
    unknown_document: "number unknown",
    rules: "computed under {}",
    compensatory: "compensatory day under {}",
    due: "Due",
    waiting: "no due date: waiting for the supplement",
    working_day: "working day",
    weekly_rest: "weekly rest",
    received: "received at {}",
    received_on_day_off:
        "received on a day that is not a working day ({}); counted as received on {}",
    received_after_cutoff: "received after {}; counted as received on {}",
    counted: "{}: day {} ({})",
    skipped: "{}: not counted ({})",
    hours: "{}: {} h {} min counted",
    moved: "the limit ends on the day off {} and moves to the working day {}",
    supplement_requested: "supplement requested at {}; the clock stops",
    restarted: "complete dossier received at {}; the limit runs again from the start",
    resumed: "complete dossier received at {}; the due date moves by {} working day(s) stopped",
    extended: "new appointment (apology slip): from {} to {}",
};

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

const VERIFY_VI: VerifyLabels = VerifyLabels {
    passes: "đạt",
    fails: "không đạt",
    signature: "chữ ký {}",
    document_timestamp: "dấu thời gian tài liệu {}",
    integrity: [
        "toàn vẹn",
        "không toàn vẹn",
        "chưa xác định được tính toàn vẹn",
    ],
    modified: [
        "không sửa đổi sau khi ký",
        "có sửa đổi được phép sau khi ký",
        "có sửa đổi KHÔNG được phép sau khi ký",
        "chưa kiểm tra sửa đổi sau khi ký",
    ],
    signer: "người ký: {} ({})",
    classes: ["cá nhân", "cơ quan, tổ chức", "chưa xác định"],
    signing_time: "thời điểm ký: {} ({})",
    time_sources: ["dấu thời gian", "signingTime trong CMS", "/M của PDF"],
    claimed: "do người ký khai báo",
    change: "phiên bản {}: {} ({})",
    allowed: ["được phép", "không được phép"],
    format: "Thể thức chữ ký số theo Nghị định 30/2020/NĐ-CP: {}",
    format_verdicts: ["không đạt", "chưa xác định", "đạt các kiểm tra tự động"],
    manual: "{} mục cần người kiểm tra",
    no_content: "chữ ký CMS tách rời: hãy chỉ ra dữ liệu đã ký bằng --content",
};

const VERIFY_EN: VerifyLabels = VerifyLabels {
    passes: "passes",
    fails: "does not pass",
    signature: "signature {}",
    document_timestamp: "document timestamp {}",
    integrity: ["intact", "broken", "integrity not established"],
    modified: [
        "not modified after signing",
        "modified after signing, as allowed",
        "modified after signing, NOT allowed",
        "changes after signing not checked",
    ],
    signer: "signer: {} ({})",
    classes: ["person", "organisation", "unknown"],
    signing_time: "signing time: {} ({})",
    time_sources: ["timestamp", "CMS signingTime", "PDF /M"],
    claimed: "claimed by the signer",
    change: "revision {}: {} ({})",
    allowed: ["allowed", "not allowed"],
    format: "Signature format under Decree 30/2020/NĐ-CP: {}",
    format_verdicts: ["failed", "indeterminate", "machine checks passed"],
    manual: "{} item(s) for a person to check",
    no_content: "detached CMS signature: give the signed data with --content",
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
    progress_verifying: "đang kiểm tra chữ ký",
    progress_reading: "đang đọc",
    progress_replaying: "đang phát lại nhật ký",
    progress_checking: "đang kiểm tra nhật ký",
    info: &INFO_VI,
    calendar: &CALENDAR_VI,
    lifecycle: &LIFECYCLE_VI,
    verify: &VERIFY_VI,
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
    progress_verifying: "verifying",
    progress_reading: "reading",
    progress_replaying: "replaying the log",
    progress_checking: "checking the log",
    info: &INFO_EN,
    calendar: &CALENDAR_EN,
    lifecycle: &LIFECYCLE_EN,
    verify: &VERIFY_EN,
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
