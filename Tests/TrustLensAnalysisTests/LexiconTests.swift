import Foundation
import Testing
import TestSupport
import TrustLensAnalysis
import TrustLensCore

@Suite struct LexiconTests {
  @Test func builtinCoversTheWholeTaxonomy() throws {
    let lexicon = try Lexicon.builtin()
    let names = Set(lexicon.categories.map(\.name))
    for tag in ["betrayal", "anger", "resentment", "anxiety", "sadness", "insecurity", "safety", "hope",
      "gratitude", "guilt", "connection", "acknowledgment", "responsibility", "accountability",
      "transparency", "deception", "broken-promise", "communication", "avoidance", "self-care",
      "rushing", "patience", "boundaries", "support", "empathy", "progress", "setback"]
    {
      #expect(names.contains(tag), "\(tag) missing")
    }
  }

  @Test func customFilesAddCategories() throws {
    let folder = TestSupport.temporaryFolder()
    let path = TestSupport.write("# custom\nfinances*\tmoney\t0.8\nthe budget\tmoney\t0.6\n", "custom.tsv", in: folder)
    var lexicon = try Lexicon.builtin()
    try lexicon.addFile(path)
    let analysis = Analyzer(lexicon: lexicon).analyze("We fought about the budget and finances")
    #expect(analysis.themes["money"] != nil)
    let names = lexicon.categories.map(\.name)
    let money = try #require(names.firstIndex(of: "money"), "money missing")
    // custom categories come after the 27 built-in tags (the built-in lexicon adds one of
    // its own, self-neglect, so money need not be the last)
    #expect(names[..<money].filter { Taxonomy.kind(of: $0) != nil }.count == Taxonomy.emotions.count + Taxonomy.themes.count)
  }

  @Test(arguments: [
    ("safe\tsafety\n", "expected 3 columns (pattern, tag, weight), found 2"),
    ("safe\tsafety\t1.5\n", "weight \"1.5\" is not a number in (0, 1]"),
    ("*\tsafety\t0.5\n", "invalid pattern \"*\""),
    ("ok\tbad tag\t0.5\n", "invalid tag \"bad tag\""),
  ])
  func errorsNameFileAndLine(_ text: String, _ reason: String) throws {
    let folder = TestSupport.temporaryFolder()
    let path = TestSupport.write("# header\n" + text, "bad.tsv", in: folder)
    var lexicon = Lexicon()
    #expect(throws: LexiconError(file: path, line: 2, reason: reason)) { try lexicon.addFile(path) }
  }

  /// Regression (libFuzzer, lexicon target): an empty file leaked a buffer inside Foundation.
  @Test func emptyFileIsAnEmptyLexicon() throws {
    let folder = TestSupport.temporaryFolder()
    var lexicon = Lexicon()
    try lexicon.addFile(TestSupport.write("", "empty.tsv", in: folder))
    #expect(lexicon.categories.isEmpty)
    let bad = TestSupport.write(bytes: [0x66, 0xFF, 0x09], "bad.tsv", in: folder)
    #expect(throws: LexiconError(file: bad, line: nil, reason: "lexicon is not valid UTF-8")) { try lexicon.addFile(bad) }
  }

  @Test func missingFileIsAClearError() {
    var lexicon = Lexicon()
    #expect(throws: LexiconError.self) { try lexicon.addFile("/nonexistent.tsv") }
  }

  /// A lexicon saved on Windows (CRLF line ends, a byte-order mark) reads as the LF one:
  /// `"\r\n"` is one Swift character, so lines are split on bytes.
  @Test func crlfFilesReadAsLFFiles() throws {
    let folder = TestSupport.temporaryFolder()
    let lines = ["# money words", "finances*\tmoney\t0.8", "  ", "the budget\tmoney\t0.6", "\t# indented comment", ""]
    var lf = Lexicon(), crlf = Lexicon(), liwc = Lexicon()
    try lf.addFile(TestSupport.write(lines.joined(separator: "\n"), "lf.tsv", in: folder))
    try crlf.addFile(TestSupport.write("\u{FEFF}" + lines.joined(separator: "\r\n"), "crlf.tsv", in: folder))
    #expect(crlf.patternCounts.tags == 2 && crlf.categories.map(\.name) == ["money"])
    #expect(lf.patternCounts.tags == crlf.patternCounts.tags)
    let analysis = Analyzer(lexicon: crlf).analyze("We fought about the budget")
    #expect(analysis.themes["money"] == 0.6)
    try liwc.addFile(TestSupport.write("%\r\n1\tmoney\r\n%\r\nbudget*\t1\r\n", "crlf.dic", in: folder))
    #expect(liwc.categories.map(\.name) == ["money"])
    // A line number counts CRLF lines.
    var bad = Lexicon()
    let path = TestSupport.write("ok\tmoney\t0.5\r\nbad\tmoney\t2\r\n", "bad.tsv", in: folder)
    #expect(throws: LexiconError(file: path, line: 2, reason: "weight \"2\" is not a number in (0, 1]")) { try bad.addFile(path) }
  }

  /// Columns with white space of other scripts around them still trim (the ASCII fast path
  /// hands them to Foundation).
  @Test func columnsTrimUnicodeSpaces() throws {
    let folder = TestSupport.temporaryFolder()
    var lexicon = Lexicon()
    try lexicon.addFile(TestSupport.write("budget\t\u{3000}money \t\u{00A0}0.7\u{2003}\n", "spaces.tsv", in: folder))
    #expect(lexicon.categories.map(\.name) == ["money"])
    #expect(Analyzer(lexicon: lexicon).analyze("the budget").themes["money"] == 0.7)
  }

  @Test func fingerprintChangesWithContent() throws {
    let folder = TestSupport.temporaryFolder()
    var a = Lexicon(), b = Lexicon()
    try a.addFile(TestSupport.write("x\tsafety\t0.5\n", "a.tsv", in: folder))
    try b.addFile(TestSupport.write("x\tsafety\t0.6\n", "b.tsv", in: folder))
    #expect(a.fingerprint != b.fingerprint)
  }
}
