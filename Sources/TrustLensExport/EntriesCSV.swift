package import TrustLensCore

/// Analysed texts as CSV (`analyze --format csv`, pipeline format `csv` → `entries.csv`):
/// one row per text, one column per tag; every cell neutralised against formula injection.
package enum EntriesCSV {
  package static func header(tags: [String]) -> String {
    CSVCell.line(["id", "subject", "date", "kind", "words", "valence"] + tags + ["evidence", "source"])
  }

  package static func line(_ record: AnalyzedRecord, tags: [String]) -> String {
    let a = record.analysis
    let values = tags.map { a.intensity(of: $0) > 0 ? String(a.intensity(of: $0)) : "" }
    let evidence = EvidenceText.line(a.evidence)
    return CSVCell.line(
      [record.id, record.subject, record.date.description, record.kind.rawValue, String(a.words), String(a.valence)]
        + values + [evidence, record.source.description])
  }
}
