import Foundation

/// A running count of input bytes read, shared by the readers of a run (which add to it as
/// they fill their buffers, on any thread) and the progress display (which reads it).
///
/// Adding costs one uncontended lock per buffer refill (a megabyte), nothing per record.
package final class ByteCounter: @unchecked Sendable {
  private let lock = NSLock()
  private var total = 0

  package init() {}

  /// Adds `count` bytes read.
  package func add(_ count: Int) {
    lock.lock()
    total += count
    lock.unlock()
  }

  /// The bytes read so far.
  package var value: Int {
    lock.lock()
    defer { lock.unlock() }
    return total
  }
}
