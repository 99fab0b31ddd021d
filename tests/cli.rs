//! Integration tests of the `sourcelens` binary: usage errors, size limits,
//! invalid UTF-8, and the JSON Lines mode (every good line answered in order,
//! every bad line reported on standard error with its number).

use serde_json::Value;
use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};

const BIN: &str = env!("CARGO_BIN_EXE_sourcelens");

/// Runs the binary with `args`, feeding `stdin` from another thread so that
/// large outputs cannot deadlock.
fn run(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(BIN)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    let mut pipe = child.stdin.take().unwrap();
    let input = stdin.to_vec();
    // The binary may stop reading early (input too large): ignore broken pipes.
    let feeder = std::thread::spawn(move || {
        let _ = pipe.write_all(&input);
    });
    let out = child.wait_with_output().expect("the binary finishes");
    feeder.join().unwrap();
    out
}

/// A fresh path in the temporary directory, removed when dropped.
struct TempFile(PathBuf);

impl TempFile {
    fn named(name: &str, contents: &[u8]) -> TempFile {
        static N: AtomicUsize = AtomicUsize::new(0);
        let dir = std::env::temp_dir().join(format!("sourcelens-cli-{}-{}", std::process::id(), N.fetch_add(1, Ordering::SeqCst)));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join(name);
        std::fs::write(&path, contents).unwrap();
        TempFile(path)
    }
    fn new(contents: &[u8]) -> TempFile {
        TempFile::named("input.txt", contents)
    }
    fn path(&self) -> &str {
        self.0.to_str().unwrap()
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(self.0.parent().unwrap());
    }
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Exit status, standard output and standard error of one case.
fn check_case(what: &str, out: &Output, code: i32, stdout_has: &[&str], stderr_has: &[&str]) {
    let (stdout, stderr) = (text(&out.stdout), text(&out.stderr));
    assert_eq!(out.status.code(), Some(code), "{what}: exit status\nstdout: {stdout}\nstderr: {stderr}");
    for s in stdout_has {
        assert!(stdout.contains(s), "{what}: stdout lacks {s:?}\nstdout: {stdout}");
    }
    for s in stderr_has {
        assert!(stderr.contains(s), "{what}: stderr lacks {s:?}\nstderr: {stderr}");
    }
    assert!(!stderr.contains("panicked"), "{what}: the binary panicked\n{stderr}");
}

#[test]
fn usage_and_single_text_table() {
    let version = format!("sourcelens {}", sourcelens::VERSION);
    // (what, args, stdin, exit status, stdout contains, stderr contains)
    type Case<'a> = (&'a str, &'a [&'a str], &'a [u8], i32, &'a [&'a str], &'a [&'a str]);
    let cases: &[Case] = &[
        ("version", &["version"], b"", 0, &[&version], &[]),
        ("--version", &["--version"], b"", 0, &[&version], &[]),
        ("help", &["--help"], b"", 0, &["usage:", "--max-bytes N", "exit status"], &[]),
        ("no command", &[], b"", 2, &[], &["missing command", "usage:"]),
        ("unknown command", &["frobnicate"], b"", 2, &[], &["unknown command \"frobnicate\""]),
        ("no file", &["analyze"], b"", 2, &[], &["missing FILE"]),
        ("unknown option", &["analyze", "--bogus", "-"], b"", 2, &[], &["unknown option \"--bogus\""]),
        ("unknown short option", &["analyze", "-x", "-"], b"", 2, &[], &["unknown option \"-x\""]),
        ("--max-bytes without value", &["analyze", "-", "--max-bytes"], b"", 2, &[], &["--max-bytes needs a number"]),
        ("--max-bytes not a number", &["analyze", "--max-bytes", "ten", "-"], b"", 2, &[], &["not a number: \"ten\""]),
        ("--max-bytes negative", &["analyze", "--max-bytes", "-5", "-"], b"", 2, &[], &["not a number"]),
        ("two files", &["analyze", "a.txt", "b.txt"], b"", 2, &[], &["more than one input file"]),
        ("stdin", &["analyze", "-"], "“Yes,” she said.".as_bytes(), 0, &["\"attributions\"", "\"length\": 16"], &[]),
        ("empty stdin", &["analyze", "-"], b"", 0, &["\"length\": 0"], &[]),
        ("invalid UTF-8", &["analyze", "-"], b"Hello, \xffworld", 1, &[], &["-: invalid UTF-8 at byte offset 7", "--lossy"]),
        ("invalid UTF-8 late", &["analyze", "-"], b"abc\xe2\x80\x9cq\xe2\x80 x", 1, &[], &["invalid UTF-8 at byte offset 7"]),
        ("--lossy", &["analyze", "--lossy", "-"], b"Hello, \xffworld", 0, &["\"length\": 13"], &[]),
        ("at the limit", &["analyze", "--max-bytes", "10", "-"], b"0123456789", 0, &["\"length\": 10"], &[]),
        ("over the limit", &["analyze", "--max-bytes", "10", "-"], b"0123456789A", 1, &[], &["more than 10 bytes", "--max-bytes"]),
        ("limit zero", &["analyze", "--max-bytes", "0", "-"], b"x", 1, &[], &["more than 0 bytes"]),
        ("limit zero, empty", &["analyze", "--max-bytes", "0", "-"], b"", 0, &["\"length\": 0"], &[]),
        ("no pressures", &["analyze", "--no-pressures", "--compact", "-"], b"They urged him to resign.", 0, &["\"pressures\":[]"], &[]),
        ("explain", &["analyze", "--explain", "--compact", "-"], b"\"We will win,\" the coach said.", 0, &["\"features\":[\"bias\"", "\"confidence\":"], &[]),
        ("no gate keeps weak candidates", &["analyze", "--no-confidence-gate", "--compact", "-"], b"His behaviour has angered the party's top figures.", 0, &["\"cue\""], &[]),
        ("the gate drops them", &["analyze", "--compact", "-"], b"His behaviour has angered the party's top figures.", 0, &["\"attributions\":[]"], &[]),
        ("missing file", &["analyze", "/nonexistent/sourcelens.txt"], b"", 1, &[], &["/nonexistent/sourcelens.txt:"]),
        ("directory", &["analyze", "/"], b"", 1, &[], &["/: is a directory"]),
    ];
    for &(what, args, stdin, code, out_has, err_has) in cases {
        let out = run(args, stdin);
        check_case(what, &out, code, out_has, err_has);
        if code != 0 {
            assert!(out.stdout.is_empty() || args.contains(&"--help"), "{what}: wrote output on failure");
        }
    }
}

#[test]
fn files_table() {
    let big = TempFile::new(b"0123456789A");
    let fine = TempFile::new("“Yes,” she said.".as_bytes());
    let dashed = TempFile::named("-dash.txt", b"He said so.");
    let bad = TempFile::new(b"caf\xc3");
    // (what, args, exit status, stdout contains, stderr contains)
    type Case<'a> = (&'a str, Vec<&'a str>, i32, Vec<String>, Vec<String>);
    let cases: Vec<Case> = vec![
        ("file", vec!["analyze", fine.path()], 0, vec!["\"length\": 16".into()], vec![]),
        (
            "file over the limit",
            vec!["analyze", "--max-bytes", "10", big.path()],
            1,
            vec![],
            vec![format!("{}: input is 11 bytes, larger than the limit of 10 bytes", big.path())],
        ),
        ("file at the limit", vec!["analyze", "--max-bytes", "11", big.path()], 0, vec!["\"length\": 11".into()], vec![]),
        ("name after --", vec!["analyze", "--compact", "--", dashed.path()], 0, vec!["\"length\":11".into()], vec![]),
        ("truncated UTF-8 file", vec!["analyze", bad.path()], 1, vec![], vec![format!("{}: invalid UTF-8 at byte offset 3", bad.path())]),
    ];
    for (what, args, code, out_has, err_has) in &cases {
        let out_has: Vec<&str> = out_has.iter().map(String::as_str).collect();
        let err_has: Vec<&str> = err_has.iter().map(String::as_str).collect();
        check_case(what, &run(args, b""), *code, &out_has, &err_has);
    }
}

/// The default limit (32 MiB) holds for the binary too, without reading the file.
#[test]
fn default_limit_refuses_a_larger_file() {
    let file = TempFile::new(b"");
    let f = std::fs::OpenOptions::new().write(true).open(&file.0).unwrap();
    f.set_len(sourcelens::DEFAULT_MAX_INPUT_BYTES as u64 + 1).unwrap(); // sparse: no 32 MiB written
    let out = run(&["analyze", file.path()], b"");
    let limit = format!("larger than the limit of {} bytes", sourcelens::DEFAULT_MAX_INPUT_BYTES);
    check_case("32 MiB + 1", &out, 1, &[], &[&limit]);
}

/// The binary prints exactly the library's analysis.
#[test]
fn output_equals_the_library() {
    let texts = [
        "",
        "“We will rebuild,” the mayor said on Friday.",
        "According to the ministry, 40 people were hurt.\n\nThe minister said: “It is a tragedy.”",
        "وقال الوزير «لا» 😀 — “Fine,” he added.",
    ];
    for t in texts {
        let out = run(&["analyze", "--compact", "-"], t.as_bytes());
        check_case(t, &out, 0, &[], &[]);
        let want = serde_json::to_string(&sourcelens::analyze(t)).unwrap();
        assert_eq!(text(&out.stdout).trim_end(), want, "{t:?}");
        let pretty = run(&["analyze", "-"], t.as_bytes());
        let a: Value = serde_json::from_slice(&pretty.stdout).unwrap();
        assert_eq!(a, serde_json::from_str::<Value>(&want).unwrap(), "pretty and compact differ for {t:?}");
    }
}

/// One answer per line of standard output, parsed.
fn answers(out: &Output) -> Vec<Value> {
    text(&out.stdout).lines().map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}"))).collect()
}

/// The `N` of every `line N:` on standard error, in order.
fn error_lines(out: &Output) -> Vec<usize> {
    text(&out.stderr)
        .lines()
        .map(|l| {
            let rest = l.split("line ").nth(1).unwrap_or_else(|| panic!("error without a line number: {l}"));
            rest.split(':').next().unwrap().parse().unwrap()
        })
        .collect()
}

#[test]
fn jsonl_table() {
    let long_line = format!("{{\"id\":\"long\",\"text\":\"{}\"}}\n", "a".repeat(sourcelens::jsonl::line_limit(1) + 1));
    // (what, extra args, input, exit status, ids answered in order, line numbers refused, stderr contains)
    type Case<'a> = (&'a str, Vec<&'a str>, Vec<u8>, i32, Vec<Value>, Vec<usize>, Vec<&'a str>);
    let cases: Vec<Case> = vec![
        (
            "good and bad lines",
            vec![],
            concat!(
                "{\"id\":\"a\",\"text\":\"“Yes,” she said.\"}\n",
                "not json\n",
                "{\"id\":\"b\",\"text\":\"No.\"}\n",
                "{\"id\":\"c\",\"text\":5}\n",
                "\n",
                "{\"text\":\"no id here\"}\n",
                "{\"id\":\"d\"}\n",
                "[\"text\"]\n",
            )
            .into(),
            1,
            vec!["a".into(), "b".into(), Value::Null],
            vec![2, 4, 7, 8],
            vec!["line 2: not valid JSON", "line 4: \"text\" must be a string, not a number", "line 7: missing the \"text\" field", "line 8: expected a JSON object"],
        ),
        ("all good", vec![], b"{\"id\":1,\"text\":\"x\"}\n{\"id\":2,\"text\":\"y\"}\n".to_vec(), 0, vec![1.into(), 2.into()], vec![], vec![]),
        ("no final newline", vec![], b"{\"id\":1,\"text\":\"x\"}\n{\"id\":2,\"text\":\"y\"}".to_vec(), 0, vec![1.into(), 2.into()], vec![], vec![]),
        ("CRLF", vec![], b"{\"id\":1,\"text\":\"x\"}\r\n\r\n{\"id\":2,\"text\":\"y\"}\r\n".to_vec(), 0, vec![1.into(), 2.into()], vec![], vec![]),
        ("byte order mark", vec![], "\u{feff}{\"id\":1,\"text\":\"x\"}\n".into(), 0, vec![1.into()], vec![], vec![]),
        ("only blank lines", vec![], b"\n \n\t\r\n".to_vec(), 0, vec![], vec![], vec![]),
        ("empty input", vec![], vec![], 0, vec![], vec![], vec![]),
        (
            "any id",
            vec![],
            b"{\"id\":{\"k\":[1,true]},\"text\":\"x\"}\n{\"id\":null,\"text\":\"y\"}\n{\"id\":-2.5,\"text\":\"z\"}\n".to_vec(),
            0,
            vec![serde_json::json!({"k": [1, true]}), Value::Null, serde_json::json!(-2.5)],
            vec![],
            vec![],
        ),
        (
            "invalid UTF-8 line",
            vec![],
            b"{\"id\":1,\"text\":\"x\"}\n{\"id\":2,\"text\":\"\xff\"}\n{\"id\":3,\"text\":\"z\"}\n".to_vec(),
            1,
            vec![1.into(), 3.into()],
            vec![2],
            vec!["line 2: invalid UTF-8 at byte offset 16, byte offset 36 of the input"],
        ),
        (
            "invalid UTF-8 line, lossy",
            vec!["--lossy"],
            b"{\"id\":1,\"text\":\"x\"}\n{\"id\":2,\"text\":\"\xff\"}\n".to_vec(),
            0,
            vec![1.into(), 2.into()],
            vec![],
            vec![],
        ),
        (
            "lone surrogate",
            vec![],
            b"{\"id\":1,\"text\":\"a\\ud800b\"}\n{\"id\":2,\"text\":\"\\ud83d\\ude00\"}\n".to_vec(),
            1,
            vec![2.into()],
            vec![1],
            vec!["line 1: \"text\" is not a valid string", "use --lossy"],
        ),
        (
            "lone surrogate, lossy: one code unit as in JavaScript",
            vec!["--lossy"],
            b"{\"id\":1,\"text\":\"a\\ud800b\"}\n".to_vec(),
            0,
            vec![1.into()],
            vec![],
            vec![],
        ),
        (
            "id nested too deep (found by the jsonl_line fuzzer)",
            vec![],
            format!("{{\"id\":{}{},\"text\":\"x\"}}\n{{\"id\":2,\"text\":\"y\"}}\n", "[".repeat(200), "]".repeat(200)).into_bytes(),
            1,
            vec![2.into()],
            vec![1],
            vec!["line 1: the \"id\" is nested deeper than 126 levels"],
        ),
        (
            "text over --max-bytes",
            vec!["--max-bytes", "3"],
            b"{\"id\":1,\"text\":\"abc\"}\n{\"id\":2,\"text\":\"abcd\"}\n{\"id\":3,\"text\":\"\"}\n".to_vec(),
            1,
            vec![1.into(), 3.into()],
            vec![2],
            vec!["line 2: input is 4 bytes, larger than the limit of 3 bytes"],
        ),
        (
            "line longer than any allowed text",
            vec!["--max-bytes", "1"],
            format!("{{\"id\":1,\"text\":\"a\"}}\n{long_line}{{\"id\":3,\"text\":\"b\"}}\n").into_bytes(),
            1,
            vec![1.into(), 3.into()],
            vec![2],
            vec!["line 2:", "longer than any line holding a text within the limit of 1 bytes"],
        ),
    ];
    for (what, extra, input, code, ids, bad_lines, err_has) in cases {
        let mut args = vec!["analyze", "--jsonl"];
        args.extend(extra);
        let out = run(&args, &input);
        check_case(what, &out, code, &[], &err_has);
        let got: Vec<Value> = answers(&out).iter().map(|a| a.get("id").cloned().unwrap_or(Value::Null)).collect();
        assert_eq!(got, ids, "{what}: answered ids");
        assert_eq!(error_lines(&out), bad_lines, "{what}: refused lines");
    }
}

