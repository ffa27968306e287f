//! `motcua-forge OUT_DIR`: writes the test CA (PEM), every fixture and `fixtures.json`.
//! `motcua-forge large BYTES OUT_DIR`: writes the test CA (`ca/*.pem`) and `large-BYTES.pdf`, a
//! valid signed PDF of about BYTES bytes (`fixtures::large`), for the speed benches.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The test CA's certificates as `out/ca/NAME.pem`.
fn write_ca(ca: &motcua_forge::ca::TestCa, out: &Path) -> Result<(), Box<dyn std::error::Error>> {
    std::fs::create_dir_all(out.join("ca"))?;
    for (name, issued) in ca.all() {
        std::fs::write(
            out.join("ca").join(format!("{name}.pem")),
            motcua_forge::pem(&issued.der, motcua_forge::LineEnding::LF)?,
        )?;
    }
    Ok(())
}

/// `motcua-forge large BYTES OUT_DIR`.
fn large(size: &str, out: &Path) -> Result<PathBuf, Box<dyn std::error::Error>> {
    let size: usize = size.parse()?;
    let (ca, bytes) = motcua_forge::fixtures::large(size)?;
    write_ca(&ca, out)?;
    let file = out.join(format!("large-{size}.pdf"));
    std::fs::write(&file, bytes)?;
    Ok(file)
}

fn run(out: PathBuf) -> Result<usize, Box<dyn std::error::Error>> {
    let set = motcua_forge::fixtures::generate()?;
    write_ca(&set.ca, &out)?;
    for (name, der) in [
        ("root.crl", &set.validation.root_crl),
        ("intermediate.crl", &set.validation.intermediate_crl),
        ("person-good.ocsp", &set.validation.ocsp_person_good),
        ("revoked.ocsp", &set.validation.ocsp_revoked),
    ] {
        std::fs::write(out.join("ca").join(name), der)?;
    }
    let extra = &set.validation.extra;
    std::fs::create_dir_all(out.join("ca").join("extra"))?;
    for (name, issued) in extra.all() {
        std::fs::write(
            out.join("ca").join("extra").join(format!("{name}.pem")),
            motcua_forge::pem(&issued.der, motcua_forge::LineEnding::LF)?,
        )?;
    }
    std::fs::write(
        out.join("ca").join("extra").join("intermediate.crl"),
        &extra.crl,
    )?;
    for (name, der) in [
        ("person-good.ocsp", &extra.ocsp_person_good),
        ("revoked.ocsp", &extra.ocsp_revoked),
        ("person-unauthorised.ocsp", &extra.ocsp_unauthorised),
    ] {
        std::fs::write(out.join("ca").join("extra").join(name), der)?;
    }
    for (name, bytes) in &set.data {
        std::fs::write(out.join(name), bytes)?;
    }
    for f in &set.fixtures {
        std::fs::write(out.join(&f.file), &f.bytes)?;
    }
    let manifest = serde_json::to_string_pretty(&motcua_forge::fixtures::manifest(&set.fixtures))?;
    std::fs::write(out.join("fixtures.json"), manifest + "\n")?;
    Ok(set.fixtures.len())
}

fn main() -> ExitCode {
    let args: Vec<_> = std::env::args_os().skip(1).collect();
    if let [command, size, out] = &args[..] {
        if command == "large" {
            return match large(&size.to_string_lossy(), Path::new(out)) {
                Ok(file) => {
                    eprintln!("motcua-forge: wrote {}", file.display());
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("motcua-forge: {e}");
                    ExitCode::FAILURE
                }
            };
        }
    }
    let [out] = &args[..] else {
        eprintln!("usage: motcua-forge OUT_DIR | motcua-forge large BYTES OUT_DIR");
        return ExitCode::from(2);
    };
    match run(PathBuf::from(out)) {
        Ok(n) => {
            eprintln!("motcua-forge: wrote {n} fixtures and fixtures.json");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("motcua-forge: {e}");
            ExitCode::FAILURE
        }
    }
}
