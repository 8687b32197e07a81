"""Tandem protocol v1 conformance suite (docs/protocol.md section 14)."""
