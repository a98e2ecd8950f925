//! Query words that start with `-`: `whosaid search -Russia` means "without Russia", not an
//! unknown option. Before clap reads the arguments, every word of a `search` that is not
//! one of its options (or an option's value) is moved behind a `--`, in order, so that
//! options may stand before, between or after the words of the query.

use std::ffi::OsString;

use clap::CommandFactory;

use crate::cli::Cli;

/// The options of `search` (its own and the global ones): long names and short letters,
/// each with whether it takes a value.
struct Options {
    long: Vec<(String, bool)>,
    short: Vec<(char, bool)>,
}

impl Options {
    fn of_search() -> Options {
        let command = Cli::command();
        let search = command
            .find_subcommand("search")
            .expect("the search subcommand exists");
        let mut long = vec![("help".to_string(), false)];
        let mut short = vec![('h', false)];
        for arg in search.get_arguments().chain(command.get_arguments()) {
            let takes = arg.get_action().takes_values();
            if arg.is_positional() {
                continue;
            }
            if let Some(name) = arg.get_long() {
                long.push((name.to_string(), takes));
            }
            if let Some(c) = arg.get_short() {
                short.push((c, takes));
            }
        }
        Options { long, short }
    }

    /// Whether `arg` is an option, and whether the next argument is its value.
    fn classify(&self, arg: &str) -> Option<bool> {
        if let Some(rest) = arg.strip_prefix("--") {
            let (name, inline) = match rest.split_once('=') {
                Some((name, _)) => (name, true),
                None => (rest, false),
            };
            let &(_, takes) = self.long.iter().find(|(n, _)| n == name)?;
            return Some(takes && !inline);
        }
        let rest = arg.strip_prefix('-')?;
        let mut chars = rest.chars();
        let first = chars.next()?;
        let &(_, takes) = self.short.iter().find(|(c, _)| *c == first)?;
        let tail = chars.as_str();
        if takes {
            // `-n 5`, `-n5`; `-nuclear` is a word.
            return (tail.is_empty() || tail.bytes().all(|b| b.is_ascii_digit()))
                .then_some(tail.is_empty());
        }
        // `-q`, `-qh`: flags only.
        tail.chars()
            .all(|c| self.short.iter().any(|&(s, takes)| s == c && !takes))
            .then_some(false)
    }
}

/// The arguments with the words of a `search` query moved behind `--`.
pub fn query_words_last(args: Vec<OsString>) -> Vec<OsString> {
    let Some(at) = args.iter().position(|a| a == "search") else {
        return args;
    };
    // Only when `search` is the subcommand: everything before it is global options.
    let options = Options::of_search();
    let mut before = args[..at].iter().skip(1);
    while let Some(arg) = before.next() {
        match arg.to_str().and_then(|a| options.classify(a)) {
            Some(true) => {
                before.next();
            }
            Some(false) => {}
            None => return args,
        }
    }
    let mut out: Vec<OsString> = args[..=at].to_vec();
    let mut words = Vec::new();
    let mut rest = args[at + 1..].iter();
    while let Some(arg) = rest.next() {
        if arg == "--" {
            words.extend(rest.by_ref().cloned());
            break;
        }
        match arg.to_str().and_then(|a| options.classify(a)) {
            Some(takes_value) => {
                out.push(arg.clone());
                if takes_value && let Some(value) = rest.next() {
                    out.push(value.clone());
                }
            }
            None => words.push(arg.clone()),
        }
    }
    if !words.is_empty() {
        out.push("--".into());
        out.extend(words);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rewrite(line: &str) -> String {
        let args = std::iter::once("whosaid")
            .chain(line.split(' '))
            .map(OsString::from)
            .collect();
        let out: Vec<String> = query_words_last(args)
            .into_iter()
            .skip(1)
            .map(|a| a.into_string().unwrap())
            .collect();
        out.join(" ")
    }

    #[test]
    fn query_words_go_last_and_options_stay() {
        for (line, expected) in [
            ("search -Russia", "search -- -Russia"),
            (
                "search ceasefire -Russia -n 2",
                "search -n 2 -- ceasefire -Russia",
            ),
            ("search -n 2 -Russia", "search -n 2 -- -Russia"),
            ("search -nuclear", "search -- -nuclear"),
            ("search -n5 Putin", "search -n5 -- Putin"),
            (
                "search Putin --index=idx -q",
                "search --index=idx -q -- Putin",
            ),
            ("search --json -x OR y", "search --json -- -x OR y"),
            ("search Putin -- -n", "search -- Putin -n"),
            ("-q search -Kyiv", "-q search -- -Kyiv"),
            (
                "--color never search Putin",
                "--color never search -- Putin",
            ),
            ("search --help", "search --help"),
            ("index search", "index search"),
            ("parse a.md", "parse a.md"),
        ] {
            assert_eq!(rewrite(line), expected, "{line}");
        }
    }
}
