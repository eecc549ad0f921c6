import Foundation
import Testing
import TestSupport
import TrustLensAnalysis
import TrustLensCore

/// One text of `Fixtures/committed-sample.tsv` and the tags the committed lexicon gave it when
/// the file was recorded (`text<TAB>tag,tag…`; an empty second column means no tags).
struct RecordedText: Sendable, CustomTestStringConvertible {
  var line: Int
  var text: String
  var tags: Set<String>
  var testDescription: String { "line \(line)" }
}

private let recorded: [RecordedText] = {
  let url = TestSupport.repositoryRoot.appendingPathComponent("Tests/TrustLensAnalysisTests/Fixtures/committed-sample.tsv")
  guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
  return text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().compactMap { index, line in
    guard !line.isEmpty, !line.hasPrefix("#") else { return nil }
    let columns = line.split(separator: "\t", omittingEmptySubsequences: false)
    let tags = columns.count > 1 ? columns[1].split(separator: ",").map(String.init) : []
    return RecordedText(line: index + 1, text: String(columns[0]), tags: Set(tags))
  }
}()

private func present(_ text: String) -> Set<String> {
  let analysis = fittedAnalyzer.analyze(text)
  return Set(analysis.emotions.keys).union(analysis.themes.keys)
}

/// The committed lexicon (the built-in one, with the fitted `model.tsv`) against tags recorded
/// from it: CI does not refit, so a change to the lexicon files or the engine that moves any
/// of these tags shows here. Re-record the fixture only on purpose, after a refit.
@Suite struct CommittedLexiconTests {
  @Test func fixtureIsThere() {
    #expect(recorded.count >= 20)
  }

  @Test(arguments: recorded)
  func sampleKeepsItsRecordedTags(_ item: RecordedText) {
    #expect(present(item.text) == item.tags, "\(item.text)")
  }

  @Test func builtinLexiconIsTheFittedModel() {
    // A fitted tag has a model score in the explanation; the hand-written lexicon has none.
    let fitted = fittedAnalyzer.explain("I feel safe with him again").tags.contains { $0.model != nil }
    let hand = handAnalyzer.explain("I feel safe with him again").tags.contains { $0.model != nil }
    #expect(fitted && !hand)
  }
}

/// The failure cases issue #15 names, as examples of what the default lexicon must read
/// right: judged by meaning (scripts/QUALITY.md), not recorded from the engine.
@Suite struct IssueFailureCaseTests {
  /// Doubt about trust is insecurity, never safety.
  @Test(arguments: [
    "I'm not sure I can ever trust him again.",
    "I keep asking myself whether I can trust her.",
    "I trust him less than ever.",
  ])
  func doubtIsNotSafety(_ text: String) {
    #expect(!present(text).contains("safety"))
  }

  /// Sarcasm: "sure, I totally trust him" says the opposite of safety.
  @Test func sarcasmIsNotSafety() {
    #expect(!present("Sure, I totally trust him.").contains("safety"))
  }

  /// Someone else's feeling is not the writer's.
  @Test(arguments: [
    ("He looks nervous whenever his phone buzzes.", "anxiety"),
    ("She was so angry at the neighbours.", "anger"),
    ("He only did it to make her feel hurt.", "sadness"),
  ])
  func someoneElsesFeelingIsNotTheWriters(_ text: String, _ tag: String) {
    // Does not hold yet: the committed model was fitted before the state-verb rule
    // (rules.tsv `state`) decided someone else's feeling; a refit is due.
    withKnownIssue("fitted before the state-verb rule") {
      #expect(!present(text).contains(tag))
    }
  }

  /// Word senses: weather, dogs and a chosen walk alone carry no emotion.
  @Test(arguments: [
    ("Warm weather today, so we ate lunch on the porch.", "connection"),
    ("A mad dog barked at the mailman all morning.", "anger"),
  ])
  func wordSensesDoNotTrigger(_ text: String, _ tag: String) {
    #expect(!present(text).contains(tag))
  }

  @Test func aChosenWalkAloneIsNotSadness() {
    withKnownIssue("'alone' still feeds sadness in the fitted model") {
      #expect(!present("I went for a walk alone and enjoyed the quiet.").contains("sadness"))
    }
  }

  /// Implied loss: a death in the family is sadness though no feeling is named.
  @Test func impliedLossIsSadness() {
    #expect(present("My grandmother died last night.").contains("sadness"))
  }

  /// A betrayal sentence cannot come out positive.
  @Test func betrayalIsNotPositive() {
    #expect(fittedAnalyzer.analyze("He lied to me about the money again.").valence < 0)
  }

  /// The issue's own example: implied betrayal with no feeling word still reads positive.
  @Test func brokenConfidenceIsNotPositive() {
    withKnownIssue("implied betrayal: valence +0.47") {
      #expect(fittedAnalyzer.analyze("My best friend told my manager what I said in confidence.").valence < 0)
    }
  }

  /// Cases the hand-written lexicon gets right (AnalyzerTests) and the fitted default does not.
  @Test func regressionsAgainstTheHandWrittenLexicon() {
    withKnownIssue("fitted default: negated anger kept; idioms of betrayal and acknowledgment missed") {
      #expect(!present("I'm not angry").contains("anger"))
      #expect(present("He went behind my back").contains("betrayal"))
      #expect(present("He admitted what he did").contains("acknowledgment"))
    }
  }
}
