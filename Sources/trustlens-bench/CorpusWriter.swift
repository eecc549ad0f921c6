import Foundation
import TrustLensCore

/// Writes a deterministic synthetic journal corpus in several formats for the benchmarks.
///
/// Entry lengths follow a long-tailed distribution with a median near 90 words; texts mix
/// trust-repair sentences, everyday ones and some non-ASCII (accents, emoji, curly quotes).
struct CorpusWriter {
  var random = SplitMix(seed: 0x7275_7374)

  static let sentences = [
    "He went behind my back again and I found out from a friend.",
    "I don't feel safe yet, but I noticed he was more open tonight.",
    "We had our weekly check-in and he kept his word about the phone.",
    "I went for a long walk and slept better than I have in weeks.",
    "Why are we still talking about this, he said, and I shut down.",
    "My therapist says the anger is part of it — I'm trying to be patient.",
    "Café with Léa; she listened and I felt heard for once 🙂",
    "He apologized without excuses and named what he did.",
    "I keep second-guessing everything he tells me.",
    "Work was busy, the kids were loud, dinner was late.",
    "It’s hard to explain how tired I am of walking on eggshells.",
    "Small steps: he showed me his messages without me asking.",
  ]

  /// Words of the next entry: lognormal-ish, median ≈ 90, tail to ~600.
  mutating func entryText() -> String {
    let u = max(random.nextDouble(), 1e-9), v = random.nextDouble()
    let normal = (-2 * log(u)).squareRoot() * cos(2 * .pi * v)
    let words = min(900, max(8, Int(90 * exp(0.55 * normal))))
    var text = ""
    var count = 0
    while count < words {
      let sentence = CorpusWriter.sentences[Int(random.next() % UInt64(CorpusWriter.sentences.count))]
      text += text.isEmpty ? sentence : " " + sentence
      count += sentence.split(separator: " ").count
    }
    return text
  }

  /// How many subjects a corpus of `count` entries has: one per ~700 entries (about two a
  /// day for a year each, at least 50), or `BENCH_SUBJECTS` to hold it fixed across sizes.
  static func subjects(for count: Int) -> Int {
    ProcessInfo.processInfo.environment["BENCH_SUBJECTS"].flatMap(Int.init) ?? max(50, count / 700)
  }

  /// Writes `count` journal entries as JSON Lines with a subject each (see
  /// ``subjects(for:)``), over a year; returns the entries and days written.
  mutating func writeEntries(count: Int, to path: String) throws -> (entries: Int, days: Int) {
    let subjects = CorpusWriter.subjects(for: count)
    _ = FileManager.default.createFile(atPath: path, contents: nil)  // FileHandle below reports a failure
    guard let handle = FileHandle(forWritingAtPath: path) else { throw CocoaError(.fileWriteUnknown) }
    defer { try? handle.close() }
    var chunk = ""
    var day = LocalDay(iso: "2020-01-01")!
    for index in 0..<count {
      let minute = Int(random.next() % 1440)
      let time = "\(LocalDay.pad(minute / 60, 2)):\(LocalDay.pad(minute % 60, 2))"
      let subject = "c\(LocalDay.pad(Int(random.next() % UInt64(subjects)), 4))"
      let text = entryText().replacingOccurrences(of: "\"", with: "\\\"")
      chunk += "{\"id\":\"e\(index)\",\"date\":\"\(day)T\(time):00-05:00\",\"subject\":\"\(subject)\",\"text\":\"\(text)\"}\n"
      if (index + 1) % max(1, count / 365) == 0 { day = day.adding(days: 1) }
      if chunk.utf8.count > 1 << 20 {
        handle.write(Data(chunk.utf8))
        chunk = ""
      }
    }
    handle.write(Data(chunk.utf8))
    return (count, 365)
  }

  /// Writes about `bytes` of journal in `format` (jsonl, csv, jrnl) to `path`; returns entries.
  mutating func write(format: String, bytes target: Int, to path: String) throws -> Int {
    _ = FileManager.default.createFile(atPath: path, contents: nil)  // FileHandle below reports a failure
    guard let handle = FileHandle(forWritingAtPath: path) else { throw CocoaError(.fileWriteUnknown) }
    defer { try? handle.close() }
    var written = 0, entries = 0
    var chunk = ""
    if format == "csv" { chunk += "date,subject,text\n" }
    var day = LocalDay(iso: "2020-01-01")!
    while written < target {
      let text = entryText()
      let minute = Int(random.next() % 1440)
      let time = "\(LocalDay.pad(minute / 60, 2)):\(LocalDay.pad(minute % 60, 2))"
      let subject = "c\(LocalDay.pad(Int(random.next() % 50), 2))"
      switch format {
      case "jsonl":
        chunk += "{\"id\":\"e\(entries)\",\"date\":\"\(day)T\(time):00-05:00\",\"subject\":\"\(subject)\",\"text\":\"\(text.replacingOccurrences(of: "\"", with: "\\\""))\"}\n"
      case "csv":
        chunk += "\(day) \(time),\(subject),\"\(text.replacingOccurrences(of: "\"", with: "\"\""))\"\n"
      default:
        let cut = text.firstIndex(of: ".").map { text.index(after: $0) } ?? text.endIndex
        chunk += "[\(day) \(time)] \(text[..<cut])\n\(text[cut...].trimmingCharacters(in: .whitespaces))\n\n"
      }
      entries += 1
      if entries % 7 == 0 { day = day.adding(days: 1) }
      if chunk.utf8.count > 1 << 20 {
        handle.write(Data(chunk.utf8))
        written += chunk.utf8.count
        chunk = ""
      }
    }
    handle.write(Data(chunk.utf8))
    return entries
  }
}
