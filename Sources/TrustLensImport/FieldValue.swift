import Foundation
import TrustLensCore

/// One field of an input record, as the format gave it: a JSON value of any shape (a CSV
/// cell is a string). Objects keep their members in order, unhashed: the objects read have a
/// handful of keys, and building a dictionary for each was most of the time.
enum FieldValue: Sendable {
  case string(String)
  case number(Double)
  case bool(Bool)
  case null
  case array([FieldValue])
  case object([(key: String, value: FieldValue)])

  /// A value as Foundation's JSON parser gives it; an object's members in key order
  /// (Foundation keeps none).
  init(json value: Any) {
    switch value {
    case let s as String: self = .string(s)
    case let n as NSNumber:
      // NSNumber bridges booleans too; JSON booleans have Objective-C type "c" (and are not
      // numbers here, as in the fast parser's reading).
      self = n.objCType.pointee == CChar(UInt8(ascii: "c")) ? .bool(n.boolValue) : .number(n.doubleValue)
    case let array as [Any]: self = .array(array.map(FieldValue.init(json:)))
    case let object as [String: Any]: self = .object(FieldValue.members(of: object))
    default: self = .null
    }
  }

  /// A Foundation JSON object's members as values, in key order.
  static func members(of object: [String: Any]) -> [(key: String, value: FieldValue)] {
    object.keys.sorted().map { ($0, FieldValue(json: object[$0]!)) }
  }

  /// The field read as text: strings as they are, numbers and booleans spelled out.
  var text: String? {
    switch self {
    case .string(let s): return s
    case .number(let n): return n == n.rounded() && abs(n) < 1e15 ? String(Int(n)) : String(n)
    case .bool(let b): return b ? "true" : "false"
    case .null, .array, .object: return nil
    }
  }

  var isNull: Bool {
    if case .null = self { return true }
    return false
  }

  var isBlank: Bool {
    switch self {
    case .null: return true
    case .string(let s): return s.isAllWhitespace
    default: return false
    }
  }

  /// An object's member (the last of duplicate keys, as with Foundation); `nil` for a
  /// missing key or a value that is not an object.
  subscript(key: String) -> FieldValue? {
    guard case .object(let members) = self else { return nil }
    for member in members.reversed() where member.key == key { return member.value }
    return nil
  }

  var string: String? {
    if case .string(let text) = self { return text }
    return nil
  }

  var number: Double? {
    if case .number(let number) = self { return number }
    return nil
  }

  /// A number as an integer, cut toward zero like `NSNumber.intValue`; `nil` beyond ±9.2e18
  /// (what an Int holds).
  var integer: Int? {
    guard let number, number.isFinite, abs(number) < 9.2e18 else { return nil }
    return Int(number)
  }
}
