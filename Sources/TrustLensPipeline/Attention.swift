import TrustLensCore
import TrustLensTrends
package import TrustLensExport

/// Orders subjects by how much they need attention: rushing, setback and avoidance first,
/// then by the strongest concern signal, then by subject id.
package enum Attention {
  static func rank(_ status: RepairStatus) -> Int {
    switch status {
    case .rushing: return 0
    case .setback: return 1
    case .avoidance: return 2
    case .plateau: return 3
    case .insufficientData: return 4
    case .progress: return 5
    }
  }

  package static func order(_ subjects: [SubjectReport]) -> [SubjectReport] {
    subjects.sorted { lhs, rhs in
      let l = rank(lhs.assessment.status), r = rank(rhs.assessment.status)
      if l != r { return l < r }
      let ls = concern(lhs), rs = concern(rhs)
      if ls != rs { return ls > rs }
      return lhs.assessment.subject < rhs.assessment.subject
    }
  }

  private static func concern(_ subject: SubjectReport) -> Double {
    subject.assessment.concern
  }
}
