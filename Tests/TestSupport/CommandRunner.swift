public import Foundation

/// Runs the built `trustlens` binary the way a user does, capturing everything.
public enum CommandRunner {
  public struct Result: Sendable {
    public let status: Int32
    public let stdout: String
    public let stderr: String
  }

  /// The `trustlens` executable beside the test bundle (SwiftPM builds it for the tests).
  public static var executable: URL {
    let candidates = [
      Bundle.main.bundleURL.appendingPathComponent("trustlens"),
      Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("trustlens"),
      TestSupport.repositoryRoot.appendingPathComponent(".build/debug/trustlens"),
    ]
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[2]
  }

  /// Deterministic pseudo-random delays between 0.05 s and 0.65 s, for killing runs at
  /// different points (reading, analysis, workbook writing, state update).
  public static func killDelays(seed: UInt64, count: Int) -> [Double] {
    var state = seed
    return (0..<count).map { _ in
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return 0.05 + Double((state >> 33) % 600) / 1000
    }
  }

  /// Starts `trustlens arguments…` and kills it with SIGKILL after `delay` seconds.
  public static func runAndKill(_ arguments: [String], directory: URL, after delay: Double) throws {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    process.currentDirectoryURL = directory
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    Thread.sleep(forTimeInterval: delay)
    kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()
  }

  /// Runs `trustlens arguments…` with `stdin` as standard input, in `directory`.
  ///
  /// `prefix` is a command to run it under (e.g. `setpriv …`); with `replaceExecutable` the
  /// prefix's last element is the binary to run instead of the built one.
  /// Runs the built binary with `arguments` and waits for it. Its standard input is `stdin`
  /// (or `stdinBytes`), written from another thread `chunk` bytes at a time while both output
  /// pipes are read, then closed; nothing when neither is given.
  public static func run(
    _ arguments: [String], stdin: String? = nil, stdinBytes: [UInt8]? = nil, chunk: Int = 1 << 16,
    directory: URL? = nil, environment: [String: String] = [:], prefix: [String] = [], replaceExecutable: Bool = false
  ) throws -> Result {
    let process = Process()
    if prefix.isEmpty {
      process.executableURL = executable
      process.arguments = arguments
    } else {
      process.executableURL = URL(fileURLWithPath: prefix[0])
      process.arguments = Array(prefix.dropFirst()) + (replaceExecutable ? [] : [executable.path]) + arguments
    }
    process.currentDirectoryURL = directory ?? TestSupport.repositoryRoot
    var env = ProcessInfo.processInfo.environment
    env.merge(environment) { $1 }
    process.environment = env
    let out = Pipe(), err = Pipe(), input = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = input
    try process.run()
    let bytes = stdinBytes ?? stdin.map { Array($0.utf8) } ?? []
    let writer = Thread {
      writeInChunks(bytes, to: input.fileHandleForWriting.fileDescriptor, chunk: chunk)
      try? input.fileHandleForWriting.close()
    }
    writer.start()
    // Read both pipes concurrently so a full pipe never blocks the child.
    nonisolated(unsafe) var errData = Data()
    let group = DispatchGroup()
    group.enter()
    DispatchQueue.global().async {
      errData = err.fileHandleForReading.readDataToEndOfFile()
      group.leave()
    }
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    process.waitUntilExit()
    return Result(
      status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
      stderr: String(decoding: errData, as: UTF8.self))
  }

  /// Writes `bytes` to `descriptor` at most `chunk` bytes per `write`, stopping early when the
  /// reader has gone (the descriptor is left open).
  public static func writeInChunks(_ bytes: [UInt8], to descriptor: Int32, chunk: Int) {
    var offset = 0
    while offset < bytes.count {
      let n = bytes[offset...].withUnsafeBytes { write(descriptor, $0.baseAddress, min($0.count, chunk)) }
      if n <= 0 { break }
      offset += n
    }
  }
}
