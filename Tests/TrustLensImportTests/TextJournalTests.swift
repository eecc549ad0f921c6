import Foundation
import Testing
import TestSupport
import TrustLensCore
@testable import TrustLensImport

@Suite struct TextJournalTests {
  /// As `jrnl --export txt` writes it (default time format `%F %r`).
  @Test func jrnlExport() throws {
    let folder = TestSupport.temporaryFolder()
    let text = """
      [2026-03-01 09:14:00 PM] Talked with Sam. He finally admitted it.
      I don't feel safe yet.

      [2026-03-02 07:30:00 AM] * Morning.
      Slept badly
      [2026-03-03 23:05] Short one.
      """
    let path = TestSupport.write(text, "journal.txt", in: folder)
    let entries = try readAll(path, subject: .fixed("me")).compactMap(\.entry)
    #expect(entries.count == 3)
    #expect(entries[0].date.description == "2026-03-01T21:14:00-05:00")
    #expect(entries[0].text == "Talked with Sam. He finally admitted it.\nI don't feel safe yet.")
    #expect(entries[0].source.line == 1)
    #expect(entries[1].text == "Morning.\nSlept badly")
    #expect(entries[1].source.line == 4)
    #expect(entries[2].date.description == "2026-03-03T23:05:00-05:00")
  }

  @Test func markdownJournalWithPreambleSubheadingsAndLists() throws {
    let folder = TestSupport.temporaryFolder()
    let text = """
      # My journal
      Private notes.

      ## 2026-03-01
      We talked.

      ### Later
      - he listened
      - I felt heard

      # 2026-03-02 21:14 A hard night
      He went behind my back again.
      ## Not a date heading
      still the same entry
      """
    let path = TestSupport.write(text, "journal.md", in: folder)
    let result = try readFile(path, options: options())
    let entries = result.entries
    #expect(entries.count == 2)
    #expect(entries[0].text == "We talked.\n\n### Later\n- he listened\n- I felt heard")
    #expect(entries[0].date.description == "2026-03-01")
    #expect(entries[1].date.description == "2026-03-02T21:14:00-05:00")
    #expect(entries[1].text == "A hard night\nHe went behind my back again.\n## Not a date heading\nstill the same entry")
    #expect(entries[1].source.line == 11)
    #expect(result.rejects.isEmpty)
    let preamble = try #require(result.notices.first)
    #expect(preamble.message == "text before the first dated entry (2 lines) is not read: a title or introduction")
    #expect(preamble.source.line == 1)
  }

  /// Headings dated in the other spellings the README accepts start entries too (they were
  /// folded into the entry before, dated as it); a day/month heading is an entry rejected as
  /// ambiguous, read with `date_format`; words and numbers that are no date start none.
  @Test func markdownHeadingsDatedInOtherSpellings() throws {
    let folder = TestSupport.temporaryFolder()
    let text = """
      ## 2026-03-03
      Text three
      ## March 6, 2026
      text six
      ## 03/09/2026
      text nine
      ## 7 March 2026 evening
      seven
      ## March goals
      ## 2026 plans
      still seven

      """
    let path = TestSupport.write(text, "journal.md", in: folder)
    let read = try readFile(path, options: options())
    #expect(read.entries.map(\.date.description) == ["2026-03-03", "2026-03-06", "2026-03-07"])
    #expect(read.entries.last?.text == "evening\nseven\n## March goals\n## 2026 plans\nstill seven")
    #expect(read.rejects.map(\.source.line) == [5])
    #expect(read.rejects.first?.reason.hasPrefix("ambiguous date \"03/09/2026\"") == true)
    var us = options()
    us.dayOrder = .monthDayYear
    #expect(try readFile(path, options: us).entries.map(\.date.description) == ["2026-03-03", "2026-03-06", "2026-03-09", "2026-03-07"])
  }

  /// A jrnl `.txt` whose title line holds a tab is jrnl, not a table (both entries were
  /// rejected as rows of a TSV); a `.txt` table with a tab header stays TSV.
  @Test func aJrnlTitleWithATabIsStillJrnl() throws {
    let folder = TestSupport.temporaryFolder()
    let jrnl = try readFile(TestSupport.write("Notes\tMarch\n[2026-03-01 10:00] first\n[2026-03-02 10:00] second\n", "j.txt", in: folder), options: options())
    #expect(jrnl.report.format == .jrnl)
    #expect(jrnl.entries.map(\.text) == ["first", "second"])
    let table = try readFile(TestSupport.write("date\ttext\n2026-03-01\thello\n", "t.txt", in: folder), options: options())
    #expect(table.report.format == .tsv && table.entries.map(\.text) == ["hello"])
  }

  /// Classic Mac line ends (CR alone) end lines too: two jrnl entries, not one.
  @Test func carriageReturnsAloneEndLines() throws {
    let folder = TestSupport.temporaryFolder()
    let read = try readFile(TestSupport.write("[2026-03-01 10:00] cr one\r[2026-03-02 10:00] cr two\r", "cr.txt", in: folder), options: options())
    #expect(read.entries.map(\.text) == ["cr one", "cr two"])
    #expect(read.entries.map(\.source.line) == [1, 2])
  }

