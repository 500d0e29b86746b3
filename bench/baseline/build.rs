//! The baseline's Tauri context, with its one command (`ready`) in the ACL manifest.

fn main() {
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .app_manifest(tauri_build::AppManifest::new().commands(&["ready"])),
    )
    .expect("tauri build script");
}
