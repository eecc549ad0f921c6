/// Finds the elements of the top-level `entries` array of a JSON document as its bytes
/// stream past, chunk by chunk, and hands each element's bytes on whole: memory is one
/// element (at most `maxElement` bytes), whatever the document's size.
///
/// Only the document's structure is checked here: an object at the top, keys as strings,
/// `:` and `,` where they belong, strings and brackets balanced. Values other than `entries`
/// are skipped (their brackets and strings are followed, their content not judged); each
/// element is judged by the JSON parser it is handed to. Every line feed is counted, so each
/// element reports the line where it starts. Fed whole, in chunks or byte by byte, the
/// stream gives the same events.
struct DayOneStream {
  /// What the stream found.
  enum Event: Equatable {
    /// One element of `entries`, and the line where it starts.
    case element(bytes: [UInt8], line: Int)
    /// An element longer than `maxElement` bytes (skipped to its end, never held).
    case elementTooLong(line: Int)
    /// The document cannot be read (further); no event follows.
    case failed(reason: String, line: Int)
  }

  private enum State {
    case start, keyOrEnd(first: Bool), key, colon, value, afterValue
    case elementOrEnd(first: Bool), element, afterElement
    case skipping, done, failed
  }

  /// The shape of the value being followed.
  private enum Shape { case container, string, scalar }

  let maxElement: Int
  private var state = State.start
  private(set) var line = 1
  /// Bytes read before the first one that is not white space (a byte-order mark may come
  /// first).
  private var leading = 0
  private var key: [UInt8] = []
  private var keyEscaped = false
  /// Whether the key just read names the `entries` array.
  private var entriesKey = false
  /// Whether an `entries` array was met.
  private(set) var sawEntries = false
  // The element (or skipped value) being followed.
  private var shape = Shape.container
  private var depth = 0
  private var inString = false
  private var escaped = false
  private var elementLine = 1
  private var element: [UInt8] = []
  private var elementTooLong = false

  init(maxElement: Int) {
    self.maxElement = maxElement
  }

  /// Reads `chunk`, handing on every element it completes.
  mutating func feed(_ chunk: UnsafeBufferPointer<UInt8>, _ handle: (Event) throws -> Void) rethrows {
    var index = 0
    while index < chunk.count {
      switch state {
      case .failed: return
      case .element, .skipping:
        index = try follow(chunk, from: index, handle)
      default:
        let byte = chunk[index]
        index += 1
        if byte == 10 { line += 1 }
        try step(byte, handle)
      }
    }
  }

  /// The end of the document: reports what is missing, if anything.
  mutating func finish(_ handle: (Event) throws -> Void) rethrows {
    switch state {
    case .failed: break
    case .done:
      if !sawEntries { try fail("not a Day One export (no \"entries\" list)", line: 1, handle) }
    case .start:
      try fail("not a Day One export (no JSON object)", line: 1, handle)
    case .element where shape != .scalar:
      try fail("not valid JSON: the document ends inside an entry", line: elementLine, handle)
    default:
      try fail("not valid JSON: the document ends early", line: line, handle)
    }
  }

  private static func isSpace(_ byte: UInt8) -> Bool { byte == 32 || byte == 10 || byte == 13 || byte == 9 }

  private mutating func fail(_ reason: String, line: Int, _ handle: (Event) throws -> Void) rethrows {
    state = .failed
    element = []
    try handle(.failed(reason: reason, line: line))
  }

