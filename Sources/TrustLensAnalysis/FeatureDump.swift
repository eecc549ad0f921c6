import TrustLensCore

/// What the fitting script reads of a text: exactly the features the analyzer sees.
///
/// `scripts/fit_lexicon.py` writes a candidate model (`pattern` and `valence … 0` lines),
/// runs `trustlens-bench features CANDIDATES.tsv` over its texts and fits the weights on
/// these lines, so Python never re-implements tokens, phrases or rules.
extension Analyzer {
  /// One JSON object (no line end):
  /// `{"w": words, "t": [[pattern, context], …], "v": [[pattern, sentence, factor], …],
  /// "s": [[question, exclamations], …]}` — every feature match in text order (pattern: its
  /// index in the model file's patterns, context: ``MatchContext`` raw value), every valence
  /// match (pattern: index in the model's valence lines; factor: what the rules multiply its
  /// score by) and per sentence whether it is a question (0/1) and its `!` count.
  package func featureDump(_ text: String) -> String {
    var text = text
    var workspace = AnalysisWorkspace()
    var recorder = DumpRecorder()
    let words = text.withUTF8 { analyze(utf8: $0, workspace: &workspace, recorder: &recorder).words }
    var out = "{\"w\":\(words),\"t\":["
    for (index, hit) in workspace.hits.enumerated() {
      out += (index > 0 ? "," : "") + "[\(hit.pattern),\(hit.context.rawValue)]"
    }
    out += "],\"v\":["
    for (index, word) in recorder.words.enumerated() {
      let sentence = workspace.tokenized.tokens[word.first].sentence
      out += (index > 0 ? "," : "") + "[\(word.pattern),\(sentence),\(word.factor)]"
    }
    out += "],\"s\":["
    for (index, sentence) in workspace.tokenized.sentences.enumerated() {
      out += (index > 0 ? "," : "") + "[\(sentence.isQuestion ? 1 : 0),\(sentence.exclamations)]"
    }
    return out + "]}"
  }
}

/// Keeps each valence word's pattern, sentence and rule factor.
private struct DumpRecorder: ValenceRecorder {
  static var records: Bool { true }
  var words: [(pattern: Int32, first: Int, factor: Double)] = []

  mutating func word(pattern: Int32, first: Int, last: Int, base: Double, factor: Double, rules: ValenceRules) {
    words.append((pattern, first, factor))
  }
  func tagMatch(_ match: TagMatch, score: Double) {}
  func exclamation(sentence: Int, score: Double) {}
  func sentence(_ index: Int, sum: Double, score: Double, question: Bool) {}
  func negativeOnly(sentence: Int, score: Double) {}
  func tag(_ tag: Int32, probability: Double, reported: Double?, score: Double) {}
}
