#!/usr/bin/env bash
# Build every document of the real-document corpus (tests/corpus/) and run every
# validator on every output; a table per document. The test suite runs a fixed sample
# (tests/conformance/test_corpus.py). Extra arguments go to the runner (--help).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
exec .venv/bin/python -m tests.corpus_runner "$@"
