import Foundation
import GRDB
import TrustLensCore
import TrustLensTrends

/// The run state of incremental pipelines, in SQLite (GRDB): cached analyses by content and
/// lexicon, and the history of statuses and signals per run.
///
/// One run at a time: a lock file beside the database (`STATE.lock`, `flock`) is held for the
/// whole run; a second run exits with a clear message. Every write happens in one
/// transaction at the end of a run, so a killed run leaves the state as it was.
final class RunState {
  /// A problem with the state file or its lock.
  struct StateError: Error, LocalizedError {
    let message: String
    var errorDescription: String? { message }
  }

  let path: String
  private let database: DatabaseQueue
  private let lockDescriptor: Int32
  /// Analyses computed in this run, written with the run's history at the end.
  private var fresh: [(key: String, json: Data)] = []

  init(path: String) throws {
    self.path = path
    let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
    try AtomicFile.makeFolder(folder)
    let lockPath = path + ".lock"
    let fd = open(lockPath, O_RDWR | O_CREAT, 0o600)
    guard fd >= 0 else { throw StateError(message: "\(lockPath): cannot open the lock file: \(String(cString: strerror(errno)))") }
    guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
      close(fd)
      throw StateError(message: "\(path): another TrustLens run is using this state; try again when it has finished")
    }
    lockDescriptor = fd
    do {
      database = try DatabaseQueue(path: path)
      chmod(path, 0o600)
      try database.write { db in
        try db.execute(
          sql: """
            CREATE TABLE IF NOT EXISTS analysis (key TEXT PRIMARY KEY, json BLOB NOT NULL);
            CREATE TABLE IF NOT EXISTS run (id INTEGER PRIMARY KEY AUTOINCREMENT, pipeline TEXT NOT NULL, as_of TEXT);
            CREATE TABLE IF NOT EXISTS subject_status (
              run INTEGER NOT NULL REFERENCES run(id), subject TEXT NOT NULL, status TEXT NOT NULL,
              signals TEXT NOT NULL, PRIMARY KEY (run, subject));
            """)
      }
    } catch let error as StateError {
      throw error
    } catch {
      flock(fd, LOCK_UN)
      close(fd)
      throw StateError(message: "\(path): cannot use the state database: \(RunState.describe(error))")
    }
  }

  deinit {
    flock(lockDescriptor, LOCK_UN)
    close(lockDescriptor)
  }

  /// The cache key of a text under a lexicon: two independent 64-bit FNV-1a digests.
  static func key(text: String, lexicon: UInt64) -> String {
    var a: UInt64 = 0xcbf2_9ce4_8422_2325 ^ lexicon
    var b: UInt64 = 0x8422_2325_cbf2_9ce4 &+ lexicon
    for byte in text.utf8 {
      a = (a ^ UInt64(byte)) &* 0x100_0000_01b3
      b = (b ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 &+ 0x9E37_79B9
    }
    return String(a, radix: 16) + "-" + String(b, radix: 16)
  }

  /// A cached analysis, or `nil`.
  func cachedAnalysis(key: String) throws -> TextAnalysis? {
    let data = try database.read { db in try Data.fetchOne(db, sql: "SELECT json FROM analysis WHERE key = ?", arguments: [key]) }
    return try data.map { try JSONDecoder().decode(TextAnalysis.self, from: $0) }
  }

  /// Remembers an analysis made in this run (saved by ``record(run:)``).
  func remember(key: String, analysis: TextAnalysis) throws {
    fresh.append((key, try JSONEncoder().encode(analysis)))
  }

  /// The statuses and signals of the latest earlier run of `pipeline`, by subject.
  func previousRun(pipeline: String) throws -> [String: (status: String, signals: [String])]? {
    try database.read { db in
      guard let run = try Int64.fetchOne(db, sql: "SELECT max(id) FROM run WHERE pipeline = ?", arguments: [pipeline]) else {
        return nil
      }
      var result: [String: (String, [String])] = [:]
      let rows = try Row.fetchAll(db, sql: "SELECT subject, status, signals FROM subject_status WHERE run = ?", arguments: [run])
      for row in rows {
        let signals: String = row["signals"]
        result[row["subject"]] = (row["status"], signals.isEmpty ? [] : signals.split(separator: ",").map(String.init))
      }
      return result
    }
  }

  /// Saves this run's analyses and statuses in one transaction.
  func record(pipeline: String, asOf: LocalDay?, subjects: [(subject: String, status: String, signals: [String])]) throws {
    try database.write { db in
      for (key, json) in fresh {
        try db.execute(sql: "INSERT OR REPLACE INTO analysis (key, json) VALUES (?, ?)", arguments: [key, json])
      }
      try db.execute(sql: "INSERT INTO run (pipeline, as_of) VALUES (?, ?)", arguments: [pipeline, asOf?.description])
      let run = db.lastInsertedRowID
      for subject in subjects {
        try db.execute(
          sql: "INSERT INTO subject_status (run, subject, status, signals) VALUES (?, ?, ?, ?)",
          arguments: [run, subject.subject, subject.status, subject.signals.joined(separator: ",")])
      }
    }
    fresh = []
  }

  static func describe(_ error: any Error) -> String {
    if let error = error as? DatabaseError { return error.message ?? "SQLite error \(error.resultCode.rawValue)" }
    return "\(error)"
  }
}
