//! One resident per data folder: a lock on a file in it, held for the process's life and
//! released by the OS when the process ends (however it ends).

use std::fs::{File, OpenOptions};
use std::path::{Path, PathBuf};

/// File name of the lock, in the data folder.
pub const LOCK_FILE: &str = "resident.lock";

/// The held lock; dropping it (or the process ending) lets another resident start.
#[derive(Debug)]
pub struct InstanceLock {
    _file: File,
    path: PathBuf,
}

impl InstanceLock {
    /// Takes the lock in `dir`; `Ok(None)` when another resident holds it.
    pub fn acquire(dir: &Path) -> std::io::Result<Option<Self>> {
        std::fs::create_dir_all(dir)?;
        let path = dir.join(LOCK_FILE);
        let file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)?;
        match file.try_lock() {
            Ok(()) => Ok(Some(Self { _file: file, path })),
            Err(std::fs::TryLockError::WouldBlock) => Ok(None),
            Err(std::fs::TryLockError::Error(err)) => Err(err),
        }
    }

    /// Where the lock file is.
    pub fn path(&self) -> &Path {
        &self.path
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_resident_for_the_same_folder_is_refused_until_the_first_ends() {
        let dir = tempfile::tempdir().unwrap();
        let first = InstanceLock::acquire(dir.path()).unwrap().expect("first");
        assert!(InstanceLock::acquire(dir.path()).unwrap().is_none());
        let other = tempfile::tempdir().unwrap();
        assert!(
            InstanceLock::acquire(other.path()).unwrap().is_some(),
            "another data folder is another Kagiban"
        );
        drop(first);
        assert!(InstanceLock::acquire(dir.path()).unwrap().is_some());
    }
}
