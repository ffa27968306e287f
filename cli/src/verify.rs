//! `motcua verify FILE...`: each file read once, handed to `signature::verify` (or
//! `verify_detached` with `--content`), and its report printed. Every verdict comes from the
//! core; this module reads files, decides "now", prints, and maps `SignatureReport::passes` to
//! the exit status.

use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use motcua_core::signature::certificate::RevocationPolicy;
use motcua_core::signature::changes::Modification;
use motcua_core::signature::format::{Decree30Role, FormatVerdict, SignerClass, TimeSource};
use motcua_core::signature::report::{
    EntryKind, Indication, Integrity, SignatureReport, SignatureResult,
};
use motcua_core::signature::verify::{
    self, InputKind, OptionPart, ProfileName, VerifyError, VerifyOptions,
};
use motcua_core::Lang;
use serde::Serialize;

use crate::args::{ProfileArg, RevocationArg, RoleArg, VerifyArgs};
use crate::failure::Failure;
use crate::files::FileError;
use crate::json;
use crate::labels::{fill, Labels};
use crate::paint::{Paint, Painted};
use crate::progress::Progress;
use crate::render;
use crate::status::Status;
use crate::Context;

/// The whole file, read once into one buffer of its size (the core reads it in place).
fn read(path: &Path) -> Result<Vec<u8>, FileError> {
    read_whole(path).map_err(|source| match source.kind() {
        io::ErrorKind::NotFound => FileError::NotFound {
            path: path.to_owned(),
        },
        _ => FileError::Unreadable {
            path: path.to_owned(),
            source,
        },
    })
}

/// Buffers from this size on are backed by huge pages where the system offers them.
const HUGE_FROM: usize = 2 << 20;

/// The file's bytes in a buffer allocated at its size, backed by huge pages from [`HUGE_FROM`]
/// on (Linux): the kernel then maps a 30 MB file's buffer in 15 steps instead of 7,300, which
/// took longer than hashing it (benches/README.md, signature).
fn read_whole(path: &Path) -> io::Result<Vec<u8>> {
    let mut file = std::fs::File::open(path)?;
    let size = usize::try_from(file.metadata()?.len()).unwrap_or(usize::MAX);
    let mut bytes = Vec::new();
    bytes.try_reserve_exact(size).map_err(io::Error::other)?;
    if size >= HUGE_FROM {
        huge_pages(&mut bytes);
    }
    file.read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// Asks the kernel to back the whole pages of `buffer`'s allocation with transparent huge pages
/// (`madvise(MADV_HUGEPAGE)`, effective when `/sys/kernel/mm/transparent_hugepage/enabled` is
/// `madvise` or `always`). Advice only: the memory and its contents stay as they are, and a
/// refusal changes nothing but the speed.
#[cfg(target_os = "linux")]
#[allow(unsafe_code)]
fn huge_pages(buffer: &mut Vec<u8>) {
    const PAGE: usize = 4096;
    let start = buffer.as_mut_ptr() as usize;
    let begin = start.next_multiple_of(PAGE);
    let end = (start + buffer.capacity()) / PAGE * PAGE;
    if end > begin {
        // SAFETY: [begin, end) lies within the allocation `buffer` owns, which outlives the
        // call; MADV_HUGEPAGE neither frees, moves nor changes that memory.
        unsafe { libc::madvise(begin as *mut libc::c_void, end - begin, libc::MADV_HUGEPAGE) };
    }
}

#[cfg(not(target_os = "linux"))]
fn huge_pages(_: &mut Vec<u8>) {}

/// The options from the command line: certificates and CRLs read from their files.
fn options(args: &VerifyArgs) -> Result<VerifyOptions, Failure> {
    let now = match args.at {
        Some(t) => t.unix_instant().0,
        None => SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .ok()
            .and_then(|d| i64::try_from(d.as_secs()).ok())
            .ok_or(Failure::NoClock)?,
    };
    let mut o = VerifyOptions::new(now);
    let role = match args.role {
        RoleArg::Document => Decree30Role::Document,
        RoleArg::Attachment => Decree30Role::Attachment,
        RoleArg::Copy => Decree30Role::Copy,
    };
    o.profile = match args.profile {
        ProfileArg::Decree30 => ProfileName::Decree30,
        ProfileArg::None => ProfileName::None,
    }
    .profile(role);
    o.revocation = match args.revocation {
        RevocationArg::Required => RevocationPolicy::Required,
        RevocationArg::AcceptUnknown => RevocationPolicy::AcceptUnknown,
    };
    for (part, paths) in [
        (OptionPart::TrustAnchor, &args.trust),
        (OptionPart::Intermediate, &args.intermediate),
        (OptionPart::Crl, &args.crl),
        (OptionPart::Ocsp, &args.ocsp),
    ] {
        for path in paths {
            let bytes = read(path)?;
            o.add_certificates(part, &bytes)
                .map_err(|e| Failure::signature(path, &e))?;
        }
    }
    Ok(o)
}

/// A report as printed with `--json`: the file, then the report's fields.
#[derive(Serialize)]
struct FileReport<'a> {
    file: String,
    #[serde(flatten)]
    report: &'a SignatureReport,
}

