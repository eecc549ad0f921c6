import Foundation
import Testing
import TestSupport
import TrustLensAnalysis
import TrustLensCore

@Suite struct LexiconFormatTests {
  @Test func liwcDictionariesAddTheirCategories() throws {
    let folder = TestSupport.temporaryFolder()
    let path = TestSupport.write("%\n1\tposemo\n2\tmoney\n%\nhapp*\t1\nbudget\t2\ndebt*\t2 1\n", "custom.dic", in: folder)
    var lexicon = try Lexicon.builtin()
    try lexicon.addFile(path)
    let analysis = Analyzer(lexicon: lexicon).analyze("We argued about the budget and our debts again")
    #expect(analysis.themes["money"] != nil)
    #expect(lexicon.categories.map(\.name).contains("posemo"))
  }

  @Test func liwcErrorsNameTheLine() throws {
    let folder = TestSupport.temporaryFolder()
    let path = TestSupport.write("%\n1\tposemo\n%\nhappy\t7\n", "bad.dic", in: folder)
    var lexicon = Lexicon()
    #expect(throws: LexiconError(file: path, line: 4, reason: "category 7 is not declared in the header")) {
      try lexicon.addFile(path)
    }
  }

  @Test func nrcWordLevelMapsToTheTaxonomy() throws {
    let folder = TestSupport.temporaryFolder()
    let text = "abandon\tfear\t1\nabandon\tnegative\t1\nabandon\tsadness\t1\nabandon\tjoy\t0\ncheer\tjoy\t1\n"
    let path = TestSupport.write(text, "nrc.txt", in: folder)
    var lexicon = Lexicon()
    try lexicon.addFile(path)
    let analysis = Analyzer(lexicon: lexicon).analyze("they abandon me and cheer")
    #expect(analysis.emotions["anxiety"] != nil && analysis.emotions["sadness"] != nil)
    #expect(analysis.themes["nrc-joy"] != nil)
    #expect(lexicon.patternCounts.valence == 1)
  }

  @Test func vaderLexiconsGiveValence() throws {
    let folder = TestSupport.temporaryFolder()
    let path = TestSupport.write("zorbly\t3.1\t0.5\t[3, 3, 4]\nblech\t-2.5\t0.5\t[-2, -3]\n", "vader_lexicon.txt", in: folder)
    var lexicon = Lexicon()
    try lexicon.addFile(path)
    let analyzer = Analyzer(lexicon: lexicon)
    #expect(analyzer.analyze("zorbly").valence > 0.5)
    #expect(analyzer.analyze("blech").valence < -0.4)
  }
}
