import Testing
@testable import TrustLensAnalysis

/// rules.tsv (reachable through TRUSTLENS_LEXICON_DIR): a rule kind that lists words needs at
/// least one, or the compiled lexicon would index an empty list.
@Suite struct RulesFileTests {
  @Test(arguments: ["resolved\t \n", "intensifier\t\t1.5\n", "past\t  \t0.5\n"])
  func aRuleWithoutWordsIsAnError(_ line: String) {
    var lexicon = Lexicon()
    let kind = String(line.prefix { $0 != "\t" })
    #expect(throws: LexiconError(file: "rules.tsv", line: 2, reason: "\(kind) needs at least one word")) {
      try lexicon.addRules(text: "# rules\n" + line, file: "rules.tsv")
    }
  }
}
