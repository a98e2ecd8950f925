//! Opening and creating indexes.

use super::*;

#[test]
fn open_on_empty_dir_is_index_missing() {
    let dir = tempfile::tempdir().unwrap();
    match Index::open(dir.path()) {
        Err(Error::IndexMissing(path)) => assert_eq!(path, dir.path()),
        other => panic!("expected IndexMissing, got {other:?}"),
    }
    let absent = dir.path().join("no-such-folder");
    assert!(matches!(Index::open(&absent), Err(Error::IndexMissing(_))));
}

#[test]
fn open_or_create_then_open_finds_the_index() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nested/index");
    let created = Index::open_or_create(&path).unwrap();
    assert_eq!(created.dir(), Some(path.as_path()));
    assert_eq!(created.num_paragraphs(), 0);
    update(&created, articles("test", corpus()));
    drop(created);

    let opened = Index::open(&path).unwrap();
    assert_eq!(opened.num_paragraphs(), 7);
    // open_or_create on an existing index opens it, keeping what is there.
    let again = Index::open_or_create(&path).unwrap();
    assert_eq!(again.num_paragraphs(), 7);
}

#[test]
fn in_ram_index_has_no_dir() {
    let index = Index::create_in_ram();
    assert_eq!(index.dir(), None);
    assert_eq!(index.num_paragraphs(), 0);
}

/// Sets the `whosaid_schema` recorded in `dir/meta.json`'s payload.
fn set_recorded_schema(dir: &Path, version: u32) {
    let meta_path = dir.join("meta.json");
    let mut meta: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(&meta_path).unwrap()).unwrap();
    let payload = meta["payload"].as_str().expect("payload is a JSON string");
    let mut payload: serde_json::Value = serde_json::from_str(payload).unwrap();
    assert_eq!(payload["whosaid_schema"], SCHEMA_VERSION);
    payload["whosaid_schema"] = version.into();
    meta["payload"] = payload.to_string().into();
    fs::write(&meta_path, meta.to_string()).unwrap();
}

#[test]
fn open_on_index_of_another_schema_version_is_schema_mismatch() {
    let dir = tempfile::tempdir().unwrap();
    update(
        &Index::open_or_create(dir.path()).unwrap(),
        articles("t", corpus()),
    );
    set_recorded_schema(dir.path(), 0);
    match Index::open(dir.path()) {
        Err(Error::SchemaMismatch { found, expected }) => {
            assert_eq!(found, 0);
            assert_eq!(expected, SCHEMA_VERSION);
        }
        other => panic!("expected SchemaMismatch, got {other:?}"),
    }
    // open_or_create does not silently rebuild either.
    assert!(matches!(
        Index::open_or_create(dir.path()),
        Err(Error::SchemaMismatch { .. })
    ));
    // recreate is the way out: an empty index of this version.
    let index = Index::recreate(dir.path()).unwrap();
    assert_eq!(index.num_paragraphs(), 0);
    drop(index);
    assert_eq!(Index::open(dir.path()).unwrap().num_paragraphs(), 0);
}

#[test]
fn open_on_garbage_meta_json_is_index_corrupt_and_recreate_recovers() {
    let dir = tempfile::tempdir().unwrap();
    update(
        &Index::open_or_create(dir.path()).unwrap(),
        articles("t", corpus()),
    );
    fs::write(dir.path().join("meta.json"), "this is { not json").unwrap();
    match Index::open(dir.path()) {
        Err(Error::IndexCorrupt { path, reason }) => {
            assert_eq!(path, dir.path());
            assert!(!reason.is_empty());
        }
        other => panic!("expected IndexCorrupt, got {other:?}"),
    }
    let index = Index::recreate(dir.path()).unwrap();
    assert_eq!(index.num_paragraphs(), 0);
    let report = update(&index, articles("t", corpus()));
    assert_eq!(report.added, 4);
    drop(index);
    assert_eq!(Index::open(dir.path()).unwrap().num_paragraphs(), 7);
}
