/// A fast parser for the one-object-per-line JSON that journal exports write: an object whose
/// values are strings, numbers, booleans, null or arrays of those.
///
/// Returns `nil` for anything else — nested objects, malformed input — so the caller falls
/// back to Foundation's parser, which then decides (and words any error). Keys keep their
/// case; the last of duplicate keys wins, as with Foundation.
struct FlatJSONParser {
  private let bytes: UnsafeBufferPointer<UInt8>
  private var index = 0

  static func parse(_ line: [UInt8]) -> [String: FieldValue]? {
    line.withUnsafeBufferPointer { pointer in
      var parser = FlatJSONParser(bytes: pointer)
      return parser.object()
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

  private mutating func object() -> [String: FieldValue]? {
    guard consume(UInt8(ascii: "{")) else { return nil }
    var result: [String: FieldValue] = [:]
    if consume(UInt8(ascii: "}")) { return finish(result) }
    while true {
      skipSpace()
      guard let key = string(), consume(UInt8(ascii: ":")), let value = value(allowArray: true) else { return nil }
      result[key] = value
      if consume(UInt8(ascii: ",")) { continue }
      guard consume(UInt8(ascii: "}")) else { return nil }
      return finish(result)
    }
  }

  private mutating func finish(_ result: [String: FieldValue]) -> [String: FieldValue]? {
    skipSpace()
    return index == bytes.count ? result : nil
  }

  private mutating func value(allowArray: Bool) -> FieldValue? {
    skipSpace()
    guard index < bytes.count else { return nil }
    switch bytes[index] {
    case UInt8(ascii: "\""): return string().map(FieldValue.string)
    case UInt8(ascii: "t"): return literal("true") ? .bool(true) : nil
    case UInt8(ascii: "f"): return literal("false") ? .bool(false) : nil
    case UInt8(ascii: "n"): return literal("null") ? .null : nil
    case UInt8(ascii: "["):
      guard allowArray else { return nil }
      index += 1
      var items: [FieldValue] = []
      if consume(UInt8(ascii: "]")) { return .array(items) }
      while true {
        guard let item = value(allowArray: false) else { return nil }
        items.append(item)
        if consume(UInt8(ascii: ",")) { continue }
        return consume(UInt8(ascii: "]")) ? .array(items) : nil
      }
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return number()
    default: return nil
    }
  }

  private mutating func literal(_ word: StaticString) -> Bool {
    let count = word.utf8CodeUnitCount
    guard index + count <= bytes.count else { return false }
    for offset in 0..<count where bytes[index + offset] != word.utf8Start[offset] { return false }
    index += count
    return true
  }

  private mutating func number() -> FieldValue? {
    let start = index
    while index < bytes.count {
      switch bytes[index] {
      case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."),
        UInt8(ascii: "e"), UInt8(ascii: "E"):
        index += 1
      default:
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        return Double(text).map(FieldValue.number)
      }
    }
    return Double(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)).map(FieldValue.number)
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
