//! The binary's exit statuses, one named value each, for scripts and nightly jobs.

use std::process::ExitCode;

/// How a run ended, as the exit status says it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// 0: done; for a search, something was found.
    Success,
    /// 1: a search or count found nothing.
    NothingFound,
    /// 1: the run finished but skipped some inputs (named on stderr).
    SomeSkipped,
    /// 2: the run failed (bad arguments, a bad query, an unreadable index...).
    Error,
    /// 75 (EX_TEMPFAIL): another process holds the index; try again later.
    Locked,
}

impl Exit {
    /// The number the process exits with.
    pub fn code(self) -> u8 {
        match self {
            Exit::Success => 0,
            Exit::NothingFound | Exit::SomeSkipped => 1,
            Exit::Error => 2,
            Exit::Locked => 75,
        }
    }

    /// [`Exit::Success`] when something was found, else [`Exit::NothingFound`].
    pub fn found(any: bool) -> Exit {
        if any {
            Exit::Success
        } else {
            Exit::NothingFound
        }
    }

    /// [`Exit::Success`], or [`Exit::SomeSkipped`] when an input was skipped.
    pub fn skipped(any: bool) -> Exit {
        if any {
            Exit::SomeSkipped
        } else {
            Exit::Success
        }
    }
}

impl From<Exit> for ExitCode {
    fn from(exit: Exit) -> ExitCode {
        ExitCode::from(exit.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_the_documented_ones() {
        let table = [
            (Exit::Success, 0),
            (Exit::NothingFound, 1),
            (Exit::SomeSkipped, 1),
            (Exit::Error, 2),
            (Exit::Locked, 75),
        ];
        for (exit, code) in table {
            assert_eq!(exit.code(), code, "{exit:?}");
        }
        assert_eq!(Exit::found(false), Exit::NothingFound);
        assert_eq!(Exit::skipped(true), Exit::SomeSkipped);
    }
}
