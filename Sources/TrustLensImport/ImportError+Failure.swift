public import TrustLensCore

extension ImportError: TrustLensFailure {}