/// Verifies every file and prints its report.
pub(crate) fn run(args: &VerifyArgs, cx: &Context, out: &mut impl Write) -> io::Result<Status> {
    let options = match options(args) {
        Ok(o) => o,
        Err(failure) => return Ok(cx.fail(out, &failure)),
    };
    let content = match args.content.as_deref().map(read).transpose() {
        Ok(c) => c,
        Err(e) => return Ok(cx.fail(out, &Failure::File(e))),
    };
    // A bar for bulk work only: one file is verified before a bar would be worth reading.
    let progress = if args.files.len() > 1 {
        Progress::for_person(args.json)
    } else {
        Progress::hidden()
    };
    progress.count(Labels::of(cx.lang).progress_verifying, args.files.len());
    let mut status = Status::Valid;
    for path in &args.files {
        progress.now_on(path);
        let verified = read(path).map_err(Failure::File).and_then(|bytes| {
            let detached = content
                .as_deref()
                .filter(|_| verify::sniff(&bytes) == Some(InputKind::Cms));
            match detached {
                Some(data) => verify::verify_detached(&bytes, data, &options),
                None => verify::verify(&bytes, &options),
            }
            .map_err(|e| Failure::signature(path, &e))
        });
        let printed = progress.suspend(|| {
            let printed = print(args, cx, out, path, verified);
            out.flush()?;
            printed
        });
        status = status.max(printed?);
        progress.done_one();
    }
    Ok(status)
}

/// Prints the report of the file at `path`, or why it could not be verified; returns its status.
fn print(
    args: &VerifyArgs,
    cx: &Context,
    out: &mut impl Write,
    path: &Path,
    verified: Result<SignatureReport, Failure>,
) -> io::Result<Status> {
    let report = match verified {
        Ok(report) => report,
        Err(failure) => return cx.fail_as(out, args.json, &failure),
    };
    if args.json {
        let line = FileReport {
            file: path.display().to_string(),
            report: &report,
        };
        json::line(out, &line)?;
    } else {
        out.write_all(text(&report, path, cx.lang, cx.paint).as_bytes())?;
    }
    Ok(Status::of(report.passes()))
}

/// One document's report as text.
fn text(report: &SignatureReport, path: &Path, lang: Lang, paint: Paint) -> String {
    let l = Labels::of(lang);
    let v = l.verify;
    let passes = report.passes();
    let indication = name(&report.indication);
    let mut s = format!(
        "{} {:?}: {} — {}\n",
        paint.verdict(passes, if passes { l.mark_valid } else { l.mark_invalid }),
        path.display().to_string(),
        paint.verdict(passes, if passes { v.passes } else { v.fails }),
        painted(report.indication, &indication, paint),
    );
    render::finding_lines(&mut s, "    ", &report.findings, lang, paint);
    for sig in &report.signatures {
        signature(&mut s, sig, lang, paint);
    }
    if let Some(f) = &report.format {
        let (verdict, style): (usize, fn(Paint, &str) -> Painted<'_>) = match f.verdict {
            FormatVerdict::Failed => (0, Paint::fail),
            FormatVerdict::Indeterminate => (1, Paint::warn),
            FormatVerdict::MachineChecksPassed => (2, Paint::pass),
        };
        let verdict = style(paint, v.format_verdicts[verdict]).to_string();
        s.push_str("    ");
        s.push_str(&fill(v.format, &[&verdict]));
        s.push('\n');
        let document = f.findings.iter().map(|x| &x.finding);
        render::finding_lines(&mut s, "        ", document, lang, paint);
        if !f.manual_checks.is_empty() {
            s.push_str("        ");
            s.push_str(&fill(v.manual, &[&f.manual_checks.len().to_string()]));
            s.push('\n');
        }
    }
    s
}

