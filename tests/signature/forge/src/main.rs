//! `motcua-forge OUT_DIR`: writes the test CA (PEM), every fixture and `fixtures.json`.

use std::path::PathBuf;
use std::process::ExitCode;

fn run(out: PathBuf) -> Result<usize, Box<dyn std::error::Error>> {
    let set = motcua_forge::fixtures::generate()?;
    std::fs::create_dir_all(out.join("ca"))?;
    for (name, issued) in set.ca.all() {
        std::fs::write(
            out.join("ca").join(format!("{name}.pem")),
            motcua_forge::pem(&issued.der, motcua_forge::LineEnding::LF)?,
        )?;
    }
    let extra = motcua_forge::extra::ExtraCa::new(&set.ca)?;
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
    let mut args = std::env::args_os().skip(1);
    let (Some(out), None) = (args.next(), args.next()) else {
        eprintln!("usage: motcua-forge OUT_DIR");
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
