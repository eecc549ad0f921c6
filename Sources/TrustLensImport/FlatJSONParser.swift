/// A fast parser for the one-object-per-line JSON of journal exports and analysed shards:
/// any JSON document nested at most ``maximumDepth`` levels, as a ``FieldValue``.
///
/// Returns `nil` for anything else — numbers outside JSON's grammar or a Double's range,
/// invalid UTF-8, malformed input, deeper nesting — so the caller falls back to Foundation's
/// parser, which then decides (and words any error). Keys keep their case and their order;
/// duplicate keys are all kept (``FieldValue/subscript(key:)`` takes the last, as Foundation
/// does).
struct FlatJSONParser {
  private let bytes: UnsafeBufferPointer<UInt8>
  private var index = 0

  static let maximumDepth = 64

  static func parse(_ line: [UInt8]) -> FieldValue? {
    line.withUnsafeBufferPointer { pointer in
      var parser = FlatJSONParser(bytes: pointer)
      guard let value = parser.value(depth: 0) else { return nil }
      parser.skipSpace()
      return parser.index == pointer.count ? value : nil
    }
  }

  private mutating func value(depth: Int) -> FieldValue? {
    skipSpace()
    guard index < bytes.count, depth < FlatJSONParser.maximumDepth else { return nil }
    switch bytes[index] {
    case UInt8(ascii: "{"):
      index += 1
      var members: [(key: String, value: FieldValue)] = []
      if consume(UInt8(ascii: "}")) { return .object(members) }
      while true {
        skipSpace()
        guard let key = string(), consume(UInt8(ascii: ":")), let value = value(depth: depth + 1) else { return nil }
        members.append((key, value))
        if consume(UInt8(ascii: ",")) { continue }
        return consume(UInt8(ascii: "}")) ? .object(members) : nil
      }
    case UInt8(ascii: "["):
      index += 1
      var items: [FieldValue] = []
      if consume(UInt8(ascii: "]")) { return .array(items) }
      while true {
        guard let item = value(depth: depth + 1) else { return nil }
        items.append(item)
        if consume(UInt8(ascii: ",")) { continue }
        return consume(UInt8(ascii: "]")) ? .array(items) : nil
      }
    case UInt8(ascii: "\""): return string().map(FieldValue.string)
    case UInt8(ascii: "t"): return literal("true") ? .bool(true) : nil
    case UInt8(ascii: "f"): return literal("false") ? .bool(false) : nil
    case UInt8(ascii: "n"): return literal("null") ? .null : nil
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return number()
    default: return nil
    }
  }

  private init(bytes: UnsafeBufferPointer<UInt8>) {
    self.bytes = bytes
  }

  private mutating func skipSpace() {
    while index < bytes.count, bytes[index] == 32 || bytes[index] == 9 || bytes[index] == 13 || bytes[index] == 10 {
      index += 1
    }
  }

  private mutating func consume(_ byte: UInt8) -> Bool {
    skipSpace()
    guard index < bytes.count, bytes[index] == byte else { return false }
    index += 1
    return true
  }

  private mutating func literal(_ word: StaticString) -> Bool {
    let count = word.utf8CodeUnitCount
    guard index + count <= bytes.count else { return false }
    for offset in 0..<count where bytes[index + offset] != word.utf8Start[offset] { return false }
    index += count
    return true
  }

  /// A number in JSON's grammar (`-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`)
  /// that fits a Double; anything else is `nil` (Foundation's parser then decides).
  private mutating func number() -> FieldValue? {
    let start = index
    func digits() -> Int {
      let first = index
      while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") { index += 1 }
      return index - first
    }
    if index < bytes.count, bytes[index] == UInt8(ascii: "-") { index += 1 }
    let leadingZero = index < bytes.count && bytes[index] == UInt8(ascii: "0")
    let integerDigits = digits()
    guard integerDigits > 0, !(leadingZero && integerDigits > 1) else { return nil }
    if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
      index += 1
      guard digits() > 0 else { return nil }
    }
    if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
      index += 1
      if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
      guard digits() > 0 else { return nil }
    }
    let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
    guard let number = Double(text), number.isFinite else { return nil }
    return .number(number)
  }

  /// A string starting at the current `"`; `nil` if malformed or not valid UTF-8.
  private mutating func string() -> String? {
    guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { return nil }
    index += 1
    let start = index
    // Fast path: no escapes. ASCII needs no validation (and skips its generic entry point).
    var ascii = true
    while index < bytes.count {
      let byte = bytes[index]
      if byte == UInt8(ascii: "\"") {
        let slice = UnsafeBufferPointer(rebasing: bytes[start..<index])
        index += 1
        return ascii ? String(decoding: slice, as: UTF8.self) : String(validating: slice, as: UTF8.self)
      }
      if byte == UInt8(ascii: "\\") { break }
      if byte < 0x20 { return nil }
      if byte >= 0x80 { ascii = false }
      index += 1
    }
    var scalars: [UInt8] = Array(UnsafeBufferPointer(rebasing: bytes[start..<index]))
    while index < bytes.count {
      let byte = bytes[index]
      index += 1
      switch byte {
      case UInt8(ascii: "\""): return String(validating: scalars, as: UTF8.self)
      case UInt8(ascii: "\\"):
        guard index < bytes.count else { return nil }
        let escape = bytes[index]
        index += 1
        switch escape {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scalars.append(escape)
        case UInt8(ascii: "b"): scalars.append(8)
        case UInt8(ascii: "f"): scalars.append(12)
        case UInt8(ascii: "n"): scalars.append(10)
        case UInt8(ascii: "r"): scalars.append(13)
        case UInt8(ascii: "t"): scalars.append(9)
        case UInt8(ascii: "u"):
          guard var code = hex4() else { return nil }
          if (0xD800...0xDBFF).contains(code) {
            guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
              return nil
            }
            index += 2
            guard let low = hex4(), (0xDC00...0xDFFF).contains(low) else { return nil }
            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
          }
          guard let scalar = Unicode.Scalar(code) else { return nil }
          scalars.append(contentsOf: Array(String(scalar).utf8))
        default: return nil
        }
      default:
        if byte < 0x20 { return nil }
        scalars.append(byte)
      }
    }
    return nil
  }

  private mutating func hex4() -> UInt32? {
    guard index + 4 <= bytes.count else { return nil }
    var value: UInt32 = 0
    for _ in 0..<4 {
      let byte = bytes[index]
      index += 1
      let digit: UInt8
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - 48
      case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - 87
      case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - 55
      default: return nil
      }
      value = value << 4 | UInt32(digit)
    }
    return value
  }
}
