import TrustLensCore
import TrustLensExport

/// Gathers the writers' own tags of every journal entry (the whole history, as the trends
/// see it): per subject and tag, the entries, weeks and tone, against the subject's other
/// entries. Memory grows with subjects × tags × weeks, never with the entries.
final class OwnTagsSink: RecordSink {
  private struct Tally {
    var entries = 0
    var valence = 0.0
    var weeks: Set<Int> = []
    var first: LocalDay
    var last: LocalDay
  }

  private var bySubject: [String: (entries: Int, valence: Double, tags: [String: Tally])] = [:]

  func analyzed(_ record: AnalyzedRecord) throws {
    guard record.kind == .entry else { return }
    var subject = bySubject[record.subject] ?? (0, 0, [:])
    subject.entries += 1
    subject.valence += record.analysis.valence
    for tag in Set(record.userTags) {
      let day = record.date.day
      var tally = subject.tags[tag] ?? Tally(first: day, last: day)
      tally.entries += 1
      tally.valence += record.analysis.valence
      tally.weeks.insert(day.startOfISOWeek.dayNumber)
      tally.first = min(tally.first, day)
      tally.last = max(tally.last, day)
      subject.tags[tag] = tally
    }
    bySubject[record.subject] = subject
  }

  /// Every subject's own tags, by subject, then by entries (most first), then by name.
  var tags: [OwnTag] {
    bySubject.keys.sorted().flatMap { id -> [OwnTag] in
      let subject = bySubject[id]!
      return subject.tags.map { tag, tally in
        let others = subject.entries - tally.entries
        return OwnTag(
          subject: id, tag: tag, entries: tally.entries, weeks: tally.weeks.count, first: tally.first, last: tally.last,
          valence: tally.valence / Double(tally.entries),
          otherValence: others > 0 ? (subject.valence - tally.valence) / Double(others) : nil)
      }
      .sorted { $0.entries != $1.entries ? $0.entries > $1.entries : $0.tag < $1.tag }
    }
  }
}