  /// One byte between values.
  private mutating func step(_ byte: UInt8, _ handle: (Event) throws -> Void) rethrows {
    let space = DayOneStream.isSpace(byte)
    switch state {
    case .start:
      leading += 1
      if space || (leading <= 3 && [0xEF, 0xBB, 0xBF][leading - 1] == byte) { return }
      guard byte == UInt8(ascii: "{") else {
        return try fail("not a Day One export (the document is not a JSON object)", line: line, handle)
      }
      state = .keyOrEnd(first: true)
    case .keyOrEnd(let first):
      if space { return }
      if byte == UInt8(ascii: "}") && first {
        state = .done
        return
      }
      guard byte == UInt8(ascii: "\"") else { return try fail("not valid JSON: a key expected", line: line, handle) }
      key = []
      keyEscaped = false
      state = .key
    case .key:
      if keyEscaped {
        keyEscaped = false
      } else if byte == UInt8(ascii: "\\") {
        keyEscaped = true
      } else if byte == UInt8(ascii: "\"") {
        entriesKey = key == DayOneStream.entriesName
        state = .colon
        return
      } else if byte < 0x20 {
        return try fail("not valid JSON: a control character in a key", line: line, handle)
      }
      if key.count <= DayOneStream.entriesName.count { key.append(byte) }
    case .colon:
      if space { return }
      guard byte == UInt8(ascii: ":") else { return try fail("not valid JSON: \":\" expected after a key", line: line, handle) }
      state = .value
    case .value:
      if space { return }
      if entriesKey && byte == UInt8(ascii: "[") {
        sawEntries = true
        state = .elementOrEnd(first: true)
      } else {
        begin(byte)
        state = .skipping
      }
    case .afterValue:
      if space { return }
      if byte == UInt8(ascii: ",") {
        state = .keyOrEnd(first: false)
      } else if byte == UInt8(ascii: "}") {
        state = .done
      } else {
        try fail("not valid JSON: \",\" or \"}\" expected", line: line, handle)
      }
    case .elementOrEnd(let first):
      if space { return }
      if byte == UInt8(ascii: "]") && first {
        state = .afterValue
        return
      }
      if byte == UInt8(ascii: "]") || byte == UInt8(ascii: ",") {
        return try fail("not valid JSON: an entry expected in the \"entries\" list", line: line, handle)
      }
      elementLine = line
      element = []
      elementTooLong = false
      begin(byte)
      element.append(byte)
      state = .element
    case .afterElement:
      if space { return }
      if byte == UInt8(ascii: ",") {
        state = .elementOrEnd(first: false)
      } else if byte == UInt8(ascii: "]") {
        state = .afterValue
      } else {
        try fail("not valid JSON: \",\" or \"]\" expected in the \"entries\" list", line: line, handle)
      }
    case .done:
      if !space { try fail("not valid JSON: text after the document", line: line, handle) }
    case .element, .skipping, .failed: break
    }
  }

  private static let entriesName = Array("entries".utf8)

  /// Starts following a value whose first byte (already read) is `byte`.
  private mutating func begin(_ byte: UInt8) {
    depth = 0
    inString = false
    escaped = false
    switch byte {
    case UInt8(ascii: "{"), UInt8(ascii: "["):
      shape = .container
      depth = 1
    case UInt8(ascii: "\""):
      shape = .string
      inString = true
    default: shape = .scalar
    }
  }

  /// Follows the current element or skipped value through `chunk` from `start` (a tight loop
  /// over its bytes, copied as one run) and returns where it stopped: after its last byte, or
  /// for a number or literal before the byte that ends it.
  private mutating func follow(
    _ chunk: UnsafeBufferPointer<UInt8>, from start: Int, _ handle: (Event) throws -> Void
  ) rethrows -> Int {
    var index = start
    var ended = false
    while index < chunk.count {
      let byte = chunk[index]
      if shape == .scalar {
        if byte == UInt8(ascii: ",") || byte == UInt8(ascii: "]") || byte == UInt8(ascii: "}") || DayOneStream.isSpace(byte) {
          ended = true
          break
        }
        index += 1
        continue
      }
      index += 1
      if byte == 10 { line += 1 }
      if inString {
        if escaped {
          escaped = false
        } else if byte == UInt8(ascii: "\\") {
          escaped = true
        } else if byte == UInt8(ascii: "\"") {
          inString = false
          if shape == .string {
            ended = true
            break
          }
        }
      } else if byte == UInt8(ascii: "\"") {
        inString = true
      } else if byte == UInt8(ascii: "{") || byte == UInt8(ascii: "[") {
        depth += 1
      } else if byte == UInt8(ascii: "}") || byte == UInt8(ascii: "]") {
        depth -= 1
        if depth == 0 {
          ended = true
          break
        }
      }
    }
    if case .element = state, !elementTooLong {
      if element.count + (index - start) > maxElement {
        elementTooLong = true
        element = []
      } else {
        element.append(contentsOf: UnsafeBufferPointer(rebasing: chunk[start..<index]))
      }
    }
    guard ended else { return index }
    if case .element = state {
      state = .afterElement
      if elementTooLong {
        try handle(.elementTooLong(line: elementLine))
      } else {
        let bytes = element
        element = []
        try handle(.element(bytes: bytes, line: elementLine))
      }
    } else {
      state = .afterValue
    }
    return index
  }
}
