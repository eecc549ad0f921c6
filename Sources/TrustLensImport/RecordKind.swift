/// What an input holds. `auto` decides per file (CSV/TSV: from the header) or per record
/// (JSON Lines: from the keys): check-in fields (`held`, a known rating or counter) make a
/// check-in, otherwise a journal entry.
package enum RecordKind: String, Sendable, CaseIterable {
  case auto, journal, checkins
}
