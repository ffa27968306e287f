//! Drawing a Graphviz DOT graph as SVG with Graphviz's own `dot` program, looked up on `PATH`.
//!
//! The CLI does not lay out graphs itself: Graphviz is the reference renderer of DOT. When `dot`
//! is not installed the run stops with [`GraphvizError::NotInstalled`], naming the package to
//! install.

use std::ffi::OsStr;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus, Stdio};

/// The Graphviz program that lays out directed graphs.
const DOT: &str = "dot";

/// The Debian (and Ubuntu) package that installs [`DOT`].
pub(crate) const PACKAGE: &str = "graphviz";

/// Why a graph could not be drawn.
#[derive(Debug, thiserror::Error)]
pub(crate) enum GraphvizError {
    /// No `dot` program on `PATH`.
    #[error("Graphviz `dot` is not on PATH; install the package {PACKAGE}")]
    NotInstalled,
    /// `dot` was found but could not be run, or talking to it failed.
    #[error("{program}: {source}")]
    Unrunnable {
        /// The program.
        program: PathBuf,
        /// What the operating system said.
        source: io::Error,
    },
    /// `dot` ran and failed.
    #[error("{program} exited with {status}: {stderr}")]
    Failed {
        /// The program.
        program: PathBuf,
        /// Its exit status.
        status: ExitStatus,
        /// What it printed on standard error.
        stderr: String,
    },
}

/// The SVG drawing of the DOT graph `source`, by `dot -Tsvg`.
pub(crate) fn svg(source: &str) -> Result<Vec<u8>, GraphvizError> {
    let program =
        find(DOT, std::env::var_os("PATH").as_deref()).ok_or(GraphvizError::NotInstalled)?;
    let unrunnable = |source: io::Error| GraphvizError::Unrunnable {
        program: program.clone(),
        source,
    };
    let mut child = Command::new(&program)
        .arg("-Tsvg")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(unrunnable)?;
    // `dot` reads the whole graph before it writes: the graph can be written before the output
    // is read.
    let written = child
        .stdin
        .take()
        .map_or(Ok(()), |mut stdin| stdin.write_all(source.as_bytes()));
    let output = child.wait_with_output().map_err(unrunnable)?;
    if !output.status.success() {
        return Err(GraphvizError::Failed {
            program,
            status: output.status,
            stderr: String::from_utf8_lossy(&output.stderr).trim().to_owned(),
        });
    }
    written.map_err(unrunnable)?;
    Ok(output.stdout)
}

/// The first executable file named `name` in the directories of `path` (a `PATH` value).
fn find(name: &str, path: Option<&OsStr>) -> Option<PathBuf> {
    std::env::split_paths(path?)
        .filter(|dir| !dir.as_os_str().is_empty())
        .map(|dir| dir.join(name))
        .find(|candidate| is_executable(candidate))
}

#[cfg(unix)]
fn is_executable(path: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    path.metadata()
        .is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
}

#[cfg(not(unix))]
fn is_executable(path: &Path) -> bool {
    path.is_file() || path.with_extension("exe").is_file()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_program_is_found_only_where_it_is_executable() {
        let dir = std::env::temp_dir().join(format!("motcua-graphviz-{}", std::process::id()));
        let (plain, runnable) = (dir.join("plain"), dir.join("runnable"));
        std::fs::create_dir_all(&plain).unwrap();
        std::fs::create_dir_all(&runnable).unwrap();
        std::fs::write(plain.join("tool"), "").unwrap();
        std::fs::write(runnable.join("tool"), "#!/bin/sh\n").unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let executable = std::fs::Permissions::from_mode(0o755);
            std::fs::set_permissions(runnable.join("tool"), executable).unwrap();
        }
        let path = std::env::join_paths([&plain, &runnable]).unwrap();
        if cfg!(unix) {
            assert_eq!(find("tool", Some(&path)), Some(runnable.join("tool")));
        }
        assert_eq!(find("other", Some(&path)), None);
        assert_eq!(find("tool", None), None);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
