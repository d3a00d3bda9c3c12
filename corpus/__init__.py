"""The corpus: seed text dumps, and ``corpus.render``, which typesets canonical documents back to PDF."""
