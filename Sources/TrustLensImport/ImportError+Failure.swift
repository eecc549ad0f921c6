import TrustLensCore

extension ImportError: TrustLensFailure {}
