import Foundation
import TrustLensCore

/// The per-record outputs of a run, fed while records stream: the workbook's Entries rows
/// (written on the feed's own thread) and the spill files of the texts and check-ins that
/// outputs read again later (per-subject workbooks, `entries.csv`, the Check-ins sheet, the
/// month's notable entries). Only records from the `--since` day on are kept.
final class EntryOutputsSink: RecordSink {
  let feed: WorkbookFeed?
  /// Where texts are spilled, when an output reads them again (see ``ExportPlan``).
  private let entries: FileSink?
  private let checkIns: FileSink
  let since: LocalDay?
  /// Where the spills are read back from (the files exist only during the run).
  let records: SpillRecords

  init(feed: WorkbookFeed?, spillsEntries: Bool, since: LocalDay?, folder: OutputFolder) throws {
    self.feed = feed
    self.since = since
    records = SpillRecords(
      entries: AtomicFile.temporaryPath(for: folder.file("entries.spill")),
      checkIns: AtomicFile.temporaryPath(for: folder.file("checkins.spill")))
    entries = spillsEntries ? try FileSink(path: records.entries) : nil
    checkIns = try FileSink(path: records.checkIns)
  }

  private func kept(_ date: RecordDate) -> Bool { since.map { date.day >= $0 } ?? true }

  func analyzed(_ record: AnalyzedRecord) throws {
    guard kept(record.date) else { return }
    feed?.add(record)
    try entries?.write(SpillWriter.frame(record))
  }

  func checkIn(_ checkIn: CheckIn) throws {
    guard kept(checkIn.date) else { return }
    try checkIns.write(SpillWriter.frame(checkIn))
  }

  /// Closes the spills and waits for the Entries rows queued so far.
  func finishStreaming() throws {
    try entries?.close()
    try checkIns.close()
    try feed?.drain()
  }

  /// Drops the spill files (they are read until the outputs are written).
  func removeSpills() {
    unlink(records.entries)
    unlink(records.checkIns)
  }

  /// Stops the workbook (the run failed): its partial files are discarded.
  func cancel() {
    feed?.cancel()
    removeSpills()
  }
}
