/// A growable list of plain values in memory it owns: clearing is `count = 0` and appending
/// is a store, which matters in loops that run for every byte or token (the word scanner,
/// the pattern matcher). Grows by doubling.
struct UnsafeList<Element: BitwiseCopyable>: ~Copyable {
  private var storage: UnsafeMutableBufferPointer<Element>
  private(set) var count = 0

  init(capacity: Int = 16) { storage = .allocate(capacity: max(capacity, 1)) }

  deinit { storage.deallocate() }

  var isEmpty: Bool { count == 0 }

  /// The elements, valid until the list next changes.
  var elements: UnsafeBufferPointer<Element> { UnsafeBufferPointer(rebasing: storage[0..<count]) }

  @inline(__always)
  var last: Element? { count > 0 ? storage[count - 1] : nil }

  @inline(__always)
  subscript(index: Int) -> Element { storage[index] }

  @inline(__always)
  mutating func removeAll() { count = 0 }

  @inline(__always)
  mutating func append(_ value: Element) {
    if count == storage.count { grow() }
    storage[count] = value
    count += 1
  }

  /// Appends `count` elements the caller then writes through the returned pointer, before
  /// the list next changes.
  @inline(__always)
  mutating func appendUninitialized(count added: Int) -> UnsafeMutablePointer<Element> {
    while count + added > storage.count { grow() }
    let start = storage.baseAddress! + count
    count += added
    return start
  }

  /// Removes the last `removed` elements.
  @inline(__always)
  mutating func removeLast(_ removed: Int) { count -= removed }

  /// Exchanges the contents of two lists without copying.
  mutating func exchange(with other: inout UnsafeList<Element>) {
    swap(&storage, &other.storage)
    swap(&count, &other.count)
  }

  private mutating func grow() {
    let larger = UnsafeMutableBufferPointer<Element>.allocate(capacity: storage.count * 2)
    _ = larger.initialize(from: storage)
    storage.deallocate()
    storage = larger
  }
}

extension UnsafeList where Element: Comparable {
  /// Sorts the values in place (ascending).
  mutating func sort() {
    var sorted = UnsafeMutableBufferPointer(rebasing: storage[0..<count])
    sorted.sort()
  }
}
