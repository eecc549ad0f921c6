import Crypto
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
///
/// What the state keeps: for every text analysed, its analysis (tags, intensities, valence,
/// word count and the evidence — the words of the text that matched) under a SHA-256 of the
/// lexicon fingerprint and the text; per run, the pipeline name, the as-of day and each
/// subject's status and signal names (subject ids, or their codes with pseudonyms). It keeps
/// no text whole, but the evidence words are client text, and a guessed text can be checked
/// against the keys: the file is as private as the journals (0600, in a folder others cannot
/// write). Deleted rows are overwritten (`secure_delete`).
///
/// No planted file is obeyed: the state's folder must not be writable by group or others,
/// and the database and its lock are refused when they are symbolic links (or, for the lock,
/// hard links).
final class RunState {
  /// A problem with the state file or its lock.
  struct StateError: Error, LocalizedError {
    let message: String
    var errorDescription: String? { message }
  }

  let path: String
  private let database: DatabaseQueue
  private let lock: LockFile
  /// Analyses computed in this run, written with the run's history at the end.
  private var fresh: [(key: String, frame: Data)] = []
  /// Called once, the first time a cached analysis fails validation (it is analysed again).
  private let notice: (String) -> Void
  private var invalidSeen = false
  /// Cached analyses that failed validation in this run (each a cache miss).
  private(set) var invalidCached = 0

  /// The cache's table. Renamed when its key or its form changed (FNV digests → SHA-256,
  /// Codable JSON → the spill frame of ``SpillWriter/analysis(_:)``), so an older state's
  /// cache is dropped and rebuilt, never misread.
  static let cacheTable = "cached_analysis_frame"

  init(path: String, notice: @escaping (String) -> Void = { _ in }) throws {
    self.path = path
    self.notice = notice
    let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
    try RunFolder.prepare(folder)
    lock = try LockFile(
      path + ".lock", busy: path, reason: "another TrustLens run is using this state; try again when it has finished")
    try RunState.createPrivately(path)
    do {
      var configuration = Configuration()
      configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA secure_delete = ON") }
      database = try DatabaseQueue(path: path, configuration: configuration)
      try database.write { db in
        try db.execute(
          sql: """
            DROP TABLE IF EXISTS analysis;
            DROP TABLE IF EXISTS cached_analysis;
            CREATE TABLE IF NOT EXISTS \(RunState.cacheTable) (key TEXT PRIMARY KEY, frame BLOB NOT NULL);
            CREATE TABLE IF NOT EXISTS run (id INTEGER PRIMARY KEY AUTOINCREMENT, pipeline TEXT NOT NULL, as_of TEXT);
            CREATE TABLE IF NOT EXISTS subject_status (
              run INTEGER NOT NULL REFERENCES run(id), subject TEXT NOT NULL, status TEXT NOT NULL,
              signals TEXT NOT NULL, PRIMARY KEY (run, subject));
            """)
      }
    } catch {
      throw StateError(message: "\(path): cannot use the state database: \(RunState.describe(error))")
    }
  }

  /// Makes sure `path` is a regular file of this user, mode 0600, before SQLite opens it: a
  /// new one is created exclusively (`O_EXCL | O_NOFOLLOW`); an existing one is opened
  /// without following a link and made 0600 on its descriptor. A symbolic link, or a file
  /// with a second name (a hard link), is refused.
  private static func createPrivately(_ path: String) throws(StateError) {
    var fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
    if fd < 0 && errno == EEXIST { fd = open(path, O_RDWR | O_NOFOLLOW | O_CLOEXEC) }
    guard fd >= 0 else {
      let reason = errno == ELOOP ? "it is a symbolic link; refusing to open it" : String(cString: strerror(errno))
      throw StateError(message: "\(path): cannot use the state database: \(reason)")
    }
    defer { close(fd) }
    var status = stat()
    guard fstat(fd, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG, status.st_nlink == 1, status.st_uid == geteuid(),
      fchmod(fd, 0o600) == 0
    else {
      throw StateError(message: "\(path): cannot use the state database: not a regular file of this user with one name")
    }
  }

  /// The cache key of a text under a lexicon: the SHA-256 of the lexicon's fingerprint (8
  /// bytes, little endian) and the text's UTF-8, in hex.
  static func key(text: String, lexicon: UInt64) -> String {
    var hash = SHA256()
    withUnsafeBytes(of: lexicon.littleEndian) { hash.update(bufferPointer: $0) }
    hash.update(data: Array(text.utf8))
    return hash.finalize().map { byte in (byte < 16 ? "0" : "") + String(byte, radix: 16) }.joined()
  }

  /// A cached analysis, or `nil`: not cached, or cached but not one the analyzer could have
  /// made (not decodable, or outside the ranges of ``TextAnalysis/validationProblem``) — a
  /// tampered or damaged entry is a cache miss, analysed again and replaced at the end of the
  /// run, with one notice per run.
  func cachedAnalysis(key: String) throws -> TextAnalysis? {
    let data = try database.read { db in
      try Data.fetchOne(db, sql: "SELECT frame FROM \(RunState.cacheTable) WHERE key = ?", arguments: [key])
    }
    guard let data else { return nil }
    let problem: String
    if data.count > RunState.maxCachedBytes {
      problem = "larger than \(RunState.maxCachedBytes) bytes"
    } else if let analysis = RunState.analysis(frame: data) {
      guard let invalid = analysis.validationProblem else { return analysis }
      problem = invalid
    } else {
      problem = "not a readable analysis"
    }
    invalidCached += 1
    if !invalidSeen {
      invalidSeen = true
      notice("\(path): a cached analysis is invalid (\(problem)); such entries are analysed again and replaced")
    }
    return nil
  }

  /// The largest cached analysis read back (its frame).
  static let maxCachedBytes = 16 << 20

  /// Remembers an analysis made in this run (saved by ``record(run:)``).
  func remember(key: String, analysis: TextAnalysis) throws {
    fresh.append((key, RunState.frame(analysis)))
  }

  /// The version of the cached frames' fields, their first field: spill frames are otherwise
  /// read only by the process that wrote them, so a change to ``SpillWriter/analysis(_:)``
  /// must raise it (older entries then are misses, analysed again and replaced).
  static let cacheFrameVersion = 1

  /// An analysis as the cache keeps it: one spill frame, its version then the analysis.
  static func frame(_ analysis: TextAnalysis) -> Data {
    var writer = SpillWriter()
    writer.int(cacheFrameVersion)
    writer.analysis(analysis)
    return Data(writer.frame())
  }

  /// The analysis in a cached frame, or `nil` when the bytes are not exactly one whole frame
  /// of one analysis of this version (its ranges are checked by the caller).
  static func analysis(frame data: Data) -> TextAnalysis? {
    data.withUnsafeBytes { raw in
      var reader = SpillReader(raw.bindMemory(to: UInt8.self))
      guard let length = try? reader.int32(), Int(length) == reader.remaining,
        (try? reader.int()) == cacheFrameVersion, let analysis = try? reader.analysis(), reader.remaining == 0
      else { return nil }
      return analysis
    }
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
      for (key, frame) in fresh {
        try db.execute(sql: "INSERT OR REPLACE INTO \(RunState.cacheTable) (key, frame) VALUES (?, ?)", arguments: [key, frame])
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
