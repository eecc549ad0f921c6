/// The status of a subject's repair: exactly one, per the contract.
package enum RepairStatus: String, Sendable, CaseIterable, Codable {
  case progress, setback, rushing, avoidance, plateau
  case insufficientData = "insufficient-data"
}
