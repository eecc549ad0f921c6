import Testing
import TrustLensCore

/// `TextAnalysis.validationProblem`: what the analyzer makes passes; each value it cannot
/// make is named (without quoting text).
@Suite struct TextAnalysisValidationTests {
  static let good = TextAnalysis(
    words: 4, valence: -0.4, emotions: ["betrayal": 0.9], themes: ["honesty": 0.3],
    evidence: [Evidence(tag: "betrayal", match: "lied", sentence: 0, start: 3, end: 7, weight: 0.9, rules: ["negation"])])

  @Test func anAnalysisTheAnalyzerCouldMakePasses() {
    #expect(Self.good.validationProblem == nil)
    #expect(TextAnalysis(words: 0, valence: 1, emotions: [:], themes: ["x": 1], evidence: []).validationProblem == nil)
  }

  @Test(arguments: [
    (changed { a in a.words = -1 }, "words -1 is negative"),
    (changed { a in a.valence = 1e308 }, "valence 1e+308 is outside [-1, 1]"),
    (changed { a in a.valence = .nan }, "valence nan is outside [-1, 1]"),
    (changed { a in a.valence = -1.5 }, "valence -1.5 is outside [-1, 1]"),
    (changed { a in a.emotions["betrayal"] = 2 }, "an intensity 2.0 is outside (0, 1]"),
    (changed { a in a.themes["honesty"] = 0 }, "an intensity 0.0 is outside (0, 1]"),
    (changed { a in a.themes["betrayal"] = 7 }, "an intensity 7.0 is outside (0, 1]"),
    (changed { a in a.themes["honesty"] = .infinity }, "an intensity inf is outside (0, 1]"),
    (changed { a in a.emotions[""] = 0.5 }, "a tag name is empty or longer than 256 bytes"),
    (changed { a in a.evidence[0].weight = .nan }, "an evidence weight is not a finite number"),
    (changed { a in a.evidence[0].start = 9 }, "an evidence position is out of range"),
    (changed { a in a.evidence[0].sentence = -1 }, "an evidence position is out of range"),
  ])
  func eachImpossibleValueIsNamed(_ analysis: TextAnalysis, _ problem: String) {
    #expect(analysis.validationProblem == problem)
  }

  /// Sizes are bounded (not test arguments: they would be printed whole).
  @Test func oversizedEvidenceIsNamed() {
    let many = Self.changed { a in a.evidence = Array(repeating: a.evidence[0], count: TextAnalysis.maxEvidence + 1) }
    #expect(many.validationProblem == "more than 65536 evidence items")
    let long = Self.changed { a in a.evidence[0].rules = [String(repeating: "r", count: TextAnalysis.maxEvidenceBytes)] }
    #expect(long.validationProblem == "more than 4194304 bytes of evidence")
    let tags = Self.changed { a in
      for index in 0..<TextAnalysis.maxTags { a.themes["t\(index)"] = 0.5 }
    }
    #expect(tags.validationProblem == "more than 4096 tags")
  }

  /// The good analysis with one change.
  static func changed(_ change: (inout TextAnalysis) -> Void) -> TextAnalysis {
    var analysis = good
    change(&analysis)
    return analysis
  }
}
