import Foundation
import Testing
import TestSupport
import TrustLensCore
@testable import TrustLensImport

/// Every parser fed the same bytes whole, in chunks and byte by byte gives the same result
/// (STYLE #7): the Day One stream, the CSV and line readers, the transcoders.
@Suite struct ChunkedParserTests {
  static let chunkSizes = [Int.max, 4096, 13, 2, 1]

  static let dayOne = #"""
    {
      "metadata" : { "version" : "1.0", "note" : "a \"quoted\" } bracket ]" },
      "entries" : [
        { "uuid" : "A", "creationDate" : "2026-03-02T03:14:00Z", "text" : "He said sorry\\. [really]",
          "tags" : [ "repair", "x" ] },
        {
          "uuid" : "B", "creationDate" : "2026-03-03T03:14:00Z", "text" : "Line one\nline two { not json }"
        },
        42,
        "just a string"
      ],
      "trailer" : [1, 2, {"a": null}]
    }
    """#

  /// Feeds `bytes` to a stream `chunk` bytes at a time and returns its events.
  static func events(_ bytes: [UInt8], chunk: Int, maxElement: Int = 1 << 20) -> [DayOneStream.Event] {
    var stream = DayOneStream(maxElement: maxElement)
    var events: [DayOneStream.Event] = []
    var offset = 0
    while offset < bytes.count {
      let end = min(bytes.count, offset + min(chunk, bytes.count))
      bytes[offset..<end].withUnsafeBufferPointer { stream.feed($0) { events.append($0) } }
      offset = end
    }
    stream.finish { events.append($0) }
    return events
  }

  @Test(arguments: chunkSizes)
  func dayOneStreamFindsEachElementWithItsLine(chunk: Int) {
    let events = Self.events(Array(Self.dayOne.utf8), chunk: chunk)
    #expect(events == Self.events(Array(Self.dayOne.utf8), chunk: .max))
    let lines = events.map { event -> Int in
      if case .element(_, let line) = event { return line }
      return -1
    }
    #expect(lines == [4, 6, 9, 10])
    guard case .element(let first, _) = events[0] else { return }
    #expect(String(decoding: first, as: UTF8.self).hasSuffix(#""tags" : [ "repair", "x" ] }"#))
    guard case .element(let scalar, _) = events[2] else { return }
    #expect(scalar == Array("42".utf8))
  }

  @Test(arguments: [
    (#"{"entries":[{"a":1}"#, "not valid JSON: the document ends early"),
    (#"{"entries":[{"a":1"#, "not valid JSON: the document ends inside an entry"),
    (#"{"metadata":{}}"#, "not a Day One export (no \"entries\" list)"),
    (#"[{"entries":[]}]"#, "not a Day One export (the document is not a JSON object)"),
    (#"{"entries":[{"a":1},]}"#, "not valid JSON: an entry expected in the \"entries\" list"),
    (#"{"entries":[{"a":1}] x}"#, "not valid JSON: \",\" or \"}\" expected"),
    (#"{"entries":[]} {}"#, "not valid JSON: text after the document"),
    (#"{"entries" [] }"#, "not valid JSON: \":\" expected after a key"),
  ])
  func dayOneStreamSaysWhyADocumentCannotBeRead(document: String, reason: String) {
    for chunk in Self.chunkSizes {
      let failures = Self.events(Array(document.utf8), chunk: chunk).compactMap { event -> String? in
        if case .failed(let why, _) = event { return why }
        return nil
      }
      #expect(failures == [reason], "\(document) in chunks of \(chunk)")
    }
  }

  @Test func anEntryLongerThanTheLimitIsSkippedToItsEndWithoutBeingHeld() {
    let long = #"{"entries":[{"text":""# + String(repeating: "a", count: 5000) + #""},{"text":"short"}]}"#
    for chunk in [Int.max, 100, 1] {
      let events = Self.events(Array(long.utf8), chunk: chunk, maxElement: 1000)
      #expect(events.count == 2)
      #expect(events.first == .elementTooLong(line: 1))
      #expect(events.last == .element(bytes: Array(#"{"text":"short"}"#.utf8), line: 1))
    }
  }

  /// The CSV reader through a pipe delivering 1, 2, 13 or 4096 bytes per read.
  @Test(arguments: chunkSizes)
  func csvRecordsDoNotDependOnReads(chunk: Int) throws {
    let text = "date,text\r\n2026-03-01,\"multi\r\nline, \"\"quoted\"\"\"\r\n\r\n2026-03-02,\"x\"\r\n2026-03-03,y,z\n2026-03-04,\"open"
    let whole = try readBytes(Array(text.utf8), name: "j.csv", options: options())
    let chunked = try readBytes(Array(text.utf8), name: "j.csv", chunk: chunk, bufferSize: 16, options: options())
    #expect(chunked.summary == whole.summary)
    #expect(whole.summary == [
      "entry 2 2026-03-01 default multi\r\nline, \"quoted\" []", "entry 5 2026-03-02 default x []",
      "reject 6 row has 3 cells, header has 2", "reject 7 unterminated quoted field",
    ])
  }

  @Test(arguments: chunkSizes)
  func textJournalsDoNotDependOnReads(chunk: Int) throws {
    let text = "# Title\n[2026-03-01 21:14] First @work.\r\nmore\n[2026-03-02 07:30] Second @home @work"
    let whole = try readBytes(Array(text.utf8), name: "j.txt", options: options())
    let chunked = try readBytes(Array(text.utf8), name: "j.txt", chunk: chunk, bufferSize: 16, options: options())
    #expect(chunked.summary == whole.summary)
    #expect(whole.entries.map(\.userTags) == [["work"], ["home", "work"]])
  }

  /// UTF-16 and Windows-1252 decoded through reads that split characters and surrogate
  /// pairs.
  @Test(arguments: chunkSizes)
  func transcodingDoesNotDependOnReads(chunk: Int) throws {
    let text = "date\ttext\n2026-03-01\tCafé, naïve — “quoted” 😀\n"
    var utf16: [UInt8] = [0xFF, 0xFE]
    for unit in text.utf16 { utf16 += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
    let piped = try readBytes(utf16, name: "export.txt", chunk: chunk, bufferSize: 32, options: options(format: .tsv))
    #expect(piped.entries.map(\.text) == ["Café, naïve — “quoted” 😀"])
    let cp1252: [UInt8] = Array("date,text\n2026-03-01,Caf".utf8) + [0xE9, 0x20, 0x93, 0x71, 0x94, 0x20, 0x80] + [10]
    let latin = try readBytes(cp1252, name: "j.csv", chunk: chunk, bufferSize: 16, options: options())
    #expect(latin.entries.map(\.text) == ["Café “q” €"])
  }
}