  /// Punctuation, a tab or a no-break space right after a heading's date belongs to the title
  /// (`## 2026-03-03: Title` was rejected as the invalid date "2026-03-03:").
  @Test func headingDatesEndAtPunctuationAndAnySpace() throws {
    let folder = TestSupport.temporaryFolder()
    let text = "## 2026-03-03: Title\nthree\n## 2026-03-04, Wednesday\nfour\n## 2026-03-05\tTabbed\nfive\n## 2026-03-06\u{A0}nbsp\nsix\n## 2026-03-08T09:00 morning\neight\n"
    let read = try readFile(TestSupport.write(text, "j.md", in: folder), options: options(zone: "UTC"))
    #expect(read.rejects.isEmpty)
    #expect(read.entries.map(\.date.description) == ["2026-03-03", "2026-03-04", "2026-03-05", "2026-03-06", "2026-03-08T09:00:00Z"])
    #expect(read.entries.first?.text == "Title\nthree")
  }

  /// A heading indented up to three spaces, and a date in bold or as a wiki link, start
  /// entries (they were merged into the entry before); four spaces are code.
  @Test func indentedAndDecoratedHeadingDatesStartEntries() throws {
    let folder = TestSupport.temporaryFolder()
    let text = "## 2026-03-10\nten\n## **2026-03-11**\neleven\n## [[2026-03-12]]\ntwelve\n   ## 2026-03-13 indented\nthirteen\n    ## 2026-03-14 code\n## **bold** title\nstill\n"
    let read = try readFile(TestSupport.write(text, "j.md", in: folder), options: options())
    #expect(read.entries.map(\.date.description) == ["2026-03-10", "2026-03-11", "2026-03-12", "2026-03-13"])
    #expect(read.entries.last?.text.hasSuffix("still") == true)
  }

  /// A dated `#` line inside a fenced code block is code, not a new entry (it split the entry).
  @Test func aHeadingInsideACodeFenceIsCode() throws {
    let folder = TestSupport.temporaryFolder()
    let text = "## 2026-03-01\nbefore code\n```\n# 2026-03-02 not a heading\n~~~\n```\nafter code\n## 2026-03-03\nnext\n"
    let read = try readFile(TestSupport.write(text, "journal.md", in: folder), options: options())
    #expect(read.entries.map(\.date.description) == ["2026-03-01", "2026-03-03"])
    #expect(read.entries.first?.text.hasSuffix("after code") == true)
    // Four backticks hold a three-backtick line as code.
    let long = "## 2026-03-01\nentry\n````\n```\n## 2026-03-06\n```\n````\n## 2026-03-07\nseven\n"
    #expect(try readFile(TestSupport.write(long, "long.md", in: folder), options: options()).entries.map(\.date.description) == ["2026-03-01", "2026-03-07"])
    // A fence never closed reads the rest as code, as Markdown does, and says so.
    let open = "## 2026-03-01\nentry\n```\n## 2026-03-02 unclosed fence\nrest\n## 2026-03-03\nlast\n"
    let unclosed = try readFile(TestSupport.write(open, "open.md", in: folder), options: options())
    #expect(unclosed.entries.count == 1)
    #expect(unclosed.notices.map(\.source.line) == [3])
    #expect(unclosed.messages.first?.hasPrefix("a code fence opened here is never closed: 2 dated headings") == true)
  }

  @Test func badDatesAndEmptyEntriesInTextJournals() throws {
    let folder = TestSupport.temporaryFolder()
    let path = TestSupport.write("## 2026-13-40 oops\ntext\n## 2026-03-02\n\n", "j.md", in: folder)
    let reasons = try readAll(path).compactMap(\.reject).map(\.reason)
    #expect(reasons == ["invalid date \"2026-13-40\"", "empty text"])
  }
}

/// jrnl's `@tags`, found on the bytes, are the tags a walk over every character finds.
@Suite struct JrnlTagTests {
  /// The character-by-character rule the byte scan must keep.
  static func reference(_ text: String) -> [String] {
    var tags: [String] = []
    var previous: Character = " "
    var index = text.startIndex
    while index < text.endIndex {
      let character = text[index]
      if character == "@" && !(previous.isLetter || previous.isNumber || previous == "@") {
        let start = text.index(after: index)
        let end = text[start...].firstIndex { !($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") } ?? text.endIndex
        let tag = String(text[start..<end])
        if !tag.isEmpty && !tags.contains(tag) { tags.append(tag) }
        index = end
        previous = "a"
        continue
      }
      previous = character
      index = text.index(after: index)
    }
    return tags
  }

  @Test(arguments: [
    "", "no tags here", "@start and @end", "mail me@example.com", "@a@b @c", "@@x @ y", "über@nicht @café-1 @x_y.",
    "😀@emoji @日本 tail@", "@tag\u{301} combined", "two @same and @same", "@", "x @", "(@paren) [@b]",
  ])
  func theByteScanFindsTheReferenceTags(_ text: String) {
    #expect(DatedTextReader.jrnlTags(in: text) == Self.reference(text), "\(text.debugDescription)")
  }
}
