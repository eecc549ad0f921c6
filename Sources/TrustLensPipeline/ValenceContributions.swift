import TrustLensAnalysis
import TrustLensCore
import TrustLensImport

/// The valence contributions of an analysed record, for `analyze --format jsonl
/// --contributions`: the terms of the valence sum that `explain` lists (valence words and
/// hand-weighted matches with a polarity, after every rule), in text order. The `!` emphasis
/// and the fitted tags' terms, which are not words, stay in `explain`.
enum ValenceContributions {
  /// The record's contributions, or `nil` when its text is not at hand (a line read back
  /// from analysed input carries no text): no field then, rather than an empty list that
  /// would claim no word moved the valence.
  static func of(_ record: AnalyzedRecord, by analyzer: Analyzer) -> [AnalysisLineFormat.Contribution]? {
    guard !record.text.isEmpty else { return nil }
    return analyzer.explain(record.text).valenceTerms.map {
      AnalysisLineFormat.Contribution(
        match: $0.match, sentence: $0.sentence, start: $0.start, end: $0.end, base: $0.base, value: $0.value, rules: $0.rules)
    }
  }
}
