//! What a run deletes and writes, decided from what the index holds and what was read.

use std::collections::{HashMap, HashSet};

use super::manifest::Manifest;
use super::read::{Gathered, Keep, key_path};
use super::{IndexReport, InputError};

/// What to delete and write.
#[derive(Default)]
pub(crate) struct Plan {
    /// Article ids to delete (all their paragraphs).
    pub delete: Vec<String>,
    /// (batch, article, hash) to write.
    pub write: Vec<(usize, usize, u64)>,
    pub added: usize,
    pub updated: usize,
    pub unchanged: usize,
    /// Articles removed for good (ids in `delete` that are not rewritten).
    pub deleted: usize,
}

impl Plan {
    pub(crate) fn is_empty(&self) -> bool {
        self.delete.is_empty() && self.write.is_empty()
    }
}

/// Two files that give their articles the same id would replace each other on every run.
/// The file the index already has the article from keeps it (else the first in input
/// order); the other's article is reported and skipped.
pub(crate) fn drop_collisions(
    gathered: &mut Gathered,
    manifest: &Manifest,
    report: &mut IndexReport,
) {
    let mut claims: HashMap<String, Vec<usize>> = HashMap::new();
    for (b, batch) in gathered.batches.iter().enumerate() {
        if !batch.replaces_file {
            continue;
        }
        for article in &batch.articles {
            let list = claims.entry(article.id.clone()).or_default();
            if !list.contains(&b) {
                list.push(b);
            }
        }
    }
    let mut losers: Vec<(usize, String, String)> = Vec::new(); // (batch, id, other location)
    for (id, list) in claims {
        let owner_key = manifest.articles.get(&id).map(|a| a.key.as_str());
        let winner = list
            .iter()
            .copied()
            .find(|&b| Some(gathered.batches[b].key.as_str()) == owner_key)
            .unwrap_or(list[0]);
        for &b in &list {
            if b != winner {
                losers.push((b, id.clone(), gathered.batches[winner].location.clone()));
            }
        }
        // The index has it from a file not read again now, which still has it.
        if let Some(owner) = owner_key
            && owner != gathered.batches[winner].key
            && !gathered.batches.iter().any(|batch| batch.key == owner)
            && let Some(path) = key_path(owner)
            && (gathered.kept.contains(owner) || (!gathered.seen.contains(owner) && path.is_file()))
        {
            losers.push((winner, id.clone(), path.display().to_string()));
        }
    }
    losers.sort();
    for (b, id, other) in losers {
        let batch = &mut gathered.batches[b];
        batch.articles.retain(|a| a.id != id);
        report.failed += 1;
        report.errors.push(InputError {
            path: batch.location.clone(),
            message: format!(
                "article id `{id}` is also the id of {other}; ids must be unique across \
                 inputs: give one of them an `id` in its front matter (this one is skipped)"
            ),
        });
    }
}

pub(crate) fn plan(manifest: &Manifest, gathered: &Gathered, full: bool) -> Plan {
    let batches = &gathered.batches;
    let mut plan = Plan::default();
    let mut deleted: HashSet<String> = HashSet::new();
    // Files gone from their folder: all their articles go.
    for key in &gathered.gone {
        if let Some(file) = manifest.files.get(key) {
            for id in &file.ids {
                if deleted.insert(id.clone()) {
                    plan.delete.push(id.clone());
                }
            }
        }
    }
    let mut written: HashMap<&str, (usize, usize)> = HashMap::new();
    for (b, batch) in batches.iter().enumerate() {
        if batch.replaces_file
            && let Some(file) = manifest.files.get(&batch.key)
        {
            let new_ids: HashSet<&str> = batch.articles.iter().map(|a| a.id.as_str()).collect();
            for id in &file.ids {
                let kept = match &batch.keep {
                    Keep::None => false,
                    Keep::Ids(ids) => ids.contains(id),
                    Keep::All => true,
                };
                if !kept && !new_ids.contains(id.as_str()) && deleted.insert(id.clone()) {
                    plan.delete.push(id.clone());
                }
            }
        }
        for (i, article) in batch.articles.iter().enumerate() {
            // The same id twice in one input: the later one wins.
            written.insert(article.id.as_str(), (b, i));
        }
    }
    let mut order: Vec<(&str, (usize, usize))> = written.into_iter().collect();
    order.sort_by_key(|(_, at)| *at);
    for (id, (b, i)) in order {
        let batch = &batches[b];
        let hash = batch.articles[i].hash;
        match manifest.articles.get(id) {
            None => plan.added += 1,
            Some(old) if old.hash == hash && old.key == batch.key && !full => {
                plan.unchanged += 1;
                // Same content from the same file: no need to rewrite, unless the file's
                // hash changed (then rewrite so the stored file hash stays true).
                if !batch.replaces_file
                    || manifest
                        .files
                        .get(&batch.key)
                        .is_some_and(|f| f.hash == batch.file_hash)
                {
                    continue;
                }
            }
            Some(_) => plan.updated += 1,
        }
        if deleted.insert(id.to_string()) {
            plan.delete.push(id.to_string());
        }
        plan.write.push((b, i, hash));
    }
    let rewritten: HashSet<&str> = plan
        .write
        .iter()
        .map(|&(b, i, _)| batches[b].articles[i].id.as_str())
        .collect();
    if full {
        // Everything not read now, and not from a file that failed, goes.
        for (id, old) in &manifest.articles {
            let keep = gathered.kept.contains(&old.key)
                || gathered
                    .kept_prefixes
                    .iter()
                    .any(|p| old.key.starts_with(p.as_str()));
            if !rewritten.contains(id.as_str()) && !keep && deleted.insert(id.clone()) {
                plan.delete.push(id.clone());
            }
        }
    }
    // Deleting an id that is rewritten is part of replacing it, not a deletion.
    plan.deleted = plan
        .delete
        .iter()
        .filter(|id| !rewritten.contains(id.as_str()))
        .count();
    plan
}
