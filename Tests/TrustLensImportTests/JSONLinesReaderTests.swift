import Foundation
import Testing
import TestSupport
import TrustLensCore
import TrustLensImport

@Suite struct JSONLinesReaderTests {
  @Test func entriesChecksInsAndPassthrough() throws {
    let folder = TestSupport.temporaryFolder()
    let text = """
      {"id":"a1","date":"2026-03-01T21:14:00-05:00","text":"hello","tags":["x"],"mood_emoji":"🙂","client":"c9"}

      {"date":"2026-03-02","trust":4,"held":true,"note":"short"}
      {"date":"2026-03-03","trust":5,"held":"no"}
      """
    let path = TestSupport.write(text, "j.jsonl", in: folder)
    let records = try readAll(path)
    #expect(records.count == 3)
    let entry = try #require(records[0].entry)
    #expect(entry.id == "a1" && entry.subject == "c9" && entry.userTags == ["x"])
    let checkIn = try #require(records[1].checkIn)
    #expect(checkIn.source.line == 3 && checkIn.ratings["trust"] == 4 && checkIn.note == "short")
    let skipped = try #require(records[2].checkIn)
    #expect(!skipped.held)
  }

  @Test(arguments: [
    (#"{"date":"2026-13-40","text":"x"}"#, #"invalid date "2026-13-40""#),
    (#"{"date":"2026-03-01","text":"   "}"#, "empty text"),
    (#"{"date":"2026-03-01","text":5}"#, "text is not a string"),
    (#"{"text":"x"}"#, "missing date"),
    (#"{"date":"03/04/2026","text":"x"}"#, #"ambiguous date "03/04/2026": write it as YYYY-MM-DD or set date_format"#),
    (#"[1,2]"#, "not a JSON object"),
    (#"{"date":"2026-03-01","trust":"four"}"#, #"rating trust "four" is not a number"#),
    // Keys match without regard to case, so two spellings of one key are ambiguous, on the
    // fast path and on Foundation's (a nested object sends a line there).
    (#"{"date":"2026-03-01","Text":"hurt","text":"calm"}"#, #"keys "Text" and "text" differ only in case"#),
    (#"{"date":"2026-03-01","text":"calm","TEXT":"hurt","x":[{"y":1}]}"#, #"keys "TEXT" and "text" differ only in case"#),
    (#"{"date":"2026-03-01","text":"a","Text":"b","TEXT":"c"}"#, #"keys "TEXT", "Text" and "text" differ only in case"#),
  ])
  func rejectReasons(_ line: String, _ reason: String) throws {
    let folder = TestSupport.temporaryFolder()
    let path = TestSupport.write(line + "\n", "j.jsonl", in: folder)
    let reject = try #require(try readAll(path).first?.reject)
    #expect(reject.reason == reason)
    #expect(reject.source == SourceLocation(file: path, line: 1))
  }

  /// Lines that repeat the previous line's keys reuse its placement; a line with other keys
  /// (another order, a preferred name, a repeated key, a clash) is placed by its own keys.
  @Test func eachLineIsPlacedByItsOwnKeys() throws {
    let folder = TestSupport.temporaryFolder()
    let text = """
      {"date":"2026-03-01","note":"n1","text":"t1"}
      {"date":"2026-03-02","note":"n2","text":"t2"}
      {"date":"2026-03-03","text":"t3","note":"n3"}
      {"date":"2026-03-04","note":"n4"}
      {"date":"2026-03-05","note":"n5","note":"m5"}
      {"date":"2026-03-06","Text":"a","text":"b"}
      {"date":"2026-03-07","note":"n7","text":"t7"}
      """
    let records = try readAll(TestSupport.write(text, "j.jsonl", in: folder))
    #expect(records.map { $0.entry?.text } == ["t1", "t2", "t3", "n4", "m5", nil, "t7"])
    #expect(records[5].reject?.reason == #"keys "Text" and "text" differ only in case"#)
  }

  /// A key given twice in one spelling: the last counts, on both parsing paths; a key's case
  /// does not matter.
  @Test func theLastOfARepeatedKeyCountsAndCaseDoesNot() throws {
    let folder = TestSupport.temporaryFolder()
    let text = """
      {"DATE":"2026-03-01","Text":"first","Text":"second"}
      {"date":"2026-03-01","text":"first","text":"second","x":[{"y":1}]}
      """
    let records = try readAll(TestSupport.write(text, "j.jsonl", in: folder))
    #expect(records.map { $0.entry?.text } == ["second", "second"])
  }

  @Test func invalidJSONAndInvalidUTF8AreRejectsNotCrashes() throws {
    let folder = TestSupport.temporaryFolder()
    var bytes = Array(#"{"date":"2026-03-01","text":"ok"}"#.utf8) + [10]
    bytes += Array(#"{"date":"2026-03-01","text":"#.utf8) + [10]
    bytes += Array(#"{"date":"2026-03-01","text":"ab"#.utf8) + [0xC3, 0x28] + Array(#""}"#.utf8) + [10]
    let path = TestSupport.write(bytes: bytes, "j.jsonl", in: folder)
    let records = try readAll(path)
    #expect(records.count == 3)
    #expect(records[0].entry != nil)
    #expect(records[1].reject?.reason.hasPrefix("not valid JSON") == true)
    #expect(records[2].reject?.reason == "invalid UTF-8 at byte 32")
  }

  /// The JSON parser quotes raw bytes of the line in its messages (here NULs of a broken
  /// `\u` escape, and journal text); a reason keeps the parser's words and none of the line
  /// (a fuzz finding: control characters reached the Rejects sheet and rejects.csv).
  @Test func theParsersMessageQuotesNothingOfTheLine() throws {
    let folder = TestSupport.temporaryFolder()
    let bytes = Array(#"{"date":"2026-03-01","text":"my secret \u"#.utf8) + [0, 0, 0] + Array(#"!"}"#.utf8) + [10]
    let records = try readAll(TestSupport.write(bytes: bytes, "j.jsonl", in: folder), format: .jsonl)
    let reason = try #require(records.first?.reject?.reason)
    #expect(reason.hasPrefix("not valid JSON: invalid"))
    #expect(!reason.unicodeScalars.contains { $0.value < 0x20 }, "\(reason.debugDescription)")
    #expect(!reason.contains("secret") && !reason.contains("\""), "\(reason)")
  }

  @Test func overlongRecordsAreRejectedWithoutLosingTheNext() throws {
    let folder = TestSupport.temporaryFolder()
    let long = #"{"date":"2026-03-01","text":""# + String(repeating: "a", count: (1 << 20) + 10) + "\"}\n"
    let path = TestSupport.write(long + #"{"date":"2026-03-02","text":"after"}"#, "j.jsonl", in: folder)
    let records = try readAll(path)
    #expect(records.count == 2)
    #expect(records[0].reject?.reason == "record longer than 1 MiB")
    #expect(records[1].entry?.text == "after")
  }

  @Test func stableIDsAndSubjectRules() throws {
    let folder = TestSupport.temporaryFolder()
    let path = TestSupport.write(#"{"date":"2026-03-01","text":"x","subject":"s1"}"# + "\n", "j.jsonl", in: folder)
    #expect(try readAll(path).first?.entry?.id == "s1-\(path)-1")
    #expect(try readAll(path, subject: .folder).first?.entry?.subject == "s1")
    let unnamed = TestSupport.write(#"{"date":"2026-03-01","text":"x"}"# + "\n", "u.jsonl", in: folder)
    #expect(try readAll(unnamed).first?.entry?.subject == "default")
    #expect(try readAll(unnamed, subject: .fixed("me")).first?.entry?.subject == "me")
    #expect(try readAll(unnamed, subject: .folder, folderSubject: "c07").first?.entry?.subject == "c07")
  }

  /// A subject typed with a combining accent is the same subject as its composed form (two
  /// look-alike clients before).
  @Test func subjectsAreComposed() throws {
    let folder = TestSupport.temporaryFolder()
    let composed = "Jos\u{E9}", decomposed = "Jose\u{301}"
    let lines = [composed, decomposed].map { #"{"date":"2026-03-01","text":"x","subject":""# + $0 + #""}"# }
    let path = TestSupport.write(lines.joined(separator: "\n") + "\n", "s.jsonl", in: folder)
    let subjects = try readAll(path).compactMap(\.entry).map(\.subject)
    #expect(subjects.map { Array($0.utf8) } == [Array(composed.utf8), Array(composed.utf8)])
  }

  /// Two keys of one object naming one field: the preferred is read and a notice, once per
  /// pair and file, says which was left out (a note beside the text was dropped unsaid).
  @Test func twoKeysOfOneFieldAreTold() throws {
    let folder = TestSupport.temporaryFolder()
    let lines = [
      #"{"date":"2026-03-03","text":"I feel betrayed","note":"I feel so grateful"}"#,
      #"{"date":"2026-03-04","text":"again","note":"and again"}"#,
      #"{"subject":"a","client":"b","text":"z","date":"2026-03-01"}"#,
    ]
    let path = TestSupport.write(lines.joined(separator: "\n") + "\n", "k.jsonl", in: folder)
    let result = try readFile(path, options: options())
    #expect(result.entries.map(\.text) == ["I feel betrayed", "again", "z"])
    #expect(result.entries.last?.subject == "a")
    #expect(result.notices.map(\.description) == [
      "\(path):1: keys \"text\" and \"note\" both name the text; \"text\" is read, \"note\" only where \"text\" is blank (choose with columns:)",
      "\(path):3: keys \"subject\" and \"client\" both name the subject; \"subject\" is read, \"client\" only where \"subject\" is blank (choose with columns:)",
    ])
    // A blank preferred key gives way to the other: an empty subject hid a filled client, an
    // empty text a filled note (the record was rejected as empty).
    let blanks = TestSupport.write(
      #"{"subject":"","client":"erin","text":"hi","date":"2026-03-01"}"# + "\n" + #"{"text":"","note":"only the note","date":"2026-03-02"}"# + "\n",
      "b.jsonl", in: folder)
    let read = try readFile(blanks, options: options())
    #expect(read.entries.map(\.subject) == ["erin", "default"])
    #expect(read.entries.map(\.text) == ["hi", "only the note"])
  }

  /// A record that names its subject keeps it under any rule (the contract's order: the
  /// record's `subject` or `client` field, else the rule), and the file says so once: a record
  /// of bob's in alice's folder is never filed as alice's.
  @Test func aRecordsOwnSubjectComesBeforeTheRule() throws {
    let folder = TestSupport.temporaryFolder()
    let path = TestSupport.write(
      #"{"date":"2026-03-01","text":"alice writes"}"# + "\n" + #"{"date":"2026-03-01","text":"tagged bob","subject":"bob"}"# + "\n"
        + #"{"date":"2026-03-02","text":"bob again","client":"bob"}"# + "\n", "j.jsonl", in: folder)
    for rule in [SubjectRule.folder, .fixed("alice")] {
      let result = try readFile(path, options: options(subject: rule), folderSubject: "alice")
      #expect(result.entries.map(\.subject) == ["alice", "bob", "bob"])
      #expect(result.messages.filter { $0.contains("names its own subject") }.count == 1)
    }
    let csv = TestSupport.write("date,client,text\n2026-03-01,,mine\n2026-03-02,bob,his\n", "c.csv", in: folder)
    #expect(try readFile(csv, options: options(subject: .folder), folderSubject: "alice").entries.map(\.subject) == ["alice", "bob"])
  }
}

/// Analysed shards are parsed in parallel batches: the records still come out one per line,
/// in line order, with a broken line's and a too-long line's rejects and a journal line's
/// entry in place; values the analyzer never writes are rejects, not crashes.
@Suite struct AnalysedShardTests {
  private static func line(_ index: Int) -> String {
    #"{"id":"e\#(index)","subject":"s\#(index % 7)","date":"2026-03-\#(String(format: "%02d", index % 28 + 1))","source":"j.jsonl:\#(index + 1)","kind":"entry","words":\#(index % 90),"valence":\#(Double(index % 200) / 100 - 1),"emotions":{"anger":\#(Double(index % 100) / 100)},"themes":{"accountability":0.5},"evidence":[{"tag":"anger","match":"so angry","sentence":1,"start":3,"end":11,"weight":0.8,"rules":["intensifier"]}]}"#
  }

  @Test func batchesKeepLineOrderAndRejectsInPlace() throws {
    let folder = TestSupport.temporaryFolder()
    var lines = (0..<700).map(Self.line)
    lines[300] = #"{"id":"broken","subject":"s1","date":"2026-03-01","kind":"entry","emotions":{"anger":0.5},"valence":"#
    lines[450] = ""  // a blank line is skipped
    lines[520] = #"{"id":"j1","subject":"s1","date":"2026-03-01","text":"a journal line among the shards"}"#
    lines[600] = #"{"text":""# + String(repeating: "x", count: 1_100_000) + #""}"#  // over 1 MiB
    let path = TestSupport.write(lines.joined(separator: "\n") + "\n", "shard.jsonl", in: folder)
    let records = try readAll(path)
    #expect(records.count == 699)
    for (offset, record) in records.enumerated() {
      let index = offset < 450 ? offset : offset + 1
      if index == 300 || index == 600 {
        #expect(record.reject?.source.line == index + 1)
        continue
      }
      if index == 520 {
        #expect(record.entry?.id == "j1" && record.entry?.source.line == 521)
        continue
      }
      guard case .analyzed(let analysed) = record else {
        Issue.record("line \(index + 1) is not an analysed record")
        continue
      }
      #expect(analysed.id == "e\(index)")
      #expect(analysed.source.line == index + 1)
      #expect(analysed.analysis.words == index % 90)
      #expect(analysed.analysis.emotions["anger"] == Double(index % 100) / 100)
      #expect(analysed.analysis.evidence.first?.rules == ["intensifier"])
    }
  }
}

extension AnalysedShardTests {
  @Test(arguments: [
    (#""valence":1e400"#, "not valid JSON"),
    (#""valence":1e308"#, "valence 1e+308 is outside [-1, 1]"),
    (#""valence":0.5,"emotions":{"anger":2}"#, #"intensity 2.0 of "anger" is outside [0, 1]"#),
    (#""valence":0.5,"words":true"#, "analysed record without id, subject, date, kind, words or valence"),
    (#""valence":0.5,"words":-3"#, "words -3 is negative"),
    (#""valence":01"#, "not valid JSON"),
  ])
  func outOfRangeValuesAreRejects(_ fields: String, _ reason: String) throws {
    let folder = TestSupport.temporaryFolder()
    // `fields` may repeat a key of the line: the later one wins, as in Foundation's reading.
    let line = #"{"id":"e1","subject":"s","date":"2026-03-01","kind":"entry","words":10,"emotions":{"anger":0.5},"themes":{},"evidence":[],"# + fields + "}"
    let path = TestSupport.write(line + "\n", "shard.jsonl", in: folder)
    let records = try readAll(path)
    #expect(records.count == 1)
    #expect(records.first?.reject?.reason == reason, "\(fields)")
  }
}
