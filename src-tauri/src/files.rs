//! Files the user asked for (exports): written under a name that never replaces an older one.

use std::io::Write;
use std::path::{Path, PathBuf};

/// Writes `contents` to `dir/stem.ext`, or `stem-2.ext`, `stem-3.ext`… if taken. The file is
/// created exclusively, so an existing file is never overwritten.
pub fn write_new(dir: &Path, stem: &str, ext: &str, contents: &str) -> std::io::Result<PathBuf> {
    std::fs::create_dir_all(dir)?;
    for n in 1..1000 {
        let name = match n {
            1 => format!("{stem}.{ext}"),
            n => format!("{stem}-{n}.{ext}"),
        };
        let path = dir.join(name);
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
        {
            Ok(mut file) => {
                file.write_all(contents.as_bytes())?;
                file.sync_all()?;
                return Ok(path);
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
    Err(std::io::Error::new(
        std::io::ErrorKind::AlreadyExists,
        "too many files with this name",
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_export_on_the_same_day_gets_its_own_name() {
        let dir = tempfile::tempdir().unwrap();
        let first = write_new(dir.path(), "kagiban-2026-11-24", "ics", "A").unwrap();
        let second = write_new(dir.path(), "kagiban-2026-11-24", "ics", "B").unwrap();
        assert_eq!(first.file_name().unwrap(), "kagiban-2026-11-24.ics");
        assert_eq!(second.file_name().unwrap(), "kagiban-2026-11-24-2.ics");
        assert_eq!(
            std::fs::read_to_string(first).unwrap(),
            "A",
            "never overwritten"
        );
        assert_eq!(std::fs::read_to_string(second).unwrap(), "B");
    }
}
