"""Text utilities shared by the renderers and the readability check: sentences,
syllables, and a spelling-blind form of text for finding one text in another."""
