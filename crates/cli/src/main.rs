//! `kagiban`: the command line over the same service as the desktop app, without GUI libraries.

mod amazon;
mod args;
mod commands;

use std::process::ExitCode;

fn main() -> ExitCode {
    let parsed = match args::parse(std::env::args().skip(1)) {
        Ok(cmd) => cmd,
        Err(message) => {
            eprintln!("{message}\n\n{}", args::USAGE);
            return ExitCode::from(2);
        }
    };
    commands::run(parsed)
}