/// `text`, the name of `indication`, in green when it passed, red when it failed and yellow when
/// it is indeterminate.
fn painted(indication: Indication, text: &str, paint: Paint) -> Painted<'_> {
    match indication {
        Indication::TotalPassed => paint.pass(text),
        Indication::TotalFailed => paint.fail(text),
        Indication::Indeterminate => paint.warn(text),
    }
}

/// One signature's lines.
fn signature(s: &mut String, sig: &SignatureResult, lang: Lang, paint: Paint) {
    let l = Labels::of(lang);
    let v = l.verify;
    let what = match sig.kind {
        EntryKind::Signature => v.signature,
        EntryKind::DocumentTimestamp => v.document_timestamp,
    };
    let mut head = vec![fill(what, &[&format!("{:?}", sig.field)])];
    let mut verdict = name(&sig.indication);
    if let Some(sub) = &sig.sub_indication {
        verdict = format!("{verdict}/{}", name(sub));
    }
    head.push(painted(sig.indication, &verdict, paint).to_string());
    head.push(
        v.integrity[match sig.integrity {
            Some(Integrity::Intact) => 0,
            Some(Integrity::Broken) => 1,
            None => 2,
        }]
        .to_owned(),
    );
    head.push(
        v.modified[match sig.modified_after_signing.as_ref().map(|m| m.status) {
            Some(Modification::None) => 0,
            Some(Modification::Allowed) => 1,
            Some(Modification::Disallowed) => 2,
            None => 3,
        }]
        .to_owned(),
    );
    s.push_str("    ");
    s.push_str(&head.join("; "));
    s.push('\n');
    if let Some(signer) = &sig.signer {
        let class = match signer.class {
            SignerClass::Person => 0,
            SignerClass::Organisation => 1,
            SignerClass::Unknown => 2,
        };
        let who = signer.common_name.as_deref().unwrap_or(&signer.subject);
        s.push_str("        ");
        s.push_str(&fill(v.signer, &[&format!("{who:?}"), v.classes[class]]));
        s.push('\n');
    }
    if let Some(t) = &sig.signing_time {
        let source = match t.source {
            TimeSource::Timestamp => v.time_sources[0],
            TimeSource::CmsSigningTime => v.time_sources[1],
            TimeSource::PdfM => v.time_sources[2],
        };
        let how = if t.trusted {
            source.to_owned()
        } else {
            format!("{source}, {}", v.claimed)
        };
        s.push_str("        ");
        s.push_str(&fill(v.signing_time, &[&t.time, &how]));
        s.push('\n');
    }
    if let Some(m) = &sig.modified_after_signing {
        for c in &m.changes {
            s.push_str("        ");
            s.push_str(&fill(
                v.change,
                &[
                    &c.revision.to_string(),
                    &name(&c.kind),
                    v.allowed[usize::from(!c.allowed)],
                ],
            ));
            s.push('\n');
        }
    }
    let format = sig.format_findings.iter().map(|x| &x.finding);
    let list = sig
        .integrity_findings
        .iter()
        .chain(&sig.certificate_findings)
        .chain(format);
    render::finding_lines(s, "        ", list, lang, paint);
    if sig.sub_indication.map(|x| name(&x)).as_deref() == Some("SIGNED_DATA_NOT_FOUND") {
        s.push_str("        ");
        s.push_str(v.no_content);
        s.push('\n');
    }
}

/// The name of a value as it is written in JSON.
fn name(value: &impl Serialize) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

impl Failure {
    /// The core's refusal of the file at `path`.
    pub(crate) fn signature(path: &Path, e: &VerifyError) -> Self {
        Failure::Signature {
            path: PathBuf::from(path),
            finding: Box::new(e.to_finding()),
        }
    }
}
