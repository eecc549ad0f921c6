/// The file formats TrustLens reads. `auto` detects from extension and content.
package enum InputFormat: String, Sendable, CaseIterable {
  case auto, jsonl, csv, tsv, jrnl, markdown, dayone, daylio
  /// A Markdown file per day, its date in the file name (Obsidian, Logseq, Foam).
  case dailyNotes = "daily-notes"
}