/// Many lines, every seventh one broken: the answers keep input order and
/// their count is the number of good lines; each answer is the library's.
#[test]
fn jsonl_order_and_counts() {
    let sample = ["“Fine,” he said.", "The council said it would vote.", "Nothing to see here.", "😀 “قال” she wrote."];
    let mut input = String::new();
    let mut good = Vec::new();
    for i in 0..200usize {
        if i % 7 == 3 {
            input.push_str("{\"id\": broken\n");
        } else {
            let t = sample[i % sample.len()];
            input.push_str(&serde_json::json!({"id": i, "text": t}).to_string());
            input.push('\n');
            good.push((i, t));
        }
    }
    let file = TempFile::new(input.as_bytes());
    let out = run(&["analyze", "--jsonl", file.path()], b"");
    check_case("200 lines", &out, 1, &[], &[]);
    let got = answers(&out);
    assert_eq!(got.len(), good.len(), "one answer per good line");
    for (answer, (i, t)) in got.iter().zip(&good) {
        let mut answer = answer.clone();
        assert_eq!(answer.as_object_mut().unwrap().remove("id"), Some((*i).into()));
        let want: Value = serde_json::from_str(&serde_json::to_string(&sourcelens::analyze(t)).unwrap()).unwrap();
        assert_eq!(answer, want, "line {}", i + 1);
    }
    let want_bad: Vec<usize> = (0..200).filter(|i| i % 7 == 3).map(|i| i + 1).collect();
    assert_eq!(error_lines(&out), want_bad);
}

/// A reader that stops early (`sourcelens ... | head -1`) ends the run
/// quietly, with the status of a SIGPIPE death, and no error message.
#[test]
fn closed_output_stops_quietly() {
    use std::io::{BufRead, BufReader};
    let line = serde_json::json!({"id": 1, "text": "“We will rebuild,” the mayor said on Friday."}).to_string() + "\n";
    let file = TempFile::new(line.repeat(5000).as_bytes());
    let mut child = Command::new(BIN)
        .args(["analyze", "--jsonl", file.path()])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap()).read_line(&mut first).unwrap(); // the reader drops here
    assert!(first.starts_with("{\"id\":1,"), "{first}");
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(141), "stderr: {}", text(&out.stderr));
    assert_eq!(text(&out.stderr), "");
}
