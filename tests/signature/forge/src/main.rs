//! `motcua-forge OUT_DIR`: writes the test CA (PEM), every fixture and `fixtures.json`.

use std::path::PathBuf;
use std::process::ExitCode;

fn pem(der: &[u8]) -> String {
    const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut text = String::new();
    for chunk in der.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, b)| n | u32::from(*b) << (16 - 8 * i));
        for i in 0..4 {
            text.push(if i <= chunk.len() {
                char::from(B64[(n >> (18 - 6 * i) & 63) as usize])
            } else {
                '='
            });
        }
    }
    let lines: Vec<&str> = text
        .as_bytes()
        .chunks(64)
        .map(|l| std::str::from_utf8(l).unwrap_or_default())
        .collect();
    format!(
        "-----BEGIN CERTIFICATE-----\n{}\n-----END CERTIFICATE-----\n",
        lines.join("\n")
    )
}

fn run(out: PathBuf) -> Result<usize, Box<dyn std::error::Error>> {
    let set = motcua_forge::fixtures::generate()?;
    std::fs::create_dir_all(out.join("ca"))?;
    for (name, issued) in set.ca.all() {
        std::fs::write(out.join("ca").join(format!("{name}.pem")), pem(&issued.der))?;
    }
    let extra = motcua_forge::extra::ExtraCa::new(&set.ca)?;
    std::fs::create_dir_all(out.join("ca").join("extra"))?;
    for (name, issued) in extra.all() {
        std::fs::write(
            out.join("ca").join("extra").join(format!("{name}.pem")),
            pem(&issued.der),
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
